import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanImage } from '../../src/sources/image/index.js';
import { dockerArchive, tarOf } from './build.js';

const AWS_SECRET = '7d7Hq3mJ9sP2vLxQ8rT5wK1nB6cF4gY0zA3eD9uH';

describe('secret detection in images', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-image-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds secrets in layer files (deleted ones too) and in build history, never printing them', async () => {
    const l1 = await tarOf([{ name: 'app/.aws/', type: 'directory' }, { name: 'app/settings.ini', data: `[aws]\naws_secret_access_key = ${AWS_SECRET}\n` }]);
    const l2 = await tarOf([{ name: 'app/.wh.settings.ini', data: '' }]);
    const file = path.join(dir, 'img.tar');
    writeFileSync(
      file,
      await dockerArchive([l1, l2], {
        config: { User: '1000', Healthcheck: { Test: ['CMD', 'true'] } },
        history: [{ created_by: 'COPY . /app # buildkit' }, { created_by: `RUN |1 AWS_SECRET_ACCESS_KEY=${AWS_SECRET} /bin/sh -c rm /app/settings.ini # buildkit` }],
      }),
    );
    const r = await scanImage('app:1', { input: file });
    const secrets = r.findings.filter((f) => f.ruleId.startsWith('SEC'));
    const inLayer = secrets.find((f) => f.location.pathInImage === '/app/settings.ini')!;
    expect(inLayer).toBeDefined();
    expect(inLayer.location).toMatchObject({ path: 'app:1:/app/settings.ini', startLine: 2, layer: r.image.layers[0]!.diffId });
    const inHistory = secrets.find((f) => f.location.path === 'app:1' && !f.location.pathInImage);
    expect(inHistory, secrets.map((f) => JSON.stringify(f.location)).join('\n')).toBeDefined();
    expect(JSON.stringify(r)).not.toContain(AWS_SECRET);
  });

  it('--no-secrets leaves layer contents alone', async () => {
    const file = path.join(dir, 'plain.tar');
    writeFileSync(file, await dockerArchive([await tarOf([{ name: 'k', data: `aws_secret_access_key = ${AWS_SECRET}\n` }])]));
    const r = await scanImage('p:1', { input: file, secrets: false });
    expect(r.findings.filter((f) => f.ruleId.startsWith('SEC'))).toEqual([]);
  });
});
