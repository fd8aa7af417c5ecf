// What a rule is: metadata (id, docs, default severity, the guidelines it cites, options) plus a check
// that reports findings through a context. Rules never see configs, directives or severities: the
// engine applies those, so a rule is only the judgement itself.
import type { z } from 'zod';
import type { Analysis, AnalysedSection } from '../classify/analyse';
import type { Fix, ParsedDocument, Range, RelatedLocation, Severity } from '../model';

export interface RuleMeta<Options = Record<string, never>> {
  id: string;
  /** One line, shown in `specroles explain` and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** Guidelines every finding of this rule cites (a finding may add more). */
  guidelines: string[];
  /** Whether the rule offers fixes, and whether any of them are safe for `--fix`. */
  fixable: 'safe' | 'suggestion' | false;
  /** The schema of the options a config may give the rule, built on first call (lazyOptions). */
  options?: () => z.ZodType<Options>;
  defaultOptions?: Options;
  /**
   * `section`: what the rule reports on a section depends on nothing but the section's top-level part
   * (the top-level section and everything under it: its sections' readings and text) and the document's
   * context (its owner, type, reviewers, front matter, path, options), and every finding lies inside that
   * part, its positions only in `range` and fix edits (or lines in its text: linesInMessages); findings before the first part (front matter) it
   * makes on every run. An incremental re-lint then runs it only over the parts read again and keeps the
   * others' findings. Unset: the rule runs over the whole document every time.
   */
  scope?: 'section';
  /**
   * For a section-scoped rule: what else of the whole document its findings depend on (an aggregate such as
   * "most sections are placeholders"), compared with ===; when it changes, the rule runs over the whole
   * document. The check must compute it from `doc` or `wholeAnalysis`, not from `analysis.sections` (which
   * an incremental re-lint limits to the parts read again).
   */
  /** For a section-scoped rule whose messages or data name lines: a part's findings are kept only while it stays on its lines. */
  linesInMessages?: boolean;
  documentContext?: (doc: ParsedDocument, wholeAnalysis: Analysis, options: Options) => unknown;
}

export interface Report {
  range: Range;
  message: string;
  section?: AnalysedSection;
  guidelines?: string[];
  fixes?: Fix[];
  /** Each place that is evidence for the finding (see Finding.related). */
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
  /**
   * The evidence is too weak for a warning (a document type guessed from a word in the file name, text
   * that reads as a role the document already involves): reported as info whatever severity is set, so a
   * false warning never fails a build. `off` still turns it off.
   */
  weak?: boolean;
}

export interface RuleContext<Options> {
  doc: ParsedDocument;
  /** The sections to check: all of them, or in an incremental re-lint those of the parts read again (scope). */
  analysis: Analysis;
  /** The whole document's analysis, for what a section-scoped rule compares across parts (see documentContext). */
  wholeAnalysis: Analysis;
  options: Options;
  /** The file's path, when there is one. */
  path?: string;
  requireDisableReason: boolean;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/**
 * A rule's options schema, built the first time a config gives the rule options: building it when the
 * rule's module loads would load zod at every start (schema/zod.ts).
 */
export function lazyOptions<Schema extends z.ZodType>(build: () => Schema): () => Schema {
  let schema: Schema | undefined;
  return () => (schema ??= build());
}

/** Lets each rule module keep its own options type while the registry holds them together. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
