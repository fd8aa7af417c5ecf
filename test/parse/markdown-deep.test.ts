// Inputs that once broke the Markdown reader by their depth: thousands of nested quotes (a recursive walk
// overflowed the stack) and deeply nested emphasis in a heading (remark takes quadratic time on it).
import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { parseChunk } from '../../src/core/parse/markdown-chunk';
import { emphasisText, scanChunk } from '../../src/core/parse/markdown-scan';
import { nth } from '../support/nth';

describe('Markdown nested thousands of levels deep', () => {
  it('reads 20,000 nested quotes without overflowing the stack, its prose in place', function () {
    this.timeout(60000);
    const text = `## Goals\n\n${'> '.repeat(20000)}Grow <!-- owner: pm --> revenue.\n`;
    const sections = parseChunk(text);
    assert.equal(sections.length, 1);
    // Deeper than remark reads in reasonable time, the line is plain text: its prose where it is written.
    assert.deepEqual(nth(sections, 0).prose.map((p) => [p.text, text.slice(p.offset, p.offset + p.text.length)]), [['Grow <!-- owner: pm --> revenue.', 'Grow <!-- owner: pm --> revenue.']]);
    assert.deepEqual(lint(`## Goals\n\n${'> '.repeat(5000)}Grow.\n`, { path: 'notes.md' }).findings, []);
  });

  it('reads quotes up to 100 deep with remark, deeper lines as plain text in their own sections', () => {
    const shallow = `## Goals\n\n${'> '.repeat(100)}Grow <!-- owner: pm --> revenue.\n`;
    const [read] = parseChunk(shallow);
    assert.deepEqual(read!.prose.map((p) => [p.text, shallow.slice(p.offset, p.offset + p.text.length)]), [['Grow ', 'Grow '], [' revenue.', ' revenue.']]);
    assert.deepEqual(read!.comments.map((c) => c.text), ['<!-- owner: pm -->']);
    const deep = `## Goals\n\nBefore.\n${'> '.repeat(150)}Grow **revenue**\r\nAfter.\n\n## Pricing\n\n${'>'.repeat(200)}Cheap.`;
    const [goals, pricing] = parseChunk(deep);
    assert.deepEqual(goals!.prose.map((p) => p.text), ['Before.', 'Grow **revenue**', 'After.']);
    assert.deepEqual(pricing!.prose.map((p) => [p.text, deep.slice(p.offset, p.offset + p.text.length)]), [['Cheap.', 'Cheap.']]);
    assert.equal(pricing!.heading!.title, 'Pricing');
    // Nesting that is not quotes (lists) goes to remark, and is walked without recursion.
    assert.deepEqual(nth(parseChunk(`## Goals\n\n${'- '.repeat(300)}Grow.\n`), 0).prose.map((p) => p.text), ['Grow.']);
  });

  it('walks blocks in document order: prose, labels, comments and which comment leads', () => {
    const text = '## A\n<!-- owner: pm -->\n\n- **Buyer:** CTOs\n  > quoted *words* `code`\n  <!-- inner -->\n\n1. one\n   1. two\n\nLast <!-- tail -->.\n';
    const [section] = parseChunk(text);
    assert.deepEqual(section!.prose.map((p) => p.text.trim()).filter(Boolean), ['Buyer:', 'CTOs', 'quoted', 'words', 'one', 'two', 'Last', '.']);
    assert.deepEqual(section!.comments.map((c) => [c.text, c.leading]), [['<!-- owner: pm -->', true], ['<!-- inner -->', false], ['<!-- tail -->', false]]);
    assert.deepEqual(section!.labels.map((l) => l.title), ['Buyer']);
    assert.match(section!.visible, /quoted\s+words\s+code/);
  });
});

describe('a heading with deeply nested emphasis', () => {
  const heading = (n: number) => `## ${'*_'.repeat(n)}Goals${'_*'.repeat(n)}\n\ntext\n`;

  it('is read by the scanner exactly as remark reads it', () => {
    for (const n of [1, 2, 3, 50, 300]) {
      const fast = scanChunk(heading(n));
      assert.ok(fast, `scanner reads ${n} levels`);
      assert.deepEqual(nth(fast, 0).heading, nth(parseChunk(heading(n)), 0).heading, `${n} levels`);
    }
  });

  it('takes linear time: 20,000 levels (80,000 characters) in well under a second', () => {
    const text = heading(20000);
    const started = Date.now();
    const doc = parseMarkdown(text);
    const elapsed = Date.now() - started;
    assert.equal(doc.sections.length, 1);
    assert.ok(nth(doc.sections, 0).title.includes('Goals'));
    // remark took about a minute here; the scanner takes well under 100 ms (the bound allows slow CI).
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
  });

  it('leaves what no emphasis used as text, and skips comments', () => {
    assert.deepEqual(emphasisText('**Goals** and _more_'), { text: 'Goals and more', commentInEmphasis: false });
    assert.deepEqual(emphasisText('snake_case_name *'), { text: 'snake_case_name *', commentInEmphasis: false });
    assert.deepEqual(emphasisText('***a** b*'), { text: 'a b', commentInEmphasis: false });
    assert.deepEqual(emphasisText('Goals <!-- owner: *pm* -->'), { text: 'Goals ', commentInEmphasis: false });
    assert.deepEqual(emphasisText('**Goals <!-- owner: pm -->**'), { text: 'Goals ', commentInEmphasis: true });
  });
});
