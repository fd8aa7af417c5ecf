// `--fix` on a symbolic link fixes the file it points to and leaves the link a link (issue 13).
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support';

const SPEC = `---
type: positioning
---
## Messaging <!-- owner: pm -->

One checkout, every wallet.
`;

describe('--fix through symbolic links', function () {
  this.timeout(60000);
  let temp = '';
  beforeEach(function () {
    if (process.platform === 'win32') this.skip();
    temp = mkdtempSync(join(tmpdir(), 'specroles-symlink-'));
  });
  afterEach(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('fixes the target, keeps the link and the mode, and leaves no temporary file behind', function () {
    mkdirSync(join(temp, 'real'));
    mkdirSync(join(temp, 'links'));
    const target = join(temp, 'real', 'launch.spec.md');
    writeFileSync(target, SPEC);
    chmodSync(target, 0o640);
    // A relative link to a link: both are followed.
    symlinkSync('../real/launch.spec.md', join(temp, 'links', 'first.md'));
    symlinkSync('first.md', join(temp, 'links', 'link.md'));

    const run = runCli(['--fix', 'links/link.md'], { cwd: temp });
    assert.match(run.stderr, /fixed links\/link\.md: 1 fix/, run.stderr);

    const fixed = readFileSync(target, 'utf8');
    assert.match(fixed, /## Messaging <!-- owner: pmm -->/);
    assert.ok(lstatSync(join(temp, 'links', 'link.md')).isSymbolicLink(), 'link.md is still a link');
    assert.equal(readlinkSync(join(temp, 'links', 'link.md')), 'first.md');
    assert.ok(lstatSync(join(temp, 'links', 'first.md')).isSymbolicLink(), 'first.md is still a link');
    assert.equal(statSync(target).mode & 0o777, 0o640, 'mode kept');
    assert.deepEqual(readdirSync(join(temp, 'real')), ['launch.spec.md'], 'no temporary file next to the target');
    assert.deepEqual(readdirSync(join(temp, 'links')).sort(), ['first.md', 'link.md'], 'no temporary file next to the link');

    // A second run changes nothing.
    const again = runCli(['--fix', 'links/link.md'], { cwd: temp });
    assert.doesNotMatch(again.stderr, /fixed/);
    assert.equal(readFileSync(target, 'utf8'), fixed);
  });

  it('fixes a regular file as before', function () {
    const file = join(temp, 'launch.spec.md');
    writeFileSync(file, SPEC);
    chmodSync(file, 0o600);
    runCli(['--fix', 'launch.spec.md'], { cwd: temp });
    assert.match(readFileSync(file, 'utf8'), /owner: pmm/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(!lstatSync(file).isSymbolicLink());
  });
});
