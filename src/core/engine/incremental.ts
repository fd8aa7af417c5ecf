// Re-linting after an edit, as an editor or a language server receives it: the previous result and the
// changes since (LSP's TextDocumentContentChangeEvent). The Markdown document is re-read only around the
// edited range, everything after it moved; sections whose part of the document and whose context did
// not change keep their readings; the rules run again over the result. The findings are exactly those of
// lint() on the new text (the incremental test holds it to that on random edits).
import type { LintOptions, LintResult } from './lint';
import { consume, lintText, sameOptions, states } from './lint';
import { LineIndex } from '../text/lines';
import { sameEnds } from '../text/same-ends';
import type { OffsetEdit } from '../parse/markdown-model';

/** A position as LSP counts: 0-based line, and UTF-16 code units into it. */
export interface TextPosition {
  line: number;
  character: number;
}

/**
 * One change to a text, in LSP's shape (`TextDocumentContentChangeEvent`): `range` replaced by `text`, or,
 * without a range, the whole text replaced (then only the span where the new text differs is read again).
 * VS Code's change events also carry `rangeOffset` and `rangeLength`, which are used instead of the range
 * where given.
 */
export interface TextChange {
  range?: { start: TextPosition; end: TextPosition };
  rangeOffset?: number;
  rangeLength?: number;
  text: string;
}

/**
 * The result of linting the text `previous` was made from with `changes` applied in order, as lint()
 * gives it. `previous` is taken over: its document and analysis are reused and updated in place, so read
 * nothing from it afterwards (keep the returned result instead). A `previous` not made by this engine, or
 * already taken over, is linted anew from its text.
 */
export function lintIncremental(previous: LintResult, changes: readonly TextChange[], options: LintOptions = {}): LintResult {
  const state = states.get(previous);
  const before = state && !state.consumed ? state.input : previous.document.text;
  if (!changes.length && state && !state.consumed && sameOptions(state.options, options)) return previous;
  // The edited document is kept where the text had no byte-order mark (the model reads the text without it).
  if (!state || state.consumed || before.charCodeAt(0) === 0xfeff) return lintText(applyChanges(before, changes, new LineIndex(before)).text, options);
  const model = state.model;
  const { text, edit } = applyChanges(before, changes, model && model.text === before ? model.lines : new LineIndex(before));
  consume(previous);
  return lintText(text, options, { state, analysis: previous.analysis, edit });
}

/** The text after the changes, and the changes as one edit: the text before the first changed offset and after the last is unchanged. */
function applyChanges(before: string, changes: readonly TextChange[], lines: LineIndex): { text: string; edit: OffsetEdit } {
  if (!changes.length) return { text: before, edit: { start: before.length, oldEnd: before.length, newEnd: before.length } };
  let text = before;
  let head = text.length;
  let tail = text.length;
  for (const change of changes) {
    let start: number;
    let end: number;
    let next: string;
    if (isWholeText(change)) {
      // The whole new text (full sync, or a client's chained changes as one): only where it differs counts.
      const same = sameEnds(text, change.text);
      [start, end, next] = [same.prefix, text.length - same.suffix, change.text];
    } else {
      [start, end] = offsetsOf(change, lines, text);
      next = text.slice(0, start) + change.text + text.slice(end);
    }
    head = Math.min(head, start);
    tail = Math.min(tail, text.length - end);
    if (changes.length > 1) lines = lines.edited(next, start, end, next.length - (text.length - end));
    text = next;
  }
  return { text, edit: { start: head, oldEnd: before.length - tail, newEnd: text.length - tail } };
}

function isWholeText(change: TextChange): boolean {
  return !change.range && (change.rangeOffset === undefined || change.rangeLength === undefined);
}

/** [start, end) of a change in `text`; positions past a line's end or the text's end are clamped, as LSP says. */
function offsetsOf(change: TextChange, lines: LineIndex, text: string): [number, number] {
  if (change.rangeOffset !== undefined && change.rangeLength !== undefined) {
    const start = clamp(change.rangeOffset, 0, text.length);
    return [start, clamp(change.rangeOffset + change.rangeLength, start, text.length)];
  }
  if (!change.range) return [0, text.length]; // a whole text: applyChanges narrows it before asking
  const start = offsetOf(change.range.start, lines, text);
  return [start, Math.max(start, offsetOf(change.range.end, lines, text))];
}

function offsetOf(p: TextPosition, lines: LineIndex, text: string): number {
  if (p.line >= lines.lineCount) return text.length;
  const line = Math.max(0, p.line) + 1;
  return clamp(lines.lineStart(line) + Math.max(0, p.character), lines.lineStart(line), lines.lineEnd(line));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
