// The same section twice at the same level: two "Problem" sections. Which one is the spec's answer, and
// who owns it? By default only a repeated heading counts: real specs rightly keep sibling sections of one
// kind apart ("Mission", "Vision" and "Guiding principles"; "Strengths" and "Weaknesses"). With
// `sameKind: true` two headings that name the same kind outright (synonyms, declared kinds) count too.
import { z } from 'zod';
import type { AnalysedSection } from '../classify/analyse';
import { headingQualifier, normaliseHeading } from '../classify/normalise';
import { defineRule } from './rule';
import { sectionLabel } from './support';

const STRONG = new Set(['synonym', 'declared']);

/** A heading as this rule compares it, per title: documents repeat headings, and re-lints repeat them all. */
const headingKeys = new Map<string, string>();

function headingKey(title: string): string {
  let key = headingKeys.get(title);
  if (key === undefined) {
    key = `heading:${normaliseHeading(title)}|${headingQualifier(title)}`;
    if (headingKeys.size >= 20_000) headingKeys.clear();
    headingKeys.set(title, key);
  }
  return key;
}

export default defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'Two sibling sections are of the same kind.',
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when'],
    fixable: false,
    options: z
      .object({
        allow: z.array(z.string()).optional().describe('Kinds that may repeat besides those repeatable by nature (kinds.yaml `repeatable`: user stories, metadata…)'),
        sameKind: z.boolean().optional().describe('Also report two different headings that both name the same kind ("Goals" and "Objectives")'),
      })
      .strict(),
    defaultOptions: { allow: [], sameKind: false },
  },
  check({ analysis, options, report }) {
    // Kinds that repeat by nature are data (kinds.yaml `repeatable`); `allow` adds a team's own.
    const allowed = new Set([...(options.allow ?? []), ...[...analysis.catalogue.kinds.values()].filter((k) => k.repeatable).map((k) => k.id)]);
    const firstByParent = new Map<AnalysedSection | undefined, Map<string, AnalysedSection>>();
    for (const s of analysis.sections) {
      if (!s.kind || allowed.has(s.kind.id) || s.section.pseudo) continue;
      const named = STRONG.has(s.evidence?.via ?? '');
      if (!named && s.evidence?.via !== 'pattern') continue;
      const key = options.sameKind && named ? s.kind.id : headingKey(s.section.title);
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
        message: `Section ${sectionLabel(s.section)} ${key === s.kind.id ? `is a second ${s.kind.name.toLowerCase()} section` : 'repeats a heading'} at this level (the first is ${sectionLabel(first.section)} on line ${first.section.headingRange.start.line}); merge them so the spec gives one answer.`,
        data: { kind: s.kind.id, firstLine: first.section.headingRange.start.line },
      });
    }
  },
});
