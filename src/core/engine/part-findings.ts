// The findings of section-scoped rules (RuleMeta.scope), kept per top-level part of a Markdown document
// between an incremental re-lint and the next. A part (a top-level section with everything under it)
// whose analysed sections the analysis kept (the same objects: same text, same document context) gives
// the same findings again, moved as the part moved; the rules run only over the parts read again.
import type { AnalysedSection, Analysis } from '../classify/analyse';
import type { Finding, Position, Range } from '../model';
import { itemAt } from '../text/indexing';
import { partsOfAnalysis, type PartRange } from '../classify/kept-parts';

/** A finding as it was made, with the position of its part's heading then. */
export interface Kept {
  finding: Finding;
  offset: number;
  line: number;
}

/** The findings one rule made in one part. */
export type KeptFindings = readonly Kept[];

/** What one lint leaves for the next: per rule, the findings of each part (by its root). */
export interface PartFindings {
  /** Everything besides a part's own sections that section-scoped rules read (see contextOf). */
  context: readonly unknown[];
  /** The roots of the parts of the result (see partsOf): a part of the next analysis with one of these was kept. */
  roots: ReadonlyMap<AnalysedSection, number>;
  /** Per section-scoped rule, its documentContext then and the findings of each part that has any. */
  byRule: Map<string, { context: unknown; parts: Map<AnalysedSection, KeptFindings> }>;
}

/** The document context of section-scoped rules: a change to any of these runs them again everywhere. */
export function contextOf(analysis: Analysis, format: string, path: string | undefined, settings: object): unknown[] {
  const { docOwner, docType } = analysis;
  return [settings, analysis.catalogue, format, path, docOwner.via, docOwner.roles.join(), analysis.reviewers.join(), docType?.type, docType?.via, analysis.markedAsSpec];
}

/** The top-level parts of an analysis, in document order: each root and where its sections lie. */
export interface Parts {
  roots: AnalysedSection[];
  ranges: readonly PartRange[];
  /** Each root's place in `roots`. */
  order: ReadonlyMap<AnalysedSection, number>;
}

export function partsOf(analysis: Analysis): Parts {
  // Sections come part by part (pass 1 visits depth first; kept parts are replaced whole).
  const ranges = partsOfAnalysis(analysis);
  const roots = ranges.map((r) => r.root);
  return { roots, ranges, order: new Map(roots.map((root, i) => [root, i])) };
}

/** The sections of the parts whose roots are not in `kept`, in document order. */
export function sectionsOutside(analysis: Analysis, parts: Parts, kept: ReadonlyMap<AnalysedSection, number>): AnalysedSection[] {
  const out: AnalysedSection[] = [];
  for (const { root, from, to } of parts.ranges) if (!kept.has(root)) for (let i = from; i < to; i++) out.push(itemAt(analysis.sections, i));
  return out;
}

/**
 * The root of the part whose range holds `offset` (from its heading to the end of its last subsection),
 * or `before` where the offset comes before the first part (front matter, the title), or undefined where
 * it lies between parts or after the last.
 */
export function partAt(roots: readonly AnalysedSection[], offset: number): AnalysedSection | 'before' | undefined {
  const first = roots[0];
  if (!first || offset < first.section.headingRange.start.offset) return 'before';
  let lo = 0;
  let hi = roots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (itemAt(roots, mid).section.headingRange.start.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const root = itemAt(roots, lo);
  return offset <= root.section.fullRange.end.offset ? root : undefined;
}

/** One rule's new findings in a part read again, as made and as kept for the next edit. */
export interface FreshFindings {
  made: Finding[];
  kept: Kept[];
}

/**
 * One section-scoped rule's findings part by part, in document order as a run over the whole document
 * reports them, and what is kept of them for the next edit: a kept part's previous findings (`kept`) where
 * its part now is, a part read again its new ones (`fresh`). Only parts with findings are visited: a long
 * spec has hundreds of parts, in few of which a rule finds anything, and every section-scoped rule comes here.
 */
export function partwise(parts: Parts, kept: ReadonlyMap<AnalysedSection, KeptFindings> | undefined, fresh: ReadonlyMap<AnalysedSection, FreshFindings>): { findings: Finding[]; byPart: Map<AnalysedSection, KeptFindings> } {
  const withFindings: AnalysedSection[] = [];
  // Kept parts' roots that are still parts (the others were read again).
  if (kept) for (const root of kept.keys()) if (parts.order.has(root)) withFindings.push(root);
  for (const root of fresh.keys()) if (!kept?.has(root)) withFindings.push(root);
  const place = (root: AnalysedSection) => parts.order.get(root) ?? -1; // every root here is a part's
  withFindings.sort((a, b) => place(a) - place(b));
  const findings: Finding[] = [];
  const byPart = new Map<AnalysedSection, KeptFindings>();
  for (const root of withFindings) {
    const previous = kept?.get(root);
    const now = fresh.get(root);
    if (previous) for (const k of previous) findings.push(reuse(k, root));
    else if (now) for (const f of now.made) findings.push(f);
    const list = previous ?? now?.kept;
    if (list) byPart.set(root, list);
  }
  return { findings, byPart };
}

/** A copy of `finding` that nothing else holds (its ranges may be a section's, which edits move in place). */
export function keep(finding: Finding, root: AnalysedSection): Kept {
  const at = root.section.headingRange.start;
  return { finding: moved(finding, 0, 0), offset: at.offset, line: at.line };
}

/**
 * The kept finding where its part's heading is now. Where the part has not moved (every part before an
 * edit, and every part after one that kept the text's length and lines), the kept copy itself: no one
 * changes a finding once made, and only moved() makes copies of it.
 */
export function reuse(kept: Kept, root: AnalysedSection): Finding {
  const at = root.section.headingRange.start;
  const by = at.offset - kept.offset;
  const lines = at.line - kept.line;
  return by || lines ? moved(kept.finding, by, lines) : kept.finding;
}

function moved(f: Finding, by: number, lines: number): Finding {
  const copy: Finding = { ...f, range: movedRange(f.range, by, lines), fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })) };
  if (f.related) copy.related = f.related.map((r) => ({ ...r, range: movedRange(r.range, by, lines) }));
  return copy;
}

function movedRange(r: Range, by: number, lines: number): Range {
  return { start: movedPosition(r.start, by, lines), end: movedPosition(r.end, by, lines) };
}

function movedPosition(p: Position, by: number, lines: number): Position {
  return { ...p, line: p.line + lines, offset: p.offset + by };
}
