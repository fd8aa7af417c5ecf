// A shared section (pricing, launch, target market, sales enablement) names only one role: both
// contribute, so both should be named.
import { defineRule } from './rule';
import { kindOwners, kindWithEvidence, roles, sectionLabel, setOwnerFixes } from './support';

export default defineRule({
  meta: {
    id: 'shared-section-owners',
    description: 'A shared section declares only one of the roles that share it.',
    defaultSeverity: 'info',
    scope: 'section',
    guidelines: ['marketing-vs-management-shared-target-market', 'marketing-vs-management-shared-pricing-model'],
    fixable: 'safe',
  },
  check({ analysis, doc, report }) {
    const { catalogue } = analysis;
    // "Shared" is the roles.yaml role of that name: the PM and the PMM.
    const shared = catalogue.roles.get('shared')?.members ?? [];
    if (!shared.length) return;
    for (const s of analysis.sections) {
      // Shared means PM and PMM; a kind engineering co-owns with the PM (technical approach) is not "shared".
      if (!s.kind || s.kind.skipOwnership || !shared.every((r) => s.expected.includes(r)) || s.declared?.via !== 'annotation') continue;
      const named = s.declared.roles.filter((r) => s.expected.includes(r));
      const missing = s.expected.filter((r) => !s.declared!.roles.includes(r));
      if (named.length !== 1 || !missing.length) continue;
      // The kind's owners, keeping any other role the declaration names (a safe fix must not drop one).
      const kindOwned = kindOwners(analysis, s.kind);
      const owners = [...kindOwned, ...s.section.owner!.roles.filter((r) => !s.expected.includes(r) && !kindOwned.includes(r))];
      report({
        range: s.section.owner!.valueRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} names only the ${roles(catalogue, named)}, but the ${roles(catalogue, s.expected)} share it. It is ${kindWithEvidence(s)}${s.kind.lead ? `, led by the ${roles(catalogue, [s.kind.lead])}` : ''}.`,
        guidelines: s.kind.guidelines,
        fixes: setOwnerFixes(doc, s.section, owners, `Set owner to ${roles(catalogue, owners)}`, true),
        data: { expected: [...kindOwned], declared: s.declared.roles, kind: s.kind.id },
      });
    }
  },
});
