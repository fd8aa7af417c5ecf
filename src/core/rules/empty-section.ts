// A section holding only placeholders: TBD, TODO, [DATE], {{x}}, guidance comments. A spec that looks
// complete but is not misleads everyone who reads it.
import { defineRule } from './rule';
import { sectionLabel } from './support';

export default defineRule({
  meta: {
    id: 'empty-section',
    description: 'A section holds only placeholders or guidance comments.',
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when'],
    fixable: false,
  },
  check({ analysis, doc, report }) {
    for (const s of analysis.sections) {
      if (!s.section.placeholderOnly || s.section.children.length) continue;
      const content = doc.text.slice(s.section.contentRange.start.offset, s.section.contentRange.end.offset).trim();
      const owner = s.kind ? ` The ${analysis.catalogue.roles.get(s.kind.lead ?? s.kind.owner[0]!)?.name ?? s.kind.owner[0]} should write it: ${s.kind.hint}` : '';
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} ${content ? 'holds only placeholders' : 'is empty'}.${owner}`,
        guidelines: s.kind?.guidelines ?? [],
      });
    }
  },
});
