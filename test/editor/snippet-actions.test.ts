// Quick fixes that leave a placeholder: every client gets the plain edit; the snippet in `data` is the same
// text with the placeholder as a tab stop (what the VS Code extension inserts instead).
import assert from 'node:assert/strict';
import type { CodeAction, SnippetData } from '../../src/editor';
import { fixtureText, harness, uriOf } from './support';

// The planted mistake: `pm` in `## Messaging <!-- owner: pm -->`.
const MESSAGING = { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } };

/** The snippet's text as inserted when nothing is typed: the placeholder's default, escapes undone. */
const expand = (snippet: string) => snippet.replace(/\$\{1:([^}]*)\}/, '$1').replace(/\\([$}\\])/g, '$1');

function snippetOf(action: CodeAction | undefined): SnippetData['snippet'] {
  const snippet = (action?.data as SnippetData | undefined)?.snippet;
  assert.ok(snippet, `${action?.title}: no snippet`);
  return snippet;
}

describe('editor service: quick fixes as snippets', () => {
  it('"Disable … for this section": a plain edit with the word reason, and a snippet selecting it', async () => {
    const h = harness();
    h.open('planted.prd.md', fixtureText('planted.prd.md'));
    const actions = await h.service.codeActions(uriOf('planted.prd.md'), MESSAGING, ['quickfix']);
    const disable = actions.find((a) => a.title === 'Disable section-owner-mismatch for this section');
    const [edit] = disable?.edit?.changes?.[uriOf('planted.prd.md')] ?? [];
    assert.equal(edit?.newText, '<!-- specroles-disable-next-section section-owner-mismatch -- reason -->\n');
    const snippet = snippetOf(disable);
    assert.equal(snippet.text, '<!-- specroles-disable-next-section section-owner-mismatch -- ${1:reason} -->\n');
    assert.deepEqual([snippet.uri, snippet.range], [uriOf('planted.prd.md'), edit.range]);
  });

  it('"Add a … section": the snippet selects the stub\'s body, and otherwise inserts the plain edit\'s text', async () => {
    const h = harness();
    const doc = h.open('costs.prd.md', '---\nspecroles: 1\ntype: prd\n---\n# Costs\n\n## Problem\n\nIt costs too much.\n');
    const actions = await h.service.codeActions(doc.uri, { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } }, ['quickfix']);
    const add = actions.filter((a) => a.title.startsWith('Add a "'));
    assert.ok(add.length, actions.map((a) => a.title).join(', '));
    for (const action of add) {
      const [edit] = action.edit?.changes?.[doc.uri] ?? [];
      const snippet = snippetOf(action);
      assert.match(snippet.text, /\n\$\{1:TODO\}\n$/);
      assert.equal(expand(snippet.text), edit?.newText);
    }
  });
});
