// The same kind twice at the same level: two "Problem" sections, a "Goals" and an "Objectives". Which
// one is the spec's answer, and who owns it? Only headings that name their kind outright (a synonym, a
// declared kind) count, or the same heading twice: keyword matches group related headings ("Strengths",
// "Weaknesses") that are rightly separate.
import { z } from 'zod';
import type { AnalysedSection } from '../classify/analyse';
import { normaliseHeading } from '../classify/normalise';
import { defineRule } from './rule';
import { sectionLabel } from './support';

const STRONG = new Set(['synonym', 'declared']);

export default defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'Two sibling sections are of the same kind.',
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when'],
    fixable: false,
    options: z.object({ allow: z.array(z.string()).optional().describe('Kinds that may repeat (user stories, metadata…)') }).strict(),
    defaultOptions: { allow: ['user_stories', 'doc_metadata', 'open_questions', 'stakeholders_roles', 'proof_points'] },
  },
  check({ analysis, options, report }) {
    const allowed = new Set(options.allow ?? []);
    const firstByParent = new Map<AnalysedSection | undefined, Map<string, AnalysedSection>>();
    for (const s of analysis.sections) {
      if (!s.kind || allowed.has(s.kind.id)) continue;
      // A keyword match counts only when the very same heading repeats ("Problem" twice).
      const key = STRONG.has(s.evidence?.via ?? '') ? s.kind.id : s.evidence?.via === 'pattern' ? `heading:${normaliseHeading(s.section.title)}` : undefined;
      if (!key) continue;
      const siblings = firstByParent.get(s.parent) ?? new Map<string, AnalysedSection>();
      firstByParent.set(s.parent, siblings);
      const first = siblings.get(key);
      if (!first) {
        siblings.set(key, s);
        continue;
      }
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} is a second ${s.kind.name.toLowerCase()} section at this level (the first is ${sectionLabel(first.section)} on line ${first.section.headingRange.start.line}); merge them so the spec gives one answer.`,
        data: { kind: s.kind.id, firstLine: first.section.headingRange.start.line },
      });
    }
  },
});
