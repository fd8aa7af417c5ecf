// CLI behaviour as fixture folders: test/cli/fixtures/<case>/ holds `args` (one argument per line), the
// input files, `expected-stdout`, optional `expected-stderr` (absent: must be empty),
// `expected-exit-code`, optional `stdin` (piped in), optional `env` (KEY=VALUE lines; an empty value
// unsets the variable), optional `expected-fixed/`: every file in it must match the file of the same
// name after the run (--fix, init, --output).
// Each case runs `node dist/cli.js` with NO_COLOR=1 in a temporary copy of its input files, so that runs
// never change the fixtures and no config or .gitignore above the project applies. Input files named
// `dot-gitignore` become `.gitignore` in the copy (a real .gitignore would keep git from committing the
// very files the case ignores).
// UPDATE_SNAPSHOTS=1 rewrites the expected files from the current behaviour: review the diff!
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { cliPath, fixturesDir, runCli } from './support';

const update = process.env.UPDATE_SNAPSHOTS === '1';
const fixtures = fixturesDir;
const EXPECTED = new Set(['args', 'stdin', 'env', 'expected-stdout', 'expected-stderr', 'expected-exit-code', 'expected-fixed']);

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
    });
}

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

describe('CLI fixtures (test/cli/fixtures)', function () {
  this.timeout(60000);
  before(function () {
    assert.ok(existsSync(cliPath), `${cliPath} is built (node esbuild.mjs)`);
  });

  for (const name of existsSync(fixtures) ? readdirSync(fixtures).sort() : []) {
    const dir = join(fixtures, name);
    if (!statSync(dir).isDirectory()) continue;
    it(name, function () {
      const args = readFileSync(join(dir, 'args'), 'utf8')
        .split(/\r?\n/)
        .filter((line) => line !== '');
      const env = Object.fromEntries(
        (readOptional(join(dir, 'env')) ?? '')
          .split(/\r?\n/)
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      const fixedDir = join(dir, 'expected-fixed');
      const copies = existsSync(fixedDir);
      const temp = mkdtempSync(join(tmpdir(), `specroles-${name}-`));
      for (const entry of readdirSync(dir)) if (!EXPECTED.has(entry)) cpSync(join(dir, entry), join(temp, entry), { recursive: true });
      for (const f of filesUnder(temp)) if (basename(f) === 'dot-gitignore') renameSync(join(temp, f), join(temp, dirname(f), '.gitignore'));
      const cwd = temp;
      try {
        const stdin = readOptional(join(dir, 'stdin'));
        const run = runCli(args, { cwd, ...(stdin !== undefined ? { input: stdin } : {}), env });
        // Whatever went wrong, the user gets one-line reasons, never a stack trace (issue #7).
        assert.doesNotMatch(run.stderr, /^\s+at .+[:(]\d+:\d+\)?$/m, 'no stack trace on standard error');
        const expectedFiles: [string, string][] = [];
        if (copies) {
          const listed = filesUnder(fixedDir);
          // When updating, also take in every input file the run changed or created.
          const changed = filesUnder(temp).filter((f) => !f.endsWith('.gitignore') && readOptional(join(dir, f)) !== readFileSync(join(temp, f), 'utf8'));
          const names = update ? [...new Set([...listed, ...changed])] : listed;
          for (const f of names) expectedFiles.push([f, readOptional(join(temp, f)) ?? '<missing>']);
        }
        if (update) {
          writeFileSync(join(dir, 'expected-stdout'), run.stdout);
          if (run.stderr || existsSync(join(dir, 'expected-stderr'))) writeFileSync(join(dir, 'expected-stderr'), run.stderr);
          writeFileSync(join(dir, 'expected-exit-code'), `${run.code}\n`);
          for (const [f] of expectedFiles) if (existsSync(join(temp, f))) cpSync(join(temp, f), join(fixedDir, f));
          return;
        }
        assert.equal(run.stdout, readFileSync(join(dir, 'expected-stdout'), 'utf8'), 'stdout');
        assert.equal(run.stderr, readOptional(join(dir, 'expected-stderr')) ?? '', 'stderr');
        assert.equal(run.code, Number(readFileSync(join(dir, 'expected-exit-code'), 'utf8').trim()), `exit code (stderr: ${run.stderr})`);
        for (const [f, text] of expectedFiles) assert.equal(text, readFileSync(join(fixedDir, f), 'utf8'), `${f} after the run`);
      } finally {
        rmSync(temp, { recursive: true, force: true });
      }
    });
  }
});
