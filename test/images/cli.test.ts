import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, drydock, ROOT } from '../helpers.js';
import { dockerArchive, tarOf } from './build.js';

const built = existsSync(path.join(ROOT, 'dist/cli/main.js'));
if (!built && process.env.DRYDOCK_REQUIRE_INTEGRATION === '1') throw new Error('DRYDOCK_REQUIRE_INTEGRATION=1 but dist/ is missing: run npm run build before the tests');
if (!built) console.warn(`drydock image end-to-end tests skipped: ${BIN} needs dist/ (npm run build)`);

(built ? describe : describe.skip)('drydock image (end to end through bin/drydock.js)', () => {
  let dir: string;
  let archive: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-image-cli-'));
    archive = path.join(dir, 'app.tar');
    const l1 = await tarOf([{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.20.0\n' }, { name: 'app/', type: 'directory' }, { name: 'app/.git-credentials', data: 'https://u:p@example.com\n' }]);
    const l2 = await tarOf([{ name: 'app/.wh..git-credentials', data: '' }, { name: 'usr/bin/helper', data: '#!/bin/sh\n', mode: 0o4755 }]);
    writeFileSync(
      archive,
      await dockerArchive([l1, l2], {
        config: { User: '10001', Env: ['PATH=/bin'], Healthcheck: { Test: ['CMD', 'true'] } },
        history: [{ created_by: 'ADD rootfs.tar / # buildkit' }, { created_by: 'RUN rm /app/.git-credentials # buildkit' }],
      }),
    );
    writeFileSync(path.join(dir, 'broken.tar'), Buffer.from('this is not a tar file at all'.repeat(40)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the deleted credential file with its layer, as JSON, and gates on it', () => {
    const r = drydock(['image', 'app:1', '--input', archive, '--format', 'json', '--fail-on', 'high']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { target: string; findings: { ruleId: string; location: { path: string; layer?: string; pathInImage?: string } }[]; packages: unknown[]; image: { layers: { diffId: string }[] } };
    expect(report.target).toBe('app:1');
    const cred = report.findings.find((f) => f.ruleId === 'IMG-003')!;
    expect(cred.location).toMatchObject({ path: 'app:1', pathInImage: '/app/.git-credentials', layer: report.image.layers[0]!.diffId });
    expect(report.findings.map((f) => f.ruleId)).toContain('IMG-004');
    expect(Array.isArray(report.packages)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('an unreadable image exits 4 with the reason', () => {
    const r = drydock(['image', 'broken', '--input', path.join(dir, 'broken.tar')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot read image broken: .*\[corrupt-blob\]/);
  });

  it('a bad --platform is a usage error', () => {
    const r = drydock(['image', 'app:1', '--input', archive, '--platform', 'linux']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--platform/);
  });
});
