/** Account facts from /etc/passwd, /etc/shadow and /etc/group, for the image rules. */
export interface AccountEntry {
  /** 'passwd' | 'shadow' | 'group' */
  file: 'passwd' | 'shadow' | 'group';
  name: string;
  /** uid (passwd) or gid (group); absent for shadow. */
  id?: number;
  /** shadow only: the password field is empty, so the account logs in without a password. */
  emptyPassword?: boolean;
  /** 1-based line in the file. */
  line: number;
  layer: string;
}

const MAX_LINES = 100_000;

/** Parses one of the three files; malformed lines are skipped. */
export function parseAccounts(file: AccountEntry['file'], text: string, layer: string): AccountEntry[] {
  const out: AccountEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) continue;
    const f = line.split(':');
    const name = f[0]!;
    if (!name) continue;
    if (file === 'shadow') {
      if (f.length < 2) continue;
      out.push({ file, name, emptyPassword: f[1] === '', line: i + 1, layer });
    } else {
      const id = Number(f[2]);
      if (f.length < 3 || !/^\d+$/.test(f[2]!) || !Number.isSafeInteger(id)) continue;
      out.push({ file, name, id, line: i + 1, layer });
    }
  }
  return out;
}

export const ACCOUNT_FILES: Record<string, AccountEntry['file']> = { 'etc/passwd': 'passwd', 'etc/shadow': 'shadow', 'etc/group': 'group' };
