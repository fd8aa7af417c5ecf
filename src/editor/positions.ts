// The engine's ranges (1-based lines and columns in UTF-16 units, and offsets) as the protocol's (0-based
// lines and characters), and offsets of a text as protocol positions (for edits).
import { LineIndex, type Range as CoreRange } from '../core';
import type { Position, Range } from './types';

export function toRange(r: CoreRange): Range {
  return { start: { line: r.start.line - 1, character: r.start.column - 1 }, end: { line: r.end.line - 1, character: r.end.column - 1 } };
}

export function atOffset(lines: LineIndex, offset: number): Position {
  const p = lines.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function offsetAt(lines: LineIndex, position: Position): number {
  const start = lines.lineStart(position.line + 1);
  return Math.min(start + position.character, lines.lineEnd(position.line + 1));
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether `position` is inside `range`, ends included (as an editor's hover counts them). */
export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

/** Whether two ranges share a position, or `inner`'s start is inside `outer`. */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

const indexes = new WeakMap<object, { text: string; lines: LineIndex }>();

/** The line index of a text, kept per owner object while its text is the same. */
export function linesFor(owner: object, text: string): LineIndex {
  const hit = indexes.get(owner);
  if (hit && hit.text === text) return hit.lines;
  const lines = new LineIndex(text);
  indexes.set(owner, { text, lines });
  return lines;
}
