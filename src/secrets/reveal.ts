import type { Finding } from '../model/index.js';
import type { SecretMatch } from './types.js';

/**
 * The full secret behind a secret finding, or undefined. It lives in a non-enumerable property, so
 * JSON, SARIF and every other serialisation leave it out; only the table format on a terminal, when
 * the user asks with --no-redact, should call this.
 */
export function revealSecret(finding: Finding): string | undefined {
  const props = finding.properties as { secret?: unknown } | undefined;
  const v = props ? Object.getOwnPropertyDescriptor(props, 'secret')?.value : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The machine-readable facts of a match, with the secret attached but hidden from serialisation. */
export function secretProperties(m: SecretMatch): Record<string, unknown> {
  const props: Record<string, unknown> = { secretType: m.detector, redacted: m.redacted, length: m.length, entropy: m.entropy };
  if (m.checksumValid) props.checksumValid = true;
  if (m.context) props.context = m.context;
  Object.defineProperty(props, 'secret', { value: m.secret, enumerable: false });
  return props;
}
