// Messages speak the author's language, and say what matters first (issue 16, item 12): a document type
// guessed from the file name is said so, never as the type's internal id ("(a launch-brief by its file
// name)" read as a typo); and every message opens with a short sentence that fits a row of VS Code's
// Problems panel, the evidence after it, the guideline left to the hover.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lint, rules, type Config } from '../../src/core';
import { projectRoot } from '../support/paths';
import { readExamples } from '../support/rule-docs';

/**
 * The longest first sentence. A Problems row shows the message on one line after the severity icon, then
 * `specroles(rule-id)` and `[Ln 24, Col 26]` (about 45 characters); in a bottom panel of a 1366-pixel-wide
 * window at the default font that leaves room for about 100 characters before VS Code cuts with an
 * ellipsis. Section titles are quoted at most 40 characters long in a first sentence for the same reason.
 */
export const MAX_FIRST_SENTENCE = 100;

/** Up to the first `.`, `?` or `!` that ends a sentence (followed by a blank or the end). */
export function firstSentence(message: string): string {
  const end = /[.?!](?=\s|$)/.exec(message);
  return end ? message.slice(0, end.index + 1) : message;
}

describe('message wording', () => {
  it('says a type came from the file name without leaking its id', () => {
    const result = lint('# Web analytics launch\n\n## Audience\n\nAnalysts in small teams.\n', { config: {}, path: 'docs/web-analytics-launch-brief.md' });
    const missing = result.findings.filter((f) => f.ruleId === 'missing-section');
    assert.ok(missing.length, 'a launch brief without a message or plan is missing sections');
    for (const f of missing) {
      assert.match(f.message, /^This launch brief lacks .*\. Going by its file name, this is a launch brief\.$/);
      assert.doesNotMatch(f.message, /launch-brief/);
    }
  });

  describe(`every rule's documented examples open with a sentence of at most ${MAX_FIRST_SENTENCE} characters`, () => {
    for (const rule of rules) {
      const id = rule.meta.id;
      const path = join(projectRoot, 'docs', 'rules', `${id}.md`);
      it(id, () => {
        const examples = readExamples(existsSync(path) ? readFileSync(path, 'utf8') : '');
        const messages = examples.flatMap((example) => {
          const config = example.config ? (parse(example.config) as Config) : {};
          return lint(example.text, { path: example.file, config }).findings.filter((f) => f.ruleId === id).map((f) => f.message);
        });
        assert.ok(examples.some((e) => e.expected.length) === messages.length > 0, 'the invalid examples report findings');
        const long = messages.filter((m) => firstSentence(m).length > MAX_FIRST_SENTENCE);
        assert.deepEqual(long, [], `first sentences over ${MAX_FIRST_SENTENCE} characters:\n${long.map((m) => `${firstSentence(m).length}: ${m}`).join('\n')}`);
      });
    }
  });

  it('finds the first sentence', () => {
    assert.equal(firstSentence('Section "v1.2" is empty. Written by: PM.'), 'Section "v1.2" is empty.');
    assert.equal(firstSentence('Unknown type "pdr"; did you mean "prd"? Known types: prd.'), 'Unknown type "pdr"; did you mean "prd"?');
    assert.equal(firstSentence('No full stop'), 'No full stop');
  });
});

describe('message wording on the corpus', () => {
  it(`opens every message of the corpus findings snapshot with at most ${MAX_FIRST_SENTENCE} characters`, () => {
    const snapshot = readFileSync(join(projectRoot, 'test', 'corpus', 'findings.snapshot.txt'), 'utf8');
    const messages = snapshot.split('\n').flatMap((line) => /^\S+ \w+ [\w-]+: (.*)$/.exec(line)?.[1] ?? []);
    assert.ok(messages.length > 100, `${messages.length} messages in the snapshot`);
    const long = messages.filter((m) => firstSentence(m).length > MAX_FIRST_SENTENCE);
    assert.deepEqual(long, []);
  });
});
