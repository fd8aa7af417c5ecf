// Lints one file (and with --fix, fixes it): the unit of work, the same in the main thread and in a worker.
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lint, type Config, type Finding, type LintResult } from '../core';
import type { AppliedFix, FileResult, FixOutcome, Message } from './report';

export interface FileTask {
  index: number;
  /** Absolute path; also what the engine sees (format, type by file name, overrides). Empty for unnamed standard input. */
  abs: string;
  filePath: string;
  configIndex: number;
  fix: boolean;
  /** The text, when it does not come from the file (standard input). */
  text?: string;
}

export const MAX_FIX_PASSES = 10;

export function processFile(task: FileTask, config: Config): FileResult {
  const base = { index: task.index, filePath: task.filePath };
  let text: string;
  if (task.text !== undefined) text = task.text;
  else {
    try {
      text = readFileSync(task.abs, 'utf8');
    } catch (e) {
      return { ...base, messages: [], configProblems: [], error: `${task.filePath}: cannot read file (${errorCode(e)})` };
    }
  }
  const path = task.abs ? task.abs.replace(/\\/g, '/') : undefined;
  const lintText = (t: string) => lint(t, path ? { path, config } : { config });
  let result = lintText(text);
  let fix: FixOutcome | undefined;
  let error: string | undefined;
  if (task.fix) {
    const fixed = fixText(text, result, lintText);
    fix = fixed.outcome;
    if (fixed.text !== text) {
      try {
        writeAtomically(task.abs, fixed.text);
        fix.written = true;
        result = fixed.result;
      } catch (e) {
        error = `${task.filePath}: cannot write the fixed file (${errorCode(e)})`;
      }
    }
  }
  const out: FileResult = { ...base, messages: result.findings.map(toMessage), configProblems: result.configProblems };
  if (fix) out.fix = fix;
  if (error) out.error = error;
  return out;
}

function toMessage(f: Finding): Message {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    guidelines: f.guidelines,
    fixable: f.fixes.some((x) => x.safe),
  };
}

function fatalProblem(result: LintResult): string | undefined {
  return result.document.problems.find((p) => p.fatal)?.message;
}

/**
 * Applies safe fixes that do not overlap, re-lints, and repeats until nothing changes (at most
 * MAX_FIX_PASSES passes). A document with fatal problems is never touched, nor one whose config has
 * problems; a pass that would make the document unreadable is dropped and fixing stops.
 */
export function fixText(text: string, first: LintResult, lintText: (t: string) => LintResult): { text: string; result: LintResult; outcome: FixOutcome } {
  const outcome: FixOutcome = { applied: [], passes: 0, written: false };
  const fatal = fatalProblem(first);
  if (fatal) return { text, result: first, outcome: { ...outcome, refused: `it could not be read as a spec (${fatal})` } };
  if (first.configProblems.length) return { text, result: first, outcome: { ...outcome, refused: 'its config has problems' } };
  let result = first;
  while (outcome.passes < MAX_FIX_PASSES) {
    const chosen = chooseFixes(result.findings);
    if (!chosen.length) break;
    const next = applyEdits(text, chosen.flatMap((c) => c.edits));
    if (next === text) break;
    const nextResult = lintText(next);
    if (fatalProblem(nextResult)) {
      outcome.refused = 'a fix would have made it unreadable; fixes from that pass were not applied';
      break;
    }
    outcome.passes++;
    outcome.applied.push(...chosen.map((c) => c.applied));
    text = next;
    result = nextResult;
  }
  return { text, result, outcome };
}

interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** The first safe fix of each finding, in document order, skipping any that touches an edit already taken. */
function chooseFixes(findings: readonly Finding[]): { edits: Edit[]; applied: AppliedFix }[] {
  const taken: Edit[] = [];
  const chosen: { edits: Edit[]; applied: AppliedFix }[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe && x.edits.length);
    if (!fix) continue;
    // Touching edits count as overlapping: their order would be ambiguous. The next pass takes them.
    if (fix.edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end))) continue;
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => i !== j && e.start <= o.end && o.start <= e.end))) continue;
    taken.push(...fix.edits);
    chosen.push({ edits: fix.edits, applied: { ruleId: f.ruleId, title: fix.title, line: f.range.start.line, column: f.range.start.column } });
  }
  return chosen;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Writes through a temporary file in the same folder and renames it over the original, keeping its mode. */
export function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.specroles-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx', mode });
    chmodSync(temp, mode & 0o7777);
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw e;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
