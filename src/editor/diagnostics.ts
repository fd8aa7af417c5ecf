// Findings and config problems as the protocol's diagnostics: source "specroles", the rule id as code with
// its documentation page, a notice instead of findings for a file over maxFileSize.
import { suppressible, SUPPRESSIONS_FILE, type Finding, type LocatedConfigProblem, type Severity } from '../core';
import { WEB_DOC_LINKS, type DocLinks } from './doc-links';
import type { Linted } from './linting';
import { toRange } from './positions';
import type { Diagnostic } from './types';

export const SOURCE = 'specroles';

/** The protocol's DiagnosticSeverity values. */
const SEVERITY: Record<Severity, 1 | 2 | 3> = { error: 1, warning: 2, info: 3 };
// 4 is the protocol's Hint: what suppressed findings become.

/**
 * The finding as a diagnostic of the document at `uri`; its evidence (each cue word of a drift) as related
 * information; its rule id links to the rule's page (the web page, or the client's bundled one).
 */
export function findingDiagnostic(f: Finding, uri: string, links: DocLinks = WEB_DOC_LINKS): Diagnostic {
  const d: Diagnostic = { range: toRange(f.range), severity: SEVERITY[f.severity], source: SOURCE, code: f.ruleId, codeDescription: { href: links.rule(f.ruleId) }, message: f.message };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(r.range) }, message: r.message }));
  return d;
}

/** The findings the user is shown: those specroles-suppressions.json does not suppress (as the CLI reports them). */
export function shownFindings(linted: Linted): Finding[] {
  const suppressed = linted.suppressed;
  if (!suppressed?.rules.size) return linted.result.findings;
  return linted.result.findings.filter((f) => !suppressible(f) || !suppressed.rules.has(f.ruleId));
}

export function diagnosticsOf(linted: Linted, links: DocLinks = WEB_DOC_LINKS): Diagnostic[] {
  const { skipped, findings } = linted.result;
  if (skipped) {
    // A file over maxFileSize: one notice on the first line rather than silence.
    const zero = { line: 0, character: 0 };
    return [{ range: { start: zero, end: zero }, severity: 3, source: SOURCE, code: 'maxFileSize', message: skipped.charAt(0).toUpperCase() + skipped.slice(1) }];
  }
  const suppressed = linted.suppressed;
  const diagnostic = (f: Finding) => findingDiagnostic(f, linted.uri, links);
  if (!suppressed?.rules.size) return findings.map(diagnostic);
  // Suppressed in specroles-suppressions.json (the CLI does not report them): a hint, or nothing.
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (!suppressible(f) || !suppressed.rules.has(f.ruleId)) out.push(diagnostic(f));
    else if (suppressed.as === 'hint') out.push({ ...diagnostic(f), severity: 4, message: `${f.message} (suppressed in ${SUPPRESSIONS_FILE})` });
  }
  return out;
}

/** What `data` carries on a config problem's diagnostic: the value meant, for the "did you mean" fix. */
export interface ConfigDiagnosticData {
  suggestion: string;
}

export function configDiagnostic(p: LocatedConfigProblem): Diagnostic {
  const zero = { line: 0, character: 0 };
  const d: Diagnostic = { range: p.range ? toRange(p.range) : { start: zero, end: zero }, severity: 1, source: SOURCE, message: p.message };
  if (p.suggestion) d.data = { suggestion: p.suggestion } satisfies ConfigDiagnosticData;
  return d;
}
