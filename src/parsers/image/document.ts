import type { ScannedDocument } from '../../engine/document.js';
import type { Range, Target } from '../../rules/types.js';
import { LineIndex } from '../../util/lines.js';
import { JsonPositions } from './json-positions.js';
import type { EntryType, ImageFile } from './filesystem.js';
import type { ImageConfig } from './manifest.js';
import type { AccountEntry } from './accounts.js';

/** A file as image rules see it. `path` starts with '/'. */
export interface ImageDocFile {
  path: string;
  type: EntryType;
  /** Permission bits including setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Diff id of the layer that added it. */
  layer: string;
  /** Set when a later layer deleted or replaced it: still readable from the image's blobs. */
  removed?: 'deleted' | 'replaced';
  linkname?: string;
}

/**
 * An image as the hardening rules see it: its configuration and every file of every layer.
 * The text behind it is a JSON view (`{ reference, config, files }`); ranges point into that view,
 * and file findings also carry the layer and the path inside the image.
 */
export interface ImageDocument extends ScannedDocument {
  kind: 'image';
  reference: string;
  config: ImageConfig;
  files: ImageDocFile[];
  /** Entries of /etc/passwd, /etc/shadow and /etc/group of the final filesystem. */
  accounts: AccountEntry[];
  /** Pointer prefix of the configuration inside the view: ['config'], or [] for a bare configuration. */
  configBase: ReadonlyArray<string | number>;
  /** The history entries that created a layer, as indexes into config.history. */
  layerHistory(): number[];
}

const TYPES = new Set<EntryType>(['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other']);

function parseMode(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^0?[0-7]{1,5}$/.test(v)) return parseInt(v, 8);
  return 0;
}

/** Renders the JSON view of an image: one line per file, so a finding's line names one file. */
export function renderImageView(reference: string, configText: string, files: readonly ImageFile[], removed: readonly ImageFile[], accounts: readonly AccountEntry[] = []): string {
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    config = {};
  }
  const out: string[] = [];
  out.push('{');
  out.push(`  "reference": ${JSON.stringify(reference)},`);
  out.push(`  "config": ${JSON.stringify(config, null, 2).replace(/\n/g, '\n  ')},`);
  out.push('  "files": [');
  const all = [...files, ...removed];
  all.forEach((f, i) => {
    const o: Record<string, unknown> = {
      path: `/${f.path}`,
      type: f.type,
      mode: f.mode.toString(8).padStart(4, '0'),
      uid: f.uid,
      gid: f.gid,
      size: f.size,
      layer: f.layer,
    };
    if (f.removed) o.removed = f.removed;
    if (f.linkname !== undefined) o.linkname = f.linkname;
    out.push(`    ${JSON.stringify(o)}${i + 1 < all.length ? ',' : ''}`);
  });
  out.push(`  ]${accounts.length ? ',' : ''}`);
  if (accounts.length) {
    out.push('  "accounts": [');
    accounts.forEach((a, i) => out.push(`    ${JSON.stringify(a)}${i + 1 < accounts.length ? ',' : ''}`));
    out.push('  ]');
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

/**
 * Parses an image view (or a bare image configuration, as `docker inspect`-style tools store it)
 * into the document image rules check.
 */
export function parseImageDocument(text: string, path: string): { document?: ImageDocument; errors: { message: string; code: string; line?: number }[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { errors: [{ message: `image view is not valid JSON: ${(e as Error).message}`, code: 'invalid-json' }] };
  }
  const positions = new JsonPositions(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: [{ message: 'image view is not a JSON object', code: 'invalid-image' }] };
  }
  const root = value as Record<string, unknown>;
  const isView = 'files' in root || 'reference' in root;
  const config = ((isView ? root.config : root) ?? {}) as ImageConfig;
  const configBase = isView ? ['config'] : [];
  const files: ImageDocFile[] = [];
  if (isView && Array.isArray(root.files)) {
    for (const f of root.files as Record<string, unknown>[]) {
      if (!f || typeof f !== 'object' || typeof f.path !== 'string') continue;
      const file: ImageDocFile = {
        path: f.path.startsWith('/') ? f.path : `/${f.path}`,
        type: TYPES.has(f.type as EntryType) ? (f.type as EntryType) : 'file',
        mode: parseMode(f.mode),
        uid: typeof f.uid === 'number' ? f.uid : 0,
        gid: typeof f.gid === 'number' ? f.gid : 0,
        size: typeof f.size === 'number' ? f.size : 0,
        layer: typeof f.layer === 'string' ? f.layer : '',
      };
      if (f.removed === 'deleted' || f.removed === 'replaced') file.removed = f.removed;
      if (typeof f.linkname === 'string') file.linkname = f.linkname;
      files.push(file);
    }
  }
  const accounts: AccountEntry[] = [];
  if (isView && Array.isArray(root.accounts)) {
    for (const a of root.accounts as Record<string, unknown>[]) {
      if (!a || typeof a !== 'object' || typeof a.name !== 'string' || (a.file !== 'passwd' && a.file !== 'shadow' && a.file !== 'group')) continue;
      const e: AccountEntry = { file: a.file, name: a.name, line: typeof a.line === 'number' ? a.line : 0, layer: typeof a.layer === 'string' ? a.layer : '' };
      if (typeof a.id === 'number') e.id = a.id;
      if (typeof a.emptyPassword === 'boolean') e.emptyPassword = a.emptyPassword;
      accounts.push(e);
    }
  }
  const reference = isView && typeof root.reference === 'string' ? root.reference : path;
  const lines = new LineIndex(text);
  const toRange = (o: { start: number; end: number }): Range => {
    const s = lines.position(o.start);
    const e = lines.position(o.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  let whole: Range | undefined;
  let layerHistory: number[] | undefined;
  const doc: ImageDocument = {
    kind: 'image',
    path,
    resource: { kind: 'Image', name: reference },
    reference,
    config,
    files,
    accounts,
    configBase,
    get range() {
      return (whole ??= toRange(positions.locate([])));
    },
    resolve(target: Target): Range {
      if ('range' in target) return target.range;
      return toRange(positions.locate(target.pointer));
    },
    snippet(range: Range): string {
      return lines.slice(range.startLine, range.startColumn, range.endLine, range.endColumn);
    },
    ignores: [],
    layerHistory() {
      if (layerHistory) return layerHistory;
      const h = Array.isArray(config.history) ? config.history : [];
      layerHistory = [];
      h.forEach((e, i) => {
        if (!e?.empty_layer) layerHistory!.push(i);
      });
      return layerHistory;
    },
  };
  return { document: doc, errors: [] };
}

/** The report fields for a finding about one file: its line in the view, its layer and path. */
export function fileReport(doc: ImageDocument, index: number): { at: Target; properties: Record<string, unknown>; fingerprintData: string } {
  const f = doc.files[index]!;
  const properties: Record<string, unknown> = { layer: f.layer, pathInImage: f.path };
  if (f.removed) properties.removed = f.removed;
  return { at: { pointer: ['files', index] }, properties, fingerprintData: `${f.path}@${f.layer}` };
}

/** Pointer to a field of the image configuration. */
export function configPointer(doc: ImageDocument, ...rest: (string | number)[]): { pointer: (string | number)[] } {
  return { pointer: [...doc.configBase, ...rest] };
}

/** Where a file is, in words: "/app/id_rsa (layer 2, deleted in a later layer)". */
export function describeFile(f: ImageDocFile): string {
  const layer = f.layer ? ` (layer ${f.layer.slice(0, 19)}` : ' (';
  const state = f.removed === 'deleted' ? ', deleted by a later layer but still in the image' : f.removed === 'replaced' ? ', replaced by a later layer but still in the image' : '';
  return `${f.path}${layer}${state}${f.layer || state ? ')' : ''}`.replace(' ()', '');
}

/** The report fields for a finding about one account line. */
export function accountReport(doc: ImageDocument, index: number): { at: Target; properties: Record<string, unknown>; fingerprintData: string } {
  const a = doc.accounts[index]!;
  return { at: { pointer: ['accounts', index] }, properties: { layer: a.layer, pathInImage: `/etc/${a.file}`, line: a.line }, fingerprintData: `${a.file}:${a.name}:${a.id ?? ''}` };
}
