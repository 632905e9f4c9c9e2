import { deepStrictEqual } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast, resolvePlainScalar, Unsupported, type FastYamlStream } from './fast.js';
import { PositionIndex } from './positions.js';
import { parseYamlStream } from './stream.js';

const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge] });

/** What the js-yaml path of `parseYamlStream` records: values, the post-order node log, spans. */
function reference(text: string): FastYamlStream {
  const log: number[] = [];
  const starts: number[] = [];
  const counts: number[] = [];
  const spans: Array<[number, number]> = [];
  let childCount = 0;
  let from = 0;
  const listener = (event: 'open' | 'close', state: { position: number }) => {
    if (event === 'open') {
      starts.push(state.position);
      counts.push(childCount);
      childCount = 0;
    } else {
      const n = childCount;
      childCount = (counts.pop() ?? 0) + 1;
      log.push(starts.pop()!, state.position, n);
      if (starts.length === 0) {
        spans.push([from, log.length]);
        from = log.length;
        childCount = 0;
      }
    }
  };
  const values = yaml.loadAll(text, null, { listener, schema: SCHEMA } as yaml.LoadOptions);
  return { values, log, spans };
}

/** Every pointer into a value: the root, then each key or index, depth first. */
function pointers(value: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<[unknown, Array<string | number>]> = [[value, []]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...p, i]]));
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], [...p, k]]);
  }
  return out;
}

type Outcome = 'same' | 'unsupported';

/** Fast reader vs js-yaml on one stream: unsupported, or identical values and locate() results. */
function compare(text: string): Outcome {
  let fast: FastYamlStream;
  try {
    fast = parseYamlFast(text);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
    // Anything the fast reader refuses goes to js-yaml: nothing more to check.
    return 'unsupported';
  }
  let ref: FastYamlStream;
  try {
    ref = reference(text);
  } catch (err) {
    throw new Error(`fast reader accepted a stream js-yaml rejects: ${(err as Error).message}`);
  }
  deepStrictEqual(fast.values, ref.values);
  expect(fast.spans.length).toBe(ref.spans.length);
  fast.values.forEach((value, i) => {
    const a = new PositionIndex(text, fast.log, fast.spans[i]![0], fast.spans[i]![1]);
    const b = new PositionIndex(text, ref.log, ref.spans[i]![0], ref.spans[i]![1]);
    for (const p of pointers(value)) {
      const got = a.locate(p);
      const want = b.locate(p);
      if (got.start !== want.start || got.end !== want.end) {
        throw new Error(`document ${i}, pointer ${JSON.stringify(p)}: fast ${got.start}-${got.end}, js-yaml ${want.start}-${want.end}`);
      }
    }
  });
  // The logs are built to be identical node for node.
  expect(fast.log).toEqual(ref.log);
  return 'same';
}

function same(text: string): void {
  expect(compare(text)).toBe('same');
}

function unsupported(text: string): void {
  expect(() => parseYamlFast(text)).toThrow(Unsupported);
}

describe('fast YAML reader', () => {
  it('reads block mappings and sequences like js-yaml, positions included', () => {
    same('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: web\nspec:\n  containers:\n    - name: a\n      image: nginx\n      ports:\n        - containerPort: 80\n');
    same('a:\n- x\n- y\nb: 1\n');
    same('- - a\n  - b\n- - c\n');
    same('- a\n-\n- c\n');
    same('a:\nb:\n  c:\n');
    same('- name: a\n  value: 1\n- name: b\n');
    same('key: value\n\n\n# trailing\n');
  });

  it('reads one-line keys and values the short way exactly as the long way', () => {
    same('b: -1\nc: -x\nd: x:y\nf: .\ng: a/b@c+d=e~f%g\nh: 1e3\ni: -.5\n');
    same('a: x  \nb: y\t\nc:   z\ne: \t\nf: 1 \t # tab\n');
    same('a: x\n\nb: y\n');
    same('a: x\n   \nb: y\n');
    same('a:\n  b: x\n   c\n  d: y\n');
    same('a:\n  b: x\n  # comment\n  c: y\n    # deeper comment\n');
    same('a: x');
    same('a: x\r\nb: y\r\n');
    same('a: x\n  ');
    same('x: 1\n----: x\n-a: z\n....: y\n');
    same('a: ~\nb: null\nc: 0x1F\nd: true\n');
  });

  it('reuses repeated keys without mixing them up: same text only, resolved keys never reused', () => {
    // Many distinct keys share the 1,024 slots; each document must still read its own keys.
    const keys = Array.from({ length: 3000 }, (_, i) => `key${i.toString(36)}`);
    const text = keys.map((k, i) => `${k}: ${i}`).join('\n') + '\n';
    same(text);
    same(text);
    // Keys that resolve to numbers, booleans or null (property names '1', 'true', 'null'), read
    // after string keys and again after them.
    same('true: a\nnull: b\n1: c\n0x10: d\nname: g\n');
    same('True: e\n~: f\nname: g\n');
    same('name: g\n0x10: d\ntrue: a\nnull: b\n1: c\n');
    // A key that is a prefix of another, and one that is longer than the kept length.
    same(`meta: 1\nmetadata: 2\nmetadataX: 3\n${'k'.repeat(80)}: 4\n${'k'.repeat(80)}x: 5\n`);
    same('__proto__: 1\nconstructor: 2\ntoString: 3\n');
  });

  it('folds multi-line plain scalars', () => {
    same('a: one\n  two\n\n  three\nb: x\n');
    same('- one\n  two\n- three\n');
    same('description: a long\n   text that goes on\n   # not a comment? it is\n');
    same('root scalar\ncontinued\n');
  });

  it('reads block scalars with chomping and indentation indicators', () => {
    same('a: |\n  line 1\n  line 2\n\nb: x\n');
    same('a: |-\n  line 1\n\n\nb: x\n');
    same('a: |+\n  line 1\n\n\nb: x\n');
    same('a: >\n  folded\n  text\n\n  para\n    more indented\n  back\nb: x\n');
    same('a: >-\n  folded\nb: |2\n    indented\n   less\n');
    same('a: |\n  x\n');
    same('a: |\n  x');
    same('- |\n  in a sequence\n- >+\n  keep\n\n');
    same('a: | # comment\n  text\n');
    same('a: |\n\n  leading empty\n');
  });

  it('reads quoted scalars with escapes and folding', () => {
    same(`a: 'it''s'\nb: "tab\\there \\u00e9 \\x41 \\U0001F600 \\\\ \\" \\/ \\0 \\N \\_ \\L \\P"\n`);
    same('a: "one\n  two\n\n  three"\nb: \'x\n  y\'\n');
    same('a: "escaped \\\n   break"\n');
    same('"quoted: key": 1\n\'single # key\': 2\n"": empty\n');
    same('a: "x"   # comment\nb: \'y\'\n');
  });

  it('reads flow collections, nested and over several lines', () => {
    same('a: {b: 1, c: [x, y, {d: e}]}\nf: []\ng: {}\n');
    same('a: [\n  one,\n  two, # comment\n  three\n]\nb: {x: 1,\n  y: 2}\n');
    same('- {a: 1}\n- [b, c]\n-   {d: 2}   \n');
    same('a: [x, y, ]\nb: {c}\nd: {e: }\n');
    same('[a, b]\n');
    same('{a: 1}\n');
    same('a: {url: "http://x:80", b: c:d}\n');
    same('- [a,b,c]\n- {a: b,c: d}\n- [a:b, c]\n- {a:1}\n- [-1, -x, x-]\n- {a: -1, b: 0x1F, c: ~}\n- {url: http://x, d: e:f}\n');
    same('a: [x\n  y, z]\nb: [x , y]\nc: {k:\n  v}\n');
    unsupported('a: [b: c]\n');
  });

  it('resolves core schema scalars as js-yaml does', () => {
    same('- null\n- Null\n- NULL\n- ~\n-\n- true\n- True\n- TRUE\n- false\n- FALSE\n- fAlse\n- nULL\n');
    same('- 0\n- -0\n- +12\n- 0o17\n- 0x1F\n- 0b101\n- 012\n- -00\n- 0x\n- 1_000\n- 0X10\n- 99999999999999999999\n');
    same('- 1.5\n- -1.5e3\n- .5\n- 1.\n- 1e5\n- .inf\n- -.Inf\n- +.INF\n- .nan\n- .NaN\n- -0.0\n- 1e999\n- 1.2.3\n- 10.0.0.1\n- -.5\n');
    same('- 2024-01-01\n- 12:30\n- 1:2:3\n- yes\n- no\n- on\n- "true"\n- \'1\'\n');
    same('1: a\n1.5: b\ntrue: c\n~: d\n0x10: e\n');
    expect(resolvePlainScalar('0o17')).toBe(15);
    expect(Object.is(resolvePlainScalar('-0.0'), -0)).toBe(true);
  });

  it('keeps colons and hashes that do not end a plain scalar', () => {
    same('key:value\n');
    same('url: http://example.com:8080/path#frag\nb: c#d\ne: f # comment\n');
    same('- a:b\n- "k: v": w\n- x: y:z\n');
    same('image: nginx@sha256:abc\ncmd: ["sh", "-c", "echo a: b"]\n');
  });

  it('handles streams: markers, empty documents, comments, CRLF, BOM', () => {
    same('# leading\n---\na: 1\n---\nb: 2\n...\n---\nc: 3\n');
    same('---\n---\n');
    same('a: 1\n---\n');
    same('# only a comment\n');
    same('');
    same('\n\n');
    same('--- text\n--- |\n  block\n---\n- x\n');
    same('a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\nc: |\r\n  l1\r\n  l2\r\n');
    same('\uFEFFa: 1\nb: 2\n');
    same('  a: 1\n  b: 2\n');
    same('a: 1 # c\n# c2\nb: # c3\n  # c4\n  c: 2 # c5\n');
    same('a: 1 # control \x07 and \x85 in a comment\n');
    same('a: caf\u00e9 \u00a0 \u2028 \ufeff\n');
  });

  it('leaves anchors, tags, merge keys, complex keys, directives and tabs to js-yaml', () => {
    unsupported('a: &x 1\nb: *x\n');
    unsupported('a: !!str 1\n');
    unsupported('a: {b: 1}\nc:\n  <<: {d: 2}\n');
    unsupported('? a\n: b\n');
    unsupported('%YAML 1.2\n---\na: 1\n');
    unsupported('a:\n\tb: 1\n');
    unsupported('- \tb\n');
    unsupported('[a, b]: c\n');
    unsupported('a: "\x01"\n');
    unsupported("a: 'x\x1b'\n");
    unsupported('a: x\x7fy\n');
    unsupported('a: |\n  x\x0b\n');
    unsupported('a: {b: x\x08}\n');
    unsupported('a: x\0\n');
    unsupported('a: \ud83d\ude00\n');
  });

  it('refuses invalid YAML and duplicate keys so that js-yaml reports them', () => {
    for (const bad of ['a: 1\na: 2\n', 'a: -\n', 'd: x:\n', '----: x\n-a: z\n', 'a: [1, 2\n', 'a: "x\n', 'a: b: c\n', '- a\nb: 1\n', 'a:\n  - x\n  y: 1\n', 'a: |\nb\n  c: {x: 1, x: 2}\n', "a: 'x\n"]) {
      expect(() => parseYamlFast(bad), bad).toThrow();
      expect(() => reference(bad), bad).toThrow();
    }
  });

  it('bounds nesting depth without overflowing the stack', () => {
    unsupported('a:\n'.repeat(1) + '['.repeat(100_000));
    expect(() => parseYamlFast('x: '.repeat(1) + '['.repeat(50) + ']'.repeat(50) + '\n', 20)).toThrow(Unsupported);
    same('a: ' + '['.repeat(50) + ']'.repeat(50) + '\n');
    const deep = parseYamlStream('a: ' + '['.repeat(150) + ']'.repeat(150) + '\n', 'deep.yaml');
    expect(deep.errors[0]?.code).toBe('too-deep');
  });

  it('stays linear on hostile input', () => {
    const t0 = Date.now();
    same('a: 1' + '\t'.repeat(300_000) + 'x\n');
    same('a: "1"' + '\t'.repeat(300_000) + '# c\n');
    expect(() => parseYamlFast('- ' + '\t'.repeat(300_000) + 'x\n')).toThrow(Unsupported);
    same('a: 1' + '\t'.repeat(300_000) + '\n');
    same('a: ' + 'x '.repeat(300_000) + '\n');
    same('a: ' + 'x\n   '.repeat(100_000) + '\n');
    same('a: "' + 'x\n   '.repeat(100_000) + '"\n');
    same('a: |\n' + '  x\n\n'.repeat(100_000));
    same('a:\n' + '  # c\n\n'.repeat(100_000) + '  b: 1\n');
    same('- ' + '[x, '.repeat(90) + ']'.repeat(90) + '\n');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('is what parseYamlStream uses, with the same output as the js-yaml path', () => {
    const text = 'a: 1\nb:\n  c: [x, y]\n---\nd: e\n';
    const { documents, errors } = parseYamlStream(text, 'x.yaml');
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1, b: { c: ['x', 'y'] } }, { d: 'e' }]);
    expect(documents[0]!.locate(['b', 'c', 1])).toEqual({ start: text.indexOf('y]'), end: text.indexOf('y]') + 1 });
    const broken = parseYamlStream('a: 1\n---\nb: [\n', 'y.yaml');
    expect(broken.errors[0]?.code).toBe('invalid-yaml');
    expect(broken.errors[0]?.line).toBeDefined();
  });
});

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
const SETS = ['real-k8s-manifests', 'kube-linter', 'kube-score', 'kubesec', 'trivy-checks', 'real-compose', 'falco-rules'];

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/i.test(e.name) && statSync(p).size < 4 * 1024 * 1024) out.push(p);
  }
  return out;
}

describe.skipIf(!existsSync(CORPUS))('fast YAML reader on the corpus', () => {
  for (const set of SETS) {
    const dir = path.join(CORPUS, set);
    it.skipIf(!existsSync(dir))(`${set}: unsupported, or the same values and positions as js-yaml`, () => {
      let sameCount = 0;
      let unsupportedCount = 0;
      for (const file of yamlFiles(dir)) {
        const text = readFileSync(file, 'utf8');
        let jsYamlOk = true;
        try {
          reference(text);
        } catch {
          jsYamlOk = false;
        }
        let outcome: Outcome;
        try {
          outcome = compare(text);
        } catch (err) {
          throw new Error(`${path.relative(CORPUS, file)}: ${(err as Error).message}`);
        }
        if (outcome === 'same') sameCount++;
        else unsupportedCount++;
        if (!jsYamlOk) expect(outcome).toBe('unsupported');
      }
      // eslint-disable-next-line no-console
      console.log(`${set}: ${sameCount} streams read by the fast reader, ${unsupportedCount} left to js-yaml`);
      expect(sameCount + unsupportedCount).toBeGreaterThan(0);
    });
  }
});
