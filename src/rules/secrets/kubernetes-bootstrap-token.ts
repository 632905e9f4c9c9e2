import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-177',
    slug: 'kubernetes-bootstrap-token',
    title: "Exposed Kubernetes bootstrap token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Kubernetes bootstrap token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Kubernetes bootstrap token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["kubeadm_bootstrap_token: f7jf62.pbejtzgli4wk62pl\n"],
      good: ["kubeadm_bootstrap_token: \"{{ vault_bootstrap_token }}\"\n"],
    },
  },
  check: reportDetector('kubernetes-bootstrap-token', "Kubernetes bootstrap token"),
});
