import { describe, expect, it } from 'vitest';
import { isLoopbackRegistry, parsePlatform, parseReference } from './reference.js';
import { historyStep, shellCommands } from './history.js';
import { normalizeEntryPath, resolveSymlinkTarget } from './paths.js';
import { parseManifestDocument, selectPlatform } from './manifest.js';

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' }],
    ['alpine:3.10', { registry: 'docker.io', repository: 'library/alpine', tag: '3.10' }],
    ['ghcr.io/acme/app:1.2', { registry: 'ghcr.io', repository: 'acme/app', tag: '1.2' }],
    ['localhost:5000/a/b', { registry: 'localhost:5000', repository: 'a/b', tag: 'latest' }],
    ['127.0.0.1:5710/x@sha256:' + 'a'.repeat(64), { registry: '127.0.0.1:5710', repository: 'x', digest: 'sha256:' + 'a'.repeat(64) }],
    ['index.docker.io/user/app:tag', { registry: 'docker.io', repository: 'user/app', tag: 'tag' }],
  ])('%s', (input, want) => {
    expect(parseReference(input)).toMatchObject(want);
  });
  it.each(['', 'UPPER/case', 'a:b:c:d', 'x@sha256:short', 'a/../b'])('rejects %j', (input) => {
    expect(() => parseReference(input)).toThrow();
  });
  it('knows loopback hosts', () => {
    expect(['localhost:5000', '127.0.0.1:1', '[::1]:5000', '127.1.2.3'].map(isLoopbackRegistry)).toEqual([true, true, true, true]);
    expect(['registry.example.com', '10.0.0.1:5000', 'localhost.example.com'].map(isLoopbackRegistry)).toEqual([false, false, false]);
  });
  it('parses platforms', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(() => parsePlatform('linux')).toThrow(/os\/arch/);
  });
});

describe('paths', () => {
  it('normalises entry names and flags escapes', () => {
    expect(normalizeEntryPath('./etc//passwd')).toEqual({ path: 'etc/passwd', absolute: false, escapes: false });
    expect(normalizeEntryPath('/etc/passwd')).toEqual({ path: 'etc/passwd', absolute: true, escapes: false });
    expect(normalizeEntryPath('a/../../b').escapes).toBe(true);
    expect(resolveSymlinkTarget('etc/os-release', '../usr/lib/os-release')).toMatchObject({ path: 'usr/lib/os-release', escapes: false });
    expect(resolveSymlinkTarget('a/b', '../../../x').escapes).toBe(true);
    expect(resolveSymlinkTarget('a/b', '/x/../../y')).toMatchObject({ path: 'y', escapes: true });
  });
});

describe('history', () => {
  it('reads classic, BuildKit and plain spellings', () => {
    expect(historyStep('/bin/sh -c #(nop) ADD file:abc in / ')).toEqual({ instruction: 'ADD', text: 'file:abc in /' });
    expect(historyStep('/bin/sh -c apk add curl')).toEqual({ instruction: 'RUN', text: 'apk add curl' });
    expect(historyStep('RUN |2 A=1 B=2 /bin/sh -c make # buildkit')).toEqual({ instruction: 'RUN', text: 'make' });
    expect(historyStep('COPY . /app # buildkit')).toEqual({ instruction: 'COPY', text: '. /app' });
    expect(shellCommands('apt-get update && apt-get install -y x; rm -rf /var/lib/apt/lists/*')).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'x'],
      ['rm', '-rf', '/var/lib/apt/lists/*'],
    ]);
  });
});

describe('manifests', () => {
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  it('parses an index and selects by platform, arm64 without variant matching v8', () => {
    const idx = parseManifestDocument(enc({ schemaVersion: 2, manifests: [
      { digest: 'sha256:' + '1'.repeat(64), size: 1, platform: { os: 'linux', architecture: 'amd64' } },
      { digest: 'sha256:' + '2'.repeat(64), size: 1, platform: { os: 'linux', architecture: 'arm64' } },
      { digest: 'sha256:' + '3'.repeat(64), size: 1, platform: { os: 'unknown', architecture: 'unknown' } },
    ] }));
    expect(idx.kind).toBe('index');
    if (idx.kind !== 'index') return;
    expect(selectPlatform(idx, { os: 'linux', architecture: 'arm64', variant: 'v8' }).digest).toBe('sha256:' + '2'.repeat(64));
    expect(() => selectPlatform(idx, { os: 'linux', architecture: 'riscv64' })).toThrow('the index has no manifest for linux/riscv64; it offers linux/amd64, linux/arm64');
  });
  it('rejects schema 1, garbage and bad digests', () => {
    expect(() => parseManifestDocument(enc({ schemaVersion: 1 }))).toThrow(/schema 1/);
    expect(() => parseManifestDocument(new TextEncoder().encode('<html>'))).toThrow(/not valid JSON/);
    expect(() => parseManifestDocument(enc({ config: { digest: 'md5:x', size: 1 }, layers: [] }))).toThrow(/not a sha256 digest/);
    expect(() => parseManifestDocument(enc({ hello: 1 }))).toThrow(/not an image manifest/);
  });
});
