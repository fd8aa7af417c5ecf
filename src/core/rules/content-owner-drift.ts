// A section's body reads as another role's work: taglines and campaigns inside "Requirements",
// acceptance criteria inside "Positioning", a pricing brief under "Proposal". The cue words are the
// evidence: the finding names them and sits on them.
import { zod } from '../schema/zod';
import { expandRoles, mentionRoles, type CompiledKind } from '../catalogue/catalogue';
import type { AnalysedSection, Analysis, BodyReading } from '../classify/analyse';
import { perPart, type PartRange } from '../classify/kept-parts';
import { describeHits } from '../classify/cues';
import { cueLocations, moveFix } from './drift-fixes';
import { defineRule, lazyOptions } from './rule';
import { aKind, roles, sectionLabel, setOwnerFixes } from './support';

/** Per top-level reading, the sections of its part that read as another role's work, with the minScore they were found with. */
const driftingInPart = new WeakMap<AnalysedSection, { minScore: number | undefined; sections: AnalysedSection[] }>();

/** The sections for which `drifting` holds, in document order, found again only in parts read again. */
function driftingSections(analysis: Analysis, minScore: number | undefined, drifting: (s: AnalysedSection) => boolean): AnalysedSection[] {
  const read = ({ from, to }: PartRange) => ({ minScore, sections: analysis.sections.slice(from, to).filter(drifting) });
  return perPart(analysis, driftingInPart, read, (known) => known.minScore === minScore).flatMap((part) => part.sections);
}

export default defineRule<{ minScore?: number }>({
  meta: {
    id: 'content-owner-drift',
    description: "A section's text reads as another role's work than its heading says.",
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when', 'aha-pmm-market-position'],
    fixable: 'suggestion',
    // Not section-scoped: the move fix writes into another part of the document (the section the text
    // goes to), so findings cannot be kept per part while the rest changes.
    options: lazyOptions(() => zod().object({ minScore: zod().number().min(1).optional() }).strict()),
    defaultOptions: {},
  },
  check({ analysis, doc, options, report }) {
    const { catalogue } = analysis;
    // Text that reads as the work of roles the document already involves (its owner, the roles its owner's
    // documents involve as a matter of course, a reviewer) is a weak signal: more often the heading was
    // read wrong than the text put in the wrong place. Warn only where it brings in a role left out.
    const owners = analysis.docOwner.roles;
    const involved = new Set([...owners, ...owners.flatMap((r) => catalogue.roles.get(r)?.involves ?? []), ...analysis.reviewers]);
    // So is text that reads as a kind the owner's documents draw on as material: competitive context in a
    // PM's strategy, release stages and performance in a PMM's launch page.
    const material = new Set(owners.flatMap((r) => catalogue.roles.get(r)?.drawsOn ?? []));
    // The roles a reading points at, once per kind or role: most of a long spec's sections are read here.
    const pointedAt = new Map<CompiledKind | string, string[]>();
    const rolesOf = (reading: BodyReading): string[] => {
      const key = reading.kind ?? reading.role;
      let found = pointedAt.get(key);
      if (!found) pointedAt.set(key, (found = expandRoles(catalogue, reading.kind ? reading.kind.owner : [reading.role])));
      return found;
    };
    // Whether a section reads as another role's work depends on nothing but the section: per part, the
    // sections that do are kept with the part's readings (a long spec's parts mostly stay as they were).
    const drifting = (s: AnalysedSection): boolean => {
      const reading = s.readsAs;
      // A user story or use case speaks the users' language: a marketer's campaign in it is the product's use.
      if (!s.kind || s.kind.skipOwnership || s.kind.inUsersWords || !reading || s.evidence?.via === 'body') return false;
      if (options.minScore && reading.score < options.minScore) return false;
      // Shared vocabulary (pricing, launch) only counts where it points at a kind.
      if (!reading.kind && catalogue.roles.get(reading.role)?.members) return false;
      return !rolesOf(reading).every((r) => s.expected.includes(r));
    };
    for (const s of driftingSections(analysis, options.minScore, drifting)) {
      if (!s.kind || !s.readsAs) continue; // not reached: drifting sections have both
      const reading = s.readsAs;
      const foreign = rolesOf(reading).filter((r) => !s.expected.includes(r));
      // Declared co-owners and reviewers already cover the other role.
      const covered = [...(s.declared?.roles ?? []), ...analysis.reviewers];
      if (foreign.every((r) => covered.includes(r))) continue;
      const what = reading.kind ? `${reading.kind.name.toLowerCase()} (${roles(catalogue, reading.kind.owner)})` : `${roles(catalogue, [reading.role])} work`;
      // A shared kind (pricing, launch) is not the other role's alone: point at the kind, not the role.
      // "the PMM", "engineering": whom the message and the hand-over fix name.
      const whom = mentionRoles(catalogue, foreign);
      const where = reading.kind && expandRoles(catalogue, reading.kind.owner).length > 1 ? `a ${reading.kind.name.toLowerCase()} section` : `a section ${whom} owns`;
      const who = roles(catalogue, foreign);
      // The words are the evidence: the finding sits on the first, and lists every one.
      const related = cueLocations(doc, reading.hits, roles(catalogue, [reading.role]));
      const move = moveFix({ doc, analysis, section: s, kind: reading.kind, hits: reading.hits, foreign, who });
      const fixes = [...(move ? [move] : []), ...setOwnerFixes(doc, s.section, foreign, `Hand the section over to ${whom}`, false)];
      // Sharing is a fix only where the kind may be shared: requirements co-owned with marketing are no fix.
      const together = [...new Set([...s.expected, ...foreign])];
      if (s.kind.shareable) fixes.push(...setOwnerFixes(doc, s.section, together, `Mark as shared by ${roles(catalogue, together)}`, false));
      const otherwise = s.kind.shareable ? 'declare the section shared' : `hand the section over to ${whom}`;
      report({
        range: related[0]?.range ?? s.section.headingRange,
        section: s,
        weak: foreign.every((r) => involved.has(r)) || (reading.kind !== undefined && material.has(reading.kind.id)),
        message: `Section ${sectionLabel(s.section)} (${roles(catalogue, s.kind.owner)}) reads like ${what}. It is ${aKind(s.kind.name.toLowerCase())}, but its text says ${describeHits(reading.hits, undefined)}. Move that text to ${where}, or ${otherwise}.`,
        guidelines: [...(reading.kind?.guidelines ?? []), ...s.kind.guidelines],
        related,
        fixes,
        data: { expected: s.kind.owner, readsAs: reading.kind?.id ?? reading.role, score: reading.score },
      });
    }
  },
});
