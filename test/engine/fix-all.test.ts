// The fix-all loop shared by the CLI's --fix and the editor's fix-all (src/core/engine/fix-all.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, fixPass, lint, passFixes, MAX_FIX_PASSES, type Finding, type LintResult } from '../../src/core';
import { corpusOrSkip, projectRoot } from '../support/paths';

describe('fix-all', () => {
  const finding = (start: number, end: number, newText: string, safe = true): Finding => ({
    ruleId: 'r',
    severity: 'warning',
    message: 'm',
    range: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } },
    guidelines: [],
    fixes: [{ title: `put ${newText}`, edits: [{ start, end, newText }], safe }],
  });
  const result = (findings: Finding[], fatal = false): LintResult =>
    ({ findings, document: { problems: fatal ? [{ message: 'broken', fatal: true }] : [] }, configProblems: [] }) as unknown as LintResult;

  it('applies safe, non-overlapping fixes; takes overlapping ones in the next pass; ignores unsafe ones', () => {
    // "abcdef": replace "bc" and "cd" (overlap), insert at 6, and an unsafe fix.
    const lints: string[] = [];
    const fixed = fixAll('abcdef', result([finding(1, 3, 'X'), finding(2, 4, 'Y'), finding(6, 6, '!'), finding(0, 0, '?', false)]), (t) => {
      lints.push(t);
      return result(t === 'aXdef!' ? [finding(2, 3, 'Z')] : []);
    });
    assert.equal(fixed.text, 'aXZef!');
    assert.deepEqual(lints, ['aXdef!', 'aXZef!']);
    assert.equal(fixed.passes, 2);
    assert.deepEqual(
      fixed.applied.map((a) => a.fix.title),
      ['put X', 'put !', 'put Z'],
    );
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes never settle`, () => {
    const fixed = fixAll('', result([finding(0, 0, 'x')]), () => result([finding(0, 0, 'x')]));
    assert.equal(fixed.text, 'x'.repeat(MAX_FIX_PASSES));
    assert.equal(fixed.passes, MAX_FIX_PASSES);
  });

  it('never touches a document with fatal problems, and drops a pass that would make one', () => {
    const untouched = fixAll('abc', result([finding(0, 0, 'x')], true), () => assert.fail('no re-lint'));
    assert.equal(untouched.text, 'abc');
    assert.match(untouched.refused!, /could not be read/);
    const stopped = fixAll('abc', result([finding(0, 0, 'x')]), () => result([], true));
    assert.equal(stopped.text, 'abc');
    assert.match(stopped.refused!, /unreadable/);
  });

  it('one pass (the editor\'s fix-all) takes the same fixes as the first pass of the loop, and says which', () => {
    const findings = [finding(1, 3, 'X'), finding(2, 4, 'Y'), finding(6, 6, '!'), finding(0, 0, '?', false)];
    const pass = fixPass('abcdef', findings);
    assert.equal(pass.text, 'aXdef!');
    assert.deepEqual(pass.applied.map((a) => a.finding), [findings[0], findings[2]]);
    assert.deepEqual(passFixes('abcdef', findings), pass.applied, 'choosing alone (the editor) picks the same');
    assert.equal(fixAll('abcdef', result(findings), () => result([])).text, pass.text);
  });

  describe('on real documents: fix-all twice is fix-all once, and what it fixed is gone', function () {
    this.timeout(60_000);
    let applied = 0;
    // Each document as written, and with every Markdown heading claimed by the PMM: mostly wrong, so the
    // owner fixes have plenty to do.
    const variants = (text: string) => [text, text.replace(/^(#{2,6} [^\r\n]*?)[ \t]*$/gm, '$1 <!-- owner: pmm -->')];
    const check = (dir: string, name: string) => {
      for (const text of variants(readFileSync(join(dir, name), 'utf8'))) checkText(join(dir, name), name, text);
    };
    const checkText = (path: string, name: string, text: string) => {
      const lintText = (t: string) => lint(t, { path });
      const once = fixAll(text, lintText(text), lintText);
      assert.equal(once.refused, undefined, `${name}: ${once.refused}`);
      applied += once.applied.length;
      assert.ok(once.passes < MAX_FIX_PASSES, `${name}: fixes settle`);
      const twice = fixAll(once.text, once.result, lintText);
      assert.equal(twice.text, once.text, `${name}: a second fix-all changes nothing`);
      assert.deepEqual(twice.applied, [], name);
      const left = new Set(once.result.findings.map((f) => `${f.ruleId} ${f.section ?? ''}`));
      for (const { finding } of once.applied.filter((a) => a.finding.ruleId !== 'missing-section')) {
        assert.ok(!left.has(`${finding.ruleId} ${finding.section ?? ''}`), `${name}: ${finding.ruleId} on "${finding.section}" is still reported after its fix`);
      }
    };
    const specs = (dir: string) => readdirSync(dir).filter((n) => /\.(md|ya?ml)$/.test(n)).sort();

    it('the examples', () => {
      const dir = join(projectRoot, 'examples');
      for (const name of specs(dir)) check(dir, name);
    });

    it('every corpus document', function () {
      const dir = corpusOrSkip(this);
      if (!dir) return;
      let fixed = 0;
      for (const name of specs(dir)) {
        check(dir, name);
        fixed++;
      }
      assert.ok(fixed >= 40, `${fixed} documents`);
      assert.ok(applied > 10, `only ${applied} fixes applied: the property says little`);
      console.log(`      ${applied} fixes applied over ${fixed} corpus documents and the examples`);
    });
  });
});
