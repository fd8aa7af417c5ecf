// What the editor shows around a spec: CodeLens over each heading (`PM · why`), the status bar's count of
// sections by expected owner, and the ownership summary a quick pick lists.
import { describeRoles, spellRoles } from '../core';
import { ownerCounts, type Linted } from './linting';
import type { CodeLens } from './types';

/** The client's command that shows the ownership summary (CodeLens and the status bar run it). */
export const SHOW_SUMMARY = 'specroles.showSummary';
/** The server's commands of the offer to check a Markdown file as a spec: [uri]. */
export const MARK_AS_SPEC = 'specroles.server.markAsSpec';
export const DISMISS_SPEC_OFFER = 'specroles.server.dismissSpecOffer';

/**
 * The offer over the first line of a Markdown file that is not taken as a spec but has a section heading
 * or two (worthOfferingAsSpec): mark it as one, or say it is not (and hear no more of it).
 */
export function specOfferLenses(uri: string): CodeLens[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    {
      range: top,
      command: {
        title: 'Check this file as a spec',
        tooltip: 'Spec Roles: add `specroles: 1` to its front matter, so the editor, the CLI and CI check it for who owns each section',
        command: MARK_AS_SPEC,
        arguments: [uri],
      },
    },
    { range: top, command: { title: 'Not a spec', tooltip: 'Spec Roles: stop offering to check this file', command: DISMISS_SPEC_OFFER, arguments: [uri] } },
  ];
}

/**
 * A lens over each heading of a known kind, or none past `max` of them (the status bar still counts the
 * sections by owner, and a click on it opens the summary with every section's owner). VS Code moves every
 * lens on each keystroke (about 15 µs each); and while a document has any lens at all, each keystroke
 * lays out its view zones again, which makes the editor redraw the whole minimap. On a 1 MB spec even the
 * single lens this used to put on line 1 past `max` ("N sections: owners in the summary") made typing
 * measurably slower: that redraw, in the profile of `npm run bench:editor --profile`.
 */
export function codeLenses(linted: Linted, max = Infinity): CodeLens[] {
  const catalogue = linted.result.analysis.catalogue;
  const lenses: CodeLens[] = [];
  for (const s of linted.result.analysis.sections) {
    if (!s.kind || !s.expected.length) continue;
    if (lenses.length === max) return [];
    const line = s.section.headingRange.start.line - 1;
    const at = { line, character: 0 };
    lenses.push({
      range: { start: at, end: at },
      command: { title: `${describeRoles(catalogue, s.kind.owner)} · ${s.kind.aspect}`, tooltip: `${s.kind.name}: ${spellRoles(catalogue, s.kind.owner)}`, command: SHOW_SUMMARY },
    });
  }
  return lenses;
}

/** The status bar's text for a linted document: "PM 4 · PMM 1", or why there are no counts. */
export function statusText(linted: Linted): string {
  if (linted.result.skipped) return 'not linted: over maxFileSize';
  return ownerCounts(linted.result) || 'no known sections';
}

export interface SummaryItem {
  /** The heading, indented by depth. */
  label: string;
  /** "PMM · Messaging", or "unknown kind". */
  description: string;
  /** "declared: product manager", where the declared owner differs. */
  detail?: string;
  /** 0-based line of the heading. */
  line: number;
}

export interface OwnershipSummary {
  /** "Ownership: PM 4 · PMM 1 — document owner PM (declared)". */
  title: string;
  items: SummaryItem[];
}

/**
 * The "Show ownership summary" picker's rows: one per heading with its expected owner and kind (not the
 * engine's `ownershipSummary`, the per-role data of reports, which it does not need).
 */
export function summaryPicks(linted: Linted): OwnershipSummary {
  const { analysis } = linted.result;
  const catalogue = analysis.catalogue;
  const items = analysis.sections.map((s): SummaryItem => {
    const item: SummaryItem = {
      label: `${'  '.repeat(s.section.depth - 1)}${s.section.title}`,
      description: s.kind ? `${describeRoles(catalogue, s.expected)} · ${s.kind.name}` : 'unknown kind',
      line: s.section.headingRange.start.line - 1,
    };
    if (s.declared && s.kind && s.declared.roles.join() !== s.expected.join()) item.detail = `declared: ${spellRoles(catalogue, s.declared.roles)}`;
    return item;
  });
  const owner = analysis.docOwner.roles.length ? `${describeRoles(catalogue, analysis.docOwner.roles)} (${analysis.docOwner.via})` : 'unknown';
  return { title: `Ownership: ${ownerCounts(linted.result) || 'no known sections'} — document owner ${owner}`, items };
}
