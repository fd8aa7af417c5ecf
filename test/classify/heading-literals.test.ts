// The words a kind's pattern cannot match without let matchPatterns skip patterns a heading cannot match
// (never compiling them). Skipping must never change a match: checked against every built-in pattern.
import assert from 'node:assert/strict';
import { catalogueFor } from '../../src/core';
import { requiredLiterals } from '../../src/core/classify/heading';

describe('the literals a heading pattern requires', () => {
  it('takes the plain words an alternative starts with, after anchors and word boundaries', () => {
    assert.deepEqual(requiredLiterals(/release (plan|strategy)/u), ['release ']);
    assert.deepEqual(requiredLiterals(/^\bvision/u), ['vision']);
    assert.deepEqual(requiredLiterals(/\bunfair advantages?\b|\bmoats?\b/u), ['unfair advantage', 'moat']);
    // A character made optional by the quantifier after it is not required.
    assert.deepEqual(requiredLiterals(/colou?r/u), ['colo']);
    assert.deepEqual(requiredLiterals(/resources( and documentation)?$/u), ['resources']);
  });

  it('gives none where an alternative starts with a group, a class or an escape, or has under three plain characters', () => {
    assert.equal(requiredLiterals(/(?<!information )architecture/u), undefined);
    assert.equal(requiredLiterals(/^(?:feature|product) name$/u), undefined);
    assert.equal(requiredLiterals(/\bux\b/u), undefined);
    assert.equal(requiredLiterals(/timeline|[a-z]+ plan/u), undefined);
    // A `|` inside a group or a class does not split the pattern.
    assert.deepEqual(requiredLiterals(/launch (tier|plan)/u), ['launch ']);
    assert.deepEqual(requiredLiterals(/pricing[|]tiers|\bpackaging/u), ['pricing', 'packaging']);
  });

  it('never skips a built-in pattern that matches: each matching heading holds one of its literals', () => {
    const catalogue = catalogueFor({});
    const headings = [...catalogue.kindOrder.flatMap((k) => [...k.synonyms, k.name.toLowerCase()]), ...catalogue.kindOrder.flatMap((k) => k.patterns.map((p) => p.replace(/[\\^$()[\]?*+{}|.]/g, '')))];
    let checked = 0;
    for (const kind of catalogue.kindOrder) {
      for (const regex of kind.regexes) {
        const literals = requiredLiterals(regex);
        if (!literals) continue;
        for (const heading of headings) {
          if (!regex.test(heading)) continue;
          checked++;
          assert.ok(literals.some((l) => heading.includes(l)), `${regex.source} matches "${heading}" without any of ${JSON.stringify(literals)}`);
        }
      }
    }
    assert.ok(checked > 300, `only ${checked} matches checked`);
  });
});
