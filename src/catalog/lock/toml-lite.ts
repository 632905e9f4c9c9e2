/**
 * Just enough TOML for lockfiles (Cargo.lock, poetry.lock): the `[[package]]` array of tables with
 * their top-level `key = "string"` pairs; sub-tables and multi-line values are skipped.
 */
export function packageTables(src: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | undefined;
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      if (line === '[[package]]') out.push((cur = {}));
      else cur = undefined;
      continue;
    }
    if (!cur) continue;
    const m = /^([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(line);
    if (m) cur[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  }
  return out;
}
