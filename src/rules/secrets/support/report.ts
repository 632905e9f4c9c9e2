import type { SecretsDocument } from '../../../secrets/document.js';
import { secretProperties } from '../../../secrets/reveal.js';
import type { RuleContext } from '../../types.js';

/** The check of a secret rule: report every match of its detector, redacted, at the secret. */
export function reportDetector(detector: string, what: string) {
  return (doc: SecretsDocument, ctx: RuleContext): void => {
    for (const m of doc.matchesOf(detector)) {
      const where = m.context ? ` in ${m.context}` : '';
      const commit = doc.origin?.commit ? ` (added in commit ${doc.origin.commit.sha.slice(0, 12)})` : '';
      ctx.report({
        message: `${what} ${m.redacted}${where}${commit}${m.checksumValid ? '; its checksum is valid' : ''}.`,
        at: { range: { startLine: m.startLine, startColumn: m.startColumn, endLine: m.endLine, endColumn: m.endColumn } },
        fingerprintData: m.hash,
        properties: secretProperties(m),
      });
    }
  };
}
