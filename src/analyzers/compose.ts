import picomatch from 'picomatch';
import { parseCompose } from '../parsers/compose/parse.js';
import { decodeText } from '../util/text.js';
import type { Analyzer, AnalyzerSettings } from './types.js';

/** compose.yaml, docker-compose.yml, compose.prod.yaml, docker-compose.override.yml, docker-compose-dev.yml, … */
const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:\.[^/]+)?|docker-compose[^/]*)\.ya?ml$/i;

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function extraMatcher(globs: readonly string[]): (path: string) => boolean {
  let m = matchers.get(globs);
  if (!m) {
    // A glob without a slash names files in any directory; one with a slash is a path from the scan root.
    const bare = globs.filter((g) => !g.includes('/'));
    const rooted = globs.filter((g) => g.includes('/'));
    const byName = bare.length > 0 ? picomatch(bare, { dot: true }) : () => false;
    const byPath = rooted.length > 0 ? picomatch(rooted, { dot: true }) : () => false;
    m = (path: string) => byName(path.slice(path.lastIndexOf('/') + 1)) || byPath(path);
    matchers.set(globs, m);
  }
  return m;
}

export function isComposePath(path: string, settings?: AnalyzerSettings): boolean {
  const normal = path.replace(/\\/g, '/');
  const base = normal.slice(normal.lastIndexOf('/') + 1);
  if (COMPOSE_NAME.test(base)) return true;
  const globs = settings?.composeFiles ?? [];
  return globs.length > 0 && extraMatcher(globs)(normal.replace(/^\.\//, ''));
}

export const composeAnalyzer: Analyzer = {
  kind: 'compose',
  claims: (path, settings) => isComposePath(path, settings),
  analyze(file) {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) return { documents: [], errors: [{ message: decoded.message, code: decoded.code }] };
    const { documents, errors } = parseCompose(decoded.text, file.path);
    if (file.origin) for (const d of documents) d.origin = file.origin;
    return { documents, errors };
  },
};
