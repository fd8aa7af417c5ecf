// A section of no known kind and no declared owner: nobody is accountable for it. Declaring an owner
// (or adding the heading to the team's kinds) settles it.
import { defineRule } from './rule';
import { roles, sectionLabel, setOwnerFixes } from './support';

export default defineRule({
  meta: {
    id: 'unowned-section',
    description: 'A section is of no known kind and declares no owner.',
    defaultSeverity: 'info',
    scope: 'section',
    guidelines: ['pragmatic-pm-is-not-pmm'],
    fixable: 'suggestion',
  },
  check({ analysis, doc, report }) {
    const { catalogue, docOwner } = analysis;
    for (const s of analysis.sections) {
      if (s.kind || s.declared?.roles.length) continue;
      // Subsections belong to their parent: they inherit its kind or owner, or the parent is reported itself.
      if (s.parent) continue;
      const fixes = docOwner.roles.length
        ? setOwnerFixes(doc, s.section, docOwner.roles, `Declare owner ${roles(catalogue, docOwner.roles)}`, false)
        : [];
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} matches no known section kind and has no owner. Add ${doc.format === 'yaml' ? 'an `owner:` key' : 'an <!-- owner: … --> annotation'} or a kind synonym in .specroles.yaml.`,
        fixes,
      });
    }
  },
});
