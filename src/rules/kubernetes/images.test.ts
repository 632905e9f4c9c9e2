import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import notPinned from './image-not-pinned-by-digest.js';
import registry, { registryAllows } from './image-registry-not-allowed.js';
import latest from './image-tag-latest.js';
import { canonicalName, parseImageRef } from './support/image.js';

const run = createRuleTester({ describe, it, expect });
const DIGEST = 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a';

describe('image references', () => {
  it('splits registry, repository, tag and digest as the runtime does', () => {
    expect(parseImageRef('nginx')).toEqual({ repository: 'nginx' });
    expect(parseImageRef('localhost:5000/a/b:1.0')).toEqual({ registry: 'localhost:5000', repository: 'a/b', tag: '1.0' });
    expect(parseImageRef(`ghcr.io/acme/web:2@${DIGEST}`)).toEqual({ registry: 'ghcr.io', repository: 'acme/web', tag: '2', digest: DIGEST });
    expect(parseImageRef('registry.example.com:5000/web')).toEqual({ registry: 'registry.example.com:5000', repository: 'web' });
    expect(canonicalName(parseImageRef('nginx:1.27'))).toBe('docker.io/library/nginx');
    expect(canonicalName(parseImageRef('index.docker.io/bitnami/redis'))).toBe('docker.io/bitnami/redis');
  });
  it('matches allowlist entries by whole path components and host wildcards', () => {
    expect(registryAllows('docker.io/library/nginx', 'docker.io/library')).toBe(true);
    expect(registryAllows('docker.io/library/nginx', 'library')).toBe(true);
    expect(registryAllows('ghcr.io/acme-evil/web', 'ghcr.io/acme')).toBe(false);
    expect(registryAllows('team.azurecr.io/web', '*.azurecr.io')).toBe(true);
    expect(registryAllows('azurecr.io/web', '*.azurecr.io')).toBe(false);
    expect(registryAllows('evil.io/team.azurecr.io/web', '*.azurecr.io')).toBe(false);
  });
});

const pod = (image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: ${image}
${extra}`;

// K8S-028
run(latest, {
  valid: [pod('nginx:1.27'), { name: 'a digest fixes the content', code: pod(`nginx@${DIGEST}`) }, pod(`nginx:latest@${DIGEST}`), pod('localhost:5000/web:2')],
  invalid: [
    { name: 'latest', code: pod('nginx:latest'), errors: [{ line: 7, column: 7, endLine: 7, endColumn: 26, message: 'with the :latest tag', container: 'app' }] },
    { name: 'no tag, registry with a port', code: pod('registry.example.com:5000/web'), errors: [{ line: 7, column: 7, message: 'without a tag', container: 'app' }] },
    {
      name: 'ephemeral containers too',
      code: pod('nginx:1.27', `  ephemeralContainers:
    - name: debug
      image: busybox
`),
      errors: [{ line: 10, column: 7, container: 'debug' }],
    },
  ],
});

// K8S-029
run(notPinned, {
  valid: [pod(`nginx@${DIGEST}`), pod(`ghcr.io/acme/web:2.0@${DIGEST}`)],
  invalid: [
    { name: 'tag only', code: pod('nginx:1.27'), errors: [{ line: 7, column: 7, message: 'not pinned by digest', container: 'app' }] },
    { name: 'a malformed digest does not pin', code: pod('nginx@sha256:abc'), errors: [{ line: 7, column: 7 }] },
  ],
});

// K8S-030
const allow = { allowedRegistries: ['ghcr.io/acme', 'docker.io/library'] };
run(registry, {
  valid: [
    { name: 'silent without an allowlist', code: pod('evil.example.com/x:1') },
    { name: 'official image under docker.io/library', code: pod('nginx:1.27'), settings: allow },
    { name: 'under an allowed path', code: pod('ghcr.io/acme/web/api:1'), settings: allow },
  ],
  invalid: [
    {
      name: 'a lookalike organisation is outside',
      code: pod('ghcr.io/acme-evil/web:1'),
      settings: allow,
      errors: [{ line: 7, column: 7, message: 'ghcr.io/acme-evil/web', container: 'app' }],
    },
    {
      name: 'Docker Hub user images are not official ones',
      code: pod('someone/nginx:1'),
      settings: allow,
      errors: [{ line: 7, column: 7, message: 'docker.io/someone/nginx' }],
    },
  ],
});
