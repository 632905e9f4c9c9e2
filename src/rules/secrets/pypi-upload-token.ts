import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-062',
    slug: 'pypi-upload-token',
    title: "Exposed PyPI API token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PyPI API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the PyPI API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['pypi-upload-token'],
    practice: 'P8',
    references: ['https://pypi.org/help/#apitoken', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCPE1ubXBxNWtlbnBqUEp1WTNWaGxsWmVNYktqeHdsbkFHOEtaZVJFQmFRWDdBa1o2UzVBYlBibUVEdEFucwACJXsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6ICJ1c2VyIn0AAAYg-AFzGhVMCwCboRG0-8HkiHKejSRQZQS6U79Afv2w1gg\n"],
      good: ["[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n"],
    },
  },
  check: reportDetector('pypi-upload-token', "PyPI API token"),
});
