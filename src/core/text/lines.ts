// Offset ↔ line/column conversion over one text, with CRLF counted as one line break.
import type { Position, Range } from '../model';
import { itemAt } from './indexing';

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The offset at which a 0-based line starts; every caller clamps `index` to 0..lineCount - 1 (never empty: line 0 starts at 0). */
  private startOf(index: number): number {
    return itemAt(this.starts, index);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startOf(mid) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.startOf(lo) + 1, offset: clamped };
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
