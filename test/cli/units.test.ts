// Pieces of the CLI that fixtures cannot reach well: escaping, argument parsing, the fix loop's rules,
// discovery's always-skipped folders, the initial config's validity, the version.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/core';
import { parseArgs, UsageError } from '../../src/cli/args';
import { initialConfig } from '../../src/cli/commands';
import { autoThreads, PARALLEL_THRESHOLD } from '../../src/cli/lint-command';
import { escapeData, escapeProperty } from '../../src/cli/formatters/github';
import { xml } from '../../src/cli/formatters/junit';
import { projectRoot } from '../support/paths';
import { fixturesDir, runCli } from './support';

describe('CLI units', function () {
  it('--concurrency auto: one worker per core but one (at most 7); none for few files, on 2 cores or fewer, or with no idle core', () => {
    assert.equal(autoThreads(PARALLEL_THRESHOLD, 8, 0), 0);
    assert.equal(autoThreads(PARALLEL_THRESHOLD + 1, 8, 0), 7);
    assert.equal(autoThreads(1000, 1, 0), 0);
    assert.equal(autoThreads(1000, 2, 0), 0);
    assert.equal(autoThreads(1000, 4, 0), 3);
    assert.equal(autoThreads(1000, 4, 3.9), 3);
    assert.equal(autoThreads(1000, 4, 4), 0);
    assert.equal(autoThreads(1000, 16, 3), 7);
  });

  this.timeout(60000);

  describe('github workflow command escaping', () => {
    it('escapes %, CR and LF in data', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    });
    it('also escapes : and , in properties', () => {
      assert.equal(escapeProperty('a,b: c%\n'), 'a%2Cb%3A c%25%0A');
    });
  });

  it('junit: escapes markup and drops characters XML cannot hold', () => {
    assert.equal(xml(`<a href="x">&'\u0001\u0007ok`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok');
  });

  describe('arguments', () => {
    it('defaults to lint, keeps paths in order, repeats --rule', () => {
      const a = parseArgs(['b.md', '--rule', 'missing-section:off', 'a.md', '--rule=empty-section:error', '-f', 'json']);
      assert.equal(a.command, 'lint');
      assert.deepEqual(a.positionals, ['b.md', 'a.md']);
      assert.deepEqual(a.rules, [
        { id: 'missing-section', severity: 'off' },
        { id: 'empty-section', severity: 'error' },
      ]);
      assert.equal(a.format, 'json');
    });
    it('"--" ends the options', () => {
      assert.deepEqual(parseArgs(['--', '--fix']).positionals, ['--fix']);
    });
    for (const [argv, message] of [
      [['--max-warnings', 'x'], /whole number/],
      [['--rule', 'missing-section'], /RULE:SEVERITY/],
      [['--print-config', 'a.md', 'b.md'], /one file/],
      [['--output', 'sarf=x.sarif'], /unknown format "sarf"/],
      [['-qz'], /unknown option -z in -qz/],
      [['--suppress-all', '--prune-suppressions'], /cannot be given with/],
      [['--stdin-filename', 'a.md'], /needs --stdin/],
      [['--stdin', 'a.md'], /no paths/],
      [['stub'], /at least one/],
      [['explain'], /needs one/],
      [['init', '--fix'], /does not apply/],
      [['--format'], /needs a value/],
      [['--quiet=yes'], /takes no value/],
      [['--output', 'a', '--output', 'b'], /more than once/],
      [['--fixx'], /did you mean --fix\?/],
    ] as [string[], RegExp][]) {
      it(`rejects ${argv.join(' ')}`, () => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message)));
    }
    it('combined short flags: -qf json, -qfjson; a value flag ends the group', () => {
      for (const argv of [['-qf', 'json', 'a.md'], ['-qfjson', 'a.md'], ['-q', '-f', 'json', 'a.md']]) {
        const a = parseArgs(argv);
        assert.equal(a.quiet, true);
        assert.equal(a.format, 'json');
        assert.deepEqual(a.positionals, ['a.md']);
      }
      assert.equal(parseArgs(['-qo', 'r.txt']).output, 'r.txt');
    });
    it('--output FILE once, --output FORMAT=FILE repeatable; negated paths and --ignore-pattern', () => {
      const a = parseArgs(['-o', 'r.txt', '--output', 'sarif=a.sarif', '--output=junit=j.xml', 'specs', '!specs/drafts/**', '--ignore-pattern', '*.yaml']);
      assert.equal(a.output, 'r.txt');
      assert.deepEqual(a.outputs, [
        { format: 'sarif', path: 'a.sarif' },
        { format: 'junit', path: 'j.xml' },
      ]);
      assert.deepEqual(a.positionals, ['specs']);
      assert.deepEqual(a.ignorePatterns, ['specs/drafts/**', '*.yaml']);
      assert.equal(parseArgs(['--output', './sarf=x']).output, './sarf=x');
      assert.equal(parseArgs(['--stdin', '--fix']).fix, true);
    });
    it('help wins over everything else', () => {
      assert.equal(parseArgs(['--format', 'nope', '--help']).command, 'help');
      assert.deepEqual(parseArgs(['stub', '--help']).positionals, ['stub']);
    });
  });

  it('init writes a config that the engine accepts without a problem', () => {
    const parsed = parseConfig(initialConfig(), '.specroles.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.config?.files?.include?.length);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(runCli(['--version'], { cwd: projectRoot }), { stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it('folders: node_modules and .git are never searched, even without a .gitignore', () => {
    const temp = mkdtempSync(join(tmpdir(), 'specroles-skip-'));
    try {
      for (const dir of ['node_modules/pkg/specs', '.git/specs', 'specs']) {
        mkdirSync(join(temp, dir), { recursive: true });
        writeFileSync(join(temp, dir, 'a.prd.md'), '# A\n\n## Messaging <!-- owner: pm -->\n\nTagline.\n');
      }
      const run = runCli(['--format', 'json'], { cwd: temp });
      assert.deepEqual(
        (JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath),
        ['specs/a.prd.md'],
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('parallel and sequential runs print the same report', () => {
    const cwd = join(fixturesDir, 'parallel');
    const parallel = runCli(['--format', 'json', '--concurrency', '2'], { cwd });
    const sequential = runCli(['--format', 'json', '--concurrency', 'off'], { cwd });
    assert.equal(parallel.stdout, sequential.stdout);
    assert.equal(parallel.code, sequential.code);
    assert.ok((JSON.parse(parallel.stdout) as unknown[]).length > 20);
  });
});
