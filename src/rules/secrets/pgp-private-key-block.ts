import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-174',
    slug: 'pgp-private-key-block',
    title: "Exposed PGP private key block",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PGP private key block in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the PGP private key block at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-key'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n9JmFfxDRYmsFpMdw9YQgNR5IilV0Zl68PzMLeKOXf9LjqtisFM6O8hJ+1aYCL+Ib\nYyV/5qeBsBziZjHMu4T/VFCatwuYwJf7KVUtcDTfHVuGcp3fgG9+NaaWfpYUdfCF\ncXbcvE6QbaqmLbHjrWELm6okG5URqLUQrO/xcQFq89g1rSmSNMf5AAXqikJPry3Z\nC9qSQyxYQWtciYkxWjfUAje5O/yAj/AbrPzLS7+B+J4dGNqyw6wPde00sSH5SuGP\n4U3oaU9f/Eekr4thuwjV3EsCQAqtp7eszac5gE8sH1c+VAXsDAJ/HQ5qHFfpdRVm\n1kNauHnTHBnug5lVL6WtLGwofdmGeTY9k3UMRY3gfxLhb1v3B/Nik+NT4SR9BYzq\nMWUJwLLBYVwkfWSdhWW6BDvpZuI7CG/ZIXyI955cPa0nfgiDlTGdMfwBGvSde0Zi\ntuuApbuTrM8mfa1PF8qLAfFKtZlyTSiFDWhITil5BIXoGPSz+37HiHWsTKPQzBvY\nYC8cCDIiRGuGf+ccj8kFOcLSd8fybveVbTGi+aKRCMKbvVBYNgRc6o/68gKD6BZt\nDtNRSltmQ42AwEOkPp92m1c2qnrYQgFwYxkQ1u4GYzvnT2EKUKb1NEqqCAR9Pokx\nK5AiOpGhQwSbxiwttPvCzrGoz+Ov1/WDBBp8eDqOixQ3DSr28kYJI/E6Gqnp65c2\nyHaNdJuq+jlF1W1YVW86zHwazOHyeDuthaTJeLCvknEj0QYX8YTyUpDxvtdlFNDY\npStOTrUfQ1a36/MDSzC8qibhWBhy9G2w\n=G18p\n-----END PGP PRIVATE KEY BLOCK-----\n"],
      good: ["-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGS\n-----END PGP PUBLIC KEY BLOCK-----\n"],
    },
  },
  check: reportDetector('pgp-private-key-block', "PGP private key block"),
});
