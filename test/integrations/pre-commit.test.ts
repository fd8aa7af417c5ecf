// The published pre-commit hook (.pre-commit-hooks.yaml), installed and run by the real `pre-commit`
// (Debian's package; .ci/install-host.sh installs it): `pre-commit try-repo` clones this repository,
// installs it with its node language (`npm install`, whose `prepare` builds dist/, then `npm pack` and a
// global install of the tarball into the hook's environment, with the system Node) and runs the hook on
// the files named.
// try-repo uses the repository's HEAD (plus changes to tracked files, not new ones), so the test commits
// a snapshot of the working tree (tracked and untracked files, without what .gitignore keeps out) to a
// temporary repository and tries that: it tests what is on disk, in a clean clone in CI as on a
// developer's machine with uncommitted work. Skipped with a notice where pre-commit or git is absent.
// Slow: the install runs `npm install` of every devDependency (from the npm cache when it is warm).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../support/paths';
import { available, BAD_PRD, GOOD_PRD, run, tempDir } from './support';

const GIT_IDENTITY = ['-c', 'user.name=specroles tests', '-c', 'user.email=tests@specroles.invalid', '-c', 'commit.gpgsign=false'];

describe('pre-commit hook (.pre-commit-hooks.yaml, with the real pre-commit)', function () {
  this.timeout(10 * 60 * 1000);
  let temp = '';
  let hookRepo = '';
  let work = '';
  let env: NodeJS.ProcessEnv = {};

  before(function () {
    if (!available('pre-commit')) {
      console.warn('    notice: `pre-commit` is not installed (apt-get install pre-commit); pre-commit hook test skipped');
      this.skip();
    }
    const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot });
    if (listed.code !== 0) {
      console.warn(`    notice: ${projectRoot} is not a git checkout; pre-commit hook test skipped`);
      this.skip();
    }
    temp = tempDir('pre-commit');
    // pre-commit's own store (cloned repositories, hook environments) stays in the temporary folder.
    env = { ...process.env, PRE_COMMIT_HOME: join(temp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' };
    delete env.GIT_DIR;
    delete env.GIT_INDEX_FILE;
    delete env.GIT_WORK_TREE;

    // 1. A snapshot of this repository's working tree, committed.
    hookRepo = join(temp, 'specroles');
    const files = listed.stdout.split('\0').filter((f) => f && !/^(node_modules|dist)(\/|$)/.test(f));
    for (const f of new Set(files)) {
      try {
        mkdirSync(dirname(join(hookRepo, f)), { recursive: true });
        cpSync(join(projectRoot, f), join(hookRepo, f), { verbatimSymlinks: true });
      } catch (e) {
        // Deleted from the working tree but not yet from the index.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'snapshot of the working tree');

    // 2. A project using the hook: specs staged for commit, and a README that is no spec.
    work = join(temp, 'project');
    mkdirSync(join(work, 'specs'), { recursive: true });
    writeFileSync(join(work, 'specs', 'bad.prd.md'), BAD_PRD);
    writeFileSync(join(work, 'specs', 'good.prd.md'), GOOD_PRD);
    writeFileSync(join(work, 'README.md'), '# Checkout\n\nHow to build and run the checkout service.\n');
    git(work, 'init', '-q');
    git(work, 'add', '-A');
  });

  after(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  function git(cwd: string, ...args: string[]): void {
    const r = run('git', [...GIT_IDENTITY, ...args], { cwd, env });
    assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.stderr}`);
  }

  function tryRepo(...files: string[]) {
    return run('pre-commit', ['try-repo', hookRepo, 'specroles', '--color', 'never', '--files', ...files], { cwd: work, env });
  }

  it('installs with the system Node and fails on a spec with a finding', function () {
    const r = tryRepo('specs/bad.prd.md');
    const out = r.stdout + r.stderr;
    assert.equal(r.code, 1, out);
    assert.match(out, /specroles\.+Failed/);
    assert.match(out, /specs\/bad\.prd\.md\n\s+19:26\s+warning\s+Section "Messaging" is declared as owned by PM.*section-owner-mismatch/);
    assert.match(out, /too many warnings \(1\); --max-warnings allows 0/);
    assert.doesNotMatch(out, /An unexpected error has occurred|Executable .* not found/);
  });

  it('passes a good spec, and skips a staged README that is not a spec (--only-specs)', function () {
    const r = tryRepo('specs/good.prd.md', 'README.md');
    const out = r.stdout + r.stderr;
    assert.equal(r.code, 0, out);
    assert.match(out, /specroles\.+Passed/);
  });
});
