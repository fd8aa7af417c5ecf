// Parses one chunk of Markdown (see split.ts) with remark and keeps only what the linter needs: headings,
// comments, prose, whether there is any substance, pseudo-headings (bold labels) and embedded templates.
// Offsets are relative to the chunk, so a parsed chunk can be cached by its text and reused wherever
// that text appears.
import type { Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { TextRun } from '../model';
import { itemAt } from '../text/indexing';
import { emphasisHeadingTitle } from './emphasis-heading';
import { readPlainly, tooCostlyForRemark } from './markdown-plain';

export interface RawComment {
  text: string;
  start: number;
  end: number;
  /** Inside the heading line itself. */
  inHeading: boolean;
  /** The first block after the heading. */
  leading: boolean;
}

/** A bold label that may stand in for a heading: `- **Buyer personas:** …`, `| **Positioning** | … |`. */
export interface RawLabel {
  title: string;
  start: number;
  end: number;
  style: 'bold-label' | 'emphasis-title' | 'table-label' | 'quoted-heading';
  /** The rest of the list item, paragraph (up to a line with a label of its own), table row or quote (up to its next heading). */
  contentEnd: number;
  prose: TextRun[];
  visible: string;
  origin?: { key: object; base: number };
}

export interface RawSection {
  heading?: { depth: number; title: string; start: number; end: number };
  contentStart: number;
  contentEnd: number;
  comments: RawComment[];
  prose: TextRun[];
  /** All text a reader would see, code included, for the "only placeholders?" test. */
  visible: string;
  labels: RawLabel[];
  /** Contents of ```markdown fences that hold a template with headings of its own. */
  templates: { start: number; end: number }[];
  /** Labels of the link reference definitions in it (remark reads them; the scanner declines such chunks). */
  definitions?: string[];
  /** For a copy moved into document offsets: the cached original and how far it was moved. */
  origin?: { key: object; base: number };
}

/**
 * GFM's tables, and only them: remark-gfm would add strikethrough, footnotes, task lists and autolinks,
 * which give no sections, and their Markdown writers, which a linter never runs (45 KB of the language server bundle, 27 KB of the CLI).
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const plain = unified().use(remarkParse);
const withTables = unified().use(remarkParse).use(remarkTables);

/** GFM costs several times plain parsing; only chunks with a table delimiter row need it. */
function hasTable(text: string): boolean {
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.includes('|') && line.includes('-') && /^[\s|:-]+$/.test(line)) return true;
  }
  return false;
}

function emptySection(contentStart: number, contentEnd: number): RawSection {
  return { contentStart, contentEnd, comments: [], prose: [], visible: '', labels: [], templates: [] };
}

/**
 * Quotes nested deeper than 100 levels are read as plain text: remark's time grows with the square of the
 * depth (16,000 levels take a second), and no spec quotes anywhere near this deep.
 */
const DEEP_QUOTE = /^(?:[ \t]*>){101}/m;

export function parseChunk(text: string): RawSection[] {
  // Input on which remark would take superlinear time is read in linear time instead (markdown-plain.ts).
  if (tooCostlyForRemark(text)) return readPlainly(text);
  return DEEP_QUOTE.test(text) ? parseWithDeepQuotes(text) : parseTree(text, text);
}

/**
 * A chunk with a line quoted more than 100 deep: remark reads it with each such line blanked
 * (spaces, so every offset holds), and the text after each line's `>` markers is prose of the section
 * the line is in, where it is written.
 */
function parseWithDeepQuotes(text: string): RawSection[] {
  const deep: TextRun[] = [];
  let masked = '';
  let from = 0;
  const lineBreak = /\r?\n|\r|$/g;
  for (let start = 0; start <= text.length; ) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text)!;
    const end = found.index;
    const line = text.slice(start, end);
    const markers = DEEP_QUOTE.exec(line) && /^(?:[ \t]*>)+[ \t]*/.exec(line);
    if (markers) {
      const content = line.slice(markers[0].length);
      if (content.trim()) deep.push({ text: content, offset: start + markers[0].length });
      masked += text.slice(from, start) + ' '.repeat(line.length);
      from = end;
    }
    if (!found[0].length) break;
    start = end + found[0].length;
  }
  masked += text.slice(from);
  const sections = parseTree(text, masked);
  for (const run of deep) {
    let section = itemAt(sections, 0); // parseTree always gives the lead-in, even when empty
    for (const s of sections) if ((s.heading?.start ?? 0) <= run.offset) section = s;
    section.prose.push(run);
    section.visible += ` ${run.text}`;
  }
  for (const s of sections) s.prose.sort((a, b) => a.offset - b.offset);
  return sections;
}

/** Reads `source` (the chunk, or it with some lines blanked) with remark; comments are quoted from `text`. */
function parseTree(text: string, source: string): RawSection[] {
  const tree = (hasTable(source) ? withTables : plain).parse(source) as Root;
  if (text.charCodeAt(0) === 0xfeff) countLeadingBom(tree);
  const sections: RawSection[] = [];
  let current = emptySection(0, text.length);
  let firstBlock = true;
  sections.push(current);

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const start = node.position!.start.offset!;
      current.contentEnd = start;
      current = emptySection(node.position!.end.offset!, text.length);
      current.heading = { depth: node.depth, title: lf(toString(node, { includeHtml: false })).trim(), start, end: node.position!.end.offset! };
      sections.push(current);
      collectHeadingComments(text, node, current);
      firstBlock = true;
      continue;
    }
    // A paragraph opening with a bold label ("**Why this priority**: …") is a field of a form, as is each
    // of its lines that opens with one; a paragraph of nothing but bold or italic text is a heading.
    if (node.type === 'paragraph') current.labels.push(...paragraphLabels(node, text));
    collect(text, node, current, firstBlock);
    firstBlock = false;
  }
  // A chunk that starts with a heading has an empty lead-in: drop it.
  if (sections.length > 1 && sections[0]?.contentEnd === 0) sections.shift();
  return sections;
}

/**
 * micromark drops a U+FEFF that starts its input and counts offsets from after it. A chunk may start with
 * one (after front matter, or on the line a setext heading starts): without this, everything in it would
 * sit one character early, and a heading at the start of its line would start at the line break before.
 */
function countLeadingBom(root: Nodes): void {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) node.position = { start: { ...p.start, offset: p.start.offset! + 1 }, end: { ...p.end, offset: p.end.offset! + 1 } };
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/**
 * A title with LF line ends. remark keeps line breaks inside a heading or label as written (a setext
 * heading or a bold label may run over several lines), so with CRLF a CR would stay in the title and in
 * every message quoting it; the title must read the same whatever the file's line ends.
 */
function lf(title: string): string {
  return title.replace(/\r\n?/g, '\n');
}

function collectHeadingComments(text: string, heading: Heading, into: RawSection): void {
  for (const child of heading.children) {
    if (child.type === 'html' && child.value.trimStart().startsWith('<!--')) {
      into.comments.push({ text: commentText(text, child), start: child.position!.start.offset!, end: child.position!.end.offset!, inHeading: true, leading: false });
    }
  }
}

/**
 * A comment as it stands in the text, so that an offset into it (a role, a rule id) is one into the
 * document. remark's value leaves out what a continuation line starts with in a heading, paragraph or
 * container (indentation, `>` markers), which put every role on a later line a few characters early (and
 * so a line early where that crossed a line break, differently with CRLF). What it left out becomes
 * spaces here; where the value is not the text with line starts left out, it is kept as it is.
 */
function commentText(text: string, node: { value: string; position?: { start: { offset?: number }; end: { offset?: number } } | undefined }): string {
  const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  if (source === node.value) return source;
  const written = source.split('\n');
  const read = node.value.split('\n');
  if (written.length !== read.length || written[0] !== read[0]) return node.value;
  const lines = written.map((line, i) => {
    const readLine = itemAt(read, i); // as many lines as `written`
    return line.endsWith(readLine) ? ' '.repeat(line.length - readLine.length) + readLine : undefined;
  });
  return lines.every((l) => l !== undefined) ? lines.join('\n') : node.value;
}

/**
 * Gathers what the linter needs from a block, depth first in document order. The walk keeps its own
 * stack: a recursive one overflowed the call stack on thousands of nested quotes or lists, which remark
 * itself reads without trouble.
 */
function collect(text: string, block: RootContent | Nodes, into: RawSection, leading: boolean): void {
  const stack: Nodes[] = [block];
  let first = true;
  while (stack.length) {
    const node = stack.pop()!;
    const isLeading = first && leading;
    first = false;
    switch (node.type) {
      case 'html':
        if (node.value.trimStart().startsWith('<!--')) {
          into.comments.push({ text: commentText(text, node), start: node.position!.start.offset!, end: node.position!.end.offset!, inHeading: false, leading: isLeading });
        } else {
          // A tag holds no "<": /<[^>]*>/ would rescan to the end from every "<" of a run (quadratic).
          into.visible += ` ${node.value.replace(/<[^<>]*>/g, ' ')}`;
          if (EMBEDDED_MEDIA.test(node.value)) into.visible += ` ${MEDIA}`;
        }
        break;
      case 'image':
      case 'imageReference':
        // A mock-up, a screenshot or a diagram is what the section says: it is written, not a placeholder.
        into.visible += ` ${MEDIA}`;
        break;
      case 'code': {
        into.visible += ` ${node.value}`;
        const template = embeddedTemplate(text, node);
        if (template) into.templates.push(template);
        break;
      }
      case 'definition':
        (into.definitions ??= []).push(node.label ?? node.identifier);
        break;
      case 'inlineCode':
        into.visible += ` ${node.value}`;
        break;
      case 'text':
        into.prose.push({ text: node.value, offset: node.position?.start.offset ?? 0 });
        into.visible += ` ${node.value}`;
        break;
      default: {
        const label = labelOf(node);
        if (label) into.labels.push(label);
        if (node.type === 'blockquote') into.labels.push(...quotedHeadings(node.children as Nodes[], node.position?.end.offset ?? 0));
        if ('children' in node) {
          const children = node.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(itemAt(children, i));
        }
      }
    }
  }
}

/** An image, video or embedded frame in raw HTML (`<img src="mock-up.png">`): content, like a Markdown image. */
const EMBEDDED_MEDIA = /<(?:img|picture|video|svg|iframe|object|embed)\b/i;
/** What an image adds to a section's visible text: a word, so the section does not read as placeholders only. */
const MEDIA = 'image';

/** A ```markdown fence with at least two headings inside is a template carried as code. */
function embeddedTemplate(text: string, code: { lang?: string | null | undefined; value: string; position?: { start: { offset?: number } } | undefined }): { start: number; end: number } | undefined {
  if (!/^(?:md|markdown)$/i.test(code.lang ?? '') || !code.position) return undefined;
  const headings = code.value.match(/^ {0,3}#{1,6}[ \t]/gm);
  if (!headings || headings.length < 2) return undefined;
  // The line after the opening fence, whichever line break ends it (LF, CRLF or a lone CR).
  const lineBreak = /\r?\n|\r/g;
  lineBreak.lastIndex = code.position.start.offset!;
  const found = lineBreak.exec(text);
  const start = found ? found.index + found[0].length : 0;
  // Only where the fence's content stands in the text as it is (not indented inside a list).
  if (start <= 0 || text.slice(start, start + code.value.length) !== code.value) return undefined;
  return { start, end: start + code.value.length };
}

function labelOf(node: Nodes): RawLabel | undefined {
  if (node.type === 'listItem') {
    // The label covers the whole item: its first paragraph's rest and any nested blocks.
    const item = node as ListItem;
    const first = item.children[0];
    return first?.type === 'paragraph' ? boldLabel(first.children, item.position?.end.offset ?? first.position!.end.offset!, item.children.slice(1) as Nodes[]) : undefined;
  }
  if (node.type === 'tableRow') return tableLabel(node as TableRow);
  return undefined;
}

/**
 * The headings in a block quote ("> ## Easily assembled", a template's example sections quoted), each over
 * the quote's blocks up to its next heading: CommonMark reads them as headings, as readers do, though they
 * do not divide the document.
 */
function quotedHeadings(children: readonly Nodes[], quoteEnd: number): RawLabel[] {
  const labels: RawLabel[] = [];
  // From the last block back, so each heading's end (the next heading's start) is known: linear in the quote.
  let end = children.length;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = itemAt(children, i);
    if (child.type !== 'heading' || !child.position) continue;
    const title = lf(toString(child, { includeHtml: false })).trim();
    const contentEnd = end < children.length ? itemAt(children, end).position?.start.offset ?? quoteEnd : quoteEnd;
    if (title) labels.push(finishLabel(title, child.position, children.slice(i + 1, end), contentEnd, 'quoted-heading'));
    end = i;
  }
  return labels.reverse();
}

/** `**Label:** text` or `**Label**: text` at the start of a paragraph's (or list item's) content. */
function boldLabel(content: PhrasingContent[], end: number, more: Nodes[] = []): RawLabel | undefined {
  const strong = content[0];
  const title = boldLabelTitle(content);
  return title && strong?.position ? finishLabel(title, strong.position, [...content.slice(1), ...more], end, 'bold-label') : undefined;
}

/** The label's title, where the content opens with one. */
function boldLabelTitle(content: PhrasingContent[]): string | undefined {
  const [strong, next] = content;
  if (strong?.type !== 'strong' || !strong.position) return undefined;
  const inner = lf(toString(strong)).trim();
  const colonInside = inner.endsWith(':');
  const colonAfter = next?.type === 'text' && next.value.startsWith(':');
  if (!colonInside && !colonAfter) return undefined;
  const title = inner.replace(/:$/, '').trim();
  return title && title.length <= 120 ? title : undefined;
}

/**
 * The labels of a top-level paragraph: a bold label at its start and at the start of each of its lines
 * ("**Owner:** Ana" over "**Status:** draft", a form filled in line by line), each running to the next;
 * or, for a paragraph that is one bold or italic title ("**Success metrics**", "_What could go wrong?_"),
 * that title.
 */
function paragraphLabels(paragraph: Paragraph, text: string): RawLabel[] {
  const children = paragraph.children;
  const only = children.length === 1 ? children[0] : undefined;
  if ((only?.type === 'strong' || only?.type === 'emphasis') && only.position) {
    const written = lf(toString(only));
    // `**Label:**` alone is a bold label (below), read as before.
    const title = only.type === 'strong' && written.trim().endsWith(':') ? undefined : emphasisHeadingTitle(written);
    if (title) return [finishLabel(title, only.position, [], only.position.end.offset!, 'emphasis-title')];
  }
  // Where each label starts: the paragraph's start, and each line start that opens with one.
  const starts = children.flatMap((_, i) => (i === 0 || startsLine(itemAt(children, i - 1))) && boldLabelTitle(children.slice(i, i + 2)) ? [i] : []);
  return starts.map((from, n) => {
    const to = starts[n + 1];
    const end = to === undefined ? paragraph.position!.end.offset! : lineEndBefore(text, itemAt(children, to).position!.start.offset!);
    return boldLabel(children.slice(from, to), end)!;
  });
}

/** The child ends its line: a hard break, or text ending in a line break. */
function startsLine(previous: PhrasingContent): boolean {
  return previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
}

/** Where the line before `offset` ends (its line break and trailing blanks left out). */
function lineEndBefore(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/** A table row whose first cell is wholly bold: the message house's `| **Positioning Statement** | … |`. */
function tableLabel(row: TableRow): RawLabel | undefined {
  const [cell, ...rest] = row.children;
  const content = cell?.children.filter((c) => !(c.type === 'text' && !c.value.trim())) ?? [];
  const strong = content[0];
  if (content.length !== 1 || strong?.type !== 'strong' || !strong.position) return undefined;
  const title = lf(toString(strong)).trim().replace(/:$/, '');
  if (!title || title.length > 120) return undefined;
  return finishLabel(title, strong.position, rest, row.position!.end.offset!, 'table-label');
}

function finishLabel(title: string, position: { start: { offset?: number }; end: { offset?: number } }, rest: Nodes[], contentEnd: number, style: RawLabel['style']): RawLabel {
  const into = emptySection(0, 0);
  for (const node of rest) collect('', node, into, false);
  return { title, start: position.start.offset!, end: position.end.offset!, style, contentEnd, prose: into.prose, visible: into.visible };
}
