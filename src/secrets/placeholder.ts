const PLACEHOLDER_WORDS = [
  'example', 'changeme', 'change_me', 'change-me', 'dummy', 'placeholder', 'redacted', 'your_', 'your-', 'yourtoken',
  'yourpassword', 'yoursecret', 'insert_', 'insert-', 'replace_me', 'replaceme', 'replace-me', 'fixme', 'todo', 'sample',
  'notreal', 'not_real', 'not-real', 'fake', 'mock', 'lorem', 'foobar', 'mypass', 'mysecret', 'mytoken', 'xxxx', '****', '••••', '....',
];

/** True for values that stand for a secret rather than being one. */
export function isPlaceholder(value: string, stopwords: readonly string[] = []): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (lower.includes(w)) return true;
  for (const w of stopwords) if (w && lower.includes(w.toLowerCase())) return true;
  // Template and variable references: ${VAR}, $VAR, {{ .Values.x }}, <token>, %(x)s, #{x}, [[x]]
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}|<[A-Za-z_][\w\- ]*>|%\([\w.]+\)s|#\{[^}]*\}|\[\[[^\]]*\]\]|%[A-Z_]+%/.test(v)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return true;
  // One character repeated, or a run of one character making up most of the value.
  if (/^(.)\1+$/.test(v)) return true;
  if (/(.)\1{5,}/.test(v) && longestRun(v) * 2 >= v.length) return true;
  if (isSequence(lower)) return true;
  return false;
}

function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', '1234567890', 'qwertyuiop'];

function isSequence(lower: string): boolean {
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  if (alnum.length < 6) return false;
  for (const seq of SEQUENCES) {
    if (seq.includes(alnum.slice(0, 6)) && (seq + seq + seq).includes(alnum)) return true;
  }
  return false;
}
