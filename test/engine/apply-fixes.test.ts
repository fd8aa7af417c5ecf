import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, lint, type Fix } from '../../src/core';
import { checkSafeFixes } from '../support/invariants';
import { projectRoot } from '../support/paths';

const fix = (title: string, ...edits: [number, number, string][]): Fix => ({ title, safe: true, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) });

describe('applyFixes', () => {
  it('applies the edits of several fixes in one pass, whatever order they come in', () => {
    const out = applyFixes('abcdef', [fix('last', [5, 6, 'F']), fix('first', [0, 1, 'A']), fix('middle', [2, 4, 'CD!'])]);
    assert.equal(out.text, 'AbCD!eF');
    assert.deepEqual(out.applied.map((f) => f.title), ['last', 'first', 'middle']);
    assert.deepEqual(out.skipped, []);
  });

  it('applies every edit of a fix or none: a fix with several edits', () => {
    const out = applyFixes('one two three', [fix('both', [0, 3, '1'], [8, 13, '3'])]);
    assert.equal(out.text, '1 two 3');
  });

  it('skips a fix that overlaps or touches one already taken; the earlier fix wins', () => {
    const text = 'abcdef';
    const overlap = applyFixes(text, [fix('a', [1, 4, 'X']), fix('b', [3, 5, 'Y'])]);
    assert.equal(overlap.text, 'aXef');
    assert.deepEqual(overlap.skipped.map((s) => [s.fix.title, s.reason]), [['b', 'overlap']]);
    // Touching ranges and two insertions at one offset have no one right order: the next pass takes them.
    const touching = applyFixes(text, [fix('a', [1, 3, 'X']), fix('b', [3, 4, 'Y'])]);
    assert.deepEqual(touching.skipped.map((s) => s.fix.title), ['b']);
    const sameOffset = applyFixes(text, [fix('a', [2, 2, 'X']), fix('b', [2, 2, 'Y'])]);
    assert.equal(sameOffset.text, 'abXcdef');
    assert.deepEqual(sameOffset.skipped.map((s) => s.fix.title), ['b']);
    const insideReplacement = applyFixes(text, [fix('a', [1, 4, 'X']), fix('b', [2, 2, 'Y'])]);
    assert.deepEqual(insideReplacement.skipped.map((s) => s.fix.title), ['b']);
  });

  it('skips a fix whose own edits overlap, and one pointing outside the text', () => {
    const out = applyFixes('abcdef', [fix('self', [0, 2, 'X'], [1, 3, 'Y']), fix('outside', [4, 9, 'Z']), fix('backwards', [3, 1, 'W']), fix('negative', [-1, 0, 'V']), fix('fine', [5, 6, 'F'])]);
    assert.equal(out.text, 'abcdeF');
    assert.deepEqual(out.skipped.map((s) => [s.fix.title, s.reason]), [['self', 'self-overlap'], ['outside', 'out-of-range'], ['backwards', 'out-of-range'], ['negative', 'out-of-range']]);
  });

  it('never removes a byte-order mark or writes before it', () => {
    const text = '\ufeff## A\n';
    assert.equal(applyFixes(text, [fix('insert at 0', [0, 0, '# T\n'])]).text, '\ufeff# T\n## A\n');
    assert.equal(applyFixes(text, [fix('replace from 0', [0, 3, '#'])]).text, '\ufeff# A\n');
    // Offsets from lint count the mark, so a fix from lint lands where the finding is.
    const bom = '\ufeff## Messaging <!-- owner: pm -->\n\nOne checkout.\n';
    const result = lint(bom, { path: 'x.md' });
    const safe = result.findings.flatMap((f) => f.fixes.filter((x) => x.safe));
    assert.equal(applyFixes(bom, safe).text, '\ufeff## Messaging <!-- owner: pmm -->\n\nOne checkout.\n');
  });

  it('with no fixes returns the text unchanged', () => {
    assert.deepEqual(applyFixes('x', []), { text: 'x', applied: [], skipped: [] });
  });

  it('fixes the examples: safe fixes never overlap, remove their findings and converge', () => {
    for (const name of ['checkout.prd.md', 'checkout-positioning.md', 'launch-brief.md', 'onboarding.spec.yaml']) {
      const text = readFileSync(join(projectRoot, 'examples', name), 'utf8');
      for (const variant of [text, `\ufeff${text}`, text.replace(/\n/g, '\r\n')]) checkSafeFixes(variant, { path: name }, undefined, `${name}: `);
    }
  });
});
