// `--format junit` read back with an XML parser from npm (xml2js), as a CI's test-report reader would: a
// test suite per file, a test case per finding (classname the file, name `rule-id line N`), errors and
// warnings as failures, infos as passing cases with the finding in <system-out>, a file without findings
// one passing case, and the counts in the attributes matching the test cases.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStringPromise } from 'xml2js';
import { projectRoot } from '../support/paths';
import { fixturesDir, runCli } from './support';

describe('CLI: JUnit output, parsed', function () {
  this.timeout(60000);
  let temp = '';
  let report: any;
  let json: any[];

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'specroles-junit-'));
    cpSync(join(projectRoot, 'examples'), join(temp, 'examples'), { recursive: true });
    cpSync(join(fixturesDir, 'format-junit', 'specs'), join(temp, 'specs'), { recursive: true });
    const run = runCli(['--format', 'junit', 'examples', 'specs'], { cwd: temp });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
    report = await parseStringPromise(run.stdout, { explicitArray: true, strict: true });
    json = JSON.parse(runCli(['--format', 'json', 'examples', 'specs'], { cwd: temp }).stdout);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('has a test suite per file and a test case per finding, named rule-id line N, classname the file', () => {
    const suites = report.testsuites.testsuite as any[];
    assert.deepEqual(suites.map((s) => s.$.name), json.map((f) => f.filePath));
    for (const [i, file] of json.entries()) {
      const cases = suites[i].testcase as any[];
      if (!file.messages.length) {
        assert.equal(cases.length, 1, `${file.filePath}: one passing test case`);
        assert.ok(!cases[0].failure && !cases[0]['system-out']);
        continue;
      }
      assert.deepEqual(cases.map((c) => c.$.name), file.messages.map((m: any) => `${m.ruleId} line ${m.line}`));
      for (const c of cases) assert.equal(c.$.classname, file.filePath);
    }
    assert.ok(json.some((f) => !f.messages.length), 'a clean file is in the report');
  });

  it('counts errors and warnings as failures, never infos', () => {
    const suites = report.testsuites.testsuite as any[];
    let infos = 0;
    for (const [i, file] of json.entries()) {
      const cases = suites[i].testcase as any[];
      const failed = cases.filter((c) => c.failure);
      assert.equal(Number(suites[i].$.tests), cases.length);
      assert.equal(Number(suites[i].$.failures), failed.length);
      assert.equal(failed.length, file.messages.filter((m: any) => m.severity !== 'info').length);
      for (const [j, m] of file.messages.entries()) {
        if (m.severity !== 'info') continue;
        infos++;
        assert.ok(!cases[j].failure, 'an info is not a failure');
        assert.match(cases[j]['system-out'][0], new RegExp(`^info ${m.ruleId} at `));
      }
    }
    assert.ok(infos > 0, 'the report has infos');
    const all = suites.flatMap((s) => s.testcase as any[]);
    assert.equal(Number(report.testsuites.$.tests), all.length);
    assert.equal(Number(report.testsuites.$.failures), all.filter((c) => c.failure).length);
  });
});
