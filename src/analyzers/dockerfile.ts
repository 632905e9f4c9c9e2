import { parseDockerfile } from '../parsers/dockerfile/index.js';
import { initShell } from '../parsers/shell/index.js';
import { decodeText } from '../util/text.js';
import type { Analyzer } from './types.js';

/** Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, *.dockerfile. */
const NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.dockerfile)$/i;

/** Dockerfiles larger than this are reported, not parsed. */
export const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

export function isDockerfileName(path: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (!NAME.test(base)) return false;
  // Editor leftovers and patches are not Dockerfiles.
  return !/\.(?:orig|rej|bak|swp|md|txt|json|ya?ml|sh|lock)$/i.test(base) || /^(?:dockerfile|containerfile)$/i.test(base);
}

export const dockerfileAnalyzer: Analyzer = {
  kind: 'dockerfile',
  claims: (path) => isDockerfileName(path),
  // RUN shells that the fast reader does not model go to tree-sitter-bash, loaded once here.
  prepare: initShell,
  analyze(file) {
    if (file.bytes.length > MAX_DOCKERFILE_BYTES) {
      return { documents: [], errors: [{ message: `Dockerfile larger than ${MAX_DOCKERFILE_BYTES} bytes; not checked`, code: 'too-large' }] };
    }
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) return { documents: [], errors: [{ message: decoded.message, code: decoded.code }] };
    const { document, errors } = parseDockerfile(decoded.text, file.path);
    if (file.origin) document.origin = file.origin;
    return { documents: document.instructions.length > 0 ? [document] : [], errors };
  },
};
