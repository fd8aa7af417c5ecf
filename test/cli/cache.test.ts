// --cache: every cached run must report exactly what an uncached run reports, through edits, config
// changes and a version change; and the cache must really be read (a planted result shows up when, and
// only when, its keys still match). No timings here: `npm run bench` measures the gain.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, runCli, type CliRun } from './support';
import { nth } from '../support/nth';

describe('CLI --cache', function () {
  this.timeout(120000);
  let dir: string;
  const cacheFile = () => join(dir, '.specrolescache');
  const uncached = (...extra: string[]) => runCli(['specs', '--format', 'json', ...extra], { cwd: dir });
  const cached = (...extra: string[]) => runCli(['specs', '--format', 'json', '--cache', ...extra], { cwd: dir });
  const same = (a: CliRun, b: CliRun, what: string) => {
    assert.equal(a.stdout, b.stdout, `${what}: stdout`);
    assert.equal(a.code, b.code, `${what}: exit code`);
  };
  const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8')) as { version: string; files: Record<string, { result: { messages: { message: string }[] } }> };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'specroles-cache-'));
    cpSync(join(fixturesDir, 'quiet', 'specs'), join(dir, 'specs'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lint, edit a file, change the config, change the version: each time the same report as an uncached run', () => {
    const first = cached();
    assert.ok(existsSync(cacheFile()), 'the cache is written');
    same(first, uncached(), 'first run (cache empty)');
    same(cached(), uncached(), 'second run (cache full)');

    const spec = join(dir, 'specs', 'checkout.prd.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('<!-- owner: designer -->', '<!-- owner: pm -->'));
    same(cached(), uncached(), 'after an edit');

    writeFileSync(join(dir, '.specroles.yaml'), 'rules:\n  section-owner-mismatch: error\n');
    same(cached(), uncached(), 'after a config change');
    same(cached('--rule', 'empty-section:off'), uncached('--rule', 'empty-section:off'), 'with --rule');

    same(cached(), uncached(), 'back without --rule');

    // Plant a result: with the same keys it is served (the cache is read) ...
    const data = readCache();
    const key = Object.keys(data.files).find((k) => k.endsWith('launch.spec.yaml'))!;
    const entry = data.files[key];
    assert.ok(entry, `no cache entry for ${key}`);
    nth(entry.result.messages, 0).message = 'PLANTED';
    writeFileSync(cacheFile(), JSON.stringify(data));
    assert.match(cached().stdout, /PLANTED/, 'a cache entry whose keys match is used');
    // ... but not once the version differs (an upgrade): the planted result is gone.
    data.version = '0.0.0+older';
    writeFileSync(cacheFile(), JSON.stringify(data));
    const upgraded = cached();
    assert.doesNotMatch(upgraded.stdout, /PLANTED/);
    same(upgraded, uncached(), 'after a version change');
    assert.notEqual(readCache().version, '0.0.0+older', 'the cache is rewritten for this version');
  });

  it('a corrupt cache is ignored with a notice, and rewritten', () => {
    writeFileSync(cacheFile(), '{"version": "1", "files": {');
    const run = cached();
    same(run, uncached(), 'with a corrupt cache');
    assert.match(run.stderr, /\.specrolescache: the cache is corrupt and was ignored/);
    assert.doesNotThrow(() => readCache());
    assert.equal(cached().stderr, '', 'no notice once rewritten');
  });

  it('--cache-location: a file, or a folder to hold .specrolescache', () => {
    same(cached('--cache-location', 'tmp/lint.cache'), uncached(), 'file location');
    assert.ok(existsSync(join(dir, 'tmp', 'lint.cache')));
    same(cached('--cache-location', 'tmp/'), uncached(), 'folder location');
    assert.ok(existsSync(join(dir, 'tmp', '.specrolescache')));
    assert.ok(!existsSync(cacheFile()));
  });
});
