import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { parseMarkdown } from '../../src/core/parse/markdown';
import type { Section } from '../../src/core/model';
import { nth } from '../support/nth';

const titles = (sections: Section[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.children)]);

describe('Markdown parser', () => {
  it('turns ATX and setext headings into nested sections with exact positions', () => {
    const doc = parseMarkdown('Spec\n====\n\nProblem\n-------\n\nText\n\nGoals\n-----\n\n### Sub goal\n\nMore\n');
    // A lone level-1 heading above everything is the document's title.
    assert.equal(doc.meta.title, 'Spec');
    assert.deepEqual(titles(doc.sections), ['Problem', 'Goals', 'Sub goal']);
    const goals = nth(doc.sections, 1);
    assert.deepEqual([goals.headingRange.start.line, goals.headingRange.start.column], [9, 1]);
    assert.equal(goals.headingRange.end.line, 10);
    assert.equal(nth(goals.children, 0).depth, 3);
    assert.equal(goals.fullRange.end.line, 14);
  });

  it('does not take headings inside code fences or HTML comments for sections', () => {
    const doc = parseMarkdown('## Real\n\n```md\n## In a fence\n```\n\n<!--\n## In a comment\n-->\n\n~~~\n# Tilde fence\n~~~\n');
    assert.deepEqual(titles(doc.sections), ['Real']);
  });

  it('reads the document title, front matter and owner annotations', () => {
    const text = '---\ntype: prd\nowner: pm\nreviewers: [pmm]\n---\n# Checkout v2\n\n## Messaging <!-- owner: pmm -->\n\n## Goals\n<!-- owner: pm, pmm -->\n\nGrow.\n';
    const doc = parseMarkdown(text);
    assert.equal(doc.meta.type?.value, 'prd');
    assert.equal(doc.meta.title, 'Checkout v2');
    assert.deepEqual(doc.meta.reviewers?.roles, ['pmm']);
    assert.deepEqual(titles(doc.sections), ['Messaging', 'Goals']);
    const [messaging, goals] = doc.sections;
    assert.deepEqual(messaging!.owner?.roles, ['pmm']);
    assert.equal(text.slice(messaging!.owner!.valueRange.start.offset, messaging!.owner!.valueRange.end.offset), 'pmm');
    assert.deepEqual(goals!.owner?.roles, ['pm', 'pmm']);
    assert.deepEqual(goals!.owner!.items.map((i) => [i.range.start.line, i.range.start.column]), [[11, 13], [11, 17]]);
  });

  it('ignores an owner comment that is not on the heading line or the line right after it', () => {
    const doc = parseMarkdown('## Goals\n\n<!-- owner: pmm -->\n');
    assert.equal(nth(doc.sections, 0).owner, undefined);
  });

  it('handles CRLF line endings with the same lines and columns', () => {
    const lf = parseMarkdown('## A\n\ntext\n\n## B <!-- owner: pm -->\n');
    const crlf = parseMarkdown('## A\r\n\r\ntext\r\n\r\n## B <!-- owner: pm -->\r\n');
    assert.equal(crlf.eol, '\r\n');
    const where = (d: typeof lf) => d.sections.map((s) => [s.title, s.headingRange.start.line, s.owner?.valueRange.start.column]);
    assert.deepEqual(where(crlf), where(lf));
  });

  it('keeps numbering, emoji, suffixes and questions in the title (they are normalised for matching)', () => {
    const doc = parseMarkdown('## 3. Goals\n\n## 🚀 Launch plan\n\n## Requirements *(mandatory)*\n\n## What is the type of buyer?\n');
    assert.deepEqual(titles(doc.sections), ['3. Goals', '🚀 Launch plan', 'Requirements (mandatory)', 'What is the type of buyer?']);
  });

  it('marks sections that hold only placeholders or guidance', () => {
    const doc = parseMarkdown('## A\n\nTBD\n\n## B\n\n<!-- Describe the problem -->\n\n## C\n\n[DATE] {{owner}}\n\n## D\n\nReal words.\n');
    assert.deepEqual(doc.sections.map((s) => s.placeholderOnly), [true, true, true, false]);
  });

  it('reads directives with their rules and reason', () => {
    const doc = parseMarkdown('<!-- specroles-disable-next-section foreign-section, empty-section -- legal owns this -->\n## Legal\n');
    assert.equal(doc.directives.length, 1);
    const d = nth(doc.directives, 0);
    assert.equal(d.kind, 'disable-next-section');
    assert.deepEqual(d.rules.map((r) => [r.id, r.range.start.column]), [['foreign-section', 37], ['empty-section', 54]]);
    assert.equal(d.reason, 'legal owns this');
  });

  it('reports unterminated front matter without losing the document', () => {
    const doc = parseMarkdown('---\ntype: prd\n\n## Goals\n\nShip it.\n');
    assert.match(nth(doc.problems, 0).message, /never closed/);
    assert.deepEqual(titles(doc.sections), ['Goals']);
  });

  it('reads TOML front matter (Hugo, Zola) for its title, and starts the body after it', () => {
    const text = '+++\npath = "2025/02/20/x"\ntitle = "Announcing 1.85"\nauthors = ["The Team"]\n+++\n\n## Stabilized APIs\n\nMore.\n';
    const doc = parseMarkdown(text);
    assert.equal(doc.meta.title, 'Announcing 1.85');
    assert.deepEqual(titles(doc.sections), ['Stabilized APIs']);
    assert.equal(doc.bodyStart, text.indexOf('\n## ') );
    // Never closed: no front matter, nothing lost.
    assert.deepEqual(titles(parseMarkdown('+++\ntitle = "x"\n\n## Goals\n').sections), ['Goals']);
  });

  it('gives the same sections however the text is cut into chunks (tables, lists, setext edge cases)', () => {
    const text = '## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n---\n\n## B\n';
    assert.deepEqual(titles(parseMarkdown(text).sections), ['A', 'B']);
  });
});

describe('Markdown parser: forms and templates as real specs write them', () => {
  it('records bold list labels, paragraph labels and bold table-row labels as candidate pseudo-headings', () => {
    const doc = parseMarkdown(
      '## Brief\n\n- **Buyer personas:** CTOs\n- **Launch date**: May\n- plain **bold** text\n\n**Why this priority**: cheap\n\n| | |\n|---|---|\n| **Positioning Statement** | For teams… |\n',
    );
    const labels = nth(doc.sections, 0).labels!;
    assert.deepEqual(labels.map((l) => [l.title, l.pseudo, l.headingRange.start.line]), [
      ['Buyer personas', 'bold-label', 3],
      ['Launch date', 'bold-label', 4],
      ['Why this priority', 'bold-label', 7],
      ['Positioning Statement', 'table-label', 11],
    ]);
    assert.equal(nth(labels, 0).prose.map((p) => p.text).join('').trim(), 'CTOs');
  });

  it('reads a document that is a template inside a ```markdown fence as that template', () => {
    const doc = parseMarkdown('---\ntitle: x\n---\n\n```markdown\n# Proposal\n\n## Goals\n\nTBD\n\n## Requirements\n\nTBD\n```\n');
    assert.deepEqual(titles(doc.sections), ['Goals', 'Requirements']);
    assert.equal(nth(doc.sections, 0).headingRange.start.line, 8);
  });

  it('leaves markdown examples in a document with real sections alone', () => {
    const doc = parseMarkdown('## Example\n\n```markdown\n## Goals\n\n## Requirements\n```\n');
    assert.deepEqual(titles(doc.sections), ['Example']);
    assert.deepEqual(nth(doc.sections, 0).children, []);
  });

  it('reads a template carried under a heading that says so as that section\'s subsections, its front matter left out', () => {
    const text = '# Release blog\n\n## Past posts\n\nLinks.\n\n## Release blog template\n\nFill it in.\n\n```md\n---\nlayout: blog\ntitle: x\n---\n\n## Highlights\n\n### <THEME 1>\n\n## Availability\n\nTBD\n```\n\n## After\n\nText.\n';
    const doc = parseMarkdown(text);
    const host = doc.sections.find((s) => s.title === 'Release blog template')!;
    assert.deepEqual(host.children.map((s) => s.title), ['Highlights', 'Availability']);
    assert.deepEqual(nth(host.children, 0).children.map((s) => s.title), ['<THEME 1>']);
    assert.equal(nth(host.children, 0).headingRange.start.line, 17);
    assert.ok(host.children.every((s) => s.inTemplate));
    assert.deepEqual(doc.sections.map((s) => s.title), ['Past posts', 'Release blog template', 'After']);
  });
});

describe('Markdown parser: CRLF line ends read as LF does', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  /** Every section's title and heading and content ranges as line:column, children included. */
  const where = (text: string) => {
    const all = (sections: Section[]): Section[] => sections.flatMap((s) => [s, ...all(s.children)]);
    const at = (r: Section['headingRange']) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
    return all(parseMarkdown(text).sections).map((s) => [s.title, at(s.headingRange), at(s.contentRange)]);
  };
  const findings = (text: string) =>
    lint(text, { path: 'spec.prd.md' }).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`);

  it('keeps no CR in the title of a setext heading over several lines', () => {
    // "#5 …" is no ATX heading, so the chunk holds both lines and remark reads one two-line heading.
    const text = '## Goals\n\nShip it.\n\nLine one\n#5 line two\n---\n';
    assert.deepEqual(where(text).map(([title]) => title), ['Goals', 'Line one\n#5 line two']);
    assert.deepEqual(where(crlf(text)), where(text));
    assert.deepEqual(findings(crlf(text)), findings(text));
  });

  it('keeps no CR in a bold label over several lines', () => {
    const labels = (text: string) => nth(parseMarkdown(text).sections, 0).labels!.map((l) => [l.title, l.headingRange.start.line, l.headingRange.end.column]);
    // The entity sends the chunk to remark, which reads a bold label over two lines.
    const text = '## Brief\n\n**Buyer\npersonas:** CTOs &amp; VPs\n';
    assert.deepEqual(labels(text), [['Buyer\npersonas', 3, 12]]);
    assert.deepEqual(labels(crlf(text)), labels(text));
  });

  it('puts each role and rule id of a comment over several indented lines where it is written', () => {
    // remark leaves continuation lines' indentation and `>` markers out of a comment's value.
    const placed = (text: string) => {
      const doc = parseMarkdown(text);
      const at = (r: Section['headingRange']) => `${r.start.line}:${r.start.column} ${text.slice(r.start.offset, r.end.offset)}`;
      return [...nth(doc.sections, 0).owner!.items.map((i) => at(i.range)), ...doc.directives.flatMap((d) => d.rules.map((r) => at(r.range)))];
    };
    const text = 'Title <!-- owner: pm\n    eng\n    pmm -->\n---\n\n> <!-- specroles-disable-next-section\n> empty-section -->\n\n## X\n';
    assert.deepEqual(placed(text), ['1:19 pm', '2:5 eng', '3:5 pmm', '7:3 empty-section']);
    assert.deepEqual(placed(crlf(text)), placed(text));
  });

  it('places the sections after a U+FEFF that starts the body on their own lines', () => {
    // The chunk after the front matter starts with the mark, which remark drops (and counts offsets without).
    const text = '---\ntitle: x\n---\n\ufeffIntro\n\n#5 Goals\n---\n\nText\n';
    assert.deepEqual(where(text), [['#5 Goals', '6:1-7:4', '7:4-9:5']]);
    assert.deepEqual(where(crlf(text)), where(text));
    assert.deepEqual(findings(crlf(text)), findings(text));
  });

  it('finds the headings of a template in a ```md fence at the same places, the fence closed or left open', () => {
    // The fence's chunk starts with a heading, so the fast scanner reads it and measures the template.
    for (const text of ['# Spec\n\n```md\n## Goals\n\nTBD\n\n## Requirements\n```\n', '# Spec\n\n```md\n## Goals\n\nTBD\n\n## Requirements\n', '# status\n```md\n# \t\n# status\n']) {
      assert.ok(where(text).length >= 1, text);
      assert.deepEqual(where(crlf(text)), where(text), text);
      assert.deepEqual(findings(crlf(text)), findings(text), text);
    }
    assert.deepEqual(where('# Spec\n\n```md\n## Goals\n\nTBD\n\n## Requirements\n'), [
      ['Goals', '4:1-4:9', '4:9-6:4'],
      ['Requirements', '8:1-8:16', '8:16-8:16'],
    ]);
  });
});
