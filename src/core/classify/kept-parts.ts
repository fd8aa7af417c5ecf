// Pass 1 of an incremental re-read (analyse.ts), skipped for the top-level parts an edit left alone: a part
// whose sections are the same objects, nested the same way, reads on its own as it did before, so its
// previous readings stand in for reading it again. Whether they are final (passes 2 to 4) decides the
// document context, which analyse compares afterwards.
import type { Section } from '../model';
import type { AnalysedSection, Analysis } from './analyse';
import { itemAt } from '../text/indexing';

/** Where each top-level part of an analysis starts in its sections, by the part's top section. */
export type PartStarts = ReadonlyMap<Section, number>;

export function partStarts(analysis: Analysis): PartStarts {
  const starts = new Map<Section, number>();
  for (const { root, from } of partsOfAnalysis(analysis)) starts.set(root.section, from);
  return starts;
}

/**
 * The previous readings of the part under `root` (root and everything under it, bold labels included),
 * where `previous` read the same sections in the same order (nesting goes by depth, which a section keeps,
 * so the same order is the same tree); else undefined. Which bold labels count as sections follows from
 * the sections, their siblings' labels and the top level's repeated labels, which the caller holds equal.
 */
export function previousPart(root: Section, previous: Analysis, starts: PartStarts): AnalysedSection[] | undefined {
  const at = starts.get(root);
  if (at === undefined) return undefined;
  const before = previous.sections;
  let i = at;
  const stack: Section[] = [root];
  for (let s = stack.pop(); s; s = stack.pop()) {
    if (before[i]?.section !== s) return undefined;
    i++;
    // The bold labels read as sections come right after their section.
    while (before[i]?.section.pseudo && before[i]?.parent) i++;
    for (let c = s.children.length - 1; c >= 0; c--) stack.push(itemAt(s.children, c));
  }
  // The part ended there before too.
  if (before[i]?.parent) return undefined;
  return before.slice(at, i);
}

/**
 * Analyses' section lists whose readings no later re-read takes over: a YAML document is read whole at
 * every lint (only a Markdown document is edited in place, markdown-model.ts), so what is kept per part
 * or per section for the next edit is only work for one: thousands of WeakMap entries per 1 MB spec, for
 * every garbage collection to walk while the result is kept.
 */
const readOnce = new WeakSet<readonly AnalysedSection[]>();

/** Marks `sections`, an analysis's list (before anything is read into it), as readOnce. */
export function readWhole(sections: readonly AnalysedSection[]): void {
  readOnce.add(sections);
}

/** Whether what is read of `sections` is kept for a re-read (see readOnce). */
export function keptForReRead(sections: readonly AnalysedSection[]): boolean {
  return !readOnce.has(sections);
}

/** A top-level part of an analysis: its top section's reading, and [from, to) in the analysis's sections. */
export interface PartRange {
  root: AnalysedSection;
  from: number;
  to: number;
}

/** Each top-level reading's part length and last reading: a part kept whole (the same objects) is not walked again. */
const partLengths = new WeakMap<AnalysedSection, { length: number; last: AnalysedSection }>();

/**
 * The top-level parts of `sections` (an analysis's, in document order), in order. Readings are only ever
 * kept part by part, whole (previousPart, keepUnchangedParts in analyse.ts): a top-level reading seen
 * before, followed by the same last reading where its part ended then, has the same part.
 */
export function partRanges(sections: readonly AnalysedSection[]): PartRange[] {
  const ranges: PartRange[] = [];
  const keep = keptForReRead(sections);
  for (let from = 0; from < sections.length; ) {
    const root = itemAt(sections, from);
    const known = keep ? partLengths.get(root) : undefined;
    let to = from + (known?.length ?? 1);
    if (!known || sections[to - 1] !== known.last || sections[to]?.parent) {
      to = from + 1;
      while (sections[to]?.parent) to++;
      if (keep) partLengths.set(root, { length: to - from, last: itemAt(sections, to - 1) });
    }
    ranges.push({ root, from, to });
    from = to;
  }
  return ranges;
}

/**
 * What `read` gives for each top-level part of `analysis`, in document order, kept in `cache` by the part's
 * top reading: a reading is kept only with its whole part (partRanges), so what was read of the part
 * stands while the reading does. `fits` says whether a kept value was read as the caller reads now (with
 * the same rule options).
 */
export function perPart<T>(analysis: Analysis, cache: WeakMap<AnalysedSection, T>, read: (part: PartRange) => T, fits?: (known: T) => boolean): T[] {
  if (!keptForReRead(analysis.sections)) return partsOfAnalysis(analysis).map(read);
  return partsOfAnalysis(analysis).map((part) => {
    let known = cache.get(part.root);
    if (known === undefined || (fits && !fits(known))) cache.set(part.root, (known = read(part)));
    return known;
  });
}

const rangesOf = new WeakMap<Analysis, readonly PartRange[]>();

/** partRanges of an analysis's sections, once per analysis (its sections do not change once it is made). */
export function partsOfAnalysis(analysis: Analysis): readonly PartRange[] {
  let ranges = rangesOf.get(analysis);
  if (!ranges) rangesOf.set(analysis, (ranges = partRanges(analysis.sections)));
  return ranges;
}
