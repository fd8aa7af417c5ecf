// Messages speak the author's language: a document type guessed from the file name is said so, never as
// the type's internal id ("(a launch-brief by its file name)" read as a typo; issue 16, item 12).
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

describe('message wording', () => {
  it('says a type came from the file name without leaking its id', () => {
    const result = lint('# Web analytics launch\n\n## Audience\n\nAnalysts in small teams.\n', { config: {}, path: 'docs/web-analytics-launch-brief.md' });
    const missing = result.findings.filter((f) => f.ruleId === 'missing-section');
    assert.ok(missing.length, 'a launch brief without a message or plan is missing sections');
    for (const f of missing) {
      assert.match(f.message, /^This launch brief \(going by its file name\) lacks /);
      assert.doesNotMatch(f.message, /launch-brief/);
    }
  });
});
