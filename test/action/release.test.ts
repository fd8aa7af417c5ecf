// The Action's release step (src/tools/release-action.ts) on a throwaway repository: the bundle is
// committed on top of the tag, the branch and moving tags point at it, main and the working tree are
// untouched, a second release moves the tags, and a re-run is harmless.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionRefsFor, publishAction } from '../../src/tools/release-action';

describe('Action release', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'specroles-release-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    writeFileSync(join(repo, '.gitignore'), 'dist/\n');
    writeFileSync(join(repo, 'action.yml'), 'name: x\nruns: { using: node20, main: dist/action.js }\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v0.2.0');
    mkdirSync(join(repo, 'dist'));
    writeFileSync(join(repo, 'dist', 'action.js'), 'console.log("0.2.0")\n');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('names the branch and moving tags after the version, and refuses anything else', () => {
    assert.deepEqual(actionRefsFor('v1.2.3'), { branch: 'releases/v1.2', moving: ['v1.2', 'v1'] });
    for (const bad of ['1.2.3', 'v1.2', 'v1.2.3-rc.1', 'main']) assert.throws(() => actionRefsFor(bad), /not a release tag/);
  });

  it('commits the bundle on top of the tag and points the branch and tags at it', () => {
    const head = git('rev-parse', 'HEAD');
    const commit = publishAction(repo, 'v0.2.0');
    assert.equal(git('rev-parse', `${commit}^`), git('rev-parse', 'v0.2.0^{commit}'));
    assert.equal(git('show', `${commit}:dist/action.js`), 'console.log("0.2.0")');
    for (const ref of ['releases/v0.2', 'v0.2', 'v0']) assert.equal(git('rev-parse', `${ref}^{commit}`), commit);
    assert.equal(git('rev-parse', 'HEAD'), head, 'main stays where it was');
    assert.equal(git('status', '--porcelain'), '', 'the working tree and index are untouched');
    assert.throws(() => git('cat-file', '-e', 'main:dist/action.js'), 'main has no bundle');
  });

  it('moves the major tag to the next release and is harmless to re-run', () => {
    const first = publishAction(repo, 'v0.2.0');
    writeFileSync(join(repo, 'README.md'), 'more\n');
    git('add', 'README.md');
    git('commit', '-q', '-m', 'second');
    git('tag', 'v0.3.0');
    writeFileSync(join(repo, 'dist', 'action.js'), 'console.log("0.3.0")\n');
    const second = publishAction(repo, 'v0.3.0');
    assert.equal(publishAction(repo, 'v0.3.0'), second, 'same tree, parent and message give the same commit');
    assert.equal(git('rev-parse', 'v0^{commit}'), second);
    assert.equal(git('rev-parse', 'v0.2^{commit}'), first, 'the minor tag of the older release stays');
  });

  it('refuses to publish without a built bundle', () => {
    rmSync(join(repo, 'dist'), { recursive: true });
    assert.throws(() => publishAction(repo, 'v0.2.0'), /dist\/action\.js is missing/);
  });
});
