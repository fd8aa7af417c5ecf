// Hostile input through the CLI (issue #7) that fixture folders cannot hold: a 5 MB spec, a 20 MB file,
// a path that cannot be read. The fixture folders hostile-* hold the rest, snapshot-compared.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../../src/cli/process-file';
import { projectRoot } from '../support/paths';
import { runCli } from './support';

describe('CLI: hostile input beyond the fixture folders', function () {
  this.timeout(120_000);
  let temp: string;
  beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'specroles-hostile-'))));
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('a 5 MB spec is linted: findings in JSON, no error, exit code by severity', () => {
    const example = readFileSync(join(projectRoot, 'examples', 'checkout.prd.md'), 'utf8');
    const body = example.replace(/^---[^]*?---\n/, '').replace(/<!-- owner: pmm -->/, '<!-- owner: pm -->');
    const parts = [example];
    for (let i = 0, size = example.length; size < 5 * 1024 * 1024; i++) {
      parts.push(`\n## Part ${i}\n\n${body}`);
      size += parts.at(-1)!.length;
    }
    writeFileSync(join(temp, 'big.prd.md'), parts.join(''));
    const run = runCli(['--format', 'json', 'big.prd.md'], { cwd: temp });
    assert.equal(run.stderr, '');
    assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}`);
    const [file] = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(file!.filePath, 'big.prd.md');
    assert.ok(file!.messages.length > 100, `${file!.messages.length} findings`);
  });

  it('a 20 MB file is not even read: a notice on standard error, exit code 0', () => {
    // Sparse: 20 MB of NUL bytes, which would be a binary-file error if it were read.
    writeFileSync(join(temp, 'huge.prd.md'), '');
    truncateSync(join(temp, 'huge.prd.md'), 20 * 1024 * 1024);
    const run = runCli(['huge.prd.md'], { cwd: temp });
    assert.deepEqual(run, {
      stdout: '',
      stderr: 'specroles: huge.prd.md: not linted: the file is 20 MB, over maxFileSize (10 MB). Raise maxFileSize in .specroles.yaml (in the editor, the specRoles.maxFileSize setting) to lint it.\n',
      code: 0,
    });
  });

  it('a file that cannot be read is an I/O error for that file, in one line (exit code 2)', () => {
    mkdirSync(join(temp, 'folder.prd.md'));
    const result = processFile({ index: 0, abs: join(temp, 'folder.prd.md'), filePath: 'folder.prd.md', configIndex: 0, fix: false }, {});
    assert.deepEqual(result, { index: 0, filePath: 'folder.prd.md', messages: [], configProblems: [], error: 'folder.prd.md: cannot read file (EISDIR)' });
  });
});
