// A section declares an owner other than the one its kind belongs to: a "Messaging" section marked as
// the PM's, a "Requirements" section marked as the PMM's.
import { defineRule } from './rule';
import { kindOwners, kindWithEvidence, roles, sectionLabel, setOwnerFixes } from './support';

export default defineRule({
  meta: {
    id: 'section-owner-mismatch',
    description: 'A section declares an owner other than the role its kind belongs to.',
    defaultSeverity: 'warning',
    scope: 'section',
    guidelines: ['pragmatic-pm-is-not-pmm'],
    fixable: 'safe',
  },
  check({ analysis, doc, report }) {
    const { catalogue } = analysis;
    for (const s of analysis.sections) {
      const owner = s.section.owner;
      if (!s.kind || s.kind.skipOwnership || !owner || s.declared?.via !== 'annotation') continue;
      const declared = s.declared.roles;
      if (!declared.length || declared.some((r) => s.expected.includes(r))) continue;
      const expectedOwner = kindOwners(analysis, s.kind);
      report({
        range: owner.valueRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} is declared as owned by ${roles(catalogue, declared)}, but the ${roles(catalogue, expectedOwner)} owns it. It is ${kindWithEvidence(s)}.`,
        guidelines: s.kind.guidelines,
        fixes: setOwnerFixes(doc, s.section, expectedOwner, `Set owner to ${roles(catalogue, expectedOwner)}`, true),
        data: { expected: expectedOwner, declared, kind: s.kind.id },
      });
    }
  },
});
