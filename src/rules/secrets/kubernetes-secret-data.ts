import type { SecretsDocument } from '../../secrets/document.js';
import { KUBERNETES_SECRET_DATA } from '../../secrets/kubernetes.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-194',
    slug: 'kubernetes-secret-data',
    title: 'Kubernetes Secret with its values committed',
    severity: 'high',
    appliesTo: ['secrets'],
    description:
      'A Secret manifest with data or stringData values stores credentials in the repository in plain or base64 text, readable by everyone with access to it and its history.',
    remediation:
      'Keep Secret values out of the repository: create them from a secret store (External Secrets, Vault, a CSI driver) or commit them encrypted (Sealed Secrets, SOPS), and rotate the committed values.',
    aliases: [],
    practice: 'P8',
    references: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: UzNjcjN0LVByMGQtUGFzc3cwcmQ=
`,
      ],
      good: [
        `apiVersion: v1
kind: Secret
metadata:
  name: db
  annotations:
    kubernetes.io/service-account.name: build
type: kubernetes.io/service-account-token
`,
      ],
    },
  },
  check: reportDetector(KUBERNETES_SECRET_DATA, 'Kubernetes Secret value'),
});
