// Which section of a linted document a finding belongs to: where a quick fix disables a rule, and which
// row of the readiness view counts it.
import type { AnalysedSection, Finding } from '../core';
import type { Linted } from './linting';

/** The innermost section holding the finding (by the finding's section title where several do). */
export function sectionOf(linted: Linted, f: Finding): AnalysedSection | undefined {
  const offset = f.range.start.offset;
  const containing = linted.result.analysis.sections.filter(
    (s) => s.section.fullRange.start.offset <= offset && offset < Math.max(s.section.fullRange.end.offset, s.section.fullRange.start.offset + 1),
  );
  const byTitle = f.section ? containing.filter((s) => s.section.title === f.section) : [];
  return (byTitle.length ? byTitle : containing).at(-1);
}
