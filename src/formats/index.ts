import { cyclonedxFormat } from './cyclonedx.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { sarifFormat } from './sarif.js';
import { spdxFormat } from './spdx.js';
import { tableFormat } from './table.js';
import type { Format } from './types.js';

export type { Format, FormatOptions } from './types.js';

/** Every output format. Nothing else switches on format names. */
export const formats: readonly Format[] = [tableFormat, jsonFormat, sarifFormat, junitFormat, cyclonedxFormat, spdxFormat];

export function findFormat(name: string): Format | undefined {
  const n = name.toLowerCase();
  return formats.find((f) => f.id === n || f.aliases.includes(n));
}
