// An owner annotation or `owner:`/`reviewers:` value names a role nobody defined: a typo ("pmn") or a
// person's name where a role belongs.
import type { OwnerDeclaration } from '../model';
import { closest } from '../text/closest';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  meta: {
    id: 'invalid-owner',
    description: 'An owner annotation or owner/reviewers value names an unknown role.',
    defaultSeverity: 'error',
    guidelines: ['pragmatic-pm-is-not-pmm'],
    fixable: 'suggestion',
  },
  check(context) {
    const { analysis, doc } = context;
    for (const s of analysis.sections) if (s.section.owner) check(context, s.section.owner, `the owner of section "${s.section.title}"`);
    // Front matter `owner:` is a person's name in many site generators: only read it as roles in specs.
    if (analysis.markedAsSpec || doc.format === 'yaml') {
      if (doc.meta.owner) check(context, doc.meta.owner, 'the document owner');
      if (doc.meta.reviewers) check(context, doc.meta.reviewers, 'a reviewer');
    }
  },
});

function check({ analysis, report }: RuleContext<Record<string, never>>, declaration: OwnerDeclaration, what: string): void {
  const known = [...analysis.catalogue.roles.keys()];
  for (const item of declaration.items) {
    if (analysis.catalogue.roles.has(item.role)) continue;
    const suggestion = closest(item.role, known);
    report({
      range: item.range,
      message: `"${item.role}" is not a known role (${what}); roles are ${known.join(', ')}${suggestion ? `. Did you mean "${suggestion}"?` : ', or add it under `roles` in .specroles.yaml.'}`,
      fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ start: item.range.start.offset, end: item.range.end.offset, newText: suggestion }], safe: false }] : [],
      data: { role: item.role },
    });
  }
}
