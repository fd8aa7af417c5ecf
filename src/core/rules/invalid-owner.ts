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
    scope: 'section',
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
  for (const item of declaration.items) {
    if (analysis.catalogue.roles.has(item.role)) continue;
    const known = [...analysis.catalogue.roles.keys()];
    // Role ids are short: two edits turn "ux" or "qa" into "pm", and "product" into "project". Every role
    // as near is offered, since "pmn" is as close to pm as to pmm.
    const first = closest(item.role, known, item.role.length >= 8 ? 2 : 1);
    // `closest` keeps the earlier candidate on a tie, so r wins against `first` only when it is as near.
    const suggestions = first ? known.filter((r) => closest(item.role, [r, first]) === r) : [];
    report({
      range: item.range,
      message: `"${item.role}" is not a known role (${what}).${suggestions.length ? ` Did you mean ${suggestions.map((r) => `"${r}"`).join(' or ')}?` : ''} Roles are ${known.join(', ')}${suggestions.length ? '' : ', or add it under `roles` in .specroles.yaml'}.`,
      fixes: suggestions.map((r) => ({ title: `Change to "${r}"`, edits: [{ start: item.range.start.offset, end: item.range.end.offset, newText: r }], safe: false })),
      data: { role: item.role },
    });
  }
}
