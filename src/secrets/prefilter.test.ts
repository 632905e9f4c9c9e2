import { describe, expect, it } from 'vitest';
import { KeywordPrefilter } from './prefilter.js';

function naive(text: string, keywords: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const out: [number, number][] = [];
  for (let i = 0; i < lower.length; i++) keywords.forEach((k, j) => lower.startsWith(k, i) && out.push([i, j]));
  return out;
}

describe('keyword prefilter', () => {
  it('finds every occurrence at even and odd offsets, case-insensitively, in order', () => {
    const keywords = ['ghp_', 'password', 'akia', 'sk_live_', '-----begin', 'xoxb-', 'abc', 'bcd'];
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const parts = ['GHP_', 'ghp_', 'PassWord', 'AKIA', 'sk_live_', '-----BEGIN', 'xoxb-', 'abcd', 'x', 'yy', ' ', '\n', 'é'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      while (text.length < 300) text += parts[Math.floor(rnd() * parts.length)];
      const text2 = text.slice(0, Math.floor(rnd() * text.length));
      for (const t of [text, text2, `x${text2}`]) {
        const bytes = Buffer.from(t, 'latin1');
        const got: [number, number][] = [];
        new KeywordPrefilter(keywords).scan(bytes, bytes.length, (o, k) => got.push([o, k]));
        const want = naive(t, keywords).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(got.sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(want);
      }
    }
  });
});
