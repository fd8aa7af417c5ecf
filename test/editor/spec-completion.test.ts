// Completion in Markdown specs through the editor service (issue 16, item 7): sections on `##` without
// Ctrl+Space, whole-spec skeletons only in an empty document (never mid-document, where "specroles-pos" +
// Enter used to paste front matter into the middle of a spec), nothing on a README's headings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem } from '../../src/editor';
import { harness } from './support';
import { projectRoot } from '../support/paths';

const SPEC = '---\nspecroles: 1\ntype: prd\n---\n# Checkout\n\n## Problem\n\nSlow checkout.\n\n';
const README = '# Tool\n\nA command line tool.\n\n## Installation\n\nnpm i tool\n\n';

const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '');
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('editor service: completion in Markdown specs', () => {
  it('`##` in a spec offers sections, typed (no Ctrl+Space), with the owner annotation; no skeleton', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}##`);
    const items = await h.service.completion(doc.uri, { line: 10, character: 2 }, '#');
    assert.ok(labels(items).includes('## Messaging'), labels(items).join(', '));
    assert.ok(!labels(items).some((l) => l.startsWith('specroles-')), 'no skeleton mid-document');
    const messaging = items.find((i) => i.label === '## Messaging');
    assert.match(newText(messaging), /^## Messaging <!-- owner: pmm -->/);
    assert.deepEqual(messaging?.textEdit && 'range' in messaging.textEdit ? messaging.textEdit.range : undefined, { start: { line: 10, character: 0 }, end: { line: 10, character: 2 } });
  });

  it('`## Pro`, as the editor asks again while the heading is typed: sections still, over the whole heading', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}## Pro`);
    const items = await h.service.completion(doc.uri, { line: 10, character: 6 });
    const problem = items.find((i) => i.label === '## Problem');
    assert.deepEqual(problem?.textEdit && 'range' in problem.textEdit ? problem.textEdit.range : undefined, { start: { line: 10, character: 0 }, end: { line: 10, character: 6 } });
  });

  it('CRLF line ends: the line is found, and the section is written with them', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}## `.replace(/\n/g, '\r\n'));
    const items = await h.service.completion(doc.uri, { line: 10, character: 3 }, ' ');
    assert.match(newText(items.find((i) => i.label === '## Messaging')), /^## Messaging <!-- owner: pmm -->\r\n/);
  });

  it('`###` keeps its depth', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}###`);
    const items = await h.service.completion(doc.uri, { line: 10, character: 3 }, '#');
    assert.match(newText(items.find((i) => i.label === '### Messaging')), /^### Messaging <!-- owner: pmm -->/);
  });

  it('a skeleton prefix mid-document offers no skeleton, asked for or typed', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}specroles-pos`);
    assert.deepEqual(await h.service.completion(doc.uri, { line: 10, character: 13 }), []);
  });

  it('an empty document offers a skeleton per document type, replacing what was typed', async () => {
    const h = harness();
    const doc = h.open('new.md', 'specroles-pos');
    const items = await h.service.completion(doc.uri, { line: 0, character: 13 });
    assert.ok(labels(items).includes('specroles-positioning'), labels(items).join(', '));
    const positioning = items.find((i) => i.label === 'specroles-positioning');
    assert.match(newText(positioning), /^---\nspecroles: 1\ntype: positioning\n/);
    assert.deepEqual(positioning?.textEdit && 'range' in positioning.textEdit ? positioning.textEdit.range : undefined, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
  });

  it("a README's `##` offers nothing as typed (its headings are not PM/PMM sections), sections when asked for", async () => {
    const h = harness();
    const doc = h.open('README.md', `${README}## `);
    assert.deepEqual(await h.service.completion(doc.uri, { line: 8, character: 2 }, '#'), []);
    assert.ok(labels(await h.service.completion(doc.uri, { line: 8, character: 3 })).includes('## Problem'));
  });

  it('a space typed outside a heading offers nothing', async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}Slow `);
    assert.deepEqual(await h.service.completion(doc.uri, { line: 10, character: 5 }, ' '), []);
  });

  it("a config file's trigger typed in a spec offers nothing: a colon in a heading's owner annotation brings back no section", async () => {
    const h = harness();
    const doc = h.open('checkout.prd.md', `${SPEC}## Messaging <!-- owner:`);
    assert.deepEqual(await h.service.completion(doc.uri, { line: 10, character: 24 }, ':'), []);
    assert.deepEqual(await h.service.completion(doc.uri, { line: 10, character: 24 }, '"'), []);
    // Asked for (Ctrl+Space), the sections are still there.
    assert.ok(labels(await h.service.completion(doc.uri, { line: 10, character: 24 })).includes('## Messaging'));
  });

  it('the section trigger character is not a config file’s (a comment there)', async () => {
    const h = harness();
    const doc = h.open('.specroles.yaml', 'rules: #');
    assert.deepEqual(await h.service.completion(doc.uri, { line: 0, character: 8 }, '#'), []);
  });

  it('the static snippets hold no whole-document skeleton a prefix could paste mid-document', () => {
    for (const file of ['markdown', 'yaml']) {
      const snippets = JSON.parse(readFileSync(join(projectRoot, 'snippets', `${file}.code-snippets`), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
      for (const [name, s] of Object.entries(snippets)) {
        const wholeDocument = s.body.some((l) => /^(---|specroles: 1)$/.test(l));
        if (file === 'markdown') assert.ok(!wholeDocument, `${name}: a Markdown skeleton is the language server's, in an empty document only`);
        // YAML has no server completion of specs: its one skeleton is named apart from the sections'.
        else if (wholeDocument) assert.deepEqual(s.prefix, ['specroles-new-prd'], name);
      }
    }
  });
});
