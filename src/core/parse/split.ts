// A cheap line scan that cuts a Markdown body into chunks, each starting at a heading. Each chunk is then
// parsed on its own, which keeps remark's cost linear in practice and lets unchanged chunks be reused
// after an edit. The scan only needs to be right about where headings can start: it skips code fences
// and HTML comments (guidance comments often hold example headings), and a chunk whose text turns out
// not to start with a heading is merged back by the section builder, so a wrong cut costs nothing.

export interface Chunk {
  start: number;
  end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+>|]|\d{1,9}[.)]|#|<|$)|^\s*$| {4}/;

export function splitAtHeadings(original: string, from = 0, to = original.length): Chunk[] {
  // A lone CR ends a line too (as for remark and LineIndex). Turning each into an LF keeps every offset,
  // so the cuts hold for the original; files without a CR (nearly all) skip this.
  const text = hasCr(original, from, to) ? withoutLoneCr(original) : original;
  const cuts: number[] = [from];
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let previous: { start: number; line: string } | undefined;

  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const next = lineEnd < to ? lineEnd + 1 : to;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');

    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
      } else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
        inComment = true;
      } else if (ATX.test(line)) {
        if (lineStart !== cuts[cuts.length - 1]) cuts.push(lineStart);
      } else if (previous && SETEXT_UNDERLINE.test(line) && !NOT_PARAGRAPH.test(previous.line) && !ATX.test(previous.line)) {
        if (previous.start !== cuts[cuts.length - 1]) cuts.push(previous.start);
      }
    }
    previous = fence || inComment ? undefined : { start: lineStart, line };
    lineStart = next;
  }

  return cuts.map((start, i) => ({ start, end: i + 1 < cuts.length ? cuts[i + 1]! : to }));
}

function hasCr(text: string, from: number, to: number): boolean {
  const cr = text.indexOf('\r', from);
  return cr >= 0 && cr < to;
}

/** The text with every lone CR (classic Mac line end) made an LF: same length, same offsets, CRLF kept. */
export function withoutLoneCr(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}
