import picomatch from 'picomatch';
import { createSecretsDocument } from '../secrets/document.js';
import { SecretScanner } from '../secrets/engine.js';
import { mayBeManifest, scanManifest } from '../secrets/kubernetes.js';
import { settingsFrom } from '../secrets/settings.js';
import { precomputedSecrets } from '../secrets/workers.js';
import type { Analyzer, AnalyzerSettings } from './types.js';

const cache = new WeakMap<AnalyzerSettings, { scanner: SecretScanner; skipPath: (p: string) => boolean }>();
const utf8 = new TextDecoder('utf-8');

function prepared(settings: AnalyzerSettings) {
  let p = cache.get(settings);
  if (!p) {
    const s = settingsFrom(settings.secrets);
    const paths = s.allowlist.paths;
    p = { scanner: new SecretScanner(s), skipPath: paths.length > 0 ? picomatch(paths, { dot: true }) : () => false };
    cache.set(settings, p);
  }
  return p;
}

/**
 * Offers every file to the secret detectors. Binary, lock and minified files are recognised by their
 * content and skipped; big files are scanned up to a cap, with a note.
 */
export const secretsAnalyzer: Analyzer = {
  kind: 'secrets',
  claims: (path, settings) => !prepared(settings).skipPath(path),
  analyze(file, settings) {
    const { scanner } = prepared(settings);
    const result = precomputedSecrets(file) ?? scanner.scanFile(file.path, file.bytes, file.origin);
    const notes =
      result.truncatedAt !== undefined
        ? [{ path: file.path, code: 'secrets-size-cap', message: `only the first ${result.truncatedAt} of ${file.bytes.length} bytes were scanned for secrets (secrets.maxFileSize)` }]
        : [];
    let matches = result.matches;
    if (!result.skipped && result.truncatedAt === undefined && mayBeManifest(file.bytes)) {
      try {
        const { add, drop } = scanManifest(utf8.decode(file.bytes), file.path, scanner, matches);
        if (add.length > 0 || drop.size > 0) matches = [...matches.filter((m) => !drop.has(m)), ...add].sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
      } catch {
        // A manifest that does not parse is reported by the manifest analyzers; its plain text was scanned.
      }
    }
    if (matches.length === 0) return { documents: [], errors: [], notes };
    return { documents: [createSecretsDocument(file.path, file.bytes, matches, file.origin)], errors: [], notes };
  },
};
