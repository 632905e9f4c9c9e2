import { defaultCacheDir } from '../../vuln/db/paths.js';
import { NoVulnerabilityDatabaseError, VulnDatabase, type DbStatus } from '../../vuln/db/store.js';
import { importDatabase, updateDatabase, type UpdateResult } from '../../vuln/db/update.js';
import { UsageError, type CliIO } from '../io.js';

function age(seconds: number): string {
  if (seconds < 0) return 'unknown';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

function summary(io: CliIO, verb: string, r: UpdateResult): void {
  const s = r.stats;
  io.stdout(`${verb} ${s.records} advisories into ${r.path}` + ` (${s.skipped} malformed skipped, ${s.withdrawn} withdrawn, ${s.duplicates} duplicates)\n`);
  for (const p of s.problems.slice(0, 5)) io.stderr(`drydock: skipped: ${p}\n`);
  if (s.skipped > 5) io.stderr(`drydock: … and ${s.skipped - 5} more skipped records\n`);
}

export function renderStatus(st: DbStatus): string {
  const lines = [
    `database:   ${st.path}`,
    `built:      ${st.builtAt} (${age(st.ageSeconds)} ago)`,
    `advisories: ${st.advisories}`,
    `affected:   ${st.affected} package entries`,
    'sources:',
  ];
  for (const s of st.sources) {
    lines.push(`  ${s.name.padEnd(12)} ${String(s.records).padStart(8)} records  ${s.skipped} skipped  fetched ${s.fetchedAt}  ${s.origin}${s.sha256 ? `  sha256:${s.sha256.slice(0, 16)}…` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const cacheDir = (io: CliIO, flag: string | undefined) => flag ?? defaultCacheDir(io.env);

export async function runDbUpdate(io: CliIO, flags: { cacheDir?: string; ecosystems?: string[]; baseUrl: string }): Promise<void> {
  if (!/^https?:\/\//.test(flags.baseUrl)) throw new UsageError(`db update: --base-url must be an http(s) URL, got "${flags.baseUrl}"`);
  try {
    const r = await updateDatabase({
      cacheDir: cacheDir(io, flags.cacheDir),
      baseUrl: flags.baseUrl,
      ...(flags.ecosystems ? { ecosystems: flags.ecosystems } : {}),
      log: (line) => io.stderr(`drydock: ${line}\n`),
    });
    summary(io, 'imported', r);
  } catch (e) {
    io.stderr(`drydock: db update failed, the previous database is unchanged: ${(e as Error).message}\n`);
    io.setExitCode(1);
  }
}

export async function runDbImport(io: CliIO, path: string, flags: { cacheDir?: string }): Promise<void> {
  try {
    const r = await importDatabase({ cacheDir: cacheDir(io, flags.cacheDir), path });
    summary(io, 'imported', r);
  } catch (e) {
    io.stderr(`drydock: db import failed, the previous database is unchanged: ${(e as Error).message}\n`);
    io.setExitCode(1);
  }
}

export function runDbStatus(io: CliIO, flags: { cacheDir?: string; format: string }): void {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`db status: --format must be text or json, got "${flags.format}"`);
  const dir = cacheDir(io, flags.cacheDir);
  let handle: VulnDatabase;
  try {
    handle = VulnDatabase.open(dir);
  } catch (e) {
    if (e instanceof NoVulnerabilityDatabaseError) {
      io.stderr(`drydock: ${e.message}\n`);
      io.setExitCode(1);
      return;
    }
    throw e;
  }
  try {
    const st = handle.status();
    io.stdout(flags.format === 'json' ? `${JSON.stringify(st, null, 2)}\n` : renderStatus(st));
  } finally {
    handle.close();
  }
}
