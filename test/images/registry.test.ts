import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ImageError, openImage, pullImage, scanImage } from '../../src/sources/image/index.js';
import { loadComponents, type ImageComponents } from './components.js';
import { startTokenServer, type TokenServer } from './token-server.js';

const state: { env?: ImageComponents; reason?: string } = await loadComponents();
const d = state.env ? describe : describe.skip;
if (state.reason) console.warn(`image integration tests skipped: ${state.reason}`);

const USER = 'drydock';
const PASS = 'secret-pass-1';

d('images from real components (registry on loopback, umoci, skopeo, debootstrap)', () => {
  const env = state.env!;
  let tokens: TokenServer;
  let dockerConfig: string;

  beforeAll(async () => {
    tokens = await startTokenServer({ port: env.tokenRealmPort, keyPath: env.tokenKey, certPath: env.tokenCert, issuer: env.tokenIssuer, service: env.tokenService, users: { [USER]: PASS } });
    // Push with skopeo through the token flow, as a user would.
    // Asynchronous: the token server answers skopeo from this same process.
    await promisify(execFile)('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', `${USER}:${PASS}`, `oci:${env.oci}:busybox`, `docker://${env.tokenRegistry}/drydock-test/busybox:1`], { timeout: 120_000 });
    dockerConfig = mkdtempSync(path.join(tmpdir(), 'drydock-docker-config-'));
    writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [env.tokenRegistry]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } } }));
  });

  afterAll(async () => {
    await tokens?.close();
    if (dockerConfig) rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('pulls the busybox image anonymously and sees every layer, deleted files included', async () => {
    const result = await scanImage(`${env.registry}/drydock-test/busybox:1`);
    expect(result.image.source).toBe('registry');
    expect(result.image.layers).toHaveLength(3);
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['IMG-001', 'IMG-002', 'IMG-003', 'IMG-004', 'IMG-005', 'IMG-008', 'IMG-009']));
    const key = result.findings.find((f) => f.ruleId === 'IMG-003')!;
    expect(key.location.pathInImage).toBe('/app/id_rsa');
    expect(key.location.layer).toBe(result.image.layers[1]!.diffId);
    expect(key.message).toContain('deleted by a later layer');
    // The secret detectors read the deleted file from its layer too.
    const pem = result.findings.find((f) => f.ruleId.startsWith('SEC') && f.location.pathInImage === '/app/id_rsa');
    expect(pem, result.findings.map((f) => `${f.ruleId} ${f.location.path}`).join('\n')).toBeDefined();
    expect(pem!.location.layer).toBe(result.image.layers[1]!.diffId);
    expect(pem!.location.path).toBe(`${env.registry}/drydock-test/busybox:1:/app/id_rsa`);
    expect(JSON.stringify(pem)).not.toContain('BEGIN RSA PRIVATE KEY-----\n');
  });

  it('pulls the debootstrap Debian image and catalogues its dpkg packages', async () => {
    const t0 = Date.now();
    const result = await scanImage(`${env.registry}/drydock-test/debian:1`);
    const ms = Date.now() - t0;
    expect(result.image.os).toMatch(/^debian/);
    const debs = result.packages.filter((p) => p.type === 'deb');
    expect(debs.length).toBeGreaterThan(80);
    const dpkg = debs.find((p) => p.name === 'dpkg')!;
    expect(dpkg.locations[0]!.layer).toBe(result.image.layers[0]!.diffId);
    // minbase runs as uid 1000 in this build: no root finding.
    expect(result.findings.some((f) => f.ruleId === 'IMG-001')).toBe(false);
    expect(result.findings.some((f) => f.ruleId === 'IMG-004')).toBe(true);
    console.info(`debian pull+scan: ${ms} ms, ${debs.length} deb packages, ${result.image.files} files`);
  });

  it('pulls from a registry with token auth using DOCKER_CONFIG credentials', async () => {
    const img = await pullImage(`${env.tokenRegistry}/drydock-test/busybox:1`, { dockerConfigDir: dockerConfig });
    expect(img.layers).toHaveLength(3);
    expect(tokens.requests.some((r) => r.user === USER && r.scope.some((s) => s.includes('drydock-test/busybox:pull')))).toBe(true);
  });

  it('refuses anonymous access to the token registry with a clear error', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'drydock-empty-config-'));
    try {
      await expect(pullImage(`${env.tokenRegistry}/drydock-test/busybox:1`, { dockerConfigDir: empty })).rejects.toMatchObject({ code: 'auth-failed' });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads the same image from docker-archive, OCI tarball, OCI layout and registry identically', async () => {
    const sources = await Promise.all([
      openImage('', { input: env.archives.busybox.docker }),
      openImage('', { input: env.archives.busybox.oci }),
      openImage(`oci:${env.oci}:busybox`),
      openImage(`${env.registry}/drydock-test/busybox:1`),
    ]);
    expect(sources.map((s) => s.source)).toEqual(['docker-archive', 'oci-archive', 'oci-layout', 'registry']);
    const diffIds = sources.map((s) => s.layers.map((l) => l.diffId).join(','));
    expect(new Set(diffIds).size).toBe(1);
    const listing = sources.map((s) => s.files.map((f) => `${f.path}:${f.mode.toString(8)}:${f.layer.slice(7, 15)}`).join('|'));
    expect(new Set(listing).size).toBe(1);
    expect(sources[0]!.removed.map((f) => f.path)).toContain('app/id_rsa');
    expect(sources[0]!.files.map((f) => f.path)).not.toContain('app/id_rsa');
  });

  it('reads zstd-compressed layers (skopeo --dest-compress-format zstd)', async () => {
    const zstd = await openImage(`oci:${env.ociZstd}:busybox`);
    const gzip = await openImage(`oci:${env.oci}:busybox`);
    expect(zstd.layers.map((l) => l.compression)).toEqual(['zstd', 'zstd', 'zstd']);
    expect(zstd.layers.map((l) => l.diffId)).toEqual(gzip.layers.map((l) => l.diffId));
    expect(zstd.files.length).toBe(gzip.files.length);
  });

  it('reads the Debian docker-archive and OCI tarballs', async () => {
    for (const input of [env.archives.debian.docker, env.archives.debian.oci]) {
      const r = await scanImage('drydock-test/debian:1', { input, secrets: false });
      expect(r.packages.filter((p) => p.type === 'deb').length).toBeGreaterThan(80);
    }
  });

  it('drydock image prints a JSON report with findings and packages, and gates', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => {}, isTTY: false, isErrTTY: false, env: {}, cwd: process.cwd(), readStdin: async () => '', setExitCode: () => {} };
    const code = await main(['node', 'drydock', 'image', `${env.registry}/drydock-test/busybox:1`, '--format', 'json', '--fail-on', 'high'], io);
    const report = JSON.parse(out.join('')) as { target: string; findings: { ruleId: string; location: { layer?: string } }[]; packages: unknown[]; image: { layers: unknown[] } };
    expect(report.target).toBe(`${env.registry}/drydock-test/busybox:1`);
    expect(report.findings.find((f) => f.ruleId === 'IMG-003')!.location.layer).toMatch(/^sha256:/);
    expect(Array.isArray(report.packages)).toBe(true);
    expect(code).toBe(1);
  });

  it('a missing tag is a clear not-found error', async () => {
    const err = await pullImage(`${env.registry}/drydock-test/busybox:nope`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).code).toBe('not-found');
  });
});
