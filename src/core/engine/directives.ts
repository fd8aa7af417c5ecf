// Applies `specroles-disable…` directives to findings: drops the findings each one covers, and reports
// directives that name unknown rules, lack a required reason, or suppress nothing.
import type { Directive, Finding, ParsedDocument, Range, Section } from '../model';
import { firstAt, itemAt } from '../text/indexing';

/** Findings that no directive may hide: a broken spec, or a broken directive. */
const UNSUPPRESSIBLE = new Set(['invalid-spec', 'invalid-directive']);

export interface DirectiveProblem {
  range: Range;
  message: string;
}

export function applyDirectives(
  doc: ParsedDocument,
  findings: Finding[],
  knownRules: ReadonlySet<string>,
  requireReason: boolean,
): { kept: Finding[]; problems: DirectiveProblem[] } {
  const problems: DirectiveProblem[] = [];
  let all: Section[] | undefined;
  const inDocumentOrder = () => (all ??= inOrder(doc.sections));
  const scopes = doc.directives
    .filter((d) => d.kind !== 'enable')
    .map((d) => ({ directive: d, scope: scopeOf(d, doc, inDocumentOrder), used: false }));

  for (const { directive } of scopes) {
    for (const rule of directive.rules) {
      if (!knownRules.has(rule.id)) problems.push({ range: rule.range, message: `Unknown rule "${rule.id}" in a specroles-${directive.kind} directive.` });
    }
    if (requireReason && !directive.reason) {
      problems.push({ range: directive.range, message: `This specroles-${directive.kind} directive gives no reason; add one after "--", e.g. "-- pricing is decided by the board".` });
    }
  }

  const kept = findings.filter((finding) => {
    if (UNSUPPRESSIBLE.has(finding.ruleId)) return true;
    let suppressed = false;
    for (const entry of scopes) {
      const { directive, scope } = entry;
      const named = !directive.rules.length || directive.rules.some((r) => r.id === finding.ruleId);
      if (named && finding.range.start.offset >= scope[0] && finding.range.start.offset < scope[1]) {
        entry.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  });

  for (const { directive, used } of scopes) {
    if (!used && directive.rules.every((r) => knownRules.has(r.id))) {
      problems.push({ range: directive.range, message: `This specroles-${directive.kind} directive suppresses nothing; remove it.` });
    }
  }
  return { kept, problems };
}

/** The offsets [start, end) a directive covers. */
function scopeOf(directive: Directive, doc: ParsedDocument, inDocumentOrder: () => readonly Section[]): [number, number] {
  const end = doc.text.length + 1;
  const after = directive.range.end.offset;
  switch (directive.kind) {
    case 'disable-file':
      return [0, end];
    case 'disable-next-section': {
      // Markdown sections stand in document order; a YAML section's keys may come in any order.
      const next = doc.format === 'markdown' ? nextSection(doc.sections, after) : inDocumentOrder().find((s) => s.headingRange.start.offset >= after);
      return next ? [next.headingRange.start.offset, next.fullRange.end.offset + 1] : [after, after];
    }
    default: {
      const names = new Set(directive.rules.map((r) => r.id));
      const enable = doc.directives.find(
        (d) => d.kind === 'enable' && d.range.start.offset >= after && (!d.rules.length || !names.size || d.rules.some((r) => names.has(r.id))),
      );
      return [after, enable ? enable.range.start.offset : end];
    }
  }
}

/** Every section, subsections after their parent: in document order. */
function inOrder(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const stack = [...sections].reverse();
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(itemAt(s.children, i));
  }
  return out;
}

/**
 * The first section, in Markdown's document order (subsections after their parent), whose heading starts at `offset`
 * or later. Siblings are in order, and a section's subsections lie between it and its next sibling: the
 * first such sibling is the answer unless one of the previous sibling's subsections is.
 */
function nextSection(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (let list = sections; ; ) {
    const lo = firstAt(list, offset, (s) => s.headingRange.start.offset);
    if (lo < list.length) found = itemAt(list, lo);
    if (lo === 0) return found;
    list = itemAt(list, lo - 1).children;
  }
}
