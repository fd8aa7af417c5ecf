// Invariants every lint result must satisfy, whatever the input: used by the fuzz properties, the
// hostile-input catalogue and the corpus runs. Written independently of the engine's own LineIndex, so a
// bug there cannot hide itself.
import assert from 'node:assert/strict';
import { applyFixes, lint, type Finding, type Fix, type LintOptions, type LintResult, type Position, type Range } from '../../src/core';
import { INTERNAL_ERROR } from '../../src/core/engine/lint';
import { nth } from './nth';

/** Where each line starts, with CRLF, LF and a lone CR each ending a line (as editors count). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The line and column an offset into `input` has, the byte-order mark counting in offsets but not columns. */
export function expectedPosition(input: string, offset: number, starts = lineStarts(stripBom(input))): { line: number; column: number } {
  const bom = hasBom(input) ? 1 : 0;
  const inText = offset - bom;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nth(starts, mid) <= inText) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: inText - nth(starts, lo) + 1 };
}

export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

function stripBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
}

function checkPosition(input: string, p: Position, what: string, starts: number[]): void {
  const bom = hasBom(input) ? 1 : 0;
  assert.ok(Number.isInteger(p.offset) && p.offset >= bom && p.offset <= input.length, `${what}: offset ${p.offset} outside [${bom}, ${input.length}]`);
  const want = expectedPosition(input, p.offset, starts);
  assert.deepEqual({ line: p.line, column: p.column }, want, `${what}: offset ${p.offset} is at ${want.line}:${want.column}, the finding says ${p.line}:${p.column}`);
}

export function checkRange(input: string, r: Range, what: string, starts = lineStarts(stripBom(input))): void {
  checkPosition(input, r.start, `${what} start`, starts);
  checkPosition(input, r.end, `${what} end`, starts);
  assert.ok(r.start.offset <= r.end.offset, `${what}: starts after it ends (${r.start.offset} > ${r.end.offset})`);
}

/** Every range and edit inside the text, offsets and line/column in agreement, no internal error. */
export function checkResult(input: string, result: LintResult, label = ''): void {
  const starts = lineStarts(stripBom(input));
  const bom = hasBom(input) ? 1 : 0;
  for (const f of result.findings) {
    const what = `${label}${f.ruleId} "${f.message.slice(0, 80)}"`;
    assert.ok(!f.message.startsWith(INTERNAL_ERROR), `${label}internal error: ${f.message}`);
    checkRange(input, f.range, what, starts);
    assert.ok(f.message.length > 0, `${what}: empty message`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= bom && e.start <= e.end && e.end <= input.length, `${what}: fix "${fix.title}" edit [${e.start}, ${e.end}) outside the text`);
      }
    }
  }
  for (const p of result.document.problems) assert.ok(!p.message.startsWith(INTERNAL_ERROR), `${label}internal error: ${p.message}`);
}

/** lint, and the invariants above. */
export function lintChecked(input: string, options: LintOptions = {}, label = ''): LintResult {
  const result = lint(input, options);
  checkResult(input, result, label);
  return result;
}

/** A finding without what varies between equivalent runs of nothing: used for deep-equal comparisons. */
export function comparable(findings: readonly Finding[]): unknown {
  return JSON.parse(JSON.stringify(findings));
}

/** A string with the same contents that shares no memory with `text` (so no cache can key on identity). */
export function freshCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

export function safeFixes(result: LintResult): Fix[] {
  return result.findings.flatMap((f) => f.fixes.filter((x) => x.safe));
}

const key = (f: Finding): string => `${f.ruleId}\u0000${f.section ?? ''}`;

function countByKey(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

/** invalid-spec messages without what an insertion elsewhere shifts: positions and list indexes. */
const invalidSpecMessages = (r: LintResult): string[] =>
  r.findings.filter((f) => f.ruleId === 'invalid-spec').map((f) => f.message.replace(/line \d+, column \d+/g, '').replace(/\[\d+\]/g, '[]'));

/**
 * The fix contract: the safe fixes of one pass never overlap; applied, the fixed findings (same rule,
 * same section) are gone, no new invalid-spec appears, and repeated passes converge within 3.
 */
export function checkSafeFixes(input: string, options: LintOptions, first: LintResult = lint(input, options), label = ''): { passes: number; text: string } {
  let text = input;
  let result = first;
  for (let pass = 1; pass <= 3; pass++) {
    const fixes = safeFixes(result);
    if (!fixes.length) return { passes: pass - 1, text };
    const fixedFindings = result.findings.filter((f) => f.fixes.some((x) => x.safe));
    const applied = applyFixes(text, fixes);
    assert.deepEqual(applied.skipped.map((s) => `${s.reason}: ${s.fix.title}`), [], `${label}pass ${pass}: safe fixes of one lint pass overlap`);
    const next = lintChecked(applied.text, options, `${label}after fix pass ${pass}: `);
    // The fixed findings are gone: for each rule and section, fewer findings than before by the number fixed.
    const before = countByKey(result.findings);
    const after = countByKey(next.findings);
    const fixed = countByKey(fixedFindings);
    for (const [k, n] of fixed) {
      assert.ok((after.get(k) ?? 0) <= (before.get(k) ?? 0) - n, `${label}pass ${pass}: "${k.replace('\u0000', '" in section "')}" is still reported after its safe fix`);
    }
    const oldInvalid = new Set(invalidSpecMessages(result));
    const newInvalid = invalidSpecMessages(next).filter((m) => !oldInvalid.has(m));
    assert.deepEqual(newInvalid, [], `${label}pass ${pass}: a safe fix broke the document`);
    text = applied.text;
    result = next;
  }
  assert.deepEqual(safeFixes(result).map((f) => f.title), [], `${label}safe fixes did not converge within 3 passes`);
  return { passes: 3, text };
}


/** Each offered fix on its own: applies cleanly, and the result lints without a new invalid-spec. */
export function checkEachFix(input: string, options: LintOptions, result: LintResult, label = ''): number {
  const oldInvalid = new Set(invalidSpecMessages(result));
  let checked = 0;
  for (const f of result.findings) {
    for (const fix of f.fixes) {
      const applied = applyFixes(input, [fix]);
      assert.deepEqual(applied.skipped.map((s) => s.reason), [], `${label}fix "${fix.title}" of ${f.ruleId} does not apply on its own`);
      const next = lintChecked(applied.text, options, `${label}after "${fix.title}": `);
      const broken = invalidSpecMessages(next).filter((m) => !oldInvalid.has(m));
      assert.deepEqual(broken, [], `${label}fix "${fix.title}" of ${f.ruleId} at ${f.range.start.line}:${f.range.start.column} breaks the document`);
      checked++;
    }
  }
  return checked;
}
