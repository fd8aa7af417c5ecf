// Publishes the GitHub Action for a release tag: `node dist/tools/release-action.js v1.2.3 [--push]`.
// The runner runs `dist/action.js` from the commit a workflow names (`uses: specroles/specroles@v1`), but
// `dist/` is git-ignored on main. So, for tag vX.Y.Z, this commits `action.yml` and the freshly built
// bundle on top of the tag, points the branch `releases/vX.Y` and the moving tags `vX.Y` and `vX` at that
// commit, and (with --push) pushes them. The release tag itself stays on main's commit. Running it twice
// for the same tag and bundle gives the same commit and refs, so a failed workflow can simply be re-run.
// Run from the repository root after `node esbuild.mjs --production` (the release workflow does both).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The refs a release tag publishes the Action under. */
export interface ActionRefs {
  branch: string;
  moving: string[];
}

/** `v1.2.3` → branch `releases/v1.2`, moving tags `v1.2` and `v1`; anything else (pre-releases too) is refused. */
export function actionRefsFor(tag: string): ActionRefs {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  if (!m) throw new Error(`"${tag}" is not a release tag such as v1.2.3; pre-releases are not published as the Action`);
  const [, major, minor] = m;
  return { branch: `releases/v${major}.${minor}`, moving: [`v${major}.${minor}`, `v${major}`] };
}

const BUNDLE = ['action.yml', 'dist/action.js'];

/** Commits the bundle on top of `tag` in the repository at `cwd` and moves the refs; returns the new commit. */
export function publishAction(cwd: string, tag: string, options: { push?: boolean; remote?: string } = {}): string {
  const refs = actionRefsFor(tag);
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  for (const file of BUNDLE) {
    if (!existsSync(join(cwd, file))) throw new Error(`${file} is missing: build first (node esbuild.mjs --production)`);
  }
  const tagCommit = git('rev-parse', '--verify', `${tag}^{commit}`);
  // Build the commit in a temporary index, so the working tree and the current branch are left alone.
  const index = join(git('rev-parse', '--absolute-git-dir'), 'specroles-release-index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const gitIndexed = (...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
  gitIndexed('read-tree', tagCommit);
  gitIndexed('add', '--force', ...BUNDLE);
  const tree = gitIndexed('write-tree');
  rmSync(index, { force: true });
  // Dated as the tagged commit, so a re-run for the same tag and bundle gives the very same commit.
  const date = git('show', '-s', '--format=%cI', tagCommit);
  const commit = execFileSync('git', ['commit-tree', tree, '-p', tagCommit, '-m', `Action bundle for ${tag}`], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8',
  }).trim();
  git('branch', '--force', refs.branch, commit);
  for (const moving of refs.moving) git('tag', '--force', moving, commit);
  if (options.push) {
    const remote = options.remote ?? 'origin';
    git('push', '--force', remote, `refs/heads/${refs.branch}`, ...refs.moving.map((t) => `refs/tags/${t}`));
  }
  return commit;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const tag = args.find((a) => !a.startsWith('--'));
  try {
    if (!tag) throw new Error('usage: release-action TAG [--push]   (TAG such as v1.2.3)');
    const commit = publishAction(process.cwd(), tag, { push: args.includes('--push') });
    const refs = actionRefsFor(tag);
    console.log(`Action for ${tag}: ${commit.slice(0, 12)} on ${refs.branch}, tags ${refs.moving.join(', ')}`);
  } catch (e) {
    console.error(`release-action: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
