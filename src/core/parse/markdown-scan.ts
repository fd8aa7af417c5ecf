// A fast reader for the common shape of a spec chunk: one heading, then paragraphs, lists, tables,
// fenced code and comments. It yields exactly what parseChunk (remark) yields for such chunks, several
// times faster, which is what keeps linting on every keystroke cheap. Anything it cannot read with
// certainty (HTML blocks, indented code, escapes and entities, reference links, nested emphasis
// oddities) makes it return undefined, and remark reads that chunk instead. A differential test holds
// the two to the same results on real specs and on generated ones.
import type { TextRun } from '../model';
import type { RawComment, RawLabel, RawSection } from './markdown-chunk';
import { emphasisHeadingTitle } from './emphasis-heading';
import { BLOCK_MARKER_CHARACTERS, withoutLoneCr } from './split';
import { group, itemAt } from '../text/indexing';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)/;
const THEMATIC = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Inline syntax the scanner does not try to imitate: escapes, entities, raw HTML, images. */
const HARD_INLINE_SYNTAX = /\\|&[#a-zA-Z0-9]+;|<(?!!--)[a-zA-Z/]|!\[/;
/** A full reference ("[text][label]") or a definition ("[label]: url", in a list item or a quote too). */
const REFERENCE_SYNTAX = /\]\[|\]:/;

/**
 * HARD_INLINE_SYNTAX, or reference syntax: a full reference, a definition, or a line that ends in a
 * bracketed label (a shortcut reference, maybe). `mayReference()`: false where the chunk holds no "]:", so
 * no definition (a chunk is parsed on its own: there "[DATE]" and "[a][b]" are plain text).
 */
function hardInline(line: string, mayReference: () => boolean = () => true): boolean {
  // Reference syntax and a bracketed label both hold a "]": most lines have none.
  return HARD_INLINE_SYNTAX.test(line) || (line.includes(']') && (REFERENCE_SYNTAX.test(line) || endsInBracketedLabel(line)) && mayReference());
}

/**
 * What /\[[^\]]*\]\s*$/ says, without its quadratic time on a run of "[": the last "]" ends the line
 * (but for white space) and an "[" stands after the "]" before it.
 */
export function endsInBracketedLabel(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith(']') && t.lastIndexOf('[', t.length - 2) > t.lastIndexOf(']', t.length - 2);
}

/**
 * An ATX heading's text without its closing sequence ("## Goals ##" → "Goals"): what
 * /[ \t]+#+[ \t]*$|^#+[ \t]*$/ removes, in linear time (that regex is quadratic on a run of spaces).
 */
export function withoutClosingSequence(text: string): string {
  const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end) return text;
  if (hashes === 0) return '';
  if (!isBlank(text[hashes - 1])) return text;
  while (hashes > 0 && isBlank(text[hashes - 1])) hashes--;
  return text.slice(0, hashes);
}
/** A first line that may not open a paragraph (or whose reading the scanner leaves to remark). */
const NOT_A_PARAGRAPH_START = /^ {0,3}(?:[>|<#=]|[-*+_](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,}|\*[ \t]*\*|_[ \t]*_)|^ {0,3}\t|^ {4}/;
/** The content of a list item that opens a block other than a paragraph: HTML, a quote, a heading, a fence. */
const ITEM_OPENS_BLOCK = /^(?:[<>]|#{1,6}(?:[ \t]|$)|`{3,}|~{3,})/;
const HARD_LINE = /^ {0,3}(?:<(?!!--)|>)|^\t|^ {4}/;

/**
 * ASCII characters a line of prose may open with: not white space (indentation), a block marker (fence,
 * heading, underline, break, list item, quote, HTML) or a table's pipe.
 */
const PROSE_START = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return !/[\s|]/.test(ch) && !BLOCK_MARKER_CHARACTERS.includes(ch);
});

/**
 * Whether a line opens with a character that starts no block, indentation or table row: a line of prose,
 * most of a spec, on which none of the scanner's line-start patterns can match.
 */
function opensProse(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return PROSE_START[c] === true;
  // NaN for an empty line, which opens nothing.
  return c >= 128 && !/\s/.test(t.charAt(0));
}

export function scanChunk(text: string): RawSection[] | undefined {
  const lines = splitLines(text);
  // Without a "]:" the chunk defines no link reference, so bracketed text in it is text (hardInline)…
  // unless a "[" left open on some line could pair with it in the section's visible text, which the
  // scanner joins with spaces where remark keeps a paragraph's line breaks (a placeholder never spans one).
  // Worked out only for a chunk with a line that needs it: most chunks have no bracketed text at all.
  let references: boolean | undefined;
  const mayReference = () => (references ??= text.includes(']:') || lines.some((l) => l.text.lastIndexOf('[') > l.text.lastIndexOf(']')));
  wrappedLinks = text.includes('](') ? wrappedLinksOf(lines) : NO_WRAPPED_LINKS;
  const [first, second] = lines;
  if (first === undefined) return undefined;
  const atx = ATX.exec(first.text);
  const setext = !atx && second !== undefined && SETEXT.test(second.text) && first.text.trim() !== '';
  if (!atx && !setext) return undefined;
  // An underline makes a heading only of a paragraph: below a quote, a list item, indented code, HTML or
  // a table row it is a thematic break or text (CommonMark examples 92, 94, 100). remark reads those.
  if (setext && (NOT_A_PARAGRAPH_START.test(first.text) || THEMATIC.test(first.text))) return undefined;

  let titleText: string;
  let headingEnd: number;
  let depth: number;
  let bodyFrom: number;
  const comments: RawComment[] = [];
  if (atx) {
    depth = group(atx, 1).length;
    const raw = withoutClosingSequence(first.text.slice(atx[0].length));
    const inline = headingInline(raw, first.start + atx[0].length, comments);
    if (inline === undefined) return undefined;
    titleText = inline;
    headingEnd = first.start + first.text.length;
    bodyFrom = 1;
  } else {
    const underline = itemAt(lines, 1); // a setext heading has its underline
    depth = underline.text.trim().startsWith('=') ? 1 : 2;
    const inline = headingInline(first.text.trim(), first.start + first.text.indexOf(first.text.trim()), comments);
    if (inline === undefined) return undefined;
    titleText = inline;
    headingEnd = underline.start + underline.text.length;
    bodyFrom = 2;
  }

  const section: RawSection = {
    heading: { depth, title: titleText, start: first.start + (first.text.length - first.text.trimStart().length), end: headingEnd },
    contentStart: headingEnd,
    contentEnd: text.length,
    comments,
    prose: [],
    visible: '',
    labels: [],
    templates: [],
  };

  let leading = true;
  let inList = false;
  let previousBlank = true;
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = itemAt(lines, i);
    const t = line.text;
    if (!t.trim()) {
      previousBlank = true;
      continue;
    }
    const prose = opensProse(t);
    // Comments: a block starting at the line's start runs to the line holding "-->".
    if (!prose && /^ {0,3}<!--/.test(t)) {
      let j = i;
      while (j < lines.length && !itemAt(lines, j).text.includes('-->')) j++;
      const closer = lines[j];
      if (closer === undefined) return undefined; // no "-->" before the chunk ends
      const after = closer.text.slice(closer.text.indexOf('-->') + 3);
      if (after.trim()) return undefined;
      // An HTML block runs from the start of its first line to the end of its last: white space before
      // "<!--" and after "-->" is the comment's, as in remark.
      const end = closer.start + closer.text.length;
      const start = line.start;
      comments.push({ text: text.slice(start, end), start, end, inHeading: false, leading });
      leading = false;
      previousBlank = false;
      i = j;
      continue;
    }
    // A quoted paragraph ("> Sales enablement: a one-pager…"): its words are the section's; a quote holds no
    // labels (remark reads labels of top-level paragraphs and list items only).
    if (!prose && QUOTE.test(t)) {
      const quoted = quotedText(lines, i, inList, previousBlank);
      if (quoted === undefined) return undefined;
      if (quoted.text && !addInline(quoted.text, line.start + quoted.column, section)) return undefined;
      leading = false;
      previousBlank = false;
      inList = false;
      continue;
    }
    const fence = prose ? null : FENCE.exec(t);
    if (fence && !(group(fence, 2)[0] === '`' && group(fence, 3).includes('`'))) {
      const marker = group(fence, 2);
      let j = i + 1;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (j < lines.length && !closing.test(itemAt(lines, j).text)) j++;
      const indent = group(fence, 1).length;
      const body = lines.slice(i + 1, j).map((l) => stripIndent(l.text, indent)).join('\n');
      const value = body;
      section.visible += ` ${value}`;
      const lang = group(fence, 3).trim().split(/\s+/)[0] ?? '';
      if (/^(?:md|markdown)$/i.test(lang)) {
        const headings = value.match(/^ {0,3}#{1,6}[ \t]/gm);
        if (headings && headings.length >= 2) {
          if (indent) return undefined;
          // Measured in the text, not by `value`: its lines are joined with LF, so with CRLF it is one
          // character short per line and the template's end would land early. Like remark's, it runs to
          // the end of the last line inside the fence (the open fence's trailing blank lines included).
          // Two headings inside: the fence holds lines i + 1 to j - 1.
          const last = itemAt(lines, j - 1);
          section.templates.push({ start: itemAt(lines, i + 1).start, end: last.start + last.text.length });
        }
      }
      leading = false;
      previousBlank = false;
      inList = false;
      i = j;
      continue;
    }
    if (!prose) {
      if (HARD_LINE.test(t) && !(inList && /^\s/.test(t) && !previousBlank)) {
        // Indented lines continue a list item; anything else indented, quoted or raw HTML goes to remark.
        if (!(inList && /^ {1,}\S/.test(t))) return undefined;
        // After a blank line, six columns in is code inside the item (four past its content) or may be.
        if (previousBlank && /^ {6}/.test(t)) return undefined;
      }
      // A comment or a tag on an indented line opens an HTML block in a list item.
      if (/^\s+</.test(t)) return undefined;
      // A nested ordered item indented four or more columns: whether its number is a marker or text
      // depends on the parent item's content column, which this scanner does not track.
      if (/^ {4,}\d{1,9}[.)](?: |$)/.test(t)) return undefined;
      if (THEMATIC.test(t) || (SETEXT.test(t) && !previousBlank)) return undefined;
    }
    if (hardInline(t, mayReference)) return undefined;

    const item = prose ? null : LIST_ITEM.exec(t);
    let contentStart = line.start;
    let content = t;
    if (item) {
      contentStart = line.start + item[0].length;
      content = t.slice(item[0].length);
      // "1. 1. Goal" is an item in an item, "- <!-- note -->" an HTML block in one, "- ## Goal" a heading in one:
      // remark reads a block there, not a paragraph's text. Five spaces or more after the marker: the item
      // opens with indented code (CommonMark 5.2).
      if (LIST_ITEM.test(content) || ITEM_OPENS_BLOCK.test(content) || group(item, 3).length > 4 || /^\s/.test(content)) return undefined;
      // An empty item, or a numbered one not starting at 1, cannot interrupt a paragraph: its line continues it.
      if (!previousBlank && !inList && (!content.trim() || /^(?:\d*[02-9]|\d{2,})[.)]/.test(group(item, 2)))) return undefined;
      // An item that opens empty takes its content from the next line: where that line's label is, remark knows.
      if (!content.trim() && lines[i + 1]?.text.trim()) return undefined;
      inList = true;
      const label = boldLabelAt(content, contentStart, line, lines, i);
      if (label) section.labels.push(label);
      else if (opensWithBoldLabel(content)) return undefined;
    } else if ((!prose && /^\s*\|/.test(t)) || (t.includes('|') && /^[\s|:-]+$/.test(lines[i + 1]?.text ?? ''))) {
      const table = readTable(lines, i, section);
      if (table === undefined) return undefined;
      i = table;
      leading = false;
      previousBlank = false;
      inList = false;
      continue;
    } else {
      if (previousBlank) inList = !prose && /^\s/.test(t) && inList;
      // A line of a top-level paragraph (its first, or one that opens with a label of its own). Labels and
      // emphasised titles open with "*" or "_" (after white space maybe): a line of prose opens none.
      if (!inList && !prose) {
        const label = paragraphLabelAt(t, line, lines, i, previousBlank);
        if (label === DECLINE) return undefined;
        if (label) section.labels.push(label);
      }
    }
    if (!addInline(content, contentStart, section)) return undefined;
    leading = false;
    previousBlank = false;
  }
  section.contentEnd = text.length;
  return [section];
}

interface Line {
  text: string;
  start: number;
}

function splitLines(original: string): Line[] {
  // A lone CR ends a line as LF does (remark reads it so); as an LF it keeps every offset. A line's text
  // never holds its line break, so lines read from this copy are the original's.
  const crs = original.includes('\r');
  const text = crs ? withoutLoneCr(original) : original;
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    out.push({ text: crs ? line.replace(/\r$/, '') : line, start });
    start = end + 1;
  }
  return out;
}

/** A line of a block quote. */
const QUOTE = /^ {0,3}>/;

/**
 * The text of line `i` of a block quote that is nothing but paragraphs of plain text, from its `column`
 * on; undefined where remark's reading could differ: a quote inside a list item or interrupting a
 * paragraph, a lazy line after it, or any block inside the quote other than a paragraph.
 */
function quotedText(lines: Line[], i: number, inList: boolean, previousBlank: boolean): { text: string; column: number } | undefined {
  const t = itemAt(lines, i).text;
  const previous = i > 0 ? itemAt(lines, i - 1).text : '';
  if (!previousBlank && !QUOTE.test(previous)) return undefined;
  if (inList && (/^\s/.test(t) || !previousBlank)) return undefined;
  const next = lines[i + 1]?.text;
  if (next !== undefined && next.trim() && !QUOTE.test(next)) return undefined;
  const marker = /^ {0,3}> ?/.exec(t)!;
  const text = t.slice(marker[0].length);
  if (!text.trim()) return { text: '', column: marker[0].length };
  if (NOT_A_PARAGRAPH_START.test(text) || /^\s/.test(text) || SETEXT.test(text) || THEMATIC.test(text) || text.includes('|') || text.includes('<') || hardInline(text)) return undefined;
  return { text, column: marker[0].length };
}

function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}

/** Plain text of a heading's inline content, or undefined where remark's reading could differ. */
function headingInline(raw: string, offset: number, comments: RawComment[]): string | undefined {
  if (hardInline(raw) || raw.includes('`') || raw.includes('<') && !raw.includes('<!--')) return undefined;
  // `~` may be GFM strikethrough (remark reads a chunk with a table as GFM), which would also change how
  // a `*` or `_` next to it opens or closes.
  if (raw.includes('~')) return undefined;
  const spans = commentSpans(raw);
  for (const c of spans) comments.push({ text: raw.slice(c.start, c.end), start: offset + c.start, end: offset + c.end, inHeading: true, leading: false });
  // Emphasis cannot cross a link's brackets, and is read inside them on its own: not imitated.
  if (/[[\]]/.test(raw)) return /[*_]/.test(raw) ? undefined : stripLinks(withoutSpans(raw, spans)).trim();
  // Emphasis is read as micromark reads it, in linear time: remark's own reading of nested emphasis takes
  // time quadratic in its depth, and every heading went through it.
  // remark finds a heading's comments among its direct children only: one inside emphasis is left to it.
  const read = emphasisText(raw);
  return read.commentInEmphasis ? undefined : read.text.trim();
}

/** micromark's classes of the character before or after a `*`/`_` run: 1 white space (or none), 2 punctuation. */
function characterClass(s: string, i: number): 0 | 1 | 2 {
  if (i < 0 || i >= s.length) return 1;
  const code = s.charCodeAt(i);
  const c = s.charAt(i);
  if (code < 128) return code <= 32 ? (code === 32 || (code >= 9 && code <= 13) ? 1 : 0) : /[0-9A-Za-z]/.test(c) || code === 127 ? 0 : 2;
  // By UTF-16 unit, as micromark classifies (half of a surrogate pair is neither).
  if (/\s/.test(c)) return 1;
  if (/\p{P}|\p{S}/u.test(c)) return 2;
  return 0;
}

interface Delimiter {
  marker: string;
  /** Characters of the run not (yet) used by emphasis. */
  left: number;
  open: boolean;
  close: boolean;
}

/**
 * The plain text of inline content made only of text, comments and `*`/`_` runs, as micromark's attention resolver
 * reads it (CommonMark's delimiter algorithm, its rule of three on the runs' remaining lengths): the
 * characters of each run that no emphasis used stay as text. micromark walks back over every earlier run
 * for each closer; here the walk starts at the openers still open and skips, per kind of closer, those
 * already found not to match one (CommonMark's "openers bottom"), which keeps it linear.
 */
export function emphasisText(s: string): { text: string; commentInEmphasis: boolean } {
  // No delimiter run and no comment (most headings): the text as it is, without the resolver's maps.
  if (!/[*_<]/.test(s)) return { text: s, commentInEmphasis: false };
  const parts: (string | Delimiter)[] = [];
  /** Indexes in `parts` of comments, and of each emphasis's opening and closing runs. */
  const commentsAt: number[] = [];
  const spans: [number, number][] = [];
  const partOf = new Map<Delimiter, number>();
  const openers: Delimiter[] = [];
  // For each kind of closer (marker, whether it can open, remaining length mod 3): openers below this
  // index in `openers` are known not to match it.
  const bottom = new Map<string, number>();
  // Whether a comment opened at i closes: looked up once (asking at every "<!--" of a run rescanned the rest).
  const lastClose = s.lastIndexOf('-->');
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '<' && s.startsWith('<!--', i) && lastClose >= i + 4) {
      // A comment is no text (and no emphasis inside it); a run next to it sees its `<` or `>`.
      i = s.indexOf('-->', i + 4) + 3;
      commentsAt.push(parts.length);
      parts.push('');
      continue;
    }
    if (c !== '*' && c !== '_') {
      let j = i + 1;
      while (j < s.length && s[j] !== '*' && s[j] !== '_' && s[j] !== '<') j++;
      parts.push(s.slice(i, j));
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < s.length && s[j] === c) j++;
    const before = characterClass(s, i - 1);
    const after = characterClass(s, j);
    const open = !after || (after === 2 && before !== 0);
    const close = !before || (before === 2 && after !== 0);
    const run: Delimiter = {
      marker: c,
      left: j - i,
      open: c === '*' ? open : open && (before !== 0 || !close),
      close: c === '*' ? close : close && (after !== 0 || !open),
    };
    partOf.set(run, parts.length);
    parts.push(run);
    i = j;
    while (run.close && run.left > 0) {
      const key = `${run.marker}${run.open}${run.left % 3}`;
      const floor = bottom.get(key) ?? 0;
      let k = openers.length - 1;
      for (; k >= floor; k--) {
        const opener = itemAt(openers, k);
        if (opener.marker !== run.marker) continue;
        if ((opener.close || run.open) && run.left % 3 && !((opener.left + run.left) % 3)) continue;
        break;
      }
      if (k < floor) {
        bottom.set(key, openers.length);
        break;
      }
      const opener = itemAt(openers, k);
      const use = opener.left > 1 && run.left > 1 ? 2 : 1;
      opener.left -= use;
      run.left -= use;
      spans.push([partOf.get(opener)!, partOf.get(run)!]);
      // Runs between the two are inside the emphasis now: what is left of them is text.
      openers.length = opener.left ? k + 1 : k;
      for (const [kind, at] of bottom) if (at > k) bottom.set(kind, k);
    }
    if (run.open && run.left > 0) openers.push(run);
  }
  let commentInEmphasis = false;
  if (commentsAt.length && spans.length) {
    // How many emphases open (+1) and close (-1) at each part; a part that none touches counts 0.
    const depth = new Array<number>(parts.length + 1).fill(0);
    for (const [from, to] of spans) {
      depth[from + 1] = (depth[from + 1] ?? 0) + 1;
      depth[to] = (depth[to] ?? 0) - 1;
    }
    let inside = 0;
    const comments = new Set(commentsAt);
    for (let p = 0; p < parts.length && !commentInEmphasis; p++) {
      inside += depth[p] ?? 0;
      if (inside > 0 && comments.has(p)) commentInEmphasis = true;
    }
  }
  return { text: parts.map((p) => (typeof p === 'string' ? p : p.marker.repeat(p.left))).join(''), commentInEmphasis };
}

/**
 * Complete `<!-- … -->` comments in `s`, in order: what /<!--[\s\S]*?-->/g finds, in linear time (the
 * regex rescans to the end from every "<!--" of a run that is never closed). An unclosed one ends the
 * search: every later "<!--" is inside it.
 */
export function commentSpans(s: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = s.indexOf('<!--'); at >= 0; at = s.indexOf('<!--', at)) {
    const close = s.indexOf('-->', at + 4);
    if (close < 0) break;
    found.push({ start: at, end: close + 3 });
    at = close + 3;
  }
  return found;
}

/** `s` without the given (sorted) spans, or with each made `fill` repeated to its length. */
function withoutSpans(s: string, spans: readonly { start: number; end: number }[], fill = ''): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += s.slice(at, span.start) + fill.repeat(span.end - span.start);
    at = span.end;
  }
  return out + s.slice(at);
}

function stripLinks(s: string): string {
  // A link text holds no "[" (as in CommonMark, the innermost brackets are the link); [^\]]* would also
  // rescan to the end of the line from every "[" of a run.
  return s.replace(/\[([^\[\]]*)\]\([^()\s]*\)/g, '$1');
}

/**
 * Blanks out code spans (CommonMark: a run of n backticks up to the next run of exactly n), keeping
 * offsets, and collects their text. Linear in the text; a regex doing this backtracked quadratically on
 * a long run of backticks. A run left without its match stays, and the caller then defers to remark.
 */
function maskCodeSpans(s: string, codes: string[]): string {
  if (!s.includes('`')) return s;
  const runs: { start: number; end: number }[] = [];
  for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i)) {
    const start = i;
    while (s[i] === '`') i++;
    runs.push({ start, end: i });
  }
  // For each run, the next run of the same length (found walking backwards, once).
  const nextSame = new Array<number>(runs.length);
  const lastOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = itemAt(runs, k);
    const length = run.end - run.start;
    nextSame[k] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, k);
  }
  let out = '';
  let at = 0;
  for (let k = 0; k < runs.length; ) {
    const close = nextSame[k] ?? -1;
    if (close < 0) {
      k++;
      continue;
    }
    const open = itemAt(runs, k);
    const end = itemAt(runs, close);
    codes.push(s.slice(open.end, end.start).trim());
    out += s.slice(at, open.start) + ' '.repeat(end.end - open.start);
    at = end.end;
    k = close + 1;
  }
  return out + s.slice(at);
}

/** The offsets of the "[" that open and of the "](" that close the links of a chunk that wrap over lines. */
interface WrappedLinks {
  openers: ReadonlySet<number>;
  closers: ReadonlySet<number>;
}
const NO_WRAPPED_LINKS: WrappedLinks = { openers: new Set(), closers: new Set() };
/**
 * Where a link's text runs over a line break ("[research\nnotes](url)", as hard-wrapped prose has it):
 * addInline blanks its brackets and destination, as it does for a link on one line. Set by scanChunk for
 * its chunk (it is not re-entered).
 */
let wrappedLinks = NO_WRAPPED_LINKS;

/** The "[" of a link a line opens and does not close: its last "[", after its last "]". */
const OPENS_LINK = /\[[^[\]]*$/;
/** The start of a line that closes a link opened on a line before: "notes](url)". */
const CLOSES_LINK = /^[^[\]]*\]\([^()\s]*\)/;
/**
 * Lines a wrapped link may run over, from its "[" to its "](": one plain paragraph, so one link to remark.
 * Not a blank line, a heading, a quote, a fence, a rule or an underline, nor a line with code, HTML, a
 * table cell or an escape, whose reading the scanner leaves to remark; a list item only opens one.
 */
const NOT_IN_WRAPPED_LINK = /[`<>|\\]|^ {0,3}#{1,6}(?:[ \t]|$)/;

function wrappedLinksOf(lines: Line[]): WrappedLinks {
  const openers = new Set<number>();
  const closers = new Set<number>();
  let opener = -1;
  for (let i = 1; i < lines.length; i++) {
    const { text: t, start } = itemAt(lines, i);
    // A line that opens with prose is no fence, rule, underline or list item.
    const prose = opensProse(t);
    const plain = t.trim() !== '' && !NOT_IN_WRAPPED_LINK.test(t) && (prose || (!FENCE.test(t) && !THEMATIC.test(t) && !SETEXT.test(t)));
    if (!plain || (!prose && LIST_ITEM.test(t))) opener = -1;
    if (!plain) continue;
    let from = 0;
    if (opener >= 0) {
      const closer = CLOSES_LINK.exec(t);
      if (closer) {
        openers.add(opener);
        closers.add(start + closer[0].lastIndexOf(']('));
        from = closer[0].length;
      } else if (!/[[\]]/.test(t)) continue; // a line of the link's text
    }
    const open = t.includes('[', from) ? OPENS_LINK.exec(t.slice(from)) : null;
    opener = open ? start + from + open.index : -1;
  }
  return closers.size ? { openers, closers } : NO_WRAPPED_LINKS;
}

/** Adds one line of inline content to the prose; false where remark's reading could differ. */
function addInline(content: string, offset: number, into: RawSection): boolean {
  // Inline comments become comment nodes; code spans are visible but not prose; link targets vanish.
  // Which of a comment and a code span holds the other is micromark's to say.
  if (content.includes('`') && content.includes('<!--')) return false;
  const spans = commentSpans(content);
  for (const c of spans) into.comments.push({ text: content.slice(c.start, c.end), start: offset + c.start, end: offset + c.end, inHeading: false, leading: false });
  let masked = withoutSpans(content, spans, ' ');
  if (masked.includes('<!--')) return false;
  const codes: string[] = [];
  masked = maskCodeSpans(masked, codes);
  if (masked.includes('`')) return false;
  // The end of a link opened on a line before ("notes](url)"): its destination is no prose either.
  if (wrappedLinks.closers.size) masked = blankWrappedLinks(masked, offset);
  // [text](url) reads as "text": blank out the brackets and the destination, keeping offsets.
  if (masked.includes('](')) {
    masked = masked.replace(/\[([^\[\]]*)\]\([^()\s]*\)/g, (m, inner: string) => ` ${inner}${' '.repeat(m.length - inner.length - 1)}`);
    if (masked.includes('](')) return false;
  }
  if (masked.trim()) into.prose.push({ text: masked, offset });
  into.visible += ` ${masked} ${codes.join(' ')}`;
  return true;
}

/** The line's part of links wrapped over lines (wrappedLinks): "[" and "](url)" blanked, offsets kept. */
function blankWrappedLinks(masked: string, offset: number): string {
  return masked
    .replace(/\[/g, (m, at: number) => (wrappedLinks.openers.has(offset + at) ? ' ' : m))
    .replace(/\]\([^()\s]*\)/g, (m, at: number) => (wrappedLinks.closers.has(offset + at) ? ' '.repeat(m.length) : m));
}

/** An emphasis delimiter other than a whole `**` run. */
const EMPHASIS_DELIMITER = /_|(?<!\*)\*(?!\*)|\*{3,}/;
/** Per chunk's lines, whether the lines of its paragraph before each line hold one: worked out once. */
const delimitersBefore = new WeakMap<Line[], Uint8Array>();

/** The lines of the paragraph before line `index` hold an emphasis delimiter other than whole `**` runs. */
function openEmphasisBefore(lines: Line[], index: number): boolean {
  let before = delimitersBefore.get(lines);
  if (!before) {
    before = new Uint8Array(lines.length);
    let open = 0;
    for (let j = 0; j < lines.length; j++) {
      before[j] = open;
      const t = itemAt(lines, j).text;
      open = !t.trim() ? 0 : open || (EMPHASIS_DELIMITER.test(t) ? 1 : 0);
    }
    delimitersBefore.set(lines, before);
  }
  return before[index] === 1;
}

/** A paragraph of several lines from line `index` whose last line ends in a delimiter: wholly emphasised, maybe. */
function endsParagraphInEmphasis(lines: Line[], index: number): boolean {
  let last = index;
  while (lines[last + 1]?.text.trim()) last++;
  return last > index && /[*_]\s*$/.test(itemAt(lines, last).text);
}

/** The scanner leaves the chunk to remark. */
const DECLINE = Symbol('decline');

/** A line that is a whole bold or italic title: `**Success metrics**`, `_What could go wrong?_`. */
const EMPHASIS_LINE = /^(\*\*|__|\*|_)([^*_`\\<>[\]~&\s](?:[^*_`\\<>[\]~&]*[^*_`\\<>[\]~&\s])?)\1$/;

/**
 * The label a line of a top-level paragraph opens with: a bold label (`**Owner:** Ana`) on any of its
 * lines, or, as the paragraph's only line, a bold or italic title (see emphasis-heading.ts). Where remark
 * might read the line otherwise (emphasis the pattern does not cover, a paragraph that may not start or
 * end at this line), the scanner declines.
 */
function paragraphLabelAt(t: string, line: Line, lines: Line[], index: number, previousBlank: boolean): RawLabel | typeof DECLINE | undefined {
  const content = t.trim();
  const offset = line.start + (t.length - t.trimStart().length);
  const label = boldLabelAt(t.trimStart(), offset, line, lines, index);
  // On a later line of a paragraph, emphasis opened on an earlier line may hold the label: remark's to read.
  if (label) return previousBlank || !openEmphasisBefore(lines, index) ? label : DECLINE;
  // A label the pattern above does not read (`__Label:__`, a label holding emphasis or a link): remark's.
  if (opensWithBoldLabel(content) || (/^(\*\*|__)/.test(content) && content.includes(':'))) return DECLINE;
  if (/^[*_]/.test(content) && previousBlank && endsParagraphInEmphasis(lines, index)) return DECLINE;
  if (!/^[*_]/.test(content) || !/[*_]$/.test(content)) return undefined;
  const whole = EMPHASIS_LINE.exec(content);
  if (!whole || !previousBlank || lines[index + 1]?.text.trim()) return DECLINE;
  const bold = group(whole, 1).length === 2;
  const written = group(whole, 2);
  // `__Label:__` is a bold label to remark, which the scanner reads only in asterisks.
  if (bold && written.endsWith(':')) return DECLINE;
  const title = emphasisHeadingTitle(written);
  if (!title) return undefined;
  const end = offset + content.length;
  return { title, start: offset, end, style: 'emphasis-title', contentEnd: end, prose: [], visible: '' };
}

/** `**Label:**` or `**Label**:` opens the text, as remark would read it (whatever the label holds). */
function opensWithBoldLabel(text: string): boolean {
  const m = /^\*\*([^*]+?)\*\*/.exec(text);
  return m !== null && (group(m, 1).trim().endsWith(':') || text.slice(m[0].length).startsWith(':'));
}

/** `**Label:** rest` or `**Label**: rest` at the start of a list item or paragraph. */
function boldLabelAt(content: string, offset: number, line: Line, lines: Line[], index: number): RawLabel | undefined {
  const m = /^\*\*([^*]+?)\*\*/.exec(content);
  if (!m) return undefined;
  const inner = group(m, 1).trim();
  const after = content.slice(m[0].length);
  if (!inner.endsWith(':') && !after.startsWith(':')) return undefined;
  // A delimiter right after the closing "**" ("**b:****b:**") makes one longer run, and a "**" after a
  // colon closes only before a space or punctuation ("**Goal:**text" is no bold): remark's to read.
  if (/^[*_]/.test(after) || (inner.endsWith(':') && after !== '' && !/^[\s\p{P}\p{S}]/u.test(after))) return undefined;
  const title = stripLinks(inner.replace(/:$/, '')).trim();
  // Emphasis inside, or a run that white space keeps from opening or closing, is left to remark.
  if (!title || title.length > 120 || /[`<\\[_]|^\s|\s$/.test(inner)) return undefined;
  const into: RawSection = { contentStart: 0, contentEnd: 0, comments: [], prose: [], visible: '', labels: [], templates: [] };
  addInline(after, offset + m[0].length, into);
  // The label's content is the rest of its list item or paragraph: following lines that are indented
  // deeper than the item (nested items included) or, for a paragraph, that continue it.
  // A list item's content column: nested lines belong to it only when indented at least that far.
  const marker = LIST_ITEM.exec(line.text);
  const isItem = marker !== null;
  const column = marker ? marker[0].length : 0;
  let end = line.start + line.text.length;
  let blankSeen = false;
  for (let j = index + 1; j < lines.length; j++) {
    const next = itemAt(lines, j);
    const nextIndent = next.text.length - next.text.trimStart().length;
    if (!next.text.trim()) {
      if (!isItem) break;
      blankSeen = true;
      continue;
    }
    // An item's text continues on an unindented line right after it (a lazy continuation line), unless
    // that line starts a block of its own.
    const lazy = isItem && !blankSeen && !LIST_ITEM.test(next.text) && !FENCE.test(next.text) && !THEMATIC.test(next.text) && !/^ {0,3}</.test(next.text) && !next.text.includes('|');
    // A paragraph's line that opens with a label of its own starts that label's content.
    if (isItem ? nextIndent < column && !lazy : LIST_ITEM.test(next.text) || opensWithBoldLabel(next.text.trimStart())) break;
    const nested = LIST_ITEM.exec(next.text);
    const text = nested ? next.text.slice(nested[0].length) : next.text;
    addInline(text, next.start + (next.text.length - text.length), into);
    end = next.start + next.text.length;
  }
  return { title, start: offset, end: offset + m[0].length, style: 'bold-label', contentEnd: end, prose: into.prose, visible: into.visible };
}

/** A line that opens a block of its own (a quote, a heading, HTML, a list item, a fence), ending a table. */
const OPENS_OTHER_BLOCK = /^ {0,3}(?:[>#<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,})/;

/** A pipe table from line `i`: cells become prose, a wholly bold first cell a label. Returns the last line index. */
function readTable(lines: Line[], i: number, into: RawSection): number | undefined {
  const delimiter = lines[i + 1];
  if (!delimiter || !/^[\s|:-]+$/.test(delimiter.text) || !delimiter.text.includes('-')) return undefined;
  let j = i;
  for (; j < lines.length && itemAt(lines, j).text.includes('|') && itemAt(lines, j).text.trim(); j++) {
    if (j === i + 1) continue;
    const line = itemAt(lines, j);
    // Escapes, HTML and entities in cells are remark's to read; code spans are read as in a paragraph (a
    // "|" splits cells inside a code span too, in GFM), and a cell addInline declines declines the chunk.
    if (/\\|<(?!!--)/.test(line.text) || hardInline(line.text) || OPENS_OTHER_BLOCK.test(line.text) || THEMATIC.test(line.text)) return undefined;
    const cells = cellsOf(line);
    for (const [c, cell] of cells.entries()) {
      const bold = /^\*\*([^*]+)\*\*$/.exec(cell.text.trim());
      if (c === 0 && bold) {
        const start = cell.start + cell.text.indexOf('**');
        const rest: TextRun[] = [];
        let visible = '';
        for (const other of cells.slice(1)) {
          const tmp: RawSection = { contentStart: 0, contentEnd: 0, comments: [], prose: [], visible: '', labels: [], templates: [] };
          if (!addInline(other.text, other.start, tmp)) return undefined;
          rest.push(...tmp.prose);
          visible += tmp.visible;
        }
        into.labels.push({ title: group(bold, 1).trim().replace(/:$/, ''), start, end: start + bold[0].length, style: 'table-label', contentEnd: line.start + line.text.length, prose: rest, visible });
      }
      if (!addInline(cell.text, cell.start, into)) return undefined;
    }
  }
  // GFM runs a table on over a following line without a "|" (a row of one cell) unless that line opens a
  // block of its own: remark's to read.
  if (lines[j]?.text.trim()) return undefined;
  return j - 1;
}

function cellsOf(line: Line): Line[] {
  const cells: Line[] = [];
  let text = line.text;
  let start = line.start;
  const lead = text.length - text.trimStart().length;
  text = text.slice(lead);
  start += lead;
  if (text.startsWith('|')) {
    text = text.slice(1);
    start += 1;
  }
  const trimmed = text.replace(/\|\s*$/, '');
  let cellStart = 0;
  for (let k = 0; k <= trimmed.length; k++) {
    if (k === trimmed.length || trimmed[k] === '|') {
      cells.push({ text: trimmed.slice(cellStart, k), start: start + cellStart });
      cellStart = k + 1;
    }
  }
  return cells;
}
