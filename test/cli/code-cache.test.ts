// The `specroles` command's V8 code cache (src/cli/bin.ts): written by the first run, taken by the next,
// never a change in what a run prints, and a damaged, foreign or unwritable cache is only a slower run.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/paths';
import { runCli, type CliRun } from './support';

describe('CLI: code cache', function () {
  this.timeout(120_000);
  let temp: string;
  let cacheDir: string;
  let reference: CliRun;
  const lint = (env: Record<string, string | undefined> = { SPECROLES_CODE_CACHE: cacheDir }) => runCli(['--format', 'json', 'checkout.prd.md'], { cwd: temp, env });
  /** The bundle's cache files (dist/zod.js has its own, when a run validates something). */
  const cacheFiles = (stem = 'specroles-') => readdirSync(cacheDir).filter((f) => f.startsWith(stem) && f.endsWith('.v8cache'));

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'specroles-code-cache-test-'));
    cpSync(join(projectRoot, 'examples', 'checkout.prd.md'), join(temp, 'checkout.prd.md'));
    reference = lint({ SPECROLES_CODE_CACHE: '0' });
    assert.equal(reference.stderr, '');
    assert.ok(JSON.parse(reference.stdout).length === 1);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));
  beforeEach(() => {
    cacheDir = join(temp, `cache-${Math.random().toString(36).slice(2)}`);
  });

  it('the first run writes the cache, the next takes it as it is; the output is the same', () => {
    assert.deepEqual(lint(), reference);
    const [file, ...more] = cacheFiles();
    assert.ok(file !== undefined && more.length === 0, `one cache file: ${cacheFiles().join(', ')}`);
    const written = readFileSync(join(cacheDir, file));
    assert.equal(written[0], 1, 'written by a run that linted');
    const mtime = statSync(join(cacheDir, file)).mtimeMs;
    assert.deepEqual(lint(), reference);
    assert.deepEqual(cacheFiles(), [file]);
    assert.equal(statSync(join(cacheDir, file)).mtimeMs, mtime, 'not written again');
  });

  it('a cache written by a run that did not lint is replaced by the next run that lints', () => {
    assert.equal(runCli(['--version'], { cwd: temp, env: { SPECROLES_CODE_CACHE: cacheDir } }).code, 0);
    const [file] = cacheFiles();
    assert.equal(readFileSync(join(cacheDir, file!))[0], 0);
    assert.deepEqual(lint(), reference);
    assert.equal(readFileSync(join(cacheDir, file!))[0], 1);
  });

  it('a damaged cache is rejected and replaced: the output is the same, nothing on standard error', () => {
    assert.deepEqual(lint(), reference);
    const [file] = cacheFiles();
    const path = join(cacheDir, file!);
    const good = readFileSync(path);
    for (const damage of [
      (b: Buffer) => b.subarray(0, b.length >> 1),
      (b: Buffer) => b.map((x, i) => (i > b.length / 3 && i < b.length / 3 + 400 ? x ^ 0x5a : x)),
      (b: Buffer) => b.map((x, i) => (i === b.length - 5 ? x ^ 1 : x)),
      () => Buffer.from('\u0001not a code cache at all'),
    ]) {
      const bad = Buffer.from(damage(Buffer.from(good)));
      writeFileSync(path, bad);
      assert.deepEqual(lint(), reference);
      assert.notDeepEqual(readFileSync(path), bad, 'replaced');
    }
  });

  it('zod, loaded only to validate (here a config), has a cache of its own, taken by the next run', () => {
    const withConfig = join(temp, 'with-config');
    cpSync(join(temp, 'checkout.prd.md'), join(withConfig, 'checkout.prd.md'));
    writeFileSync(join(withConfig, '.specroles.yaml'), 'rules:\n  empty-section: [warning, { inTemplates: true }]\n');
    const run = () => runCli(['--format', 'json', 'checkout.prd.md'], { cwd: withConfig, env: { SPECROLES_CODE_CACHE: cacheDir } });
    const expected = runCli(['--format', 'json', 'checkout.prd.md'], { cwd: withConfig, env: { SPECROLES_CODE_CACHE: '0' } });
    assert.deepEqual(run(), expected);
    const [zod] = cacheFiles('zod-');
    assert.ok(zod !== undefined, `a cache for zod: ${readdirSync(cacheDir).join(', ')}`);
    const mtime = statSync(join(cacheDir, zod)).mtimeMs;
    assert.deepEqual(run(), expected);
    assert.equal(statSync(join(cacheDir, zod)).mtimeMs, mtime, 'not written again');
    // A config with an error: zod's message, from the cached zod.
    writeFileSync(join(withConfig, '.specroles.yaml'), 'rules:\n  empty-section: [warning, { inTemplate: true }]\n');
    const bad = run();
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unrecognized key: "inTemplate"/);
  });

  it('a cache folder that cannot be written (a file in its place), or SPECROLES_CODE_CACHE=0: the same output', () => {
    writeFileSync(cacheDir, 'not a folder');
    assert.deepEqual(lint(), reference);
    assert.equal(readFileSync(cacheDir, 'utf8'), 'not a folder');
    rmSync(cacheDir);
    assert.deepEqual(lint({ SPECROLES_CODE_CACHE: 'off' }), reference);
  });

  it('lint workers start at the loader too and read the cache; their output is the same, with or without it', () => {
    const many = join(temp, 'many');
    for (let i = 0; i < 6; i++) cpSync(join(temp, 'checkout.prd.md'), join(many, `spec-${i}.prd.md`));
    const run = (env: Record<string, string | undefined>, threads: string) => runCli(['--format', 'json', '--concurrency', threads, '.'], { cwd: many, env });
    const expected = run({ SPECROLES_CODE_CACHE: '0' }, '0');
    assert.equal(expected.stderr, '');
    assert.equal(JSON.parse(expected.stdout).length, 6);
    assert.deepEqual(run({ SPECROLES_CODE_CACHE: '0' }, '2'), expected);
    assert.deepEqual(run({ SPECROLES_CODE_CACHE: cacheDir }, '2'), expected);
    assert.equal(cacheFiles().length, 1);
    assert.deepEqual(run({ SPECROLES_CODE_CACHE: cacheDir }, '2'), expected);
    assert.deepEqual(run({ SPECROLES_CODE_CACHE: cacheDir, NODE_OPTIONS: '--enable-source-maps' }, '2'), expected);
  });

  it('with source maps on (--enable-source-maps) the bundle is required as usual: the same output, no cache', () => {
    assert.deepEqual(lint({ SPECROLES_CODE_CACHE: cacheDir, NODE_OPTIONS: '--enable-source-maps' }), reference);
    assert.throws(() => readdirSync(cacheDir), /ENOENT/);
  });
});
