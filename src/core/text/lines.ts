// Offset ↔ line/column conversion over one text, with CRLF counted as one line break.
import type { Position, Range } from '../model';
import { itemAt } from './indexing';

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[];
  /** The line of the last position asked for, where the next search starts (see lineOf). */
  private lastLine = 0;

  constructor(readonly text: string, starts?: number[]) {
    this.starts = starts ?? lineStartsIn(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, which is this index's text with [start, oldEnd) replaced by [start, newEnd):
   * the lines before the edit are kept, those after it moved, and only the edited lines are scanned.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    // A CR right before the edit may become half of a CRLF, and one at its end may stop being one: the
    // characters from one before the edit to one after it are scanned again.
    const from = Math.max(0, start - 1);
    const to = Math.min(text.length, newEnd + 1);
    const before = this.starts.slice(0, this.firstAfter(from));
    const after = this.starts.slice(this.firstAfter(oldEnd + 1)).map((s) => s + delta);
    return new LineIndex(text, before.concat(lineStartsIn(text, from, to), after));
  }

  /**
   * As edited(), but made from this index's own list of line starts, changed in place: no copy of a long
   * document's lines per edit. This index is not to be used afterwards.
   */
  editedInPlace(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const from = Math.max(0, start - 1);
    const to = Math.min(text.length, newEnd + 1);
    const first = this.firstAfter(from);
    const after = this.firstAfter(oldEnd + 1);
    const starts = this.starts;
    if (delta) for (let i = after; i < starts.length; i++) starts[i] = this.startOf(i) + delta;
    const fresh = lineStartsIn(text, from, to);
    if (fresh.length === after - first) for (let i = 0; i < fresh.length; i++) starts[first + i] = itemAt(fresh, i);
    else starts.splice(first, after - first, ...fresh);
    return new LineIndex(text, starts);
  }

  /** Index of the first line start greater than `offset`. */
  private firstAfter(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.startOf(mid) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The offset at which a 0-based line starts; every caller bounds `index` to 0..lineCount - 1 (never empty: line 0 starts at 0). */
  private startOf(index: number): number {
    return itemAt(this.starts, index);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.startOf(line) + 1, offset: clamped };
  }

  /**
   * The 0-based line holding `offset` (within the text). Callers mostly ask about places a few lines apart
   * (a section's heading, content and end, then the next section's): the search gallops out from the line
   * found last to bracket the answer, then halves, rather than halving over every line of a long document.
   */
  private lineOf(offset: number): number {
    const last = this.starts.length - 1;
    const from = Math.min(this.lastLine, last);
    // The answer lies in [lo, hi], and startOf(lo) <= offset.
    let lo: number;
    let hi: number;
    let step = 1;
    if (this.startOf(from) <= offset) {
      lo = from;
      let probe = from + 1;
      while (probe <= last && this.startOf(probe) <= offset) {
        lo = probe;
        step *= 2;
        probe = lo + step;
      }
      hi = Math.min(probe - 1, last);
    } else {
      hi = from - 1;
      let probe = hi;
      // Line 0 starts at 0, at or before any offset.
      while (probe > 0 && this.startOf(probe) > offset) {
        hi = probe - 1;
        probe = Math.max(0, probe - step);
        step *= 2;
      }
      lo = probe;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startOf(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.startOf(Math.max(0, Math.min(line - 1, this.starts.length - 1)));
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line] ?? this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && end > this.lineStart(line)) end--;
    return Math.max(end, this.lineStart(line));
  }
}

/** Below this many characters, a look for CRs in the whole text could cost more than the scan it saves. */
const LONG_SCAN = 4096;

/** Offsets in (from, to] at which a line starts: after an LF, a CRLF or a lone CR that lies in [from, to). */
function lineStartsIn(text: string, from: number, to: number, starts: number[] = []): number[] {
  // Most texts have no CR: then indexOf jumps from LF to LF, several times faster than a loop over every
  // character (a whole 1 MB spec's lines in about 0.4 ms rather than 2.5 ms). Only [from, to) is searched
  // for a CR: an edit re-indexes a small part of a long text.
  if (to - from >= LONG_SCAN && !text.slice(from, to).includes('\r')) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

const indexes = new WeakMap<object, LineIndex>();

/** The line index of a parsed document, built once: rules that build fixes need it for every finding. */
export function linesOf(doc: { text: string }): LineIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = new LineIndex(doc.text)));
  return index;
}

/** Gives a document the index its reader already has (an incremental re-read keeps one up to date). */
export function rememberLines(doc: { text: string }, lines: LineIndex): void {
  if (lines.text === doc.text) indexes.set(doc, lines);
}
