import { secretsAnalyzer } from '../../analyzers/secrets.js';
import type { AnalyzerSettings } from '../../analyzers/types.js';
import { createCatalog } from '../../catalog/index.js';
import type { ScannedDocument } from '../../engine/document.js';
import { runRules } from '../../engine/run.js';
import type { Finding, Package, ScanError, ScanNote, ScanResult } from '../../model/index.js';
import { parseImageDocument, renderImageView } from '../../parsers/image/document.js';
import type { ImageFile } from '../../parsers/image/filesystem.js';
import { resolveSymlinkTarget } from '../../parsers/image/paths.js';
import { ACCOUNT_FILES, parseAccounts, type AccountEntry } from '../../parsers/image/accounts.js';
import { finishResult, prepareScan, type PreparedScan, type ScanOptions } from '../../scan.js';
import { openImage, type OpenImageOptions } from './open.js';
import type { ReadImage } from './types.js';

export interface ImageScanOptions extends OpenImageOptions {
  /** Config and rule selection, as for `drydock scan` (prepareScan). */
  prepared?: PreparedScan;
  scanOptions?: Omit<ScanOptions, 'target'>;
  /** Detect secrets in every layer file (default true). */
  secrets?: boolean;
  /** Catalogue packages (default true). */
  packages?: boolean;
  /** Turns the catalogued packages into vulnerability findings (matching against the OSV database). */
  vulnerabilities?: (packages: Package[], notes: ScanNote[]) => Finding[];
}

/** What `drydock image` reports besides findings. */
export interface ImageSummary {
  reference: string;
  source: ReadImage['source'];
  manifestDigest?: string;
  configDigest: string;
  platform?: string;
  os?: string;
  layers: { digest: string; diffId: string; size: number; expandedSize: number; compression: string; files: number }[];
  files: number;
  removedFiles: number;
}

/** Paths never worth a secret scan: compiled code, documentation, locales, package databases. */
const NO_SECRET_SCAN = /^(?:usr\/share\/(?:doc|man|info|locale|i18n|zoneinfo|mime|perl5?|X11|lintian|common-licenses|bash-completion|zsh)\/|usr\/lib\/locale\/|var\/lib\/dpkg\/|lib\/apk\/db\/|usr\/lib\/x86_64-linux-gnu\/gconv\/|usr\/include\/)/;
const BINARY_EXT = /\.(?:so(?:\.\d+)*|a|o|ko|png|jpe?g|gif|ico|woff2?|ttf|otf|gz|xz|bz2|zst|zip|jar|whl|mo|pyc|pyo|wasm|db|sqlite)$/;

/** Files whose content is worth a secret scan; the scanner itself skips binary content it meets. */
export function wantsSecretScan(path: string, size: number): boolean {
  return size <= 8 * 1024 * 1024 && !NO_SECRET_SCAN.test(path) && !BINARY_EXT.test(path);
}

function problemToError(reference: string, p: ReadImage['problems'][number]): ScanError {
  return { path: p.path ? `${reference}:/${p.path.replace(/^\//, '')}` : reference, message: p.message, code: p.code };
}

/** Resolves a symbolic link inside the image to a final file (at most 16 hops). */
function resolveInImage(byPath: Map<string, ImageFile>, path: string): ImageFile | undefined {
  let cur = byPath.get(path);
  for (let hops = 0; cur && cur.type === 'symlink' && hops < 16; hops++) {
    const t = resolveSymlinkTarget(cur.path, cur.linkname ?? '');
    if (t.escapes) return undefined;
    cur = byPath.get(t.path);
  }
  return cur && cur.type === 'file' ? cur : undefined;
}

/**
 * Scans an image: reads it from wherever it is (streamed, never extracted), catalogues its
 * packages, runs the secret detectors over every layer file (deleted ones too) and the image
 * rules over its configuration and filesystem. Failures to read the image throw an ImageError;
 * per-file problems become errors in the result.
 */
export async function scanImage(ref: string, options: ImageScanOptions = {}): Promise<ScanResult & { packages: Package[]; image: ImageSummary }> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const prepared = options.prepared ?? prepareScan({ ...(options.scanOptions ?? {}), configFile: options.scanOptions?.configFile ?? false });
  const catalog = options.packages === false ? undefined : createCatalog({ lockfiles: false });
  const secretsOn = options.secrets !== false;
  const analyzerSettings: AnalyzerSettings = prepared.analyzerSettings;
  const secretDocs: { key: string; doc: ScannedDocument }[] = [];
  const notes: ScanNote[] = [];

  const image = await openImage(ref, {
    ...options,
    wants: (p, size) => (p in ACCOUNT_FILES && size <= 4 * 1024 * 1024) || (catalog ? catalog.wants(p) : false) || (options.wants?.(p, size) ?? false),
    ...(secretsOn
      ? {
          inspect: wantsSecretScan,
          onFile: (key: string, path: string, bytes: Uint8Array) => {
            const out = secretsAnalyzer.analyze({ path: `/${path}`, bytes, origin: { pathInImage: `/${path}` } }, analyzerSettings);
            for (const doc of out.documents) secretDocs.push({ key, doc });
          },
        }
      : {}),
  });
  const reference = image.reference;

  // Packages: the final filesystem's wanted files, each with the layer that put it there.
  let packages: Package[] = [];
  if (catalog) {
    const byPath = new Map(image.files.map((f) => [f.path, f]));
    for (const f of image.files) {
      let src: ImageFile | undefined = f;
      if (f.type === 'symlink') {
        if (!catalog.wants(f.path)) continue;
        src = resolveInImage(byPath, f.path);
      }
      if (!src?.bytes) continue;
      catalog.add({ path: f.path, bytes: src.bytes, origin: { layer: src.layer, pathInImage: `/${f.path}` } });
    }
    packages = catalog.finish();
    for (const p of catalog.problems()) notes.push({ path: `${reference}:/${p.path.replace(/^\//, '')}`, message: p.message, code: p.code });
  }

  // Image rules over the image view.
  const findings: Finding[] = [];
  const errors: ScanError[] = image.problems.filter((p) => p.code !== 'too-large' && p.code !== 'multiple-images').map((p) => problemToError(reference, p));
  for (const p of image.problems) if (p.code === 'too-large' || p.code === 'multiple-images') notes.push({ ...(p.path ? { path: `${reference}:/${p.path}` } : {}), message: p.message, code: p.code });
  const accounts: AccountEntry[] = [];
  for (const f of image.files) {
    const kind = ACCOUNT_FILES[f.path];
    if (kind && f.bytes) accounts.push(...parseAccounts(kind, Buffer.from(f.bytes).toString('utf8'), f.layer));
  }
  const view = renderImageView(reference, image.configText, image.files, image.removed, accounts);
  const parsed = parseImageDocument(view, reference);
  let documents = 0;
  if (parsed.document) {
    documents += 1;
    for (const f of runRules(parsed.document, prepared.rules, { settings: prepared.ruleSettings })) {
      const props = f.properties as { layer?: unknown; pathInImage?: unknown } | undefined;
      if (typeof props?.layer === 'string' && props.layer) f.location.layer = props.layer;
      if (typeof props?.pathInImage === 'string') f.location.pathInImage = props.pathInImage;
      findings.push(f);
    }
  }

  // Secrets: map each layer's reading name to its diff id; layers outside the image are dropped.
  const layerOf = new Map(image.layers.map((l) => [l.key, l.diffId]));
  for (const { key, doc } of secretDocs) {
    const layer = layerOf.get(key);
    if (!layer) continue;
    doc.origin = { ...(doc.origin ?? {}), layer };
    doc.path = `${reference}:${doc.path}`;
    documents += 1;
    findings.push(...runRules(doc, prepared.rules, { settings: prepared.ruleSettings }));
  }

  // Secrets in the configuration (build arguments recorded in history, ENV values, labels), found
  // in the same view the image rules see, so their lines agree.
  if (secretsOn) {
    const out = secretsAnalyzer.analyze({ path: reference, bytes: Buffer.from(view) }, analyzerSettings);
    for (const doc of out.documents) {
      documents += 1;
      findings.push(...runRules(doc, prepared.rules, { settings: prepared.ruleSettings }));
    }
  }

  if (options.vulnerabilities) findings.push(...options.vulnerabilities(packages, notes));

  const result = finishResult({
    target: reference,
    startedAt,
    started,
    findings,
    errors,
    notes,
    filesScanned: image.files.length + image.removed.length,
    documentsScanned: documents,
    prepared,
  });
  const os = catalog?.os();
  const summary: ImageSummary = {
    reference,
    source: image.source,
    configDigest: image.configDigest,
    layers: image.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.compressedSize, expandedSize: l.expandedSize, compression: l.compression, files: l.entries })),
    files: image.files.length,
    removedFiles: image.removed.length,
  };
  if (image.manifestDigest) summary.manifestDigest = image.manifestDigest;
  if (image.platform) summary.platform = image.platform;
  if (os) summary.os = [os.id, os.versionId].filter(Boolean).join(' ');
  return { ...result, packages, image: summary };
}
