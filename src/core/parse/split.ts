// A cheap line scan that cuts a Markdown body into chunks, each starting at a heading. Each chunk is then
// parsed on its own, which keeps remark's cost linear in practice and lets unchanged chunks be reused
// after an edit. The scan only needs to be right about where headings can start: it skips code fences
// and HTML comments (guidance comments often hold example headings), and a chunk whose text turns out
// not to start with a heading is merged back by the section builder, so a wrong cut costs nothing.
import { group } from '../text/indexing';

export interface Chunk {
  start: number;
  end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])(?:([ \t]+)(.*))?$/;
const QUOTE = /^ {0,3}>/;

/** HTML block starts (CommonMark 4.6, kinds 1 and 3 to 7; comments are followed on their own) and their ends. */
export const HTML_BLOCKS: { start: RegExp; end: RegExp | 'blank'; interrupts: boolean }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { start: /^ {0,3}<\?/, end: /\?>/, interrupts: true },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  {
    start: /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i,
    end: 'blank',
    interrupts: true,
  },
  {
    start: /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/,
    end: 'blank',
    interrupts: false,
  },
];

/**
 * The characters a block marker starts with, after up to three spaces: a fence (` ~), a heading (#), an
 * underline or thematic break (= - * _), a list item (- * + digit), a quote (>), HTML or a comment (<).
 * A line that opens with none of them is prose to both the splitter and the scanner (markdown-scan.ts).
 */
export const BLOCK_MARKER_CHARACTERS = '`~#=-*_+><0123456789';
const BLOCK_MARKERS = new Uint8Array(128);
for (const c of BLOCK_MARKER_CHARACTERS) BLOCK_MARKERS[c.charCodeAt(0)] = 1;

/**
 * Whether a line may open or end a block by its first character (after up to three spaces): a line of
 * prose, most of a spec, cannot, and none of the patterns above need be tried on it.
 */
function mayMarkBlock(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  return BLOCK_MARKERS[line.charCodeAt(i)] === 1;
}

/** Columns of white space a line starts with (a tab to the next multiple of four). */
function indentOf(line: string): number {
  let columns = 0;
  for (const c of line) {
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/**
 * Cuts where a top-level heading starts, as CommonMark reads the text: an ATX heading, or the first line of
 * a paragraph that a setext underline turns into a heading (all its lines are the heading's). Headings
 * inside a quote, a list item or an HTML block are not sections, so nothing is cut there; remark then reads
 * the whole container in one chunk and finds no top-level heading in it. The scan follows just enough of
 * the block structure for that: paragraphs, whether they sit in a quote or list item (lazy continuation
 * lines included: an underline below one is text or a thematic break, never a heading), HTML blocks,
 * indented code. Where it cannot tell, it does not cut: a missed cut costs only speed.
 */
export function splitAtHeadings(text: string, from = 0, to = text.length): Chunk[] {
  return scanCuts(text, from, to).chunks;
}

/**
 * The cuts from `from` on, as splitAtHeadings makes them, stopping early where `resync` says that a cut is
 * one the previous scan of an edited text also made: after a heading line the scan's state is always the
 * same (no fence, comment, HTML block, paragraph or list item open), so from an unchanged heading line on
 * the cuts are those of the previous scan. `stoppedAt` is that cut (not among `chunks`, whose last one
 * ends there).
 */
export function scanCuts(text: string, from: number, to: number, resync?: (cut: number) => boolean): { chunks: Chunk[]; stoppedAt?: number } {
  const cuts: number[] = [from];
  let stoppedAt: number | undefined;
  const cut = (at: number) => {
    if (at === cuts[cuts.length - 1]) return;
    if (resync?.(at)) stoppedAt = at;
    else cuts.push(at);
  };
  // A lone CR ends a line too (as for remark and LineIndex); files without one (nearly all) never look.
  let nextCr = text.indexOf('\r', from);
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let html: RegExp | 'blank' | undefined;
  /** The paragraph the previous line belongs to: where it starts, and whether inside a quote or list item. */
  let paragraph: { start: number; contained: boolean } | undefined;
  /** Content column of the outermost open list item: lines indented this far are inside it. */
  let listColumn: number | undefined;
  let previousBlank = true;
  /** Opens a fence, comment or HTML block, or is a thematic break or indented code: no paragraph. */
  const openBlock = (l: string, marked: boolean): boolean => {
    if (!marked) return !paragraph && indentOf(l) >= 4;
    const open = FENCE_OPEN.exec(l);
    const marker = open ? group(open, 1) : '';
    if (open && !(marker[0] === '`' && l.slice(open[0].length).includes('`'))) {
      fence = { char: marker.charAt(0), length: marker.length };
      return true;
    }
    if (/^ {0,3}<!--/.test(l)) {
      if (!l.slice(l.indexOf('<!--') + 4).includes('-->')) inComment = true;
      return true;
    }
    for (const kind of HTML_BLOCKS) {
      if ((paragraph && !kind.interrupts) || !kind.start.test(l)) continue;
      if (kind.end === 'blank' || !kind.end.test(l.slice(l.indexOf('<') + 1))) html = kind.end;
      return true;
    }
    return THEMATIC_BREAK.test(l) || (!paragraph && indentOf(l) >= 4);
  };

  let lineStart = from;
  while (lineStart < to && stoppedAt === undefined) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    if (nextCr >= 0 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    // A CR before the line's LF that is not the CR of a CRLF ends the line there.
    if (nextCr >= 0 && nextCr < lineEnd - 1) lineEnd = nextCr;
    const next = lineEnd < to ? lineEnd + 1 : to;
    const line = nextCr < 0 ? text.slice(lineStart, lineEnd) : text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const blank = !line.trim();
    const marked = !blank && mayMarkBlock(line);

    if (fence) {
      const close = marked ? FENCE_OPEN.exec(line) : null;
      const marker = close ? group(close, 1) : '';
      if (close && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (html) {
      if (html === 'blank' ? blank : html.test(line)) html = undefined;
    } else if (blank) {
      paragraph = undefined;
    } else {
      const indent = indentOf(line);
      const item = !marked || THEMATIC_BREAK.test(line) ? null : LIST_ITEM.exec(line);
      // Inside a list item: indented to its content, or a new item, or a lazy continuation of its paragraph.
      let contained = false;
      if (marked && QUOTE.test(line)) {
        if (listColumn === undefined || indent < listColumn) listColumn = undefined;
        contained = true;
      } else if (listColumn !== undefined && indent >= listColumn) {
        contained = true;
      } else if (item && !(paragraph && !paragraph.contained && !canInterrupt(item))) {
        const spaces = item[4] ? indentOf(item[4]) : 0;
        const blankItem = !item[5]?.trim();
        listColumn = group(item, 1).length + group(item, 2).length + (blankItem || spaces > 4 ? 1 : spaces);
        contained = true;
      } else if (paragraph?.contained && !previousBlank && !(marked && interrupts(line))) {
        contained = true;
      } else {
        listColumn = undefined;
        // A quote's or list item's paragraph ends here: an underline below it is no heading.
        if (paragraph?.contained) paragraph = undefined;
      }

      if (contained) {
        // Nothing in a container is a section; only its paragraphs are followed, for lazy lines.
        if (marked && (FENCE_OPEN.test(line) || THEMATIC_BREAK.test(line) || ATX.test(line))) paragraph = undefined;
        // An empty quote line or list item holds no paragraph for a later line to continue lazily.
        else if (!containedContent(line, item).trim()) paragraph = undefined;
        else if (!paragraph?.contained || previousBlank) paragraph = { start: lineStart, contained: true };
      } else if (marked && paragraph && SETEXT_UNDERLINE.test(line)) {
        cut(paragraph.start);
        paragraph = undefined;
      } else if (marked && ATX.test(line)) {
        cut(lineStart);
        paragraph = undefined;
      } else if (!openBlock(line, marked)) {
        if (!paragraph && indent < 4) paragraph = { start: lineStart, contained: false };
      } else {
        paragraph = undefined;
      }
    }
    previousBlank = blank && !fence && !inComment;
    lineStart = next;
  }

  const end = stoppedAt ?? to;
  return { chunks: cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? end })), ...(stoppedAt === undefined ? {} : { stoppedAt }) };
}

/** What a quote or list item line holds after its markers (the whole line for other lines). */
function containedContent(line: string, item: RegExpExecArray | null): string {
  const quote = /^(?: {0,3}>[ \t]?)+/.exec(line);
  if (quote) return line.slice(quote[0].length);
  return item ? (item[5] ?? '') : line;
}

/** A list item may start inside a paragraph only with content, and (ordered) numbered 1. */
function canInterrupt(item: RegExpExecArray): boolean {
  return Boolean(item[5]?.trim()) && (item[3] === undefined || Number(item[3]) === 1);
}

/** Whether a line ends a paragraph rather than continuing it lazily. */
function interrupts(line: string): boolean {
  return ATX.test(line) || THEMATIC_BREAK.test(line) || FENCE_OPEN.test(line) || /^ {0,3}<!--/.test(line) || HTML_BLOCKS.some((k) => k.interrupts && k.start.test(line));
}

/** The text with every lone CR (classic Mac line end) made an LF: same length, same offsets, CRLF kept. */
export function withoutLoneCr(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}
