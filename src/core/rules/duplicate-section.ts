// The same section twice at the same level: two "Problem" sections. Which one is the spec's answer, and
// who owns it? By default only a repeated heading counts: real specs rightly keep sibling sections of one
// kind apart ("Mission", "Vision" and "Guiding principles"; "Strengths" and "Weaknesses"). With
// `sameKind: true` two headings that name the same kind outright (synonyms, declared kinds) count too.
import { zod } from '../schema/zod';
import type { AnalysedSection, Analysis } from '../classify/analyse';
import { partsOfAnalysis } from '../classify/kept-parts';
import { headingQualifier, normaliseHeading } from '../classify/normalise';
import { defineRule, lazyOptions } from './rule';
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
    options: lazyOptions(() => {
      const z = zod();
      return z
        .object({
          allow: z.array(z.string()).optional().describe('Kinds that may repeat besides those repeatable by nature (kinds.yaml `repeatable`: user stories, metadata…)'),
          sameKind: z.boolean().optional().describe('Also report two different headings that both name the same kind ("Goals" and "Objectives")'),
        })
        .strict();
    }),
    defaultOptions: { allow: [], sameKind: false },
    scope: 'section',
    linesInMessages: true,
    // The first of each repeated top-level heading, which the findings name: a change runs the rule whole.
    documentContext: (_doc, analysis, options: Options) =>
      [...topLevelRepeats(analysis, options)].map(([s, first], i) => `${i}:${s.section.title}\u0000${first.section.title}\u0000${first.section.headingRange.start.line}`).join('\u0001'),
  },
  check({ analysis, wholeAnalysis, options, report }) {
    const allowed = allowedKinds(analysis, options);
    // Top-level sections are siblings across the whole document (see topLevelRepeats); subsections only
    // within their part.
    const repeats = topLevelRepeats(wholeAnalysis, options);
    const firstByParent = new Map<AnalysedSection, Map<string, AnalysedSection>>();
    for (const s of analysis.sections) {
      let key: string;
      let first: AnalysedSection | undefined;
      if (!s.parent) {
        first = repeats.get(s);
        if (!first) continue;
        key = keyOf(s, options)!;
      } else {
        const k = keyOf(s, options, allowed);
        if (k === undefined) continue;
        key = k;
        const siblings = firstByParent.get(s.parent) ?? new Map<string, AnalysedSection>();
        firstByParent.set(s.parent, siblings);
        first = siblings.get(key);
        if (!first) {
          siblings.set(key, s);
          continue;
        }
      }
      const kind = s.kind!;
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} ${key === kind.id ? `is a second ${kind.name.toLowerCase()} section` : 'repeats a heading'} at this level. The first is ${sectionLabel(first.section)} on line ${first.section.headingRange.start.line}; merge them so the spec gives one answer.`,
        data: { kind: kind.id, firstLine: first.section.headingRange.start.line },
      });
    }
  },
});

type Options = { allow?: string[]; sameKind?: boolean };

/** Kinds that repeat by nature are data (kinds.yaml `repeatable`); `allow` adds a team's own. */
function allowedKinds(analysis: Analysis, options: Options): Set<string> {
  return new Set([...(options.allow ?? []), ...[...analysis.catalogue.kinds.values()].filter((k) => k.repeatable).map((k) => k.id)]);
}

/** What two sibling sections must share to repeat each other, or undefined for a section this rule skips. */
function keyOf(s: AnalysedSection, options: Options, allowed?: ReadonlySet<string>): string | undefined {
  if (!s.kind || allowed?.has(s.kind.id) || s.section.pseudo) return undefined;
  const named = STRONG.has(s.evidence?.via ?? '');
  if (!named && s.evidence?.via !== 'pattern') return undefined;
  return options.sameKind && named ? s.kind.id : headingKey(s.section.title);
}

/** Each top-level section that repeats an earlier one, with that first one. */
const repeatsOf = new WeakMap<Analysis, Map<AnalysedSection, AnalysedSection>>();

function topLevelRepeats(analysis: Analysis, options: Options): Map<AnalysedSection, AnalysedSection> {
  let repeats = repeatsOf.get(analysis);
  if (repeats) return repeats;
  repeats = new Map();
  const allowed = allowedKinds(analysis, options);
  const first = new Map<string, AnalysedSection>();
  for (const { root: s } of partsOfAnalysis(analysis)) {
    const key = keyOf(s, options, allowed);
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen) repeats.set(s, seen);
    else first.set(key, s);
  }
  repeatsOf.set(analysis, repeats);
  return repeats;
}
