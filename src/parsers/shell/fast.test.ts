import { describe, expect, it } from 'vitest';
import { initShell, parseShell, parseShellFast, parseShellScript, type ShellScript } from './index.js';

await initShell();

function signature(script: ShellScript): unknown[] {
  return [...script.commands]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((c) => [c.name, c.args.map((w) => w.value), c.start, c.end, c.substituted, c.assignments, c.pipeline ? [c.pipeline.stage, c.pipeline.pipeline.size] : null]);
}

describe('fast shell reader', () => {
  const agreeing = [
    'apt-get update && apt-get install -y --no-install-recommends curl=8.5.0 "ca-certificates" && rm -rf /var/lib/apt/lists/*',
    'set -eux; arch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; wget -O /x "https://e.com/${arch}"',
    'A=1 B="two words" make -j"$(nproc)" >/dev/null 2>&1 | tee log',
    'if [ -f x ]; then rm -f x; elif true; then :; else echo no; fi && for f in a b $(ls /); do echo "$f"; done',
    'export GNUPGHOME="$(mktemp -d)"; gpg --batch --verify x.asc x; gpgconf --kill all; unset GNUPGHOME',
    'case "$arch" in amd64|x86_64) url=a ;; arm64) url=b; echo arm ;; *) echo unsupported >&2; exit 1 ;; esac; curl -fsSL "$url" | sh -s --',
    '( cd /tmp && make ) && { a; b; } ; while read l; do echo "$l"; done < file',
    '_f() { echo in-function; }; _f x; echo `id -u` $((1 + 2)) ${v:-d e} 2>>err',
    'sudo -u app env A=b /usr/bin/curl https://x | sudo bash',
  ];
  for (const script of agreeing) {
    it(`agrees with tree-sitter-bash: ${script.slice(0, 50)}`, () => {
      const fast = parseShellFast(script);
      expect(fast).toBeDefined();
      expect(signature(fast!)).toEqual(signature(parseShell(script)));
      expect(fast!.pipelines.length).toBe(parseShell(script).pipelines.length);
    });
  }

  it('leaves what it does not model to tree-sitter-bash', () => {
    for (const s of ['cat <<EOF\nx\nEOF', 'echo $(case x in a) echo;; esac)', '((i++))', 'diff <(a) <(b)', 'echo "unterminated', 'if then fi', 'while true; do a; done | b', 'select x in a; do :; done']) {
      expect(parseShellFast(s), s).toBeUndefined();
      expect(() => parseShellScript(s)).not.toThrow();
    }
  });

  it('maps offsets through the given function', () => {
    const s = parseShellFast('ls -l', (o) => o + 100)!;
    expect(s.commands[0]).toMatchObject({ start: 100, end: 105, nameWord: { start: 100, end: 102 } });
  });
});
