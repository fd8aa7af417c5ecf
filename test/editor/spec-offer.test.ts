// The editor service's offer to check a Markdown file as a spec (issue 16, item 5): a CodeLens over the
// first line of a near-miss file, "Check this file as a spec" writing `specroles: 1` front matter (after
// which it is linted), "Not a spec" turning it down for good; nothing on specs, YAML, or plain notes.
import assert from 'node:assert/strict';
import { DISMISS_SPEC_OFFER, MARK_AS_SPEC, type CodeLens, type TextEdit } from '../../src/editor';
import { harness, uriOf } from './support';

/** A draft with one section heading among others: the content decision does not take it. */
const NEAR_MISS = '# Checkout notes\n\n## Messaging <!-- owner: pm -->\n\nOne click.\n\n## Monday\n\nLunch.\n\n## Tuesday\n\nStand-up.\n';
const PLAIN_PRD =
  '# Checkout\n\n## Problem\n\nReturning customers abandon checkout: it takes nine steps, and users say so in every review.\n\n' +
  '## Goals\n\n- Cut checkout to three steps for every user.\n\n## Requirements\n\n- A user can pay with a saved card.\n- The product MUST keep the cart.\n\n' +
  '## Release and rollout\n\nBeta in May, general availability in June.\n';

const titles = (lenses: CodeLens[]) => lenses.map((l) => l.command?.title);
const apply = (text: string, edit: TextEdit) => {
  const lines = text.split('\n');
  const offset = lines.slice(0, edit.range.start.line).reduce((n, l) => n + l.length + 1, 0) + edit.range.start.character;
  return text.slice(0, offset) + edit.newText + text.slice(offset);
};

describe('editor service: the offer to check a Markdown file as a spec', () => {
  it('a plain PRD without front matter, named notes.md, is linted as a spec (no offer needed)', async () => {
    const h = harness();
    const doc = h.open('notes.md', PLAIN_PRD);
    await h.until(() => h.statuses.has(doc.uri), (v) => v, 'the decision');
    assert.notEqual(h.statuses.get(doc.uri), null);
    assert.ok(!titles(await h.service.codeLenses(doc.uri)).includes('Check this file as a spec'));
  });

  it('a near miss gets the offer at its first line; accepting writes front matter and it is linted', async () => {
    const h = harness();
    const doc = h.open('draft.md', NEAR_MISS);
    const lenses = await h.service.codeLenses(doc.uri);
    assert.deepEqual(titles(lenses), ['Check this file as a spec', 'Not a spec']);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]), [
      [0, MARK_AS_SPEC, [doc.uri]],
      [0, DISMISS_SPEC_OFFER, [doc.uri]],
    ]);
    assert.equal(h.published.get(doc.uri)?.length ?? 0, 0, 'not linted before');
    const edit = h.service.specMarkerEdit(doc.uri);
    assert.deepEqual(edit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\nspecroles: 1\n---\n' });
    h.edit(doc, apply(NEAR_MISS, edit!));
    await h.until(() => h.published.get(doc.uri) ?? [], (ds) => ds.some((d) => d.code === 'section-owner-mismatch'), 'the findings of the spec it now is');
    assert.ok(!titles(await h.service.codeLenses(doc.uri)).includes('Check this file as a spec'));
  });

  it('front matter already there: the mark goes into it; no edit for YAML, or where the mark is', async () => {
    const h = harness();
    const doc = h.open('draft.md', `---\ntitle: Checkout\n---\n${NEAR_MISS}`);
    assert.deepEqual(h.service.specMarkerEdit(doc.uri), { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'specroles: 1\n' });
    assert.equal(h.service.specMarkerEdit(h.open('draft.yaml', 'title: Checkout\n').uri), undefined);
    assert.equal(h.service.specMarkerEdit(h.open('marked.md', `---\nspecroles: 1\n---\n${NEAR_MISS}`).uri), undefined);
  });

  it('"Not a spec": no more offer, and still not linted', async () => {
    const h = harness();
    const doc = h.open('draft.md', NEAR_MISS);
    assert.equal((await h.service.codeLenses(doc.uri)).length, 2);
    h.service.dismissSpecOffer(doc.uri);
    assert.deepEqual(await h.service.codeLenses(doc.uri), []);
    assert.equal(h.published.get(doc.uri)?.length ?? 0, 0, 'still not linted');
  });

  it('no offer on plain notes, on YAML, or with CodeLens off', async () => {
    const h = harness();
    const notes = h.open('monday.md', '# Notes\n\n## Monday\n\nLunch with the team.\n');
    assert.deepEqual(await h.service.codeLenses(notes.uri), []);
    const yaml = h.open('draft.yaml', 'title: Checkout\nproblem: slow\nmessaging: one click\n');
    assert.deepEqual(await h.service.codeLenses(yaml.uri), []);
    h.settings.codeLens = false;
    await h.service.settingsChanged();
    const draft = h.open('draft.md', NEAR_MISS);
    assert.deepEqual(await h.service.codeLenses(draft.uri), []);
  });
});

describe('editor service: offers turned down before', () => {
  it('are not made again (the client passes them at start)', async () => {
    const h = harness({}, {}, { dismissedSpecOffers: [uriOf('draft.md')] });
    const doc = h.open('draft.md', NEAR_MISS);
    assert.deepEqual(await h.service.codeLenses(doc.uri), []);
  });
});
