// What one linted file comes back as, in the main thread or from a worker: plain data, cheap to pass
// between threads, and all the formatters need.
import type { ConfigProblem, DocumentSummary, Severity } from '../core';

export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  guidelines: string[];
  /** A safe fix exists (`--fix` would apply it). */
  fixable: boolean;
  /** The heading of the section the finding is about, where there is one (GitLab's fingerprints use it). */
  section?: string;
}

export type { DocumentSummary, OwedSection, SectionSummary } from '../core';

export interface AppliedFix {
  ruleId: string;
  title: string;
  line: number;
  column: number;
}

export interface FixOutcome {
  applied: AppliedFix[];
  passes: number;
  written: boolean;
  /** Why the file was left alone, when it was. */
  refused?: string;
}

export interface FileResult {
  /** Position in the run, for deterministic output whatever thread linted it. */
  index: number;
  filePath: string;
  messages: Message[];
  /** The engine's `configProblems` for this file's config. */
  configProblems: ConfigProblem[];
  fix?: FixOutcome;
  /** --stdin --fix: the text with the safe fixes applied (the same text when none applied). */
  fixedText?: string;
  /** The file could not be read or written. */
  error?: string;
  /** The file was not linted (over maxFileSize): the notice for standard error. */
  skipped?: string;
  /** What the analysis found, when the format asks for it (see SectionSummary). */
  document?: DocumentSummary;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function count(results: readonly { messages: readonly Message[] }[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const r of results) {
    for (const m of r.messages) {
      if (m.severity === 'error') c.errors++;
      else if (m.severity === 'warning') c.warnings++;
      else c.infos++;
      if (m.fixable) c.fixable++;
    }
  }
  return c;
}
