import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerArchive, ociLayoutEntries, sha256, tarOf, type TarEntry } from './fixtures/archives.js';
import { readImageArchive, readImageArchiveFile } from './archive.js';
import { ImageError } from './errors.js';
import { readLayerFile, ReadBudget } from './layer.js';
import { resolveLimits } from './limits.js';
import { decodeTarHeader, TarPush, type TarHeader } from './tar-sync.js';
import tar from 'tar-stream';
import type { ReadImageOptions } from './types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'drydock-archive-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function onDisk(bytes: Buffer): string {
  const file = path.join(dir, `a${n++}.tar`);
  writeFileSync(file, bytes);
  return file;
}

type Outcome = { ok: true; image: unknown; inspected: string[] } | { ok: false; code: string; message: string };

async function outcome(read: (o: ReadImageOptions) => Promise<unknown>, options: ReadImageOptions): Promise<Outcome> {
  const inspected: string[] = [];
  const o: ReadImageOptions = {
    ...options,
    ...(options.inspect ? { onFile: (key, p, bytes) => inspected.push(`${key}:${p}:${sha256(Buffer.from(bytes))}`) } : {}),
  };
  try {
    return { ok: true, image: await read(o), inspected };
  } catch (e) {
    if (!(e instanceof ImageError)) throw e;
    return { ok: false, code: e.code, message: e.message };
  }
}

/** The file reader must see exactly what the stream reader sees: the same image, or the same error. */
async function same(archive: Buffer, options: ReadImageOptions = {}): Promise<Outcome> {
  const streamed = await outcome((o) => readImageArchive(Readable.from([archive]), 'test', o), options);
  const fromFile = await outcome((o) => readImageArchiveFile(onDisk(archive), 'test', o), options);
  expect(fromFile).toEqual(streamed);
  const borrowed = await outcome((o) => readImageArchiveFile(onDisk(archive), 'test', { ...o, onFileBorrows: true }), options);
  expect(borrowed).toEqual(streamed);
  return fromFile;
}

const everything: ReadImageOptions = { wants: () => true, inspect: (_p, size) => size > 0 };

describe('reading an archive file in place gives what streaming it gives', () => {
  it('a docker save archive with uncompressed layers, whiteouts, links and long names', async () => {
    const long = `deep/${'d'.repeat(120)}/${'n'.repeat(110)}.txt`;
    const base = await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' },
      { name: 'usr/bin/tool', data: Buffer.alloc(70_000, 9), mode: 0o4755 },
      { name: long, data: 'long name' },
      { name: 'etc/link', type: 'symlink', linkname: `../${long}` },
      { name: 'gone', data: 'soon deleted' },
      { name: 'keep/a', data: 'a' },
    ]);
    const top = await tarOf([{ name: '.wh.gone', data: '' }, { name: 'keep/.wh..wh..opq', data: '' }, { name: 'usr/bin/tool', type: 'link', linkname: 'etc/os-release' }]);
    const r = await same(await dockerArchive([base, top]), everything);
    expect(r.ok).toBe(true);
    const paths = (r as { image: { files: { path: string }[] } }).image.files.map((f) => f.path);
    expect(paths).toContain(long);
    expect(paths).not.toContain('gone');
    expect((r as { inspected: string[] }).inspected.length).toBeGreaterThan(3);
  });

  it('an OCI layout tarball with gzip and with uncompressed layers', async () => {
    const layer = await tarOf([{ name: 'a/b', data: 'x'.repeat(1000) }, { name: 'bin/sh', data: Buffer.alloc(5000, 1) }]);
    for (const raw of [false, true]) {
      const { entries } = ociLayoutEntries({ layers: [layer], raw });
      const r = await same(await tarOf(entries), everything);
      expect(r.ok).toBe(true);
    }
  });

  it('a compressed outer archive', async () => {
    const r = await same(gzipSync(await dockerArchive([await tarOf([{ name: 'f', data: 'x' }])])), everything);
    expect(r.ok).toBe(true);
  });

  it('hostile entries: traversal, absolute names, escaping links, hard-link loops', async () => {
    const layer = await tarOf([
      { name: '../../../../tmp/evil', data: 'x' },
      { name: '/etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
      { name: 'app/escape', type: 'symlink', linkname: '../../../etc/shadow' },
      { name: 'h', type: 'link', linkname: '../../outside' },
      { name: 'a', type: 'link', linkname: 'b' },
      { name: 'b', type: 'link', linkname: 'a' },
    ]);
    await same(await dockerArchive([layer]), everything);
    for (const bad of [
      [{ name: '../manifest.json', data: '[]' }],
      [{ name: 'manifest.json', type: 'symlink', linkname: '/etc/passwd' }],
      [{ name: 'x/layer.tar', type: 'symlink', linkname: '../../../etc/passwd' }],
    ] as TarEntry[][]) {
      expect((await same(await tarOf(bad))).ok).toBe(false);
    }
  });

  it('limits: expanded bytes, entries, per-file buffering, archive entries', async () => {
    const zeros = await tarOf([{ name: 'zeros', data: Buffer.alloc(3 * 1024 * 1024) }]);
    const bomb = await same(await dockerArchive([zeros]), { limits: { maxExpandedBytes: 1024 * 1024 } });
    expect(bomb).toMatchObject({ ok: false, code: 'decompression-bomb' });
    const many = await tarOf(Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, data: '' })));
    expect(await same(await dockerArchive([many]), { limits: { maxEntries: 100 } })).toMatchObject({ ok: false, code: 'too-many-entries' });
    const big = await tarOf([{ name: 'var/lib/dpkg/status', data: Buffer.alloc(4096, 65) }]);
    expect(await same(await dockerArchive([big]), { ...everything, limits: { maxFileBytes: 1024 } })).toMatchObject({ ok: true });
    expect(await same(await dockerArchive([big]), { ...everything, limits: { maxBufferedBytes: 1000 } })).toMatchObject({ ok: true });
    expect(await same(await dockerArchive([many]), { limits: { maxArchiveEntries: 2 } })).toMatchObject({ ok: false, code: 'too-many-entries' });
    expect(await same(await dockerArchive([zeros]), { limits: { maxBlobBytes: 1024 } })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('tampered blobs: a layer or diff id that does not match', async () => {
    const layer = await tarOf([{ name: 'f', data: 'original' }]);
    const other = await tarOf([{ name: 'f', data: 'tampered' }]);
    const tampered = ociLayoutEntries({ layers: [layer], raw: true, tamper: (_d, b, kind) => (kind === 'layer' ? other : b) });
    expect(await same(await tarOf(tampered.entries))).toMatchObject({ ok: false, code: 'digest-mismatch' });
    const diff = ociLayoutEntries({ layers: [layer], raw: true, diffIds: [sha256('something else')] });
    expect(await same(await tarOf(diff.entries))).toMatchObject({ ok: false, code: 'digest-mismatch' });
    const renamed = await dockerArchive([layer], { rootfs: { type: 'layers', diff_ids: [sha256('other')] } });
    await same(renamed);
  });

  it('truncated archives and layers, and garbage after the end', async () => {
    const archive = await dockerArchive([await tarOf([{ name: 'f', data: Buffer.alloc(100_000, 7) }])]);
    // Without its closing zero blocks an archive still reads; cut anywhere before them, it does not.
    expect((await same(archive.subarray(0, archive.length - 1024))).ok).toBe(true);
    for (const cut of [archive.length - 1100, Math.floor(archive.length / 2), 700, 300]) {
      expect((await same(archive.subarray(0, cut))).ok).toBe(false);
    }
    const layer = await tarOf([{ name: 'f', data: Buffer.alloc(10_000, 7) }]);
    const cutLayer = layer.subarray(0, 5000);
    expect((await same(await dockerArchive([layer], {}, [cutLayer]))).ok).toBe(false);
    const junk = Buffer.concat([layer, Buffer.alloc(512, 0x41)]);
    expect((await same(await dockerArchive([layer], {}, [junk]))).ok).toBe(false);
    expect((await same(await dockerArchive([layer], {}, [Buffer.alloc(0)]))).ok).toBe(false);
  });
});

describe('a layer file read in place', () => {
  it('lists the same entries and digests as the stream reader, with the limits enforced', async () => {
    const layer = await tarOf([{ name: 'etc/os-release', data: 'ID=alpine\n' }, { name: 'bin/busybox', data: Buffer.alloc(200_000, 3) }]);
    const file = onDisk(layer);
    const opts = () => ({ name: 'l', wants: () => true, budget: new ReadBudget(resolveLimits()), expectDigest: sha256(layer) });
    const read = await readLayerFile(file, opts());
    expect(read.digest).toBe(sha256(layer));
    expect(read.diffId).toBe(sha256(layer));
    expect(read.entries.map((e) => [e.path, e.size, e.bytes?.length])).toEqual([
      ['etc/os-release', 10, 10],
      ['bin/busybox', 200_000, 200_000],
    ]);
    await expect(readLayerFile(file, { ...opts(), expectSize: layer.length - 1 })).rejects.toMatchObject({ code: 'size-mismatch' });
    await expect(readLayerFile(file, { ...opts(), expectSize: layer.length + 1 })).rejects.toMatchObject({ code: 'truncated-blob' });
    const gz = onDisk(gzipSync(layer));
    const viaStream = await readLayerFile(gz, { ...opts(), expectDigest: undefined as unknown as string });
    expect(viaStream.compression).toBe('gzip');
    expect(viaStream.diffId).toBe(sha256(layer));
  });
});

describe('tar headers', () => {
  it('decodes base-256 sizes, refuses bad checksums and unknown formats, and reads zero blocks as null', async () => {
    expect(decodeTarHeader(Buffer.alloc(512))).toBeNull();
    const block = Buffer.from((await tarOf([{ name: 'f', data: 'abc' }])).subarray(0, 512));
    expect(decodeTarHeader(block)).toMatchObject({ name: 'f', type: 'file', size: 3 });
    const big = Buffer.from(block);
    big.fill(0, 124, 136);
    big[124] = 0x80;
    big.writeUIntBE(2 ** 40, 130, 6);
    big.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of big) sum += b;
    big.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(decodeTarHeader(big)!.size).toBe(2 ** 40);
    const bad = Buffer.from(block);
    bad[0] = 0x67;
    expect(() => decodeTarHeader(bad)).toThrow(/Invalid tar header/);
  });
});

/** Every entry as tar-stream reads it: name, type, size, mode, ids, link and content. */
async function withTarStream(archive: Buffer): Promise<unknown[]> {
  const out: unknown[] = [];
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      const h = entry.header;
      out.push({ name: h.name, type: h.type, size: h.size, mode: h.mode, uid: h.uid, gid: h.gid, linkname: h.linkname, body: Buffer.concat(chunks).toString('latin1') });
    }
  })();
  extract.end(archive);
  await done;
  return out;
}

function withTarPush(archive: Buffer, chunk: number): unknown[] {
  const out: unknown[] = [];
  let last: TarHeader | undefined;
  const parser = new TarPush({
    header: (h) => {
      last = h;
      return Buffer.alloc(h.size);
    },
    content: (bytes) => {
      const h = last!;
      out.push({ name: h.name, type: h.type, size: h.size, mode: h.mode, uid: h.uid, gid: h.gid, linkname: h.linkname, body: Buffer.from(bytes).toString('latin1') });
    },
  });
  for (let i = 0; i < archive.length; i += chunk) parser.push(archive.subarray(i, i + chunk));
  parser.end();
  return out;
}

describe('TarPush reads what tar-stream reads, however the bytes are split', () => {
  it('GNU, PAX and ustar archives from tar(1), and tar-stream\'s own', async () => {
    const root = path.join(dir, 'tree');
    const long = `${'l'.repeat(90)}/${'m'.repeat(120)}`;
    mkdirSync(path.join(root, long), { recursive: true });
    writeFileSync(path.join(root, long, 'file.txt'), 'deep');
    writeFileSync(path.join(root, 'big'), Buffer.alloc(70_000, 5));
    writeFileSync(path.join(root, 'empty'), '');
    symlinkSync(`${long}/file.txt`, path.join(root, 'link-with-a-long-target'));
    const archives: Buffer[] = [];
    for (const format of ['gnu', 'posix', 'ustar']) {
      try {
        archives.push(execFileSync('tar', [`--format=${format}`, '-C', root, '-cf', '-', '.'], { maxBuffer: 1 << 24 }));
      } catch {
        // ustar cannot hold the long names; the other formats still run.
      }
    }
    archives.push(await tarOf([{ name: `p/${'x'.repeat(200)}`, data: 'pax' }, { name: 'd/', type: 'directory' }, { name: 'h', type: 'link', linkname: `p/${'x'.repeat(200)}` }]));
    expect(archives.length).toBeGreaterThanOrEqual(3);
    for (const archive of archives) {
      const expected = await withTarStream(archive);
      for (const chunk of [1, 7, 511, 512, 513, 65536]) expect(withTarPush(archive, chunk)).toEqual(expected);
    }
  });

  it('fails where tar-stream fails: data ending inside an entry or a header, a bad checksum', async () => {
    const archive = await tarOf([{ name: 'f', data: Buffer.alloc(2000, 1) }]);
    expect(() => withTarPush(archive.subarray(0, 1000), 100)).toThrow('Unexpected end of data');
    expect(() => withTarPush(archive.subarray(0, 300), 100)).toThrow('Unexpected end of data');
    const bad = Buffer.from(archive);
    bad[10] = 0x41;
    expect(() => withTarPush(bad, 512)).toThrow(/Invalid tar header/);
    await expect(withTarStream(bad)).rejects.toThrow(/Invalid tar header/);
  });
});
