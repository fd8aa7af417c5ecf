// What a rule is: metadata (id, docs, default severity, the guidelines it cites, options) plus a check
// that reports findings through a context. Rules never see configs, directives or severities: the
// engine applies those, so a rule is only the judgement itself.
import type { z } from 'zod';
import type { Analysis, AnalysedSection } from '../classify/analyse';
import type { Fix, ParsedDocument, Range, Severity } from '../model';

export interface RuleMeta<Options = Record<string, never>> {
  id: string;
  /** One line, shown in `specroles explain` and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** Guidelines every finding of this rule cites (a finding may add more). */
  guidelines: string[];
  /** Whether the rule offers fixes, and whether any of them are safe for `--fix`. */
  fixable: 'safe' | 'suggestion' | false;
  options?: z.ZodType<Options>;
  defaultOptions?: Options;
}

export interface Report {
  range: Range;
  message: string;
  section?: AnalysedSection;
  guidelines?: string[];
  fixes?: Fix[];
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
  analysis: Analysis;
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

/** Lets each rule module keep its own options type while the registry holds them together. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
