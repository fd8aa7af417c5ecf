// The fix-all loop shared by the CLI's --fix and the editor's fix-all (src/core/engine/fix-all.ts).
import assert from 'node:assert/strict';
import { fixAll, fixPass, MAX_FIX_PASSES, type Finding, type LintResult } from '../../src/core';

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
    assert.equal(fixAll('abcdef', result(findings), () => result([])).text, pass.text);
  });
});
