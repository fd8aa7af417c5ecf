// The offer to check a Markdown file as a spec (issue 16, item 5): which files not taken as specs get it
// (worthOfferingAsSpec), and the mark that accepting it writes (specMarkerInsertion), which then makes the
// file a spec for the editor, the CLI and CI alike.
import assert from 'node:assert/strict';
import { catalogueFor, markedAsSpec, selectSpec, specMarkerInsertion, worthOfferingAsSpec, type Config } from '../../src/core';

const catalogue = catalogueFor({});
const select = (text: string, config: Config = {}, path = 'notes/draft.md') => selectSpec({ paths: [path], isYaml: false, head: () => text }, { config, catalogue });
const marked = (text: string) => {
  const insertion = specMarkerInsertion(text, text.includes('\r\n') ? '\r\n' : '\n');
  return insertion ? text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset) : text;
};

/** A draft with one section heading among others: the content decision does not take it. */
const NEAR_MISS = '# Checkout notes\n\n## Problem\n\nCheckout is slow for returning customers.\n\n## Open questions\n\nWho signs off?\n\n## Links\n\nSee the board.\n';

describe('the offer to check a Markdown file as a spec', () => {
  it('is made for a file whose headings name section kinds but too few (or in too little product vocabulary) to decide', () => {
    const selection = select(NEAR_MISS);
    assert.equal(selection.spec, false);
    assert.equal(worthOfferingAsSpec(selection), true);
  });

  it('is not made for a spec, a file without section headings, or one the config leaves out', () => {
    assert.equal(worthOfferingAsSpec(select(marked(NEAR_MISS))), false);
    assert.equal(worthOfferingAsSpec(select('# Notes\n\n## Monday\n\nLunch.\n')), false);
    assert.equal(worthOfferingAsSpec(select(NEAR_MISS, { files: { exclude: ['notes/**'] } })), false);
  });

  it('is not made for a file whose name GitHub gives a purpose (CONTRIBUTING.md, SECURITY.md), whatever its headings', () => {
    const named = (path: string, text: string) => select(text, {}, path);
    const spec = '# Proposals\n\n## Problem\n\nUsers and customers lose work.\n\n## Goals\n\nNone lost.\n\n## Requirements\n\nSave drafts.\n';
    assert.deepEqual(named('docs/checkout.md', spec), { spec: true, via: 'content' });
    assert.deepEqual(named('CONTRIBUTING.md', spec), { spec: false, because: 'named-genre', genre: 'a contributing guide' });
    assert.deepEqual(named('pkg/Security.markdown', spec), { spec: false, because: 'named-genre', genre: 'a security policy' });
    assert.equal(worthOfferingAsSpec(named('CHANGELOG.md', spec)), false);
    // A marker or the spec globs still take it; README is no such name (a KEP's spec is its README.md).
    assert.deepEqual(named('CONTRIBUTING.md', marked(spec)), { spec: true, via: 'marker' });
    assert.deepEqual(named('specs/CHANGELOG.md', spec), { spec: true, via: 'include' });
    assert.deepEqual(named('keps/1287/README.md', spec), { spec: true, via: 'content' });
  });

  it('is not made for a reference whose few section headings are lost among many others', () => {
    const methods = Array.from({ length: 12 }, (_, i) => `## Method ${i + 1}\n\nReturns a value.\n`).join('\n');
    const selection = select(`# widget\n\n## Features\n\nFast.\n\n## Security\n\nReport issues by email.\n\n${methods}`);
    assert.deepEqual(selection, { spec: false, because: 'incidental-headings' });
    assert.equal(worthOfferingAsSpec(selection), false);
  });

  it('accepted: front matter of its own, after which the file is a spec by its marker', () => {
    assert.equal(marked(NEAR_MISS), `---\nspecroles: 1\n---\n${NEAR_MISS}`);
    assert.deepEqual(select(marked(NEAR_MISS)), { spec: true, via: 'marker' });
  });

  it('accepted with front matter already there: merged into it, its line ends kept', () => {
    assert.equal(marked('---\r\ntitle: Checkout\r\n---\r\n# Checkout\r\n'), '---\r\nspecroles: 1\r\ntitle: Checkout\r\n---\r\n# Checkout\r\n');
    assert.equal(marked('\uFEFF---\ntitle: x\n---\n# x\n'), '\uFEFF---\nspecroles: 1\ntitle: x\n---\n# x\n');
    assert.equal(marked('\uFEFF# x\n'), '\uFEFF---\nspecroles: 1\n---\n# x\n');
    for (const text of ['---\r\ntitle: Checkout\r\n---\r\n# Checkout\r\n', '\uFEFF---\ntitle: x\n---\n# x\n']) assert.ok(markedAsSpec(marked(text), false, () => false), text);
  });

  it('nothing to add where the front matter has the mark already', () => {
    assert.equal(specMarkerInsertion('---\nspecroles: 1\n---\n# x\n', '\n'), undefined);
  });

  it('a `---` on the first line that never closes is a thematic break: the mark goes above it', () => {
    assert.equal(marked('---\n# Notes\n'), '---\nspecroles: 1\n---\n---\n# Notes\n');
  });
});
