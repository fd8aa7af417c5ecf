// Which files the CLI takes as specs by its default globs: paths as the repository sees them, not the
// folders above it (the editor does the same with its workspace folder).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support';

/** Notes that read as no spec by their content: only a glob would make them one. */
const NOTES = '# Team notes\n\nWhat we talked about on Monday.\n';

function linted(cwd: string): string[] {
  const run = runCli(['.', '--format', 'json'], { cwd });
  if (/no specs found/.test(run.stderr)) return [];
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => r.filePath);
}

describe('CLI: the default globs and the project root', () => {
  let temp: string;
  beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'specroles-root-'))));
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('a repository that lives under a folder named specs/ does not make its notes specs', () => {
    const repo = join(temp, 'specs', 'checkout');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, 'notes.md'), NOTES);
    assert.deepEqual(linted(repo), []);
  });

  it('the repository\'s own specs/ folder does, also from a run inside it', () => {
    const repo = join(temp, 'checkout');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'specs'));
    writeFileSync(join(repo, 'specs', 'notes.md'), NOTES);
    assert.deepEqual(linted(repo), ['specs/notes.md']);
    assert.deepEqual(linted(join(repo, 'specs')), ['notes.md']);
  });
});
