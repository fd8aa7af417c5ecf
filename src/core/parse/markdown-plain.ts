// remark (micromark) reads some inputs in time that grows with the square of their length: inline content
// full of openers that never close (a code span, a comment, a link destination, an emphasis run:
// micromark looks ahead to the end, or back over every earlier run, for each one) and lazy lines of a
// quote or list item. cmark and markdown-it publish such inputs as their "pathological" tests. A pasted
// fragment must never freeze an editor, so a chunk holding one is not given to remark: it is read here in
// linear time, with the same heading (the chunk splitter has already found where top-level headings are)
// and its body as plain lines of prose. The estimate below only counts what makes remark slow; real specs
// stay far below its bound (test/parse/markdown-plain.test.ts reads the corpus), so they keep remark's
// reading.
import type { RawComment, RawSection } from './markdown-chunk';
import { commentSpans, emphasisText, withoutClosingSequence } from './markdown-scan';
import { HTML_BLOCKS, withoutLoneCr } from './split';
import { group, itemAt } from '../text/indexing';

/**
 * The most (openers + lines) × characters one inline context may have for remark to read it. remark's
 * slowest inputs take about 25 ms per KB at this size (the largest in the corpus is half of it): linear
 * in the document, however many contexts.
 */
export const REMARK_BUDGET = 250_000;

const FENCE = /^(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const DEFINITION_START = /^\[[^\]]*\]:/;
/** A line that may open a paragraph: not a quote, list item, HTML, table row, heading, fence or indented code. */
const PARAGRAPH_START = /^ {0,3}(?![>#<|]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3})\S/;

interface Line {
  text: string;
  start: number;
}

function linesOf(original: string): Line[] {
  // A lone CR ends a line as LF does; as an LF it keeps every offset.
  const text = original.includes('\r') ? withoutLoneCr(original) : original;
  const out: Line[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    start = end + 1;
  }
  return out;
}

/** Where a line's content starts after quote markers and indentation. */
function prefixLength(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '>')) i++;
  return i;
}

/** Characters that open something micromark then looks for the end of. Runs count once. */
function openers(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '`' || c === '*' || c === '_' || c === '~') {
      if (s[i - 1] !== c) count++;
    } else if (c === '[' || c === ']' || c === '<' || c === '\\' || c === '!' || c === '&') count++;
  }
  return count;
}

/**
 * What remark's time on the chunk grows with, at worst: the largest (openers + lines) × length of an
 * inline context (a paragraph, a list item's text, a table row, a heading; approximated by lines, never
 * by parsing). Fenced code is skipped: remark reads no inline content there.
 */
export function remarkCost(text: string): number {
  let length = 0;
  let weight = 0;
  /** Lazy lines (no quote marker, no indentation) count in a quote or list item: micromark rechecks each. */
  let contained = false;
  let fence: string | undefined;
  let html: RegExp | 'blank' | undefined;
  let most = 0;
  const close = () => {
    most = Math.max(most, weight * length);
    length = 0;
    weight = 0;
  };
  for (const { text: line } of linesOf(text)) {
    const prefix = prefixLength(line);
    const content = line.slice(prefix);
    if (fence) {
      if (closesFence(content, fence)) fence = undefined;
      continue;
    }
    if (html) {
      if (html === 'blank' ? !content.trim() : html.test(content)) html = undefined;
      continue;
    }
    if (!content.trim()) {
      close();
      continue;
    }
    if ((fence = fenceOpening(content))) {
      close();
      continue;
    }
    // A list item, a table row, a heading or a reference definition starts a context of its own.
    const single = content.startsWith('#') || content.includes('|');
    const item = LIST_MARKER.exec(content);
    if (single || item || DEFINITION_START.test(content)) close();
    if (!length) {
      // Raw HTML is no inline content either (CommonMark's HTML blocks: to their end or a blank line).
      const block = HTML_BLOCKS.find((k) => k.start.test(content));
      if (block) {
        if (block.end === 'blank' || !block.end.test(content.slice(1))) html = block.end;
        continue;
      }
      contained = line.slice(0, prefix).includes('>') || item !== null;
    }
    length += line.length + 1;
    weight += openers(content) + (contained && prefix === 0 && !item ? 1 : 0);
    if (single) close();
  }
  close();
  return most;
}

/** Whether remark could take superlinear time on the chunk (see remarkCost). */
export function tooCostlyForRemark(text: string): boolean {
  // (openers + lines) × length ≤ (2 × length) × length: a short chunk cannot be over the budget.
  return 2 * text.length * text.length > REMARK_BUDGET && remarkCost(text) > REMARK_BUDGET;
}

/**
 * `s` (which starts at offset `base`) with the parts inside the given spans (sorted) made spaces, looking
 * at spans from index `first` until one starts after `s`.
 */
function blank(s: string, spans: readonly { start: number; end: number }[], base = 0, first = 0): string {
  let out = '';
  let at = 0;
  for (let k = first; k < spans.length; k++) {
    const span = itemAt(spans, k);
    if (span.start - base >= s.length) break;
    const from = Math.max(span.start - base, at);
    const to = Math.min(span.end - base, s.length);
    if (to <= from) continue;
    out += s.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return out + s.slice(at);
}

/** Whether `content` closes a fence opened with `fence`: the same character, at least as many, nothing after. */
function closesFence(content: string, fence: string): boolean {
  let i = 0;
  while (content[i] === fence[0]) i++;
  return i >= fence.length && !content.slice(i).trim();
}

/** A fence opening at the start of `content`: its marker, or undefined. */
function fenceOpening(content: string): string | undefined {
  const open = FENCE.exec(content);
  const marker = open ? group(open, 1) : undefined;
  return marker !== undefined && !(marker[0] === '`' && content.slice(marker.length).includes('`')) ? marker : undefined;
}

/**
 * Inline content as text, the way remark's plain text reads the usual syntax, in linear time: comments
 * dropped, escapes as the character, links as their text, emphasis as micromark pairs it.
 */
export function plainInline(s: string): string {
  let t = blank(s, commentSpans(s)).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  t = t.replace(/\[([^[\]]*)\]\([^()\s]*\)/g, '$1');
  return emphasisText(t).text.replace(/\s+/g, ' ').trim();
}

/** The chunk read without remark: its heading (ATX, or setext over the lines above the underline), then plain prose. */
export function readPlainly(text: string): RawSection[] {
  const lines = linesOf(text);
  const section: RawSection = { contentStart: 0, contentEnd: text.length, comments: [], prose: [], visible: '', labels: [], templates: [] };
  const body = readHeading(text, lines, section);

  // Lines inside fenced code: visible, but neither prose nor comments.
  const inFence: boolean[] = [];
  let fence: string | undefined;
  for (let i = body; i < lines.length; i++) {
    const line = itemAt(lines, i).text;
    const content = line.slice(prefixLength(line));
    if (fence) {
      inFence[i] = true;
      if (closesFence(content, fence)) fence = undefined;
    } else if ((fence = fenceOpening(content))) inFence[i] = true;
  }

  const bodyStart = lines[body]?.start ?? text.length;
  const comments = commentsOutside(text, bodyStart, lines, inFence);
  let leading = true;
  let next = 0;
  let overlap = 0;
  for (let i = body; i < lines.length; i++) {
    const line = itemAt(lines, i);
    if (!line.text.trim()) continue;
    const start = prefixLength(line.text);
    let content = line.text.slice(start);
    const marker = inFence[i] ? null : LIST_MARKER.exec(content);
    const offset = line.start + start + (marker ? marker[0].length : 0);
    if (marker) content = content.slice(marker[0].length);
    section.visible += ` ${content}`;
    const lineEnd = line.start + line.text.length;
    // Comments that start on this line; the first block after the heading may be an owner comment.
    for (let c = comments[next]; c && c.start < lineEnd; c = comments[++next]) {
      section.comments.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, inHeading: false, leading: leading && c.start === offset });
    }
    leading = false;
    if (inFence[i]) continue;
    while (overlap < comments.length && itemAt(comments, overlap).end <= offset) overlap++;
    const prose = blank(content, comments, offset, overlap);
    if (prose.trim()) section.prose.push({ text: prose, offset });
  }
  return [section];
}

/** The heading the chunk starts with, into `section`; the index of the first line after it. */
function readHeading(text: string, lines: Line[], section: RawSection): number {
  const first = lines[0];
  if (!first) return 0;
  const atx = ATX.exec(first.text);
  if (atx) {
    const content = withoutClosingSequence(first.text.slice(atx[0].length));
    const base = first.start + atx[0].length;
    for (const c of commentSpans(content)) section.comments.push(comment(text, base + c.start, base + c.end));
    const end = first.start + first.text.length;
    section.heading = { depth: group(atx, 1).length, title: plainInline(content), start: first.start + first.text.indexOf('#'), end };
    section.contentStart = end;
    return 1;
  }
  // The splitter cuts at a paragraph only where an underline ends it (split.ts): its lines are the heading's.
  // (The document's first chunk starts uncut: there an underline below a quote, list or HTML is no heading.)
  if (!PARAGRAPH_START.test(first.text)) return 0;
  let j = 1;
  while (j < lines.length && itemAt(lines, j).text.trim() && !SETEXT.test(itemAt(lines, j).text)) j++;
  const underline = lines[j];
  if (!underline || !SETEXT.test(underline.text) || !first.text.trim()) return 0;
  const end = underline.start + underline.text.length;
  const title = lines.slice(0, j).map((l) => plainInline(l.text)).join('\n').trim();
  section.heading = { depth: underline.text.trim().startsWith('=') ? 1 : 2, title, start: first.start + (first.text.length - first.text.trimStart().length), end };
  section.contentStart = end;
  return j + 1;
}

/** Complete comments in text[from…], in order, leaving out those that start inside fenced code. */
function commentsOutside(text: string, from: number, lines: Line[], inFence: boolean[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let line = 0;
  for (let at = text.indexOf('<!--', from); at >= 0; at = text.indexOf('<!--', at)) {
    while (line + 1 < lines.length && itemAt(lines, line + 1).start <= at) line++;
    if (inFence[line]) {
      const fenced = itemAt(lines, line);
      at = fenced.start + fenced.text.length;
      continue;
    }
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    found.push({ start: at, end: close + 3 });
    at = close + 3;
  }
  return found;
}

function comment(text: string, start: number, end: number): RawComment {
  return { text: text.slice(start, end), start, end, inHeading: true, leading: false };
}
