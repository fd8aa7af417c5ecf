// `--format sarif` output validates against the official SARIF 2.1.0 schema, and carries what code
// scanning shows: rule metadata, help text with the guidelines' statements and sources, exact regions.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../src/core';
import { projectRoot } from '../support/paths';
import { sarifErrors } from './sarif-schema';
import { fixturesDir, runCli } from './support';

describe('CLI: SARIF output', function () {
  this.timeout(60000);
  let log: any;
  let temp: string;

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'specroles-sarif-'));
    cpSync(join(projectRoot, 'examples'), join(temp, 'examples'), { recursive: true });
    cpSync(join(fixturesDir, 'format-sarif', 'specs'), join(temp, 'specs'), { recursive: true });
    cpSync(join(fixturesDir, 'fix', 'specs', 'broken.spec.yaml'), join(temp, 'specs', 'broken.spec.yaml'));
    const run = runCli(['--format', 'sarif', 'examples', 'specs'], { cwd: temp });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
    log = JSON.parse(run.stdout);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('validates against the SARIF 2.1.0 schema (errors, warnings and notes; a parse error)', () => {
    const levels = new Set(log.runs[0].results.map((r: any) => r.level));
    assert.deepEqual([...levels].sort(), ['error', 'note', 'warning']);
    assert.deepEqual(sarifErrors(log), []);
  });

  it('the fixture snapshot validates too', () => {
    assert.deepEqual(sarifErrors(JSON.parse(readFileSync(join(fixturesDir, 'format-sarif', 'expected-stdout'), 'utf8'))), []);
  });

  it('the validator is not vacuous: it rejects a log with an unknown level and a missing message', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'info';
    delete broken.runs[0].results[1].message;
    assert.ok(sarifErrors(broken).length >= 2);
  });

  it('describes every rule, with the cited guidelines as help and as taxa', () => {
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.deepEqual(driver.rules.map((r: any) => r.id), rules.map((r) => r.meta.id));
    const taxa = new Map(run.taxonomies[0].taxa.map((t: any) => [t.id, t]));
    for (const [i, rule] of rules.entries()) {
      const described = driver.rules[i];
      assert.equal(described.shortDescription.text, rule.meta.description);
      for (const g of rule.meta.guidelines) {
        assert.ok(described.help.text.includes(g), `${rule.meta.id} help names ${g}`);
        assert.ok(taxa.has(g), `taxon ${g}`);
        assert.ok(described.help.text.includes((taxa.get(g) as any).shortDescription.text), 'help quotes the statement');
      }
      assert.match(described.help.markdown, /Source: /);
    }
    for (const r of run.results) {
      assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
      const region = r.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
      assert.ok(!r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'), 'relative URIs');
    }
  });
});
