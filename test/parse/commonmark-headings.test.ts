// Issue 18: the sections are the headings CommonMark (and remark) read at the top level. Regression tests
// for the classes of difference the peer suites found (see peer-suites.test.ts): an underline below a line
// that is no paragraph, an underline below a lazy line of a quote or list item, multi-line setext
// headings, headings inside HTML blocks, reference links in headings, and CR-only front matter.
import assert from 'node:assert/strict';
import { parseMarkdown, readHeadings } from '../../src/core/parse/markdown';
import type { Section } from '../../src/core/model';
import { nth } from '../support/nth';

const titles = (sections: Section[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.children)]);
const headings = (text: string) => readHeadings(text).map((h) => h.title);

describe('headings as CommonMark reads them (issue 18)', () => {
  describe('(a) an underline below a line that is not a paragraph makes no heading', () => {
    for (const [name, top] of [
      ['a quote (CommonMark example 92)', '> Foo\n---\n'],
      ['a list item (example 94)', '- foo\n---\n'],
      ['indented code (example 100)', '    code line\n---\n'],
    ]) {
      it(`${name}, at the top of the body after front matter`, () => {
        assert.deepEqual(headings(`---\ntype: prd\n---\n${top}\n## Goals\n\nText.\n`), ['Goals']);
        assert.deepEqual(headings(`${top}\n## Goals\n\nText.\n`), ['Goals']);
      });
      it(`${name}, at the start of a fenced template`, () => {
        const doc = parseMarkdown(`# Template\n\n\`\`\`md\n${top}\n## Problem\n\nText.\n\n## Goals\n\nText.\n\`\`\`\n`);
        assert.deepEqual(titles(doc.sections), ['Problem', 'Goals']);
      });
    }
  });

  describe('(b) an underline below a lazy continuation line is text or a thematic break', () => {
    it('> foo / bar / === gives no heading "bar" (example 93)', () => {
      assert.deepEqual(headings('## A\n\n> foo\nbar\n===\n\n## B\n'), ['A', 'B']);
      assert.deepEqual(headings('> foo\nbar\n===\n'), []);
    });
    it('a list item with a lazy line, then ===, gives no heading', () => {
      assert.deepEqual(headings('## A\n\n- foo\nbar\n===\n\n## B\n'), ['A', 'B']);
      // An empty quote line holds no paragraph: the HTML line after it is no lazy line.
      assert.deepEqual(headings('>\n<span>\n# In the HTML block\n\n## B\n'), ['B']);
      // A thematic break with an empty list item below it: no setext heading.
      assert.deepEqual(headings('  ---\n-\n## H\n'), ['H']);
    });
    it('a wrapped list item followed by --- is no section named after its last line', () => {
      assert.deepEqual(headings('## A\n\n- a wrapped\n  item\n---\n\nText.\n\n## B\n'), ['A', 'B']);
      assert.deepEqual(headings('## A\n\n- a wrapped\nlazy item\n---\n\nText.\n'), ['A']);
    });
    it('a heading inside a list item or quote is no section', () => {
      assert.deepEqual(headings('## A\n\n- item\n  ## Inside the item\n\n> ## Inside a quote\n\n## B\n'), ['A', 'B']);
    });
  });

  it('(c) a multi-line setext heading keeps all its lines and starts on its first (example 81)', () => {
    const text = '## A\n\nText.\n\nFoo *bar\nbaz*\n====\n\nMore.\n';
    const found = readHeadings(text);
    assert.deepEqual(found.map((h) => h.title), ['A', 'Foo bar\nbaz']);
    assert.equal(nth(found, 1).start, text.indexOf('Foo'));
    assert.deepEqual(headings('## A\n\nFoo\nBar\n---\n'), ['A', 'Foo\nBar']);
  });

  it('(d) heading lines inside an HTML block with no blank line are no sections', () => {
    assert.deepEqual(headings('## A\n\n<details>\n<summary>More</summary>\n## Not a section\n</details>\n\n## B\n'), ['A', 'B']);
    assert.deepEqual(headings('<div align="center">\n# Logo\n</div>\n\n## A\n\n<p>\n## Not either\n</p>\n'), ['A']);
    assert.deepEqual(headings('## A\n\n<style>\n\n## In a style block\n\n</style>\n\n## B\n'), ['A', 'B']);
    // After a blank line the HTML block has ended: a heading there is one.
    assert.deepEqual(headings('<div>\n\n## A\n\n</div>\n'), ['A']);
  });

  it('(e) a reference link in a heading reads as its text where the label is defined', () => {
    const changelog = '# Changelog\n\n## [0.4.0] - 2024-01-01\n\nFixed.\n\n## [Unreleased][next]\n\n## [0.3.0] - 2023-12-01\n\n[0.4.0]: https://example.com/0.4.0\n[NEXT]: https://example.com/next\n';
    assert.deepEqual(headings(changelog), ['Changelog', '0.4.0 - 2024-01-01', 'Unreleased', '[0.3.0] - 2023-12-01']);
    // A "definition" that continues a paragraph is text, and defines nothing.
    assert.deepEqual(headings('## [x]\n\nSome text\n[x]: /url\n'), ['[x]']);
  });

  it('(f) front matter is found in a file with CR-only line ends', () => {
    const doc = parseMarkdown('---\rtype: prd\rowner: pm\r---\r## Goals\r\rText.\r\r## Messaging\r');
    assert.equal(doc.meta.type?.value, 'prd');
    assert.deepEqual(titles(doc.sections), ['Goals', 'Messaging']);
    assert.equal(doc.problems.length, 0);
  });
});
