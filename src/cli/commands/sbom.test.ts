import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { elf64, goBuildInfoSection } from '../../catalog/fixtures/builders.js';
import { main } from '../main.js';
import type { CliIO } from '../io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'drydock-sbom-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    isErrTTY: false,
    env: {},
    cwd: tmp,
    readStdin: async () => '',
    setExitCode: () => undefined,
  };
  const code = await main(['node', 'drydock', ...args], io);
  return { code, stdout, stderr };
}

async function tarOf(files: Record<string, Uint8Array | string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, data] of Object.entries(files)) pack.entry({ name, mode: 0o755 }, typeof data === 'string' ? Buffer.from(data) : Buffer.from(data));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** A one-layer `docker save` archive holding a Debian status file, a Go binary and an npm package. */
async function dockerArchive(file: string): Promise<void> {
  const modinfo = 'path\texample.com/app\nmod\texample.com/app\t(devel)\t\ndep\tgithub.com/google/uuid\tv1.6.0\th1:x=\n';
  const layer = await tarOf({
    'etc/os-release': 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
    'var/lib/dpkg/status': 'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nSource: glibc\nVersion: 2.36-9+deb12u4\n\n',
    'usr/local/bin/app': elf64([{ name: '.go.buildinfo', data: goBuildInfoSection('go1.22.5', modinfo) }]),
    'srv/node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.3.0', license: 'WTFPL' }),
  });
  const diffId = `sha256:${createHash('sha256').update(layer).digest('hex')}`;
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [diffId] } });
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  const archive = await tarOf({
    'manifest.json': JSON.stringify([{ Config: configName, RepoTags: ['example/app:1'], Layers: ['layer.tar'] }]),
    [configName]: config,
    'layer.tar': layer,
  });
  writeFileSync(file, archive);
}

describe('drydock sbom', () => {
  it('writes a CycloneDX SBOM of a directory from its lockfiles', async () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'web'), { recursive: true });
    writeFileSync(path.join(repo, 'go.mod'), 'module example.com/x\n\nrequire github.com/google/uuid v1.6.0\n');
    writeFileSync(path.join(repo, 'web/package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/ms': { version: '2.1.3', license: 'MIT' } } }));
    const r = await run(['sbom', 'repo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bom = JSON.parse(r.stdout);
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component).toMatchObject({ type: 'application', name: 'repo' });
    expect(bom.components.map((c: { purl: string }) => c.purl).sort()).toEqual(['pkg:golang/github.com/google/uuid@v1.6.0', 'pkg:npm/ms@2.1.3']);
    const ms = bom.components.find((c: { name: string }) => c.name === 'ms');
    expect(ms.properties).toContainEqual({ name: 'drydock:location:0:path', value: 'web/package-lock.json' });
  });

  it('writes SPDX to a file with --output', async () => {
    const r = await run(['sbom', 'repo', '--format', 'spdx', '--output', 'out.spdx.json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(tmp, 'out.spdx.json'), 'utf8'));
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    expect(doc.packages.map((p: { name: string }) => p.name)).toEqual(['repo', 'github.com/google/uuid', 'ms']);
  });

  it('inventories an image archive: OS packages, Go build info (streamed) and node_modules, with layers', async () => {
    const file = path.join(tmp, 'app.docker.tar');
    await dockerArchive(file);
    const r = await run(['sbom', 'app.docker.tar']);
    expect(r.code).toBe(0);
    const bom = JSON.parse(r.stdout);
    expect(bom.metadata.component.type).toBe('container');
    const purls = bom.components.map((c: { purl?: string }) => c.purl).filter(Boolean).sort();
    expect(purls).toEqual([
      'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12&upstream=glibc',
      'pkg:golang/github.com/google/uuid@v1.6.0',
      'pkg:golang/stdlib@1.22.5',
      'pkg:npm/left-pad@1.3.0',
    ]);
    const stdlib = bom.components.find((c: { name: string }) => c.name === 'stdlib');
    expect(stdlib.properties).toContainEqual({ name: 'drydock:location:0:path', value: '/usr/local/bin/app' });
    expect(stdlib.properties.find((p: { name: string }) => p.name === 'drydock:location:0:layer').value).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bom.components.find((c: { type: string }) => c.type === 'operating-system')).toMatchObject({ name: 'debian', version: '12' });
  });

  it('rejects an unknown format', async () => {
    const r = await run(['sbom', 'repo', '--format', 'sarif']);
    expect(r.code).toBe(2);
  });
});

const alpine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus/dockle/image-tarballs/alpine-310.tar.gz');
describe.skipIf(!existsSync(alpine))('drydock sbom on the saved alpine 3.10.4 image', () => {
  it('lists its 14 apk packages', async () => {
    const r = await run(['sbom', alpine, '--format', 'spdx']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const apk = doc.packages.filter((p: { externalRefs?: { referenceLocator: string }[] }) => p.externalRefs?.[0]?.referenceLocator.startsWith('pkg:apk/'));
    expect(apk).toHaveLength(14);
  });
});
