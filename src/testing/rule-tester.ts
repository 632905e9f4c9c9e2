import { analyzerFor, analyzers } from '../analyzers/index.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../analyzers/types.js';
import { runRules } from '../engine/run.js';
import type { Finding } from '../model/index.js';
import { DEFAULT_RULE_SETTINGS, type InputKind, type Rule, type RuleSettings } from '../rules/types.js';

export interface ValidCase {
  code: string;
  /** Defaults to a name the rule's analyzer claims (test.yaml, Dockerfile, compose.yaml, …). */
  filename?: string;
  settings?: Partial<RuleSettings>;
  name?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A substring of the message, or a regular expression it must match. */
  message?: string | RegExp;
  container?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** Analyzers that load parsers asynchronously are ready before any rule is tested. */
export async function prepareAnalyzers(): Promise<void> {
  await Promise.all(analyzers.map((a) => a.prepare?.()));
}
await prepareAnalyzers();

const DEFAULT_FILENAME: Record<InputKind, string> = {
  kubernetes: 'test.yaml',
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  secrets: 'config.txt',
  image: 'image.json',
  packages: 'package-lock.json',
};

/** Runs one rule over source text through the analyzer of its kind, as a scan would. */
export function lint(rule: Rule<any>, code: string, filename?: string, settings?: Partial<RuleSettings>): Finding[] {
  const kind = rule.meta.appliesTo[0]!;
  const analyzer = analyzerFor(kind);
  if (!analyzer) throw new Error(`no analyzer for input kind ${kind}`);
  const out = analyzer.analyze(
    { path: filename ?? DEFAULT_FILENAME[kind], bytes: new TextEncoder().encode(code) },
    DEFAULT_ANALYZER_SETTINGS,
  );
  if (out.errors.length > 0) throw new Error(`parse failed: ${out.errors.map((e) => e.message).join('; ')}`);
  const merged = { ...DEFAULT_RULE_SETTINGS, ...settings };
  return out.documents.flatMap((d) => runRules(d, [rule], { settings: merged }));
}

interface TestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
  expect: (value: unknown, message?: string) => any;
}

/**
 * The shared tester for rules: every valid case stays silent, every invalid case fires exactly at
 * the stated positions, and the rule's own documentation examples behave as they claim.
 */
export function createRuleTester(api: TestApi) {
  const { describe, it, expect } = api;
  return function run(rule: Rule<any>, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
    describe(`${rule.meta.id} ${rule.meta.slug}`, () => {
      cases.valid.forEach((c, i) => {
        const vc = typeof c === 'string' ? { code: c } : c;
        it(`valid #${i + 1}${vc.name ? `: ${vc.name}` : ''}`, () => {
          const found = lint(rule, vc.code, vc.filename, vc.settings).filter((f) => !f.suppressed);
          expect(found.map(describeFinding)).toEqual([]);
        });
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          const found = lint(rule, c.code, c.filename, c.settings).filter((f) => !f.suppressed);
          expect(found.length, found.map(describeFinding).join('\n')).toBe(c.errors.length);
          c.errors.forEach((want, j) => {
            const got = found[j]!;
            expect({ line: got.location.startLine, column: got.location.startColumn }).toEqual({ line: want.line, column: want.column });
            if (want.endLine !== undefined) expect(got.location.endLine).toBe(want.endLine);
            if (want.endColumn !== undefined) expect(got.location.endColumn).toBe(want.endColumn);
            if (typeof want.message === 'string') expect(got.message).toContain(want.message);
            else if (want.message) expect(got.message).toMatch(want.message);
            if (want.container !== undefined) expect(got.resource?.container).toBe(want.container);
          });
        });
      });
      rule.meta.examples.bad.forEach((code, i) => {
        it(`documented bad example #${i + 1} fires`, () => {
          expect(lint(rule, code, undefined, rule.meta.examples.settings).filter((f) => !f.suppressed).length).toBeGreaterThan(0);
        });
      });
      rule.meta.examples.good.forEach((code, i) => {
        it(`documented good example #${i + 1} stays silent`, () => {
          expect(lint(rule, code, undefined, rule.meta.examples.settings).filter((f) => !f.suppressed).map(describeFinding)).toEqual([]);
        });
      });
    });
  };
}

function describeFinding(f: Finding): string {
  return `${f.ruleId} ${f.location.startLine}:${f.location.startColumn} ${f.message}`;
}
