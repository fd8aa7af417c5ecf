// A section holding only placeholders: TBD, TODO, [DATE], {{x}}, guidance comments. A spec that looks
// complete but is not misleads everyone who reads it. Templates are empty on purpose, and an empty
// "Links" or "Appendix" heading misleads nobody, so neither is reported.
import { zod } from '../schema/zod';
import type { AnalysedSection, Analysis } from '../classify/analyse';
import { perPart } from '../classify/kept-parts';
import type { ParsedDocument, Section } from '../model';
import { defineRule, lazyOptions } from './rule';
import { roles, sectionLabel } from './support';

export default defineRule({
  meta: {
    id: 'empty-section',
    description: 'A section holds only placeholders or guidance comments.',
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when'],
    fixable: false,
    options: lazyOptions(() => zod().object({ inTemplates: zod().boolean().optional().describe('Also report in template files (named *template* or *tmpl*)') }).strict()),
    defaultOptions: { inTemplates: false },
    scope: 'section',
    documentContext: (doc, analysis) => mostlyPlaceholders(doc, analysis),
  },
  check({ analysis, wholeAnalysis, doc, options, path, report }) {
    if (!options.inTemplates && path && isTemplateFile(path)) return;
    // A document most of whose sections are still placeholders is a template, whatever its name (an
    // issue template, a skeleton being filled in): its empty sections are listed, but not as warnings.
    const template = !options.inTemplates && mostlyPlaceholders(doc, wholeAnalysis);
    for (const s of analysis.sections) {
      if (!s.section.placeholderOnly || s.section.children.length || s.section.pseudo || s.kind?.id === 'doc_metadata') continue;
      // A YAML section's content range is its whole map (title included): judge it by its text instead.
      const content = doc.format === 'yaml'
        ? s.section.prose.map((p) => p.text).join('').trim()
        : doc.text.slice(s.section.contentRange.start.offset, s.section.contentRange.end.offset).trim();
      if (!content && leadsIntoAnswers(s.section, s.parent?.section.children ?? doc.sections)) continue;
      // Who writes it: the lead of a shared kind, else all its owners; administrative kinds follow the document.
      const writers = s.kind && !s.kind.skipOwnership ? (s.kind.lead ? [s.kind.lead] : s.kind.owner) : [];
      const owner = s.kind ? (writers.length ? ` Written by: ${roles(analysis.catalogue, writers)}. ${s.kind.hint}` : ` ${s.kind.hint}`) : '';
      report({
        range: s.section.headingRange,
        section: s,
        weak: template || s.section.inTemplate === true,
        message: `Section ${sectionLabel(s.section)} ${content ? 'holds only placeholders' : 'is empty'}.${owner}`,
        guidelines: s.kind?.guidelines ?? [],
      });
    }
  },
});

/**
 * A question heading with nothing at all under it, followed at once by a sibling heading, asks what the
 * headings after it answer ("#### How should we improve this?" over "#### Gathering", "#### Storing"):
 * it is a lead-in, not a section left empty. A question with placeholders under it is still reported.
 */
function leadsIntoAnswers(section: Section, siblings: readonly Section[]): boolean {
  if (!/\?\s*$/.test(section.title)) return false;
  const at = siblings.indexOf(section);
  return at >= 0 && at + 1 < siblings.length;
}

/** Half or more of the sections that hold text of their own (leaves) are placeholders, of at least three:
 * one or two sections say too little to tell a template from a spec being written. */
const TEMPLATE_SHARE = 0.5;
const TEMPLATE_MIN_SECTIONS = 3;

/** Per document: the rule asks twice per lint, for its context and in its check. */
const placeholderDocuments = new WeakMap<ParsedDocument, boolean>();
/** Leaves and placeholders per top-level part, by its top reading: a reading is kept only with its whole part (the same sections, nested the same way). */
const partCounts = new WeakMap<AnalysedSection, { leaves: number; placeholders: number }>();
const NONE = { leaves: 0, placeholders: 0 };

function mostlyPlaceholders(doc: ParsedDocument, analysis: Analysis): boolean {
  let known = placeholderDocuments.get(doc);
  if (known === undefined) {
    // Every section of the document, subsections included (bold labels are none of these), counted per
    // top-level section: the analysis's top readings other than the title's fields are the document's
    // top-level sections, in order.
    let leaves = 0;
    let placeholders = 0;
    for (const counts of perPart(analysis, partCounts, ({ root }) => (root.section.pseudo ? NONE : countPlaceholders([root.section])))) {
      leaves += counts.leaves;
      placeholders += counts.placeholders;
    }
    known = leaves >= TEMPLATE_MIN_SECTIONS && placeholders >= leaves * TEMPLATE_SHARE;
    placeholderDocuments.set(doc, known);
  }
  return known;
}

function countPlaceholders(sections: readonly Section[]): { leaves: number; placeholders: number } {
  let leaves = 0;
  let placeholders = 0;
  const visit = (list: readonly Section[]): void => {
    for (const s of list) {
      if (s.children.length) visit(s.children);
      else if (!s.pseudo) {
        leaves++;
        if (s.placeholderOnly) placeholders++;
      }
    }
  };
  visit(sections);
  return { leaves, placeholders };
}

/**
 * "prd-template.md", "brief.tmpl.yaml", "templates/prd.md", and the issue templates of GitHub
 * (`.github/ISSUE_TEMPLATE/`) and GitLab (`.gitlab/issue_templates/`): files meant to be copied, empty on purpose.
 */
export function isTemplateFile(path: string): boolean {
  const parts = path.replace(/\\/g, '/').split('/');
  const name = parts.pop() ?? '';
  return /(?:^|[^a-z])(?:template|tmpl)(?:[^a-z]|$)/i.test(name) || parts.some((dir) => /^(?:[a-z_-]*[_-])?templates?$/i.test(dir));
}
