// YAML that does not parse or does not fit the spec schema, malformed front matter, an unknown document
// type or section kind. Reported where the problem is, so the user can fix it in place.
import { matchHeading } from '../classify/heading';
import { closest } from '../text/closest';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'invalid-spec',
    description: 'A YAML spec or front matter does not parse or does not fit the schema.',
    defaultSeverity: 'error',
    guidelines: ['aha-pm-why-what-when'],
    fixable: false,
  },
  check({ analysis, doc, report }) {
    for (const problem of doc.problems) report({ range: problem.range, message: problem.message });
    const { catalogue } = analysis;
    const type = doc.meta.type;
    if (type && !catalogue.docTypes.has(type.value) && (analysis.markedAsSpec || doc.meta.specroles !== undefined || doc.format === 'yaml')) {
      const known = [...catalogue.docTypes.keys()];
      const suggestion = closest(type.value, known);
      report({
        range: type.range,
        message: `Unknown document type "${type.value}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} Known types: ${known.join(', ')}.`,
      });
    }
    for (const s of analysis.sections) {
      const declared = s.section.declaredKind;
      if (!declared || catalogue.kinds.has(declared.id)) continue;
      // A near miss of an id ("problm"), else a heading the kinds know ("timeline" → roadmap_milestones).
      const suggestion = closest(declared.id, [...catalogue.kinds.keys()]) ?? matchHeading(catalogue, declared.id.replace(/[_-]+/g, ' '))?.kind.id;
      report({
        range: declared.range,
        message: `Unknown section kind "${declared.id}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} Run \`specroles explain kinds\` for the list, or add it under \`kinds\` in .specroles.yaml.`,
      });
    }
  },
});
