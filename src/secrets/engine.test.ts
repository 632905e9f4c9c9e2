import { describe, expect, it } from 'vitest';
import { secretsAnalyzer } from '../analyzers/secrets.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../analyzers/types.js';
import { runRules } from '../engine/run.js';
import { DEFAULT_RULE_SETTINGS } from '../rules/types.js';
import { secretRules } from '../rules/secrets/index.js';
import { base62, crc32, validBase62Crc32 } from './checksum.js';
import { DETECTORS } from './detectors/index.js';
import { SecretScanner } from './engine.js';
import { redact } from './redact.js';
import { revealSecret } from './reveal.js';

const TOKEN = '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';
const scanner = new SecretScanner();
const ids = (text: string, s = scanner) => s.scanFile('f', Buffer.from(text)).matches.map((m) => m.detector);

function findings(text: string, path = 'app.env', settings = DEFAULT_ANALYZER_SETTINGS) {
  const out = secretsAnalyzer.analyze({ path, bytes: Buffer.from(text) }, settings);
  return { out, findings: out.documents.flatMap((d) => runRules(d, secretRules, { settings: DEFAULT_RULE_SETTINGS })) };
}

describe('secret engine', () => {
  it('has at least 100 detectors with unique ids', () => {
    expect(DETECTORS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
    expect(secretRules.length).toBe(DETECTORS.length + 1);
  });

  it('validates GitHub/npm CRC-32 checksums', () => {
    expect(validBase62Crc32(TOKEN, 4)).toBe(true);
    const broken = TOKEN.slice(0, -1) + (TOKEN.endsWith('7') ? '8' : '7');
    expect(ids(`t = "${broken}"`)).not.toContain('github-personal-access-token');
    expect(base62(crc32('a'), 6)).toHaveLength(6);
  });

  it('ignores placeholders', () => {
    for (const v of ['AKIAIOSFODNN7EXAMPLE', 'password = "changeme"', 'password: ${DB_PASSWORD}', 'token: "{{ .Values.token }}"', 'api_key = "<token>"', 'password = "********"', 'secret = "xxxxxxxxxxxxxxxxxxxx"', 'password="dummy-password-1"', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']) {
      expect(ids(v), v).toEqual([]);
    }
  });

  it('ignores expressions and references in code', () => {
    for (const v of ['password = os.environ["DB_PASSWORD"]', 'const password = getPassword();', 'token = self.token', 'password := cfg.Password', 'if password == "x"', 'Password string `json:"password"`', 'password_file = "/run/secrets/db_password_file"']) {
      expect(ids(v), v).toEqual([]);
    }
  });

  it('finds generic assignments in every syntax', () => {
    const pw = 'Zq8#vLm2Rt9xWp';
    for (const v of [`password = "${pw}"`, `DB_PASSWORD=${pw}`, `password: ${pw}`, `"password": "${pw}"`, `db.password=${pw}`, `password = '${pw}'`, `$password = "${pw}";`, `  - DB_PASSWORD=${pw}`, `dbPassword := "${pw}"`]) {
      expect(ids(v), v).toEqual(['generic-password']);
    }
  });

  it('prefers the specific detector over a generic one on the same value', () => {
    expect(ids(`token = "${TOKEN}"`)).toEqual(['github-personal-access-token']);
  });

  it('redacts: prefix and length only, never the secret', () => {
    expect(redact(TOKEN)).toBe('ghp_…(40 chars)');
    expect(redact('abc')).toBe('…(3 chars)');
    const { findings: f } = findings(`GITHUB_TOKEN=${TOKEN}\n`);
    expect(f).toHaveLength(1);
    expect(JSON.stringify(f)).not.toContain(TOKEN);
    expect(f[0]!.message).toContain('ghp_…(40 chars)');
    expect(revealSecret(f[0]!)).toBe(TOKEN);
  });

  it('fingerprints survive moved lines and renamed files', () => {
    const a = findings(`GITHUB_TOKEN=${TOKEN}\n`, 'a.env').findings[0]!;
    const b = findings(`# comment\n\n\nexport GITHUB_TOKEN=${TOKEN}\n`, 'config/b.sh').findings[0]!;
    expect(b.location.startLine).toBe(4);
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('honours allowlists from drydock.yaml', () => {
    const settings = { ...DEFAULT_ANALYZER_SETTINGS, secrets: { allowlist: { paths: ['fixtures/**'], regexes: ['^ghp_gFX'], stopwords: ['sandbox'] } } };
    expect(secretsAnalyzer.claims('fixtures/a.env', settings)).toBe(false);
    expect(findings(`GITHUB_TOKEN=${TOKEN}\n`, 'a.env', settings).findings).toHaveLength(0);
    expect(findings('DB_PASSWORD=Sandbox#Pw9x2\n', 'a.env', settings).findings).toHaveLength(0);
  });

  it('inline drydock:ignore suppresses by id', () => {
    const f = findings(`GITHUB_TOKEN=${TOKEN} # drydock:ignore SEC-024 revoked test token\n`).findings;
    expect(f[0]!.suppressed).toMatchObject({ kind: 'inline', reason: 'revoked test token' });
  });

  it('skips binary, lock and minified files by content, whatever their names', () => {
    const s = new SecretScanner();
    expect(s.scanFile('a.txt', Buffer.concat([Buffer.from('x\0y'), Buffer.from(`t=${TOKEN}`)])).skipped).toBe('binary');
    expect(s.scanFile('a.txt', Buffer.from(`{\n  "name": "x",\n  "lockfileVersion": 3,\n  "t": "${TOKEN}"\n}`)).skipped).toBe('lockfile');
    expect(s.scanFile('a.txt', Buffer.from('# yarn lockfile v1\n')).skipped).toBe('lockfile');
    expect(s.scanFile('app.py', Buffer.from(`var a=1;`.repeat(2000) + TOKEN)).skipped).toBe('minified');
  });

  it('applies the size cap with a note', () => {
    const settings = { ...DEFAULT_ANALYZER_SETTINGS, secrets: { maxFileSize: 1024 } };
    const text = `GITHUB_TOKEN=${TOKEN}\n` + 'filler line\n'.repeat(200) + `LATE=${TOKEN.replace('ghp_', 'gho_')}\n`;
    const { out, findings: f } = findings(text, 'big.env', settings);
    expect(f).toHaveLength(1);
    expect(out.notes).toEqual([expect.objectContaining({ code: 'secrets-size-cap', path: 'big.env' })]);
  });

  it('survives invalid UTF-8, NUL bytes past the sniff window and CRLF', () => {
    const bad = Buffer.concat([Buffer.from('caf\xc3 \xff\xfe\n', 'latin1'), Buffer.from(`t = "${TOKEN}"\r\n`)]);
    const m = scanner.scanFile('a', bad).matches;
    expect(m.map((x) => [x.detector, x.startLine, x.startColumn])).toEqual([['github-personal-access-token', 2, 6]]);
    const late = Buffer.concat([Buffer.from('a\n'.repeat(5000)), Buffer.from([0, 0]), Buffer.from(`\nt="${TOKEN}"\n`)]);
    expect(scanner.scanFile('b', late).matches).toHaveLength(1);
  });

  it('finds secrets in a long single line (windowed search) with the right column', () => {
    const line = 'a'.repeat(200_000) + ` ${TOKEN} ` + 'b'.repeat(200_000);
    const m = scanner.scanFile('one-line', Buffer.from(line), undefined, { sniff: false }).matches;
    expect(m.map((x) => [x.detector, x.startLine, x.startColumn])).toEqual([['github-personal-access-token', 1, 200_002]]);
  });

  it('adversarial lines complete for every detector (bounded regexes)', () => {
    const s = new SecretScanner();
    for (const d of DETECTORS) {
      for (const kw of d.keywords) {
        const lines = [
          `${kw}${'a'.repeat(5000)}`,
          `${kw}${'A1-_'.repeat(2000)}`,
          `${kw}=${'\\n'.repeat(3000)}`,
          `${kw}://${':'.repeat(2000)}@${'@'.repeat(2000)}`,
          `-----BEGIN ${kw}-----\n${'QUJD\n'.repeat(3000)}`,
          `${(kw + ' = "').repeat(300)}`,
          `${kw}${'0'.repeat(3000)}.${'eyJ'.repeat(1000)}`,
        ];
        for (const l of lines) s.scanFile(d.id, Buffer.from(l), undefined, { sniff: false });
      }
    }
  });
});

describe('bad trees', () => {
  it('a deep tree and a symbolic link loop: the secret at the bottom is found, the loop is an error', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { walkFiles } = await import('../sources/filesystem.js');
    const { scanFiles } = await import('../engine/scan-files.js');
    const root = mkdtempSync(path.join(tmpdir(), 'drydock-secrets-'));
    try {
      let dir = root;
      for (let i = 0; i < 120; i++) dir = path.join(dir, `d${i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'app.env'), `GITHUB_TOKEN=${TOKEN}\n`);
      symlinkSync(root, path.join(root, 'loop'));
      const items = walkFiles(root, { skipDirNames: [], skipDirs: [], skipFiles: [], maxFileSize: 1 << 20, wants: () => true });
      const out = await scanFiles(items, { analyzers: [secretsAnalyzer], rules: secretRules, ruleSettings: DEFAULT_RULE_SETTINGS, analyzerSettings: DEFAULT_ANALYZER_SETTINGS });
      expect(out.findings.map((f) => f.ruleId)).toEqual(['SEC-024']);
      expect(out.errors.map((e) => e.code)).toContain('symlink-loop');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an ignore comment on line 1 covers line 1 only', () => {
    const f = findings(`A=${TOKEN} # drydock:ignore SEC-024 revoked\nB=${TOKEN.replace('ghp_', 'gho_')}\n`).findings;
    expect(f.map((x) => [x.location.startLine, Boolean(x.suppressed)])).toEqual([[1, true], [2, false]]);
  });
});

describe('where secrets live', () => {
  it('image layers: the origin travels to the finding location', () => {
    const out = secretsAnalyzer.analyze({ path: 'app/.env', bytes: Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`), origin: { layer: 'sha256:abc', pathInImage: '/app/.env' } }, DEFAULT_ANALYZER_SETTINGS);
    const f = out.documents.flatMap((d) => runRules(d, secretRules, { settings: DEFAULT_RULE_SETTINGS }));
    expect(f[0]!.location).toMatchObject({ path: 'app/.env', layer: 'sha256:abc', pathInImage: '/app/.env', startLine: 1, startColumn: 14 });
  });

  it('Compose environment maps and lists, ConfigMaps and literal env values', () => {
    const compose = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Zq8#vLm2Rt9xWp\n  app:\n    environment:\n      - API_KEY=kT93hsJ2LmQp8ZxVb4Rt7Yw\n      - DB_PASSWORD=\${DB_PASSWORD}\n`;
    expect(findings(compose, 'compose.yaml').findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn])).toEqual([
      ['SEC-190', 5, 26],
      ['SEC-193', 8, 17],
    ]);
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  application.properties: |\n    spring.datasource.password=Zq8#vLm2Rt9xWp\n';
    expect(findings(cm, 'cm.yaml').findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn])).toEqual([['SEC-190', 6, 32]]);
  });
});
