import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { VirtualFile } from '../analyzers/types.js';

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function* tarEntries(input: NodeJS.ReadableStream): AsyncGenerator<{ name: string; type: string; stream: Readable }> {
  const extract = tar.extract();
  input.pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    yield { name: entry.header.name, type: entry.header.type ?? 'file', stream: entry as unknown as Readable };
    entry.resume();
  }
}

function gunzipIfNeeded(buf: Buffer): Readable {
  const r = Readable.from([buf]);
  return buf[0] === 0x1f && buf[1] === 0x8b ? r.pipe(createGunzip()) : r;
}

/**
 * Test-only reader of a `docker save` tarball: yields the wanted regular files of each layer in
 * manifest order (the image readers of the project do this properly, with whiteouts and bounds).
 */
export async function* dockerArchiveFiles(file: string, wants: (p: string) => boolean): AsyncGenerator<VirtualFile> {
  const outer = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  const blobs = new Map<string, Buffer>();
  let manifest: { Layers: string[] }[] = [];
  for await (const e of tarEntries(outer)) {
    if (e.name === 'manifest.json') manifest = JSON.parse((await drain(e.stream)).toString('utf8'));
    else if (e.type === 'file' && (e.name.endsWith('.tar') || e.name.startsWith('blobs/') || e.name.endsWith('.tar.gz'))) blobs.set(e.name, await drain(e.stream));
  }
  const layers = manifest[0]?.Layers ?? [];
  for (const name of layers) {
    const blob = blobs.get(name);
    if (!blob) continue;
    const layer = `sha256:${(await import('node:crypto')).createHash('sha256').update(blob).digest('hex')}`;
    for await (const e of tarEntries(gunzipIfNeeded(blob))) {
      const p = e.name.replace(/^\.?\//, '');
      if (e.type !== 'file' || !wants(p)) continue;
      yield { path: `/${p}`, bytes: await drain(e.stream), origin: { layer } };
    }
  }
}
