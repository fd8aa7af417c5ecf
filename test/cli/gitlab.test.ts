// `--format gitlab`: a GitLab Code Quality report that validates against the documented format
// (gitlab-schema.ts), with GitLab's severities, and fingerprints that survive unrelated edits.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/paths';
import { codeQualityErrors } from './gitlab-schema';
import { fixturesDir, runCli } from './support';

describe('CLI: GitLab Code Quality output', function () {
  this.timeout(60000);
  let temp = '';
  const lintJson = (...paths: string[]) => {
    const run = runCli(['--format', 'gitlab', ...paths], { cwd: temp });
    assert.equal(run.stderr, '');
    return { code: run.code, issues: JSON.parse(run.stdout) as any[] };
  };

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'specroles-gitlab-'));
    cpSync(join(projectRoot, 'examples'), join(temp, 'examples'), { recursive: true });
    cpSync(join(fixturesDir, 'format-sarif', 'specs'), join(temp, 'specs'), { recursive: true });
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('validates against the documented Code Quality format, with every severity mapped', () => {
    const { code, issues } = lintJson('examples', 'specs');
    assert.equal(code, 1);
    assert.ok(issues.length > 5);
    assert.deepEqual(codeQualityErrors(issues), []);
    assert.deepEqual([...new Set(issues.map((i) => i.severity))].sort(), ['info', 'major', 'minor']);
    const json = JSON.parse(runCli(['--format', 'json', 'examples', 'specs'], { cwd: temp }).stdout) as any[];
    const expected = json.flatMap((f) => f.messages.map((m: any) => [f.filePath, m.ruleId, { info: 'info', warning: 'minor', error: 'major' }[m.severity as string], m.line]));
    assert.deepEqual(issues.map((i) => [i.location.path, i.check_name, i.severity, i.location.lines.begin]), expected);
  });

  it('the validator is not vacuous', () => {
    const { issues } = lintJson('examples');
    const broken = structuredClone(issues);
    broken[0].severity = 'warning';
    delete broken[1].fingerprint;
    broken[2].location.lines.begin = '3';
    assert.equal(codeQualityErrors(broken).length, 3);
    assert.equal(codeQualityErrors({}).length, 1);
  });

  it('fingerprints are unique, and stable when other parts of the document change', () => {
    const { issues } = lintJson('examples/checkout.prd.md');
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    const file = join(temp, 'examples', 'checkout.prd.md');
    const original = readFileSync(file, 'utf8');
    try {
      // Lines added above every finding: all lines move, no fingerprint changes.
      writeFileSync(file, original.replace(/^(# .*\n)/m, '$1\nA paragraph added above.\n\nAnd another.\n'));
      const moved = lintJson('examples/checkout.prd.md').issues;
      assert.deepEqual(moved.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
      assert.notDeepEqual(moved.map((i) => i.location.lines.begin), issues.map((i) => i.location.lines.begin));
      // The same file under another name: other fingerprints.
      writeFileSync(join(temp, 'examples', 'checkout-copy.prd.md'), original);
      const copy = lintJson('examples/checkout-copy.prd.md').issues;
      assert.ok(copy.every((i) => !issues.some((j) => j.fingerprint === i.fingerprint)));
    } finally {
      writeFileSync(file, original);
      rmSync(join(temp, 'examples', 'checkout-copy.prd.md'), { force: true });
    }
  });

  it('an empty report is an empty array', () => {
    const { code, issues } = lintJson(join(fixturesDir, 'clean', 'specs'));
    assert.equal(code, 0);
    assert.deepEqual(issues, []);
  });
});
