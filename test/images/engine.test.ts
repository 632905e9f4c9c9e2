import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from '../../src/sources/image/index.js';
import { dockerArchive, tarOf } from './build.js';

/** A Docker engine API on a unix socket, answering the two calls the reader makes. */
describe('local Docker engine through its socket', () => {
  let server: Server;
  let dir: string;
  let socket: string;
  const calls: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-engine-'));
    socket = path.join(dir, 'docker.sock');
    const archive = await dockerArchive([await tarOf([{ name: 'etc/os-release', data: 'ID=test\n' }, { name: 'usr/bin/sudo', data: 'x', mode: 0o4755 }])], { config: { User: '' } });
    server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      if (req.url === '/images/test%2Fimage%3A1/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"Id":"sha256:x"}');
      if (req.url === '/images/test%2Fimage%3A1/get') return void res.writeHead(200, { 'content-type': 'application/x-tar' }).end(archive);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"No such image"}');
    });
    await new Promise<void>((r) => server.listen(socket, () => r()));
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports an image the engine has (GET /images/{name}/get)', async () => {
    const img = await openImage('test/image:1', { dockerSocket: socket });
    expect(img.source).toBe('docker-engine');
    expect(img.files.map((f) => f.path)).toEqual(['etc/os-release', 'usr/bin/sudo']);
    expect(calls).toEqual(['GET /images/test%2Fimage%3A1/json', 'GET /images/test%2Fimage%3A1/get']);
  });

  it('docker-daemon: names the engine explicitly; a missing image is not-found', async () => {
    await expect(openImage('docker-daemon:other:2', { dockerSocket: socket })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/Docker engine: image "other:2" not found/) });
  });
});
