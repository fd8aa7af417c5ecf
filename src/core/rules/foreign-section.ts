// A section owned by another role inside a single-owner document, with that role neither an owner nor a
// reviewer: a "Competitive landscape" in a PRD that no PMM looks at.
import { defineRule } from './rule';
import { inSentence, kindOwners, kindWithEvidence, roles, sectionLabel, typeEvidence } from './support';

export default defineRule({
  meta: {
    id: 'foreign-section',
    description: "A single-owner document holds a section another role owns, and that role is not an owner or reviewer.",
    defaultSeverity: 'info',
    scope: 'section',
    guidelines: ['pragmatic-pm-is-not-pmm'],
    fixable: false,
  },
  check({ analysis, report }) {
    const { catalogue, docOwner } = analysis;
    if (docOwner.roles.length !== 1) return;
    const involved = new Set([...docOwner.roles, ...analysis.reviewers]);
    for (const s of analysis.sections) {
      if (!s.kind || s.kind.skipOwnership || s.section.owner || !s.expected.length) continue;
      if (s.expected.some((r) => involved.has(r))) continue;
      // Report the outermost foreign section only; its subsections share the finding.
      if (s.parent && s.parent.kind && !s.parent.expected.some((r) => involved.has(r))) continue;
      const docType = analysis.docType;
      const how =
        docOwner.via === 'declared' ? `owner: ${docOwner.roles.join(', ')}`
        : docOwner.via === 'type' && docType ? (docType.via === 'declared' ? typeEvidence(docType) : `a ${inSentence(docType.type.name)}, ${typeEvidence(docType)}`)
        : 'inferred from its sections';
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} is ${roles(catalogue, kindOwners(analysis, s.kind))} work in a ${roles(catalogue, docOwner.roles)} document. It is ${kindWithEvidence(s)}; the document is the ${roles(catalogue, docOwner.roles)}'s (${how}) and lists no ${roles(catalogue, s.expected)} as owner or reviewer. Add them as a reviewer, or move the section to their document.`,
        guidelines: s.kind.guidelines,
        data: { expected: [...kindOwners(analysis, s.kind)], documentOwner: docOwner.roles, kind: s.kind.id },
      });
    }
  },
});
