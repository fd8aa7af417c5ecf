// What one linted file comes back as, in the main thread or from a worker: plain data, cheap to pass
// between threads, and all the formatters need.
import type { ConfigProblem, Severity } from '../core';

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

/**
 * One section as the analysis read it, for reports about ownership (`--format summary`). Collected only
 * when the chosen format asks for it (FormatterEntry.sections), so other formats pay nothing.
 */
export interface SectionSummary {
  title: string;
  line: number;
  depth: number;
  /** The section kind's id and name, where one fits. */
  kind?: { id: string; name: string };
  /** Owner roles the kind (or the part of the document it sits in) calls for, composite roles expanded. */
  expected: string[];
  /** The same, as "PM", "PMM", "PM + PMM". */
  expectedLabel: string;
  /** Nothing but placeholders, guidance comments or white space, and no subsections. */
  placeholderOnly: boolean;
}

/** A required section that is absent (a `missing-section` finding), with the roles that owe it. */
export interface OwedSection {
  line: number;
  /** What is required, e.g. "a when (timeline, milestones or release)". */
  requirement: string;
  /** Names of the kinds that would satisfy it. */
  kinds: string[];
  /** Owner roles of the first of those kinds. */
  roles: string[];
}

export interface DocumentSummary {
  /** The document type's id and name, where one is declared or evident from the file name. */
  type?: { id: string; name: string };
  /** The document's owner roles, and as "PM"/"PMM". */
  owner: string[];
  ownerLabel: string;
  sections: SectionSummary[];
  owes: OwedSection[];
}

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
