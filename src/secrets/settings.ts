import { DEFAULT_SECRETS_SETTINGS, type SecretsSettings } from './types.js';

/**
 * Reads the `secrets` section of drydock.yaml (already parsed), keeping defaults for what is
 * missing or of the wrong type:
 *
 * ```yaml
 * secrets:
 *   maxFileSize: 8388608        # bytes of one file scanned; the rest is skipped with a note
 *   generic: true               # report generic `password = "…"` assignments
 *   disabled: [generic-token]   # detector slugs (the rule slugs) turned off
 *   allowlist:
 *     paths: ["test/fixtures/**"]      # globs never scanned
 *     regexes: ["^AKIA[A-Z0-9]{12}TEST$"]   # secrets matching one are not reported
 *     stopwords: ["sandbox"]            # secrets containing one are not reported
 * ```
 */
export function settingsFrom(raw: unknown): SecretsSettings {
  const r = isRecord(raw) ? raw : {};
  const allow = isRecord(r.allowlist) ? r.allowlist : {};
  return {
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SECRETS_SETTINGS.maxFileSize,
    generic: typeof r.generic === 'boolean' ? r.generic : DEFAULT_SECRETS_SETTINGS.generic,
    disabled: strings(r.disabled),
    allowlist: { paths: strings(allow.paths), regexes: strings(allow.regexes), stopwords: strings(allow.stopwords) },
  };
}

/** JSON schema of the `secrets` section, for the configuration schema. */
export const SECRETS_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxFileSize: { type: 'integer', minimum: 1, default: DEFAULT_SECRETS_SETTINGS.maxFileSize, description: 'Bytes of one file scanned for secrets; the rest is skipped with a note.' },
    generic: { type: 'boolean', default: true, description: 'Report generic password/secret/token/api_key assignments.' },
    disabled: { type: 'array', items: { type: 'string' }, description: 'Detector slugs (rule slugs) turned off.' },
    allowlist: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: { type: 'array', items: { type: 'string' }, description: 'Globs of paths never scanned for secrets.' },
        regexes: { type: 'array', items: { type: 'string', format: 'regex' }, description: 'A secret matching one of these is not reported.' },
        stopwords: { type: 'array', items: { type: 'string' }, description: 'A secret containing one of these words is not reported.' },
      },
    },
  },
} as const;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
