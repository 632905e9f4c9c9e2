import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageError, openImage, pullImage, readImageArchive, RegistryClient } from '../../src/sources/image/index.js';
import { parseReference } from '../../src/parsers/image/reference.js';
import { dockerArchive, ociLayoutEntries, sha256, tarOf } from './build.js';

const read = (buf: Buffer, options: Parameters<typeof readImageArchive>[2] = {}) => readImageArchive(Readable.from([buf]), 'test', options);

async function failure(p: Promise<unknown>): Promise<ImageError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'expected the read to fail').toBeInstanceOf(ImageError);
  return e as ImageError;
}

describe('hostile layer content', () => {
  it('reports tar path traversal and never uses the entry', async () => {
    const layer = await tarOf([{ name: 'etc/', type: 'directory' }, { name: '../../../../tmp/evil', data: 'x' }, { name: 'etc/../../outside', data: 'x' }, { name: 'etc/ok', data: 'ok' }]);
    const img = await read(await dockerArchive([layer]));
    expect(img.files.map((f) => f.path)).toEqual(['etc', 'etc/ok']);
    expect(img.problems.filter((p) => p.code === 'path-traversal').map((p) => p.path)).toEqual(['../../../../tmp/evil', 'etc/../../outside']);
    expect(img.problems[0]!.message).toMatch(/climbs out of the image root/);
  });

  it('reports absolute entry names and reads them inside the root', async () => {
    const img = await read(await dockerArchive([await tarOf([{ name: '/etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' }])]));
    expect(img.files.map((f) => f.path)).toEqual(['etc/passwd']);
    expect(img.problems).toEqual([expect.objectContaining({ code: 'absolute-path', path: '/etc/passwd' })]);
  });

  it('reports ../ symlinks that escape the root; absolute symlinks stay inside it', async () => {
    const layer = await tarOf([
      { name: 'app/escape', type: 'symlink', linkname: '../../../etc/shadow' },
      { name: 'app/abs', type: 'symlink', linkname: '/etc/shadow' },
      { name: 'app/sibling', type: 'symlink', linkname: '../etc/hosts' },
    ]);
    const img = await read(await dockerArchive([layer]));
    const escapes = img.problems.filter((p) => p.code === 'symlink-escape');
    expect(escapes.map((p) => p.path)).toEqual(['app/escape']);
    expect(escapes[0]!.message).toMatch(/points outside the image root; not followed/);
    expect(img.files.find((f) => f.path === 'app/abs')!.linkname).toBe('/etc/shadow');
  });

  it('reports hard-link loops and does not follow them', async () => {
    const layer = await tarOf([
      { name: 'a', type: 'link', linkname: 'b' },
      { name: 'b', type: 'link', linkname: 'a' },
      { name: 'self', type: 'link', linkname: 'self' },
      { name: 'real', data: 'data' },
      { name: 'alias', type: 'link', linkname: 'real' },
    ]);
    const img = await read(await dockerArchive([layer]), { wants: () => true });
    expect(img.problems.filter((p) => p.code === 'hardlink-loop').map((p) => p.path).sort()).toEqual(['a', 'b', 'self']);
    const alias = img.files.find((f) => f.path === 'alias')!;
    expect(alias.linkTarget).toBe('real');
    expect(Buffer.from(alias.bytes!).toString()).toBe('data');
  });

  it('refuses an outer archive whose entries escape it or link to absolute paths', async () => {
    const escape = await tarOf([{ name: '../manifest.json', data: '[]' }]);
    expect((await failure(read(escape))).message).toMatch(/climbs out of the archive/);
    const abs = await tarOf([{ name: 'manifest.json', type: 'symlink', linkname: '/etc/passwd' }]);
    expect((await failure(read(abs))).message).toMatch(/links to the absolute path "\/etc\/passwd"/);
    const rel = await tarOf([{ name: 'x/layer.tar', type: 'symlink', linkname: '../../../etc/passwd' }]);
    expect((await failure(read(rel))).message).toMatch(/links outside the archive/);
  });
});

describe('decompression bombs and size limits', () => {
  it('stops a layer that expands past the limit', async () => {
    const layer = await tarOf([{ name: 'zeros', data: Buffer.alloc(16 * 1024 * 1024) }]);
    const { entries } = ociLayoutEntries({ layers: [layer] });
    const e = await failure(read(await tarOf(entries), { limits: { maxExpandedBytes: 4 * 1024 * 1024 } }));
    expect(e.code).toBe('decompression-bomb');
    expect(e.message).toMatch(/expand past the 4194304-byte limit/);
  });

  it('stops a layer whose compression ratio is absurd', async () => {
    const layer = await tarOf([{ name: 'zeros', data: Buffer.alloc(16 * 1024 * 1024) }]);
    const { entries } = ociLayoutEntries({ layers: [layer] });
    const e = await failure(read(await tarOf(entries), { limits: { maxRatio: 20, ratioGraceBytes: 1024 * 1024 } }));
    expect(e.code).toBe('decompression-bomb');
    expect(e.message).toMatch(/expands more than 20x/);
  });

  it('caps the entry count', async () => {
    const layer = await tarOf(Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, data: '' })));
    const e = await failure(read(await dockerArchive([layer]), { limits: { maxEntries: 100 } }));
    expect(e.code).toBe('too-many-entries');
  });

  it('does not buffer wanted files over the per-file cap, and says so', async () => {
    const layer = await tarOf([{ name: 'var/lib/dpkg/status', data: Buffer.alloc(4096, 65) }]);
    const img = await read(await dockerArchive([layer]), { wants: () => true, limits: { maxFileBytes: 1024 } });
    expect(img.files[img.files.length - 1]!.bytes).toBeUndefined();
    expect(img.problems).toEqual([expect.objectContaining({ code: 'too-large' })]);
  });
});

describe('truncated, corrupt and tampered blobs', () => {
  it('a truncated gzip layer is a clear error', async () => {
    const layer = gzipSync(await tarOf([{ name: 'f', data: Buffer.alloc(100_000, 7) }]));
    const cut = layer.subarray(0, Math.floor(layer.length / 2));
    const e = await failure(read(await dockerArchive([await tarOf([{ name: 'f', data: Buffer.alloc(100_000, 7) }])], {}, [cut])));
    expect(['truncated-blob', 'corrupt-blob']).toContain(e.code);
    expect(e.message).toMatch(/layer .*layer\.tar/);
  });

  it('garbage after a gzip magic is a corrupt blob', async () => {
    const junk = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(2000, 0x55)]);
    const e = await failure(read(await dockerArchive([Buffer.alloc(10)], {}, [junk])));
    expect(['corrupt-blob', 'truncated-blob']).toContain(e.code);
  });

  it('a layer whose bytes do not match its digest is rejected', async () => {
    const layer = await tarOf([{ name: 'f', data: 'original' }]);
    const other = gzipSync(await tarOf([{ name: 'f', data: 'tampered' }]));
    const { entries } = ociLayoutEntries({ layers: [layer], tamper: (_d, b, kind) => (kind === 'layer' ? other : b) });
    const e = await failure(read(await tarOf(entries)));
    expect(e.code).toBe('digest-mismatch');
  });

  it('a layer whose uncompressed digest differs from the configuration is rejected', async () => {
    const layer = await tarOf([{ name: 'f', data: 'x' }]);
    const { entries } = ociLayoutEntries({ layers: [layer], diffIds: [sha256('something else')] });
    const e = await failure(read(await tarOf(entries)));
    expect(e.code).toBe('digest-mismatch');
    expect(e.message).toMatch(/configuration lists/);
  });

  it('an OCI layout directory with a tampered blob is rejected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-layout-'));
    try {
      const layer = await tarOf([{ name: 'f', data: 'x' }]);
      const { entries } = ociLayoutEntries({ layers: [layer], tamper: (_d, b, kind) => (kind === 'config' ? Buffer.from('{"tampered":true}') : b) });
      for (const e of entries) {
        const p = path.join(dir, e.name);
        await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(p), { recursive: true }));
        writeFileSync(p, e.data!);
      }
      const e = await failure(openImage(`oci:${dir}`));
      expect(e.code).toBe('digest-mismatch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('platforms', () => {
  it('picks the requested platform from an index and names the offered ones when absent', async () => {
    const layer = await tarOf([{ name: 'f', data: 'x' }]);
    const { entries } = ociLayoutEntries({ layers: [layer], platforms: [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, { os: 'linux', architecture: 's390x' }] });
    const archive = await tarOf(entries);
    const ok = await read(archive, { platform: { os: 'linux', architecture: 'arm64' } });
    expect(ok.platform).toBe('linux/arm64/v8');
    const e = await failure(read(archive, { platform: { os: 'linux', architecture: 'amd64' } }));
    expect(e.code).toBe('no-platform');
    expect(e.message).toBe('the index has no manifest for linux/amd64; it offers linux/arm64/v8, linux/s390x');
  });
});

describe('registries that misbehave (real HTTP servers on loopback)', () => {
  let server: Server | undefined;
  const sockets = new Set<import('node:net').Socket>();
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });
  async function serve(handler: RequestListener): Promise<string> {
    server = createServer(handler);
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const addr = server.address() as import('node:net').AddressInfo;
    return `127.0.0.1:${addr.port}`;
  }

  it('times out on a registry that never answers', async () => {
    const host = await serve(() => {
      /* never answers */
    });
    const t0 = Date.now();
    const e = await failure(pullImage(`${host}/slow/image:1`, { limits: { requestTimeoutMs: 500 } }));
    expect(e.code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('times out on a blob that stalls mid-stream', async () => {
    const layer = await tarOf([{ name: 'f', data: randomBytes(100_000) }]);
    const { entries, manifestDigest } = ociLayoutEntries({ layers: [layer] });
    const blobs = new Map(entries.filter((e) => e.name.startsWith('blobs/')).map((e) => [`sha256:${e.name.slice('blobs/sha256/'.length)}`, e.data as Buffer]));
    const host = await serve((req, res) => {
      const m = /\/v2\/slow\/image\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
      const digest = m?.[2] === '1' ? manifestDigest : m?.[2];
      const body = digest ? blobs.get(digest) : undefined;
      if (!body) return void res.writeHead(404).end();
      if (m![1] === 'manifests') return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(body);
      if (body.length > 10_000) {
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, 1000)); // then nothing
        return;
      }
      res.writeHead(200).end(body);
    });
    const e = await failure(pullImage(`${host}/slow/image:1`, { limits: { idleTimeoutMs: 400 } }));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/no data for 400 ms/);
  });

  it('rejects garbage answers with clear errors', async () => {
    const host = await serve((req, res) => {
      if (req.url?.includes('/html/')) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx</body></html>');
      if (req.url?.includes('/baddigest/')) return void res.writeHead(200).end(JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:../../etc/passwd', size: 1 }, layers: [] }));
      if (req.url?.includes('/schema1/')) return void res.writeHead(200).end(JSON.stringify({ schemaVersion: 1, fsLayers: [] }));
      if (req.url?.includes('/huge/')) return void res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) }).end();
      res.writeHead(500).end('{"errors":[{"code":"UNKNOWN","message":"boom"}]}');
    });
    expect(await failure(pullImage(`${host}/html/x:1`))).toMatchObject({ code: 'bad-manifest', message: expect.stringMatching(/not valid JSON/) });
    expect(await failure(pullImage(`${host}/baddigest/x:1`))).toMatchObject({ code: 'bad-manifest', message: expect.stringMatching(/not a sha256 digest/) });
    expect(await failure(pullImage(`${host}/schema1/x:1`))).toMatchObject({ code: 'bad-manifest', message: expect.stringMatching(/schema 1/) });
    expect(await failure(pullImage(`${host}/huge/x:1`))).toMatchObject({ code: 'too-large' });
    expect(await failure(pullImage(`${host}/other/x:1`))).toMatchObject({ code: 'registry-error', message: expect.stringMatching(/HTTP 500 UNKNOWN boom/) });
  });

  it('rejects a manifest whose digest does not match the one asked for', async () => {
    const host = await serve((_req, res) => void res.writeHead(200).end(JSON.stringify({ schemaVersion: 2, config: { digest: sha256('x'), size: 1 }, layers: [] })));
    const e = await failure(pullImage(`${host}/x/y@${sha256('something else')}`));
    expect(e.code).toBe('digest-mismatch');
  });

  it('rejects an index with no manifest for the platform', async () => {
    const index = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256('m'), size: 1, platform: { os: 'windows', architecture: 'amd64' } }] });
    const host = await serve((_req, res) => void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(index));
    const e = await failure(pullImage(`${host}/x/y:1`, { platform: { os: 'linux', architecture: 'amd64' } }));
    expect(e.code).toBe('no-platform');
    expect(e.message).toMatch(/no manifest for linux\/amd64; it offers windows\/amd64/);
  });

  it('fetches a new bearer token when the registry stops accepting the old one mid-pull', async () => {
    const layer = await tarOf([{ name: 'hello', data: 'hi' }]);
    const { entries, manifestDigest } = ociLayoutEntries({ layers: [layer] });
    const blobs = new Map(entries.filter((e) => e.name.startsWith('blobs/')).map((e) => [`sha256:${e.name.slice('blobs/sha256/'.length)}`, e.data as Buffer]));
    let issued = 0;
    const host = await serve((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/token')) return void res.writeHead(200).end(JSON.stringify({ token: `t${++issued}` }));
      const m = /\/(manifests|blobs)\/(.+)$/.exec(url);
      // Token t1 is good for the manifest only, as if it expired right after.
      const ok = req.headers.authorization === `Bearer t${issued}` && (m?.[1] === 'manifests' || issued > 1);
      if (!ok) return void res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="test"` }).end();
      const body = blobs.get(m?.[2] === '1' ? manifestDigest : (m?.[2] ?? ''));
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(body);
    });
    const img = await pullImage(`${host}/p/q:1`, { dockerConfigDir: '/nonexistent' });
    expect(img.files.map((f) => f.path)).toEqual(['hello']);
    expect(issued).toBe(2);
  });

  it('exchanges an identitytoken from config.json for an access token (OAuth refresh grant)', async () => {
    const layer = await tarOf([{ name: 'hello', data: 'hi' }]);
    const { entries, manifestDigest } = ociLayoutEntries({ layers: [layer] });
    const blobs = new Map(entries.filter((e) => e.name.startsWith('blobs/')).map((e) => [`sha256:${e.name.slice('blobs/sha256/'.length)}`, e.data as Buffer]));
    const forms: string[] = [];
    const host = await serve((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/oauth2/token') && req.method === 'POST') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          forms.push(body);
          const ok = new URLSearchParams(body).get('refresh_token') === 'refresh-123';
          res.writeHead(ok ? 200 : 401).end(ok ? JSON.stringify({ access_token: 'acc-1' }) : '{}');
        });
        return;
      }
      if (req.headers.authorization !== 'Bearer acc-1') return void res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/oauth2/token",service="reg"` }).end();
      const m = /\/(manifests|blobs)\/(.+)$/.exec(url);
      const body = blobs.get(m?.[2] === '1' ? manifestDigest : (m?.[2] ?? ''));
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(body);
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cfg-'));
    try {
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('<token>:').toString('base64'), identitytoken: 'refresh-123' } } }));
      const img = await pullImage(`${host}/p/q:1`, { dockerConfigDir: dir });
      expect(img.files.map((f) => f.path)).toEqual(['hello']);
      expect(new URLSearchParams(forms[0]).get('grant_type')).toBe('refresh_token');
      expect(new URLSearchParams(forms[0]).get('service')).toBe('reg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a basic-auth challenge with credentials from config.json username/password', async () => {
    const layer = await tarOf([{ name: 'hello', data: 'hi' }]);
    const { entries, manifestDigest } = ociLayoutEntries({ layers: [layer] });
    const blobs = new Map(entries.filter((e) => e.name.startsWith('blobs/')).map((e) => [`sha256:${e.name.slice('blobs/sha256/'.length)}`, e.data as Buffer]));
    const expected = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
    const host = await serve((req, res) => {
      if (req.headers.authorization !== expected) return void res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
      const m = /\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
      const body = blobs.get(m?.[2] === '1' ? manifestDigest : (m?.[2] ?? ''));
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(body);
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-cfg-'));
    try {
      const empty = await failure(pullImage(`${host}/p/q:1`, { dockerConfigDir: dir }));
      expect(empty.code).toBe('auth-failed');
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [`http://${host}`]: { username: 'alice', password: 's3cret' } } }));
      const img = await pullImage(`${host}/p/q:1`, { dockerConfigDir: dir });
      expect(img.files.map((f) => f.path)).toEqual(['hello']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('transport security', () => {
  it('speaks HTTPS to registries off loopback, and plain HTTP only with --insecure after a TLS failure', async () => {
    const urls: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      if (url.startsWith('https://')) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' } });
      return new Response('{}', { status: 404 });
    }) as unknown as typeof fetch;
    const secure = new RegistryClient(parseReference('registry.example.com/app:1'), { fetch: fakeFetch, dockerConfigDir: '/nonexistent' });
    await expect(secure.manifest('1')).rejects.toMatchObject({ code: 'registry-error' });
    expect(urls).toEqual(['https://registry.example.com/v2/app/manifests/1']);
    urls.length = 0;
    const insecure = new RegistryClient(parseReference('registry.example.com/app:1'), { fetch: fakeFetch, insecure: true, dockerConfigDir: '/nonexistent' });
    await expect(insecure.manifest('1')).rejects.toMatchObject({ code: 'not-found' });
    expect(urls).toEqual(['https://registry.example.com/v2/app/manifests/1', 'http://registry.example.com/v2/app/manifests/1']);
  });

  it('writes nothing to disk while reading an image', async () => {
    const before = readdirSync(tmpdir()).length;
    await read(await dockerArchive([await tarOf([{ name: 'etc/x', data: 'x' }])]), { wants: () => true });
    expect(readdirSync(tmpdir()).length).toBe(before);
  });
});

describe('archive layouts', () => {
  it('reads a Docker 25+ save (manifest.json pointing into blobs/sha256) and a gzip-compressed archive', async () => {
    const layer = await tarOf([{ name: 'etc/hostname', data: 'box\n' }]);
    const { entries, layerDigests } = ociLayoutEntries({ layers: [layer], raw: true });
    const configEntry = entries.find((e) => e.name.startsWith('blobs/') && String(e.data).includes('"rootfs"'))!;
    const manifestJson = JSON.stringify([{ Config: configEntry.name, RepoTags: ['box:1'], Layers: layerDigests.map((d) => `blobs/sha256/${d.slice(7)}`) }]);
    const archive = await tarOf([...entries, { name: 'manifest.json', data: manifestJson }]);
    for (const buf of [archive, gzipSync(archive)]) {
      const img = await read(buf);
      expect(img.source).toBe('docker-archive');
      expect(img.files.map((f) => f.path)).toEqual(['etc/hostname']);
      expect(img.layers[0]!.diffId).toBe(sha256(layer));
    }
  });

  it('selects an image of a docker archive by its tag', async () => {
    const a = await dockerArchive([await tarOf([{ name: 'a', data: 'a' }])]);
    const img = await read(a, { select: 'test/image:1' });
    expect(img.files.map((f) => f.path)).toEqual(['a']);
  });
});
