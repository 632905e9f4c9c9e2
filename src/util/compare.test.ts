import { describe, expect, it } from 'vitest';
import { compareIds } from './compare.js';

const icu = new Intl.Collator('en', { numeric: true });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareIds', () => {
  it('orders rule and vulnerability ids naturally', () => {
    const ids = ['K8S-10', 'K8S-2', 'DF-001', 'CVE-2024-10000', 'CVE-2024-9999', 'SEC-190', 'K8S-035', 'DC-015', 'GHSA-abcd-efgh-ijkl', 'ghsa-0000'];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort(icu.compare));
    expect([...ids].sort(compareIds).slice(0, 3)).toEqual(['CVE-2024-9999', 'CVE-2024-10000', 'DC-015']);
  });

  it('agrees with the ICU collator on every pair of random capital-letter, digit and hyphen ids', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'AB-0123456789K';
    const ids = Array.from({ length: 400 }, () => Array.from({ length: rnd(9) }, () => alphabet[rnd(alphabet.length)]).join(''));
    ids.push('', '-', '0', '00', '007', '7', 'A', 'A0', 'A00', 'A-1', 'A1', '1A', 'K8S-035', 'K8S-35', 'K8S-0035A');
    for (const a of ids) for (const b of ids) expect(sign(compareIds(a, b)), `${a} vs ${b}`).toBe(sign(icu.compare(a, b)));
  });
});
