/**
 * Values the command definitions show in their help and use as defaults. They are copies, so
 * that defining the commands loads none of the modules that own them (start-up of every command);
 * `defaults.test.ts` checks each against its source.
 */

/** Report formats, in the order of `formats` in src/formats/index.ts. */
export const REPORT_FORMAT_IDS = ['table', 'json', 'sarif', 'junit', 'cyclonedx', 'spdx'] as const;

/** `scan --scanners` default: DEFAULT_SCANNERS in src/scan.ts. */
export const DEFAULT_SCANNER_LIST = ['misconfig', 'secret'] as const;

/** `db update --base-url` default: DEFAULT_BASE_URL in src/vuln/db/update.ts. */
export const DB_DEFAULT_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** `db update --ecosystems` default: DEFAULT_ECOSYSTEMS in src/vuln/db/update.ts. */
export const DB_DEFAULT_ECOSYSTEMS = [
  'AlmaLinux',
  'Alpine',
  'Debian',
  'Go',
  'Maven',
  'NuGet',
  'Packagist',
  'PyPI',
  'Rocky Linux',
  'RubyGems',
  'Ubuntu',
  'crates.io',
  'npm',
];
