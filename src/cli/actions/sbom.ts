import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUFFERED_CATALOGERS, createCatalog, STREAMED_CATALOGERS, type Catalog } from '../../catalog/index.js';
import type { SbomSubject } from '../../catalog/sbom-input.js';
import { REPORT_SCHEMA_VERSION, type Package, type ScanError, type ScanNote, type ScanResult } from '../../model/index.js';
import type { ImageFile } from '../../parsers/image/filesystem.js';
import { parsePlatform } from '../../parsers/image/reference.js';
import { resolveSymlinkTarget } from '../../parsers/image/paths.js';
import { walkFiles } from '../../sources/filesystem.js';
import { isImageError } from '../../sources/image/errors.js';
import { openImage, type OpenImageOptions } from '../../sources/image/open.js';
import { VERSION } from '../../version.js';
import { UsageError, type CliIO } from '../io.js';
import { findFormat } from '../../formats/index.js';

const MAX_FILE = 512 * 1024 * 1024;

export interface SbomOptions {
  cwd?: string;
  /** Read the image from this docker save / OCI tarball or OCI layout directory. */
  input?: string;
  platform?: OpenImageOptions['platform'];
  insecure?: boolean;
  dockerConfigDir?: string;
  now?: Date;
}

function emptyResult(target: string, startedAt: string): ScanResult {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'drydock', version: VERSION },
    target,
    startedAt,
    findings: [],
    errors: [],
    notes: [],
    stats: { filesScanned: 0, documentsScanned: 0, durationMs: 0, findingsBySeverity: {}, suppressed: 0 },
  };
}

/** A tar archive has "ustar" at offset 257; gzip starts 1f 8b. Either means an image archive here. */
function looksLikeArchive(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(264);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    return n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar';
  } finally {
    closeSync(fd);
  }
}

type TargetKind = 'directory' | 'file' | 'image';

export function classifyTarget(target: string, cwd: string, input?: string): TargetKind {
  if (input) return 'image';
  if (/^(?:docker-archive|oci-archive|oci|docker-daemon|docker):/.test(target)) return 'image';
  const abs = path.resolve(cwd, target);
  if (!existsSync(abs)) return 'image';
  const st = statSync(abs);
  if (st.isDirectory()) return existsSync(path.join(abs, 'oci-layout')) ? 'image' : 'directory';
  return looksLikeArchive(abs) ? 'image' : 'file';
}

async function catalogDirectory(root: string, catalog: Catalog, errors: ScanError[], notes: ScanNote[]): Promise<number> {
  // Locations are relative to the target, so the SBOM does not depend on where it was made.
  const base = root.replace(/\/+$/, '');
  let files = 0;
  for await (const item of walkFiles(root, { skipDirNames: ['.git'], skipDirs: [], skipFiles: [], maxFileSize: MAX_FILE, wants: (rel) => catalog.wants(rel) })) {
    if (item.type === 'error') errors.push(item.error);
    else if (item.type === 'note') notes.push(item.note);
    else {
      const shown = item.file.path;
      const rel = shown.startsWith(`${base}/`) ? shown.slice(base.length + 1) : path.basename(shown);
      catalog.add({ ...item.file, path: rel });
      files++;
    }
  }
  return files;
}

/** Adds packages found outside the catalog; one purl is one package, with every location. */
function mergePackages(base: Package[], more: Package[]): Package[] {
  if (more.length === 0) return base;
  const byPurl = new Map(base.map((p) => [p.purl, p]));
  for (const p of more) {
    const seen = byPurl.get(p.purl);
    if (seen) seen.locations.push(...p.locations.filter((l) => !seen.locations.some((x) => x.path === l.path && x.layer === l.layer)));
    else byPurl.set(p.purl, p);
  }
  return [...byPurl.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
}

function resolveInImage(byPath: Map<string, ImageFile>, file: ImageFile): ImageFile | undefined {
  let cur: ImageFile | undefined = file;
  for (let hops = 0; cur && cur.type === 'symlink' && hops < 16; hops++) {
    const t = resolveSymlinkTarget(cur.path, cur.linkname ?? '');
    if (t.escapes) return undefined;
    cur = byPath.get(t.path);
  }
  return cur && cur.type === 'file' ? cur : undefined;
}

/**
 * Inventories a directory, a single file or an image, and returns a result whose `packages` and
 * `sbom` sections the SBOM formats render. Image read failures throw the image reader's ImageError.
 */
export async function collectSbom(target: string, options: SbomOptions = {}): Promise<ScanResult & { packages: Package[]; sbom: SbomSubject }> {
  const cwd = options.cwd ?? process.cwd();
  const started = Date.now();
  const startedAt = (options.now ?? new Date(started)).toISOString();
  const kind = classifyTarget(target, cwd, options.input);
  const errors: ScanError[] = [];
  const notes: ScanNote[] = [];
  let files = 0;
  const extra: Package[] = [];
  let subject: SbomSubject;
  let catalog: Catalog;
  if (kind === 'image') {
    catalog = createCatalog({ lockfiles: false, catalogers: BUFFERED_CATALOGERS });
    // Executables and archives are parsed as each layer streams past, then dropped; only those
    // still in the final filesystem count.
    const streamed = createCatalog({ catalogers: STREAMED_CATALOGERS });
    const fromLayers = new Map<string, Package[]>();
    const onDisk = options.input ?? (existsSync(path.resolve(cwd, target)) ? target : undefined);
    const image = await openImage(target, {
      wants: (p) => catalog.wants(p),
      inspect: (p) => streamed.wants(p),
      // The streamed catalogers keep packages, never the bytes they parse.
      onFileBorrows: true,
      onFile: (layerKey, p, bytes) => {
        const one = createCatalog({ catalogers: STREAMED_CATALOGERS });
        one.add({ path: `/${p}`, bytes });
        const found = one.finish();
        for (const problem of one.problems()) errors.push({ path: problem.path, message: problem.message, code: problem.code });
        if (found.length > 0) fromLayers.set(`${layerKey}\0${p}`, found);
      },
      ...(onDisk ? { input: path.resolve(cwd, onDisk) } : {}),
      ...(options.platform ? { platform: options.platform } : {}),
      ...(options.insecure ? { insecure: true } : {}),
      ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
    });
    const byPath = new Map(image.files.map((f) => [f.path, f]));
    for (const f of image.files) {
      if (!catalog.wants(f.path)) continue;
      const src = f.type === 'symlink' ? resolveInImage(byPath, f) : f;
      if (!src?.bytes) continue;
      catalog.add({ path: `/${f.path}`, bytes: src.bytes, origin: { layer: src.layer, pathInImage: `/${f.path}` } });
      files++;
    }
    const keyOf = new Map(image.layers.map((l) => [l.diffId, l.key]));
    for (const f of image.files) {
      if (f.type !== 'file') continue;
      const found = fromLayers.get(`${keyOf.get(f.layer)}\0${f.path}`);
      for (const p of found ?? []) extra.push({ ...p, locations: [{ path: `/${f.path}`, layer: f.layer }] });
    }
    for (const p of image.problems) notes.push({ ...(p.path ? { path: `/${p.path}` } : {}), message: p.message, code: p.code });
    const reference = image.reference || target;
    subject = { kind: 'image', name: reference, ...(image.manifestDigest ? { version: image.manifestDigest } : { version: image.configDigest }) };
  } else {
    catalog = createCatalog();
    files = await catalogDirectory(path.resolve(cwd, target), catalog, errors, notes);
    subject = { kind: kind === 'file' ? 'file' : 'directory', name: target };
  }
  const packages = mergePackages(catalog.finish(), extra);
  for (const p of catalog.problems()) errors.push({ path: p.path, message: p.message, code: p.code });
  const os = catalog.os();
  if (os) subject.os = { id: os.id, ...(os.versionId ? { versionId: os.versionId } : {}), ...(os.prettyName ? { prettyName: os.prettyName } : {}) };
  const result = emptyResult(subject.name, startedAt);
  result.errors = errors;
  result.notes = notes;
  result.stats.filesScanned = files;
  result.stats.durationMs = Date.now() - started;
  return { ...result, packages, sbom: subject };
}

/** The flags of `drydock sbom` (see commands/sbom.ts). */
export interface SbomFlags {
  format: string;
  output?: string;
  input?: string;
  platform?: string;
  insecure?: boolean;
}

export async function runSbom(io: CliIO, target: string, flags: SbomFlags): Promise<void> {
  let platform;
  if (flags.platform) {
    try {
      platform = parsePlatform(flags.platform);
    } catch (e) {
      throw new UsageError(`--platform: ${(e as Error).message}`);
    }
  }
  let result;
  try {
    result = await collectSbom(target, {
      cwd: io.cwd,
      ...(flags.input ? { input: flags.input } : {}),
      ...(platform ? { platform } : {}),
      ...(flags.insecure ? { insecure: true } : {}),
      ...(io.env.DOCKER_CONFIG ? { dockerConfigDir: io.env.DOCKER_CONFIG } : {}),
    });
  } catch (e) {
    if (isImageError(e)) {
      io.stderr(`drydock: cannot read image ${target}: ${e.message} [${e.code}]\n`);
      io.setExitCode(3);
      return;
    }
    throw e;
  }
  for (const err of result.errors) io.stderr(`drydock: ${err.path}: ${err.message}\n`);
  const format = findFormat(flags.format)!;
  const text = format.render(result, { color: false, showSuppressed: false, rules: [] });
  if (flags.output) writeFileSync(path.resolve(io.cwd, flags.output), text);
  else io.stdout(text);
}
