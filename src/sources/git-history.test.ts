import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsAnalyzer } from '../analyzers/secrets.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../analyzers/types.js';
import { scanFiles } from '../engine/scan-files.js';
import { DEFAULT_RULE_SETTINGS } from '../rules/types.js';
import { secretRules } from '../rules/secrets/index.js';
import { gitHistoryFiles, type GitHistoryItem } from './git-history.js';

const TOKEN = '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';
let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@acme.io', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@acme.io' } }).toString().trim();

async function collect(it: AsyncIterable<GitHistoryItem>): Promise<GitHistoryItem[]> {
  const out: GitHistoryItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'drydock-git-'));
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'app.py'), 'import os\n\nprint("hi")\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(path.join(repo, 'app.py'), `import os\n\nGITHUB_TOKEN = "${TOKEN}"\nprint("hi")\n`);
  git('add', '.');
  git('commit', '-qm', 'add token');
  writeFileSync(path.join(repo, 'app.py'), 'import os\n\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\nprint("hi")\n');
  git('add', '.');
  git('commit', '-qm', 'remove token');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('git history', () => {
  it('yields the added lines of each commit at their line numbers, with the commit', async () => {
    const items = await collect(gitHistoryFiles(repo));
    const files = items.filter((i) => i.type === 'file').map((i) => (i as Extract<GitHistoryItem, { type: 'file' }>).file);
    expect(files).toHaveLength(3);
    const added = files.find((f) => Buffer.from(f.bytes).toString().includes(TOKEN))!;
    expect(added.path).toBe('app.py');
    expect(Buffer.from(added.bytes).toString().split('\n')[2]).toBe(`GITHUB_TOKEN = "${TOKEN}"`);
    expect(added.origin?.commit).toMatchObject({ author: 'Dev <dev@acme.io>' });
    expect(added.origin?.commit?.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('a secret committed and later deleted is still a finding, with commit, author and date', async () => {
    const out = await scanFiles(gitHistoryFiles(repo), {
      analyzers: [secretsAnalyzer],
      rules: secretRules,
      ruleSettings: DEFAULT_RULE_SETTINGS,
      analyzerSettings: DEFAULT_ANALYZER_SETTINGS,
    });
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0]!;
    expect(f.ruleId).toBe('SEC-024');
    expect(f.location).toMatchObject({ path: 'app.py', startLine: 3, startColumn: 17 });
    expect(f.location.commit?.sha).toBe(git('rev-parse', 'HEAD~1'));
    expect(f.location.commit?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(f.message).toContain('added in commit');
    expect(JSON.stringify(f)).not.toContain(TOKEN);
  });

  it('--since limits the walk to later commits', async () => {
    const items = await collect(gitHistoryFiles(repo, { since: git('rev-parse', 'HEAD~1') }));
    const files = items.filter((i) => i.type === 'file');
    expect(files).toHaveLength(1);
    expect(Buffer.from((files[0] as Extract<GitHistoryItem, { type: 'file' }>).file.bytes).toString()).not.toContain(TOKEN);
  });

  it('refuses option-like revisions and reports a bad repository as an error', async () => {
    const bad = await collect(gitHistoryFiles(repo, { since: '--output=/tmp/x' }));
    expect(bad).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'git-invalid-revision' }) }]);
    const notRepo = await collect(gitHistoryFiles(tmpdir() + '/definitely-not-a-repo-drydock'));
    expect(notRepo.at(-1)).toMatchObject({ type: 'error', error: { code: 'git-error' } });
  });
});
