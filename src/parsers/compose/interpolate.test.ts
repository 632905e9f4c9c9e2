import { describe, expect, it } from 'vitest';
import { hasInterpolation, interpolate } from './interpolate.js';

describe('interpolate', () => {
  it('leaves plain text alone', () => {
    expect(interpolate('nginx:1.27')).toEqual({ value: 'nginx:1.27', interpolated: false, resolved: true });
  });
  it('applies defaults when the variable is unset', () => {
    expect(interpolate('${UID:-0}')).toEqual({ value: '0', interpolated: true, resolved: true });
    expect(interpolate('${UID-1000}:${GID-1000}')).toEqual({ value: '1000:1000', interpolated: true, resolved: true });
  });
  it('distinguishes unset from empty', () => {
    expect(interpolate('${A:-d}', { A: '' }).value).toBe('d');
    expect(interpolate('${A-d}', { A: '' }).value).toBe('');
    expect(interpolate('${A:+alt}', { A: 'x' }).value).toBe('alt');
    expect(interpolate('${A+alt}', { A: '' }).value).toBe('alt');
    expect(interpolate('${A:+alt}').value).toBe('');
  });
  it('marks variables without a default, and required ones, as unresolved', () => {
    expect(interpolate('${PASSWORD}').resolved).toBe(false);
    expect(interpolate('$PASSWORD').resolved).toBe(false);
    expect(interpolate('${PASSWORD:?set it}').resolved).toBe(false);
    expect(interpolate('${PASSWORD?set it}').resolved).toBe(false);
    expect(interpolate('${PASSWORD:?set it}', { PASSWORD: 'x' })).toEqual({ value: 'x', interpolated: true, resolved: true });
  });
  it('handles nested defaults', () => {
    expect(interpolate('${A:-${B:-inner}}').value).toBe('inner');
    expect(interpolate('${A:-${B}}').resolved).toBe(false);
  });
  it('treats $$ as an escaped dollar, not a variable', () => {
    expect(interpolate('pa$$word')).toEqual({ value: 'pa$word', interpolated: false, resolved: true });
    expect(hasInterpolation('$$HOME')).toBe(false);
    expect(hasInterpolation('x${HOME}')).toBe(true);
    expect(hasInterpolation('cost: 5$')).toBe(false);
  });
  it('keeps an unterminated expression as text', () => {
    expect(interpolate('${A:-x').value).toBe('${A:-x');
  });
  it('bounds nesting', () => {
    const deep = '${A:-'.repeat(100) + 'x' + '}'.repeat(100);
    expect(interpolate(deep).resolved).toBe(false);
  });
});
