import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { validateConfig, validateIgnore } from './validators.generated.js';
import yaml from 'js-yaml';
import type { IgnoreEntry } from '../engine/suppress.js';
import type { DrydockConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['drydock.yaml', 'drydock.yml', '.drydock.yaml', '.drydock.yml'];
export const IGNORE_FILE_NAMES = ['.drydockignore.yaml', '.drydockignore.yml'];
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A configuration or ignore file that cannot be used: a usage error, not a finding. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An ajv validator: true when the value is valid, else false with `errors` set. */
interface Validator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The schemas' validators are compiled ahead of time (scripts/generate-validators.ts): compiling
 * the schemas with ajv at run time took longer than the rest of a small scan's start-up.
 */
const validators = { config: validateConfig as Validator, ignore: validateIgnore as Validator };

function readYaml(file: string): unknown {
  let text: string;
  try {
    const buf = readFileSync(file);
    if (buf.length > MAX_CONFIG_BYTES) throw new ConfigError(`${file}: larger than 1 MiB`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${file}: cannot read: ${(err as Error).message}`);
  }
  try {
    // The core schema keeps dates such as `expires: 2027-01-31` as strings.
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) ?? {};
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`);
  }
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(top)'} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`)
    .join('; ');
}

/** The first config file found in `dirs`, or an explicit path. */
export function findFile(names: readonly string[], dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const name of names) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

export function loadConfig(file: string): DrydockConfig {
  const value = readYaml(file);
  if (!validators.config(value)) throw new ConfigError(`${file}: ${describeErrors(validators.config.errors)}`);
  return value as DrydockConfig;
}

export function loadIgnoreFile(file: string): IgnoreEntry[] {
  const value = readYaml(file);
  if (!validators.ignore(value)) throw new ConfigError(`${file}: ${describeErrors(validators.ignore.errors)}`);
  const list = (Array.isArray(value) ? value : (value as { ignores: unknown[] }).ignores) as IgnoreEntry[];
  // Report where each entry was written, so an expired one can be found.
  const text = readFileSync(file, 'utf8').split('\n');
  let cursor = 0;
  return list.map((entry) => {
    const key = entry.id ?? entry.fingerprint ?? '';
    let line = cursor;
    for (let i = cursor; i < text.length; i++) {
      if (text[i]!.includes(key)) {
        line = i;
        break;
      }
    }
    cursor = line + 1;
    return { ...entry, expires: entry.expires !== undefined ? String(entry.expires) : undefined, source: `${path.basename(file)}:${line + 1}` } as IgnoreEntry;
  });
}
