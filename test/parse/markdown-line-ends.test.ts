// A lone CR (classic Mac line ends) is a line break for remark and LineIndex, so it must be one for the
// chunk splitter and the fast scanner too: a CR-only file reads exactly as its LF version.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/core';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { splitAtHeadings } from '../../src/core/parse/split';
import { projectRoot } from '../support/paths';
import { compareChunk } from './scan-vs-remark';
import { nth } from '../support/nth';

const asCr = (lf: string) => lf.replace(/\n/g, '\r');

/** Everything the parser and the rules give, CRs in prose read as LF (the prose is the text as written). */
function reading(text: string): string {
  const doc = parseMarkdown(text);
  const findings = lint(text, { path: 'notes.md' }).findings.map((f) => [f.ruleId, f.range, f.message, f.fixes?.length ?? 0]);
  return JSON.stringify({ sections: doc.sections, directives: doc.directives, meta: doc.meta, findings }, (key, value) =>
    key === 'origin' ? undefined : key === 'prose' ? (value as { text: string; offset: number }[]).map((p) => `${p.text.replace(/\r/g, '\n')}@${p.offset}`) : value);
}

const documents = [
  '# T\n\n## Problem\n\nText.\n\n## Messaging <!-- owner: pm -->\n\nCopy.\n',
  // A document that is only a template in a ```md fence.
  '# Template\n\n```md\n## Problem\n\nText.\n\n## Messaging <!-- owner: pm -->\n\nCopy.\n```\n',
  // Chunks remark reads: a quote with a comment over two lines, a table (GFM), a setext heading, directives.
  '## Goals\n\n> quoted **Label:** text\n> <!-- owner:\n>   pm -->\n\n| **Positioning** | For teams |\n|---|---|\n| **Pricing** | cheap |\n\n- **Buyer personas:** CTOs\n  - nested\n\nSetext\n------\n\nBody <!-- specroles-disable-next-line empty-section -->\n\n## Empty\n',
  '## A\n\n<!--\nspecroles-disable-file unowned-section\n-->\n\n### B <!-- owner: pmm -->\n\n    indented\n\n## C\n<!-- owner: pm -->\nText.\n',
];

describe('Markdown with CR-only line ends', () => {
  it('cuts chunks where the LF version is cut', () => {
    for (const lf of documents) assert.deepEqual(splitAtHeadings(asCr(lf)), splitAtHeadings(lf), lf);
    // CRLF and LF mixed with lone CRs: every kind of line end breaks a line.
    const mixed = '## A\r\rText.\r\n## B\n\nMore.\r## C\r\n';
    assert.deepEqual(splitAtHeadings(mixed).map((c) => mixed.slice(c.start, c.end).split(/\r\n?|\n/)[0]), ['## A', '## B', '## C']);
  });

  it('reads sections, owners, directives and findings as with LF', () => {
    for (const lf of documents) assert.equal(reading(asCr(lf)), reading(lf), lf);
    const doc = parseMarkdown(asCr(nth(documents, 0)));
    assert.deepEqual(doc.sections.map((s) => [s.title, s.headingRange.start.line]), [['Problem', 3], ['Messaging', 7]]);
    assert.deepEqual(nth(doc.sections, 1).owner!.items.map((i) => [i.role, i.range.start.line, i.range.start.column]), [['pm', 7, 26]]);
    assert.deepEqual(titlesOfTemplate(), ['Problem', 'Messaging']);
  });

  it('gives the bodies of the examples the same findings as with LF', () => {
    const dir = join(projectRoot, 'examples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      // Front matter is read by its own scanner (front-matter.ts), not by the Markdown path tested here.
      const lf = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[^]*?\n---\n/, '');
      assert.equal(reading(asCr(lf)), reading(lf), file);
    }
  });

  it('the scanner reads CR-only chunks as remark does, and still accepts them', () => {
    const dir = join(projectRoot, 'examples');
    let accepted = 0;
    let total = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = asCr(readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[^]*?\n---\n/, ''));
      for (const chunk of splitAtHeadings(text)) {
        const result = compareChunk(text.slice(chunk.start, chunk.end));
        total++;
        if (result.accepted) accepted++;
        assert.deepEqual(result.differences, [], `${file}: ${text.slice(chunk.start, chunk.start + 80)}`);
      }
    }
    assert.ok(accepted / total > 0.75, `scanner accepted ${accepted} of ${total} CR-only chunks`);
  });
});

function titlesOfTemplate(): string[] {
  return parseMarkdown(asCr(nth(documents, 1))).sections.map((s) => s.title);
}
