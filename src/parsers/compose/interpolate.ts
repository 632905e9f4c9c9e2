/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`), evaluated against an
 * environment that is empty unless given: the value a rule sees is what Compose would use when
 * none of the variables is set.
 */
export interface Interpolated {
  /** The evaluated text; meaningful only when `resolved`. */
  value: string;
  /** True when the input refers to at least one variable. */
  interpolated: boolean;
  /** False when a variable without a default (or with a `?` error) decides the value. */
  resolved: boolean;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const MAX_DEPTH = 16;

/** True when the text contains a variable reference (an escaped `$$` does not count). */
export function hasInterpolation(text: string): boolean {
  if (!text.includes('$')) return false;
  return interpolate(text).interpolated;
}

export function interpolate(text: string, env: Environment = {}): Interpolated {
  if (!text.includes('$')) return { value: text, interpolated: false, resolved: true };
  const state = { interpolated: false, resolved: true };
  const value = evaluate(text, env, state, 0);
  return { value, interpolated: state.interpolated, resolved: state.resolved };
}

interface State {
  interpolated: boolean;
  resolved: boolean;
}

function evaluate(text: string, env: Environment, state: State, depth: number): string {
  if (depth > MAX_DEPTH) {
    state.resolved = false;
    return '';
  }
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, dollar + 2);
      if (close === -1) {
        // Not a valid expression: Compose rejects it; keep the text as it stands.
        out += text.slice(dollar);
        break;
      }
      out += braced(text.slice(dollar + 2, close), env, state, depth);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(dollar + 1, dollar + 1 + 256));
    if (m) {
      state.interpolated = true;
      const v = env[m[0]];
      if (v === undefined) state.resolved = false;
      else out += v;
      i = dollar + 1 + m[0].length;
      continue;
    }
    out += '$';
    i = dollar + 1;
  }
  return out;
}

/** Index of the `}` closing an expression whose body starts at `from`, counting nested `${`. */
function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '$') {
      i++;
    } else if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function braced(body: string, env: Environment, state: State, depth: number): string {
  state.interpolated = true;
  const m = NAME.exec(body);
  if (!m) {
    state.resolved = false;
    return '';
  }
  const name = m[0];
  const rest = body.slice(name.length);
  const v = env[name];
  const set = v !== undefined;
  const nonEmpty = set && v !== '';
  if (rest === '') {
    if (!set) state.resolved = false;
    return v ?? '';
  }
  const op = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
  const word = rest.slice(op.length);
  switch (op) {
    case ':-':
      return nonEmpty ? v! : evaluate(word, env, state, depth + 1);
    case '-':
      return set ? v! : evaluate(word, env, state, depth + 1);
    case ':?':
      if (!nonEmpty) state.resolved = false;
      return v ?? '';
    case '?':
      if (!set) state.resolved = false;
      return v ?? '';
    case ':+':
      return nonEmpty ? evaluate(word, env, state, depth + 1) : '';
    case '+':
      return set ? evaluate(word, env, state, depth + 1) : '';
    default:
      state.resolved = false;
      return '';
  }
}
