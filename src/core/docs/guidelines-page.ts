// docs/guidelines.md, generated from the guidelines data: every guideline the findings cite, under the
// source it paraphrases, with the rules and section kinds that cite it. Each guideline is a heading named
// by its id, so `docs/guidelines.md#ID` lands on it on GitHub and in VS Code's Markdown preview alike
// (hovers and rule pages link there). A test keeps the file up to date (UPDATE_SNAPSHOTS=1 rewrites it).
import { describeRoles, type Catalogue } from '../catalogue/catalogue';
import { citeSource } from '../catalogue/cite';
import type { Guideline, GuidelineSource } from '../catalogue/schema';
import { rules } from '../rules';

const INTRO = [
  '# Guidelines',
  '',
  '<!-- Generated from src/core/data/guidelines.yaml: edit the data, then run the tests with UPDATE_SNAPSHOTS=1. -->',
  '',
  'Every finding cites the guidelines below: who owns which part of a product spec, product manager (PM) or',
  'product marketing manager (PMM). Each is one sentence in our own words, with the article and the part of it',
  'that it paraphrases. Where an article names no author or publisher, it is cited by its title alone.',
];

/** "By Brian de Haaff, Aha!": who wrote and published the source, as far as it says. */
function byline({ author, publisher }: GuidelineSource): string {
  const who = [author, publisher && publisher !== author ? publisher : undefined].filter(Boolean).join(', ');
  return who ? `By ${who}${/[.!?]$/.test(who) ? '' : '.'}` : 'The article names neither its author nor its publisher.';
}

export function renderGuidelinesPage(catalogue: Catalogue): string {
  const citedBy = new Map<string, string[]>();
  const cite = (id: string, by: string) => citedBy.set(id, [...(citedBy.get(id) ?? []), by]);
  for (const rule of rules) for (const id of rule.meta.guidelines) cite(id, `[${rule.meta.id}](rules/${rule.meta.id}.md)`);
  for (const kind of catalogue.kindOrder) for (const id of kind.guidelines) cite(id, `${kind.name} sections`);

  const bySource = new Map<string, Guideline[]>();
  for (const g of catalogue.guidelines.values()) bySource.set(g.source.title, [...(bySource.get(g.source.title) ?? []), g]);

  const out = [...INTRO];
  for (const [title, guidelines] of bySource) {
    out.push('', `## ${title}`);
    guidelines.forEach((g, i) => {
      if (i === 0) out.push('', byline(g.source));
      out.push('', `### ${g.id}`, '', `${g.statement} (${describeRoles(catalogue, [g.role])})`, '', `Source: ${citeSource(g.source, { markdown: true })}.`);
      const by = citedBy.get(g.id);
      if (by?.length) out.push('', `Cited by: ${by.join(', ')}.`);
    });
  }
  return `${out.join('\n')}\n`;
}
