// Fix-all: every safe fix, pass after pass, the same in the CLI's --fix and the editor's fix-all. Which
// fixes a pass takes is decided by selectFixes (apply-fixes.ts) alone, so the two front ends never disagree.
import type { Finding, Fix } from '../model';
import type { LintResult } from './lint';
import { applyFixes, selectFixes } from './apply-fixes';

/** Enough for fixes that make room for each other; a loop that never settles stops here. */
export const MAX_FIX_PASSES = 10;

export interface AppliedFinding {
  finding: Finding;
  fix: Fix;
}

export interface FixAllOutcome {
  text: string;
  /** The lint of `text`: the first result when nothing was applied. */
  result: LintResult;
  applied: AppliedFinding[];
  passes: number;
  /** Why the document was left alone, or why fixing stopped early. */
  refused?: string;
}

/** The first safe fix of each finding, in document order: what one pass of fix-all offers. */
export function safeFixes(findings: readonly Finding[]): AppliedFinding[] {
  const out: AppliedFinding[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((x) => x.safe && x.edits.length);
    if (fix) out.push({ finding, fix });
  }
  return out;
}

/** The safe fixes one pass takes: one per finding, none overlapping another (see selectFixes). */
export function passFixes(text: string, findings: readonly Finding[]): AppliedFinding[] {
  const offered = safeFixes(findings);
  const taken = new Set(selectFixes(text, offered.map((o) => o.fix)).applied);
  return offered.filter((o) => taken.has(o.fix));
}

/** One pass: passFixes applied to `text`. */
export function fixPass(text: string, findings: readonly Finding[]): { text: string; applied: AppliedFinding[] } {
  const applied = passFixes(text, findings);
  return { text: applyFixes(text, applied.map((a) => a.fix)).text, applied };
}

function fatalProblem(result: LintResult): string | undefined {
  return result.document.problems.find((p) => p.fatal)?.message;
}

/**
 * Applies safe fixes that do not overlap, re-lints, and repeats until nothing changes (at most
 * MAX_FIX_PASSES passes). A document with fatal problems is never touched, nor one whose config has
 * problems; a pass that would make the document unreadable is dropped and fixing stops.
 */
export function fixAll(text: string, first: LintResult, lintText: (t: string) => LintResult): FixAllOutcome {
  const outcome: FixAllOutcome = { text, result: first, applied: [], passes: 0 };
  const fatal = fatalProblem(first);
  if (fatal) return { ...outcome, refused: `it could not be read as a spec (${fatal})` };
  if (first.configProblems.length) return { ...outcome, refused: 'its config has problems' };
  while (outcome.passes < MAX_FIX_PASSES) {
    const pass = fixPass(outcome.text, outcome.result.findings);
    if (!pass.applied.length || pass.text === outcome.text) break;
    const next = lintText(pass.text);
    if (fatalProblem(next)) {
      outcome.refused = 'a fix would have made it unreadable; fixes from that pass were not applied';
      break;
    }
    outcome.passes++;
    outcome.applied.push(...pass.applied);
    outcome.text = pass.text;
    outcome.result = next;
  }
  return outcome;
}
