import type { Detector } from '../types.js';

/** Left edge of a token: not preceded by a token character. */
export const L = '(?<![A-Za-z0-9_\\-+/])';
/** Right edge of a token. */
export const R = '(?![A-Za-z0-9_\\-+/=])';

export function detector(d: Detector): Detector {
  return d;
}

/** A token with a literal prefix: `prefix` then `body` (a bounded class), with token edges. */
export function prefixed(prefix: string, body: string, flags = ''): RegExp {
  return new RegExp(`${L}(${prefix}${body})${R}`, flags);
}

/**
 * A value assigned to a key that names the service, e.g. `TRAVIS_TOKEN = "…"`, `"circleci_token": "…"`.
 * `key` is a regex fragment matched case-insensitively inside the key; `value` is the secret's class.
 */
export function keyed(key: string, value: string): RegExp {
  return new RegExp(
    `(?:${key})[A-Za-z0-9_.\\-]{0,32}["']?[ \\t]{0,4}(?::=|=>|=|:|,)[ \\t]{0,4}(?:[A-Za-z]{1,16}[ \\t]{1,4})?["'\`]?(${value})(?![A-Za-z0-9_\\-+/])`,
    'i',
  );
}
