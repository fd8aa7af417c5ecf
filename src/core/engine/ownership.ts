// Who owns what in a linted document, as plain data: per section its kind and the roles that should own it,
// which sections hold only placeholders, and what the document still owes (its required sections that are
// absent, from `missing-section`). One source for every per-role view: the CLI's `--format summary`, the
// GitHub Action's job summary, the Node API's `document`, and the editors' readiness view.
import { describeRoles, expandRoles } from '../catalogue/catalogue';
import type { LintResult } from './lint';

/** One section as the analysis read it, for reports about ownership. */
export interface SectionSummary {
  title: string;
  line: number;
  depth: number;
  /** The section kind's id and name, where one fits. */
  kind?: { id: string; name: string };
  /** Owner roles the kind (or the part of the document it sits in) calls for, composite roles expanded. */
  expected: string[];
  /** The same, as "PM", "PMM", "PM + PMM". */
  expectedLabel: string;
  /** Nothing but placeholders, guidance comments or white space, and no subsections. */
  placeholderOnly: boolean;
}

/** A required section that is absent (a `missing-section` finding), with the roles that owe it. */
export interface OwedSection {
  line: number;
  /** What is required, e.g. "a when (timeline, milestones or release)". */
  requirement: string;
  /** Names of the kinds that would satisfy it. */
  kinds: string[];
  /** Owner roles of the first of those kinds. */
  roles: string[];
}

export interface DocumentSummary {
  /** The document type's id and name, where one is declared or evident from the file name. */
  type?: { id: string; name: string };
  /** The document's owner roles, and as "PM"/"PMM". */
  owner: string[];
  ownerLabel: string;
  sections: SectionSummary[];
  owes: OwedSection[];
}

/** The four groups a per-role report puts sections in: PM's, PMM's, both (shared), anyone else's or no one's. */
export type RoleBucket = 'PM' | 'PMM' | 'shared' | 'others';
export const ROLE_BUCKETS: readonly RoleBucket[] = ['PM', 'PMM', 'shared', 'others'];

/** Which group a set of owner roles (expanded, as SectionSummary.expected and OwedSection.roles hold them) falls in. */
export function roleBucket(roles: readonly string[]): RoleBucket {
  const set = new Set(roles);
  if (set.has('pm') && set.has('pmm')) return 'shared';
  if (set.size === 1 && set.has('pm')) return 'PM';
  if (set.size === 1 && set.has('pmm')) return 'PMM';
  return 'others';
}

/** The analysis of a lint, cut down to plain data (a CLI worker sends it back; reports and views read it). */
export function ownershipSummary(result: LintResult): DocumentSummary {
  const { analysis } = result;
  const { catalogue } = analysis;
  const owner = analysis.docOwner.roles;
  const summary: DocumentSummary = {
    owner,
    ownerLabel: describeRoles(catalogue, owner),
    sections: analysis.sections.map((s) => ({
      title: s.section.title,
      line: s.section.headingRange.start.line,
      depth: s.section.depth,
      ...(s.kind ? { kind: { id: s.kind.id, name: s.kind.name } } : {}),
      expected: s.expected,
      expectedLabel: describeRoles(catalogue, s.expected),
      placeholderOnly: s.section.placeholderOnly && !s.section.children.length && !s.section.pseudo,
    })),
    owes: result.findings.flatMap((f) => {
      const anyOf = f.ruleId === 'missing-section' ? (f.data?.anyOf as string[] | undefined) : undefined;
      const first = anyOf?.[0];
      if (!anyOf || first === undefined) return [];
      const kind = catalogue.kinds.get(first);
      return [
        {
          line: f.range.start.line,
          requirement: String(f.data?.requirement ?? ''),
          kinds: anyOf.map((id) => catalogue.kinds.get(id)?.name ?? id),
          roles: kind ? expandRoles(catalogue, kind.owner) : [],
        },
      ];
    }),
  };
  if (analysis.docType) summary.type = { id: analysis.docType.type.id, name: analysis.docType.type.name };
  return summary;
}
