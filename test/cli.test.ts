import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock, ROOT } from './helpers.js';

const FIXTURE = 'test/fixtures/basic';
const GOLDEN = path.join(ROOT, 'test/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function normalise(text: string): string {
  return text
    .replace(/"startedAt": "[^"]+"/g, '"startedAt": "<time>"')
    .replace(/"durationMs": \d+(\.\d+)?/g, '"durationMs": 0')
    .replace(/time="[\d.]+"/g, 'time="0"')
    .replace(/"version": "\d+\.\d+\.\d+"/g, '"version": "<version>"')
    .replace(/"semanticVersion": "\d+\.\d+\.\d+"/g, '"semanticVersion": "<version>"');
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  const text = normalise(actual);
  if (UPDATE || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const reportSchema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8'));
const sarifSchema = JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateReport = ajv.compile(reportSchema);
const ajv04 = new (AjvDraft04 as unknown as typeof Ajv)({ allErrors: true, strict: false, unicodeRegExp: false });
(addFormats as unknown as (a: Ajv) => void)(ajv04);
const validateSarif = ajv04.compile(sarifSchema);

describe('drydock scan: outputs (golden, one rule so the files stay focused)', () => {
  const args = ['scan', FIXTURE, '--rules', 'K8S-020'];
  it('table', () => {
    const r = drydock([...args]);
    expect(r.code).toBe(0);
    golden('basic.table.txt', r.stdout);
  });
  it('json, valid against the report schema', () => {
    const r = drydock([...args, '--format', 'json', '--show-suppressed']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    golden('basic.json', r.stdout);
    const byContainer = Object.fromEntries(report.findings.map((f: any) => [f.resource.container, f]));
    expect(byContainer.api.location).toMatchObject({ path: 'test/fixtures/basic/pod.yaml', startLine: 11, startColumn: 9, endLine: 11, endColumn: 38 });
    expect(byContainer.api.resource).toEqual({ kind: 'Pod', namespace: 'shop', name: 'api', container: 'api' });
    expect(byContainer.sidecar.location).toMatchObject({ startLine: 12, startColumn: 7 });
    expect(byContainer.worker.suppressed).toMatchObject({ kind: 'annotation', reason: 'writes its scratch files to the root filesystem by design' });
    expect(byContainer.tool.suppressed).toMatchObject({ kind: 'inline', reason: 'the tool unpacks archives in place' });
  });
  it('sarif, valid against the SARIF 2.1.0 schema, with stable fingerprints', () => {
    const r = drydock([...args, '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) expect(res.partialFingerprints['drydockFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(log.runs[0].tool.driver.rules[0].help.markdown).toContain('Remediation');
    golden('basic.sarif', r.stdout);
  });
  it('junit', () => {
    const r = drydock([...args, '--format', 'junit']);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(r.stdout).toContain('<failure message="Container &quot;api&quot; sets securityContext.readOnlyRootFilesystem to false');
    golden('basic.junit.xml', r.stdout);
  });
  it('--output writes a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-out-'));
    const out = path.join(dir, 'r.json');
    const r = drydock([...args, '-f', 'json', '-o', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).findings.length).toBe(2);
    rmSync(dir, { recursive: true });
  });
});

describe('the whole example repository', () => {
  it('scans examples/ with findings from every input kind, and valid SARIF and JSON', () => {
    const json = drydock(['scan', 'examples', '-f', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(10);
    const sarif = JSON.parse(drydock(['scan', 'examples', '-f', 'sarif']).stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  });
});

describe('gate and usage errors', () => {
  it('exits 0 by default, N with --exit-code N when findings remain', () => {
    expect(drydock(['scan', FIXTURE, '--rules', 'K8S-020']).code).toBe(0);
    expect(drydock(['scan', FIXTURE, '--rules', 'K8S-020', '--exit-code', '5']).code).toBe(5);
  });
  it('--fail-on fails only at or above the threshold', () => {
    expect(drydock(['scan', FIXTURE, '--rules', 'K8S-020', '--fail-on', 'medium']).code).toBe(1);
    expect(drydock(['scan', FIXTURE, '--rules', 'K8S-020', '--fail-on', 'high']).code).toBe(0);
    expect(drydock(['scan', FIXTURE, '--rules', 'K8S-020', '--fail-on', 'medium', '--exit-code', '7']).code).toBe(7);
  });
  it('--severity filters what is reported and gated', () => {
    const r = drydock(['scan', FIXTURE, '--rules', 'K8S-020', '--severity', 'critical,high', '--exit-code', '1', '-f', 'json']);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });
  it('usage errors exit 2, distinct from the gate', () => {
    expect(drydock(['scan', FIXTURE, '--format', 'yaml']).code).toBe(2);
    expect(drydock(['scan', FIXTURE, '--severity', 'urgent']).code).toBe(2);
    expect(drydock(['scan', FIXTURE, '--exit-code', 'x']).code).toBe(2);
    expect(drydock(['scan', FIXTURE, '--no-such-flag']).code).toBe(2);
    expect(drydock(['scan', 'does/not/exist']).code).toBe(2);
    expect(drydock(['frobnicate']).code).toBe(2);
    const r = drydock(['scan', FIXTURE, '--format', 'yaml']);
    expect(r.stderr).toContain('unknown format "yaml"');
  });
});

describe('standard input', () => {
  it('scans a manifest from -', () => {
    const input = readFileSync(path.join(ROOT, FIXTURE, 'pod.yaml'), 'utf8');
    const r = drydock(['scan', '-', '--rules', 'K8S-020', '-f', 'json'], { input });
    const report = JSON.parse(r.stdout);
    expect(report.target).toBe('<stdin>');
    expect(report.findings.map((f: any) => [f.location.path, f.location.startLine])).toEqual([
      ['stdin.yaml', 11],
      ['stdin.yaml', 12],
    ]);
  });
});

describe('configuration, ignore file and baseline', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-cfg-'));
    writeFileSync(path.join(dir, 'pod.yaml'), readFileSync(path.join(ROOT, FIXTURE, 'pod.yaml')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('.drydockignore.yaml suppresses by alias and path, and an expired entry says so', () => {
    writeFileSync(
      path.join(dir, '.drydockignore.yaml'),
      `ignores:
  - id: KSV-0014
    paths: ["**/pod.yaml"]
    expires: 2999-01-01
    reason: migrating to read-only images this quarter
  - id: K8S-020
    expires: 2001-01-01
    reason: old exception
`,
    );
    const r = drydock(['scan', dir, '--rules', 'K8S-020', '-f', 'json', '--show-suppressed', '--exit-code', '1']);
    const report = JSON.parse(r.stdout);
    expect(report.findings.every((f: any) => f.suppressed && f.suppressed.kind === 'ignore-file')).toBe(true);
    expect(report.findings[0].suppressed).toMatchObject({ reason: 'migrating to read-only images this quarter', expires: '2999-01-01', source: '.drydockignore.yaml:2' });
    expect(report.notes.map((n: any) => n.code)).toContain('ignore-expired');
    expect(r.code).toBe(0);
    rmSync(path.join(dir, '.drydockignore.yaml'));
  });

  it('an invalid ignore file is a usage error', () => {
    writeFileSync(path.join(dir, 'bad-ignore.yaml'), 'ignores:\n  - id: K8S-020\n');
    const r = drydock(['scan', dir, '--ignore-file', path.join(dir, 'bad-ignore.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reason');
    rmSync(path.join(dir, 'bad-ignore.yaml'));
  });

  it('drydock.yaml turns rules off, overrides severity, and sets the gate', () => {
    writeFileSync(path.join(dir, 'drydock.yaml'), 'rules:\n  KSV014: high\nfailOn: high\nexitCode: 4\n');
    const r = drydock(['scan', dir, '--rules', 'K8S-020', '-f', 'json']);
    expect(JSON.parse(r.stdout).findings.map((f: any) => f.severity)).toEqual(['high', 'high']);
    expect(r.code).toBe(4);
    writeFileSync(path.join(dir, 'drydock.yaml'), 'rules:\n  K8S-020: off\n');
    expect(JSON.parse(drydock(['scan', dir, '--rules', 'K8S-020', '-f', 'json']).stdout).findings).toEqual([]);
    writeFileSync(path.join(dir, 'drydock.yaml'), 'failOn: urgent\n');
    expect(drydock(['scan', dir]).code).toBe(2);
    rmSync(path.join(dir, 'drydock.yaml'));
  });

  it('--baseline fails the gate only on new findings, stable when lines move and files are renamed', () => {
    const base = path.join(dir, 'baseline.json');
    writeFileSync(base, drydock(['scan', dir, '--rules', 'K8S-020', '-f', 'json']).stdout);
    expect(drydock(['scan', dir, '--rules', 'K8S-020', '--baseline', base, '--exit-code', '1']).code).toBe(0);
    const moved = '# a comment that moves every line\n\n' + readFileSync(path.join(dir, 'pod.yaml'), 'utf8');
    rmSync(path.join(dir, 'pod.yaml'));
    writeFileSync(path.join(dir, 'renamed.yaml'), moved);
    expect(drydock(['scan', dir, '--rules', 'K8S-020', '--baseline', base, '--exit-code', '1']).code).toBe(0);
    writeFileSync(path.join(dir, 'new.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: fresh}\nspec:\n  containers: [{name: c, image: x}]\n');
    expect(drydock(['scan', dir, '--rules', 'K8S-020', '--baseline', base, '--exit-code', '1']).code).toBe(1);
    rmSync(path.join(dir, 'new.yaml'));
    rmSync(path.join(dir, 'renamed.yaml'));
    writeFileSync(path.join(dir, 'pod.yaml'), readFileSync(path.join(ROOT, FIXTURE, 'pod.yaml')));
  });
});

describe('bad input: a per-file error, the scan goes on', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-bad-'));
    writeFileSync(path.join(dir, 'good.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n  containers: [{name: c, image: x}]\n');
    writeFileSync(path.join(dir, 'invalid.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`a${i}: &a${i} [*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1},*a${i - 1}]`);
    writeFileSync(path.join(dir, 'bomb.yaml'), bomb.join('\n') + '\n');
    writeFileSync(path.join(dir, 'deep.yaml'), 'apiVersion: v1\nkind: Pod\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x61, 0x70, 0x69, 0x00, 0xff, 0xfe, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: "caf\xe9"}\n', 'latin1'));
    writeFileSync(path.join(dir, 'huge.yaml'), 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "' + 'x'.repeat(300_000) + '"\n');
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'loop'));
    symlinkSync('self', path.join(dir, 'self'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each bad file with a clear reason and still scans the good one', () => {
    const r = drydock(['scan', dir, '--rules', 'K8S-020', '-f', 'json', '--max-file-size', '200k']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(report.errors.map((e: any) => [path.basename(e.path), e.code]));
    expect(byFile).toMatchObject({
      'invalid.yaml': 'invalid-yaml',
      'bomb.yaml': 'alias-bomb',
      'deep.yaml': 'too-deep',
      'binary.yaml': 'binary',
      'latin1.yaml': 'encoding',
      'huge.yaml': 'too-large',
      loop: 'symlink-loop',
      self: 'symlink-loop',
    });
    expect(report.findings.map((f: any) => f.resource.name)).toEqual(['ok']);
    expect(r.stderr).toContain('invalid.yaml: invalid YAML at line 5');
  });
});

describe('rules and explain', () => {
  it('rules --format json lists every rule with its metadata', () => {
    const r = drydock(['rules', '--format', 'json']);
    const { rules } = JSON.parse(r.stdout);
    const rule = rules.find((x: any) => x.id === 'K8S-020');
    expect(rule).toMatchObject({ slug: 'read-only-root-filesystem', severity: 'medium', practice: 'P7' });
    expect(rule.aliases).toEqual(expect.arrayContaining(['KSV-0014', 'KSV014', 'AVD-KSV-0014']));
  });
  it('explain prints the doc page, by id or alias', () => {
    const a = drydock(['explain', 'K8S-020']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('# K8S-020: Root filesystem is writable');
    expect(drydock(['explain', 'ksv014']).stdout).toBe(a.stdout);
    expect(drydock(['explain', 'NOPE-1']).code).toBe(2);
  });
});
