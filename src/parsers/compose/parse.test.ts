import { describe, expect, it } from 'vitest';
import { composeAnalyzer, isComposePath } from '../../analyzers/compose.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../../analyzers/types.js';
import { parseCompose, type ComposeDocument } from './parse.js';
import { literalSecret, parseImageReference, redact, sensitiveHostPath } from './facts.js';

const one = (text: string, name?: string): ComposeDocument => {
  const { documents, errors } = parseCompose(text, 'compose.yaml');
  expect(errors).toEqual([]);
  return name ? documents.find((d) => d.service.name === name)! : documents[0]!;
};

describe('discovery', () => {
  it('claims the Compose file names', () => {
    for (const p of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'a/b/docker-compose.override.yml', 'compose.prod.yaml', 'deploy/docker-compose-dev.yml', 'DOCKER-COMPOSE.YML']) {
      expect(isComposePath(p, DEFAULT_ANALYZER_SETTINGS), p).toBe(true);
    }
    for (const p of ['values.yaml', 'k8s/deployment.yml', 'compose.json', 'mycompose.yaml', 'compose.yaml.bak', 'docker-compose']) {
      expect(isComposePath(p, DEFAULT_ANALYZER_SETTINGS), p).toBe(false);
    }
  });
  it('claims extra globs from the settings', () => {
    const settings = { ...DEFAULT_ANALYZER_SETTINGS, composeFiles: ['stack-*.yml', 'deploy/**/*.yaml'] };
    expect(isComposePath('ops/stack-prod.yml', settings)).toBe(true);
    expect(isComposePath('deploy/eu/app.yaml', settings)).toBe(true);
    expect(isComposePath('other/app.yaml', settings)).toBe(false);
  });
});

describe('parseCompose', () => {
  it('makes one document per service, with the service key as its resource and range', () => {
    const { documents } = parseCompose('services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n', 'compose.yaml');
    expect(documents.map((d) => d.resource)).toEqual([
      { kind: 'ComposeService', name: 'web' },
      { kind: 'ComposeService', name: 'db' },
    ]);
    expect(documents[1]!.range).toMatchObject({ startLine: 4, startColumn: 3 });
  });

  it('normalises short and long port syntax', () => {
    const d = one(`services:
  web:
    image: nginx
    ports:
      - 80
      - "8080:80"
      - "127.0.0.1:8443:443/tcp"
      - "[::1]:9000:9000"
      - "::1:9001:9001"
      - 53:53/udp
      - target: 5432
        published: "5432"
        host_ip: 0.0.0.0
      - "\${BIND:-127.0.0.1}:7000:7000"
      - "\${BIND}:7001:7001"
`);
    expect(d.service.ports.map(({ hostIp, published, target, protocol, resolved }) => ({ hostIp, published, target, protocol, resolved }))).toEqual([
      { hostIp: undefined, published: undefined, target: '80', protocol: 'tcp', resolved: true },
      { hostIp: undefined, published: '8080', target: '80', protocol: 'tcp', resolved: true },
      { hostIp: '127.0.0.1', published: '8443', target: '443', protocol: 'tcp', resolved: true },
      { hostIp: '::1', published: '9000', target: '9000', protocol: 'tcp', resolved: true },
      { hostIp: '::1', published: '9001', target: '9001', protocol: 'tcp', resolved: true },
      { hostIp: undefined, published: '53', target: '53', protocol: 'udp', resolved: true },
      { hostIp: '0.0.0.0', published: '5432', target: '5432', protocol: 'tcp', resolved: true },
      { hostIp: '127.0.0.1', published: '7000', target: '7000', protocol: 'tcp', resolved: true },
      { hostIp: undefined, published: undefined, target: undefined, protocol: 'tcp', resolved: false },
    ]);
    expect(d.resolve({ pointer: d.service.ports[6]!.pointer })).toEqual({ startLine: 11, startColumn: 9, endLine: 13, endColumn: 25 });
  });

  it('normalises short and long volume syntax', () => {
    const d = one(`services:
  web:
    image: nginx
    volumes:
      - /data
      - cache:/var/cache
      - ./html:/usr/share/nginx/html:ro
      - ~/.ssh:/root/.ssh:ro,z
      - C:\\data:/data
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
        read_only: true
      - \${MEDIA}:/media
`);
    expect(d.service.volumes.map(({ type, source, target, readOnly, resolved }) => ({ type, source, target, readOnly, resolved }))).toEqual([
      { type: 'volume', source: undefined, target: '/data', readOnly: false, resolved: true },
      { type: 'volume', source: 'cache', target: '/var/cache', readOnly: false, resolved: true },
      { type: 'bind', source: './html', target: '/usr/share/nginx/html', readOnly: true, resolved: true },
      { type: 'bind', source: '~/.ssh', target: '/root/.ssh', readOnly: true, resolved: true },
      { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false, resolved: true },
      { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true, resolved: true },
      { type: 'bind', source: undefined, target: undefined, readOnly: false, resolved: false },
    ]);
  });

  it('normalises environment lists and maps', () => {
    const list = one('services:\n  a:\n    environment:\n      - A=1\n      - B\n      - C=x=y\n      - D=${D:-d}\n');
    expect(list.service.environment.map(({ name, value, evaluated, interpolated }) => ({ name, value, evaluated, interpolated }))).toEqual([
      { name: 'A', value: '1', evaluated: '1', interpolated: false },
      { name: 'B', value: undefined, evaluated: undefined, interpolated: false },
      { name: 'C', value: 'x=y', evaluated: 'x=y', interpolated: false },
      { name: 'D', value: '${D:-d}', evaluated: 'd', interpolated: true },
    ]);
    const map = one('services:\n  a:\n    environment:\n      A: 1\n      B:\n      C: true\n');
    expect(map.service.environment.map((e) => [e.name, e.value])).toEqual([
      ['A', '1'],
      ['B', undefined],
      ['C', 'true'],
    ]);
    expect(map.resolve({ pointer: map.service.environment[0]!.pointer })).toEqual({ startLine: 4, startColumn: 7, endLine: 4, endColumn: 11 });
  });

  it('reads deploy limits and the legacy attributes', () => {
    const d = one('services:\n  a:\n    mem_limit: 256m\n    pids_limit: 100\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 512M\n');
    expect(d.service.limits.memory?.text).toBe('512M');
    expect(d.service.limits.cpus?.text).toBe('0.5');
    expect(d.service.limits.pids?.pointer).toEqual(['services', 'a', 'pids_limit']);
  });

  it('applies extends within the file, keeping where each value was written', () => {
    const { documents } = parseCompose(`services:
  base:
    image: app:1
    cap_add: [NET_ADMIN]
    environment:
      MODE: base
      KEEP: yes
    read_only: true
  web:
    extends: base
    environment:
      MODE: web
  remote:
    extends:
      file: common.yaml
      service: x
`, 'compose.yaml');
    const web = documents.find((d) => d.service.name === 'web')!;
    expect(web.service.image?.text).toBe('app:1');
    expect(web.service.capAdd[0]!.pointer).toEqual(['services', 'base', 'cap_add', 0]);
    expect(web.service.environment.map((e) => [e.name, e.value])).toEqual([
      ['KEEP', 'yes'],
      ['MODE', 'web'],
    ]);
    expect(web.service.flag('read_only')?.value).toBe(true);
    expect(web.resolve({ pointer: web.service.field('read_only')!.pointer }).startLine).toBe(8);
    expect(documents.find((d) => d.service.name === 'remote')!.service.extendsFile).toBe('common.yaml');
  });

  it('survives extends cycles', () => {
    const { documents } = parseCompose('services:\n  a:\n    extends: b\n  b:\n    extends: a\n', 'compose.yaml');
    expect(documents).toHaveLength(2);
  });

  it('points at the merge key for values that came in through <<', () => {
    const d = one(`x-hardening: &hardening
  read_only: true
  privileged: true
services:
  web:
    image: nginx
    <<: *hardening
`);
    expect(d.service.flag('privileged')?.value).toBe(true);
    expect(d.resolve({ pointer: d.service.field('privileged')!.pointer })).toMatchObject({ startLine: 7, startColumn: 5 });
  });

  it('applies merge-key lists and nested merge keys, explicit keys first', () => {
    const d = one(`x-a: &a
  user: "1000"
  read_only: true
x-b: &b
  user: root
  cap_drop: [ALL]
x-limits: &limits
  memory: 256M
services:
  web:
    image: nginx
    read_only: false
    <<: [*a, *b]
    deploy:
      resources:
        limits:
          <<: *limits
          cpus: "1"
`);
    expect(d.service.field('user')?.text).toBe('1000');
    expect(d.service.flag('read_only')?.value).toBe(false);
    expect(d.service.capDrop.map((c) => c.text)).toEqual(['ALL']);
    expect(d.service.limits.memory?.text).toBe('256M');
    expect(d.resolve({ pointer: d.service.limits.memory!.pointer })).toMatchObject({ startLine: 17, startColumn: 11 });
  });

  it('skips files without services and reports malformed ones per file', () => {
    expect(parseCompose('version: "3"\n', 'compose.yaml')).toEqual({ documents: [], errors: [] });
    expect(parseCompose('services: [a, b]\n', 'compose.yaml').errors[0]).toMatchObject({ code: 'invalid-compose', line: 1 });
    const bad = parseCompose('services:\n  web: nginx\n  ok:\n    image: x\n', 'compose.yaml');
    expect(bad.errors[0]).toMatchObject({ code: 'invalid-compose', line: 2 });
    expect(bad.documents.map((d) => d.service.name)).toEqual(['ok']);
    expect(parseCompose('- just\n- a list\n', 'compose.yaml').errors[0]!.code).toBe('invalid-compose');
  });
});

describe('bad input', () => {
  const analyze = (bytes: Uint8Array | string) =>
    composeAnalyzer.analyze({ path: 'compose.yaml', bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes }, DEFAULT_ANALYZER_SETTINGS);

  it('invalid YAML is a per-file error', () => {
    const out = analyze('services:\n  web:\n    image: "unterminated\n    ports: [\n');
    expect(out.documents).toEqual([]);
    expect(out.errors[0]!.code).toBe('invalid-yaml');
  });
  it('binary and non-UTF-8 content are per-file errors', () => {
    expect(analyze(new Uint8Array([0x73, 0x65, 0, 0xff, 0x00])).errors[0]!.code).toBe('binary');
    expect(analyze(new Uint8Array([0x73, 0x3a, 0x20, 0xc3, 0x28])).errors[0]!.code).toBe('encoding');
  });
  it('alias bombs are refused', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('services:\n  web:\n    image: x\n    environment: *i');
    const out = analyze(lines.join('\n') + '\n');
    expect(out.documents).toEqual([]);
    expect(out.errors[0]!.code).toBe('alias-bomb');
  });
  it('megabyte lines are refused without parsing', () => {
    const out = analyze(`services:\n  web:\n    image: "${'a'.repeat(2_000_000)}"\n`);
    expect(out.errors[0]).toMatchObject({ code: 'line-too-long', line: 3 });
  });
  it('deep nesting is a per-file error', () => {
    const out = analyze(`services:\n  web:\n    labels: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.documents).toEqual([]);
  });
});

describe('facts', () => {
  it('parses image references', () => {
    expect(parseImageReference('nginx')).toEqual({ name: 'nginx' });
    expect(parseImageReference('localhost:5000/app:1.2')).toEqual({ name: 'localhost:5000/app', tag: '1.2' });
    expect(parseImageReference('localhost:5000/app')).toEqual({ name: 'localhost:5000/app' });
    expect(parseImageReference('redis:7@sha256:abc')).toEqual({ name: 'redis', tag: '7', digest: 'sha256:abc' });
  });
  it('never shows more than a short prefix of a secret', () => {
    expect(redact('hunter2')).toBe('"h…" of 7 characters');
    expect(redact('abc')).toBe('a value of 3 characters');
    expect(redact('ghp_0123456789abcdefghij0123456789abcdef')).toBe('"ghp_…" of 40 characters');
  });
  it('tells secrets from look-alikes', () => {
    expect(literalSecret('POSTGRES_PASSWORD', 'example', false)).toBe('name');
    expect(literalSecret('POSTGRES_PASSWORD', '${PW}', true)).toBeUndefined();
    expect(literalSecret('POSTGRES_PASSWORD_FILE', '/run/secrets/pw', false)).toBeUndefined();
    expect(literalSecret('DATABASE_PASSWORD', '/run/secrets/db', false)).toBeUndefined();
    expect(literalSecret('MYSQL_RANDOM_ROOT_PASSWORD', 'yes', false)).toBeUndefined();
    expect(literalSecret('MYSQL_ALLOW_EMPTY_PASSWORD', '1', false)).toBeUndefined();
    expect(literalSecret('PASSWORD_MIN_LENGTH', '12', false)).toBeUndefined();
    expect(literalSecret('TOKEN_TTL', '3600', false)).toBeUndefined();
    expect(literalSecret('GF_SECURITY_ADMIN_USER', 'admin', false)).toBeUndefined();
    expect(literalSecret('DATABASE_URL', 'postgres://app:s3cret@db/app', false)).toBe('password in a URL');
    expect(literalSecret('DATABASE_URL', 'postgres://db/app', false)).toBeUndefined();
    expect(literalSecret('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE', false)).toBe('AWS access key id');
    expect(literalSecret('STRIPE_KEY', 'pk_test_1', false)).toBe('name');
  });
  it('knows sensitive host paths', () => {
    expect(sensitiveHostPath('/')).toBe("the host's root filesystem");
    expect(sensitiveHostPath('/etc/')).toBe("the host's /etc");
    expect(sensitiveHostPath('/proc/sys')).toBe("the host's /proc");
    expect(sensitiveHostPath('~/.ssh')).toMatch(/credential/);
    expect(sensitiveHostPath('/etc/pihole')).toBeUndefined();
    expect(sensitiveHostPath('./data')).toBeUndefined();
    expect(sensitiveHostPath('/srv/app')).toBeUndefined();
  });
});
