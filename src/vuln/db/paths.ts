import { homedir } from 'node:os';
import { join } from 'node:path';

/** The drydock cache root: `--cache-dir`, else `$XDG_CACHE_HOME/drydock`, else `~/.cache/drydock`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'drydock');
  return join(homedir(), '.cache', 'drydock');
}

export function dbDir(cacheDir: string): string {
  return join(cacheDir, 'db');
}

export function dbPath(cacheDir: string): string {
  return join(dbDir(cacheDir), 'vulns.db');
}
