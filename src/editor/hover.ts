// Hover: on an owner annotation, what each role owns; on a heading, its kind, the owner spelled out, the
// declared owner when it differs, the kind's first guideline with its source and how the kind was read; on
// a finding, the guideline it cites.
import { citeSource, describeRoles, spellRoles, type Catalogue } from '../core';
import { WEB_DOC_LINKS, type DocLinks } from './doc-links';
import type { Linted } from './linting';
import { contains, toRange } from './positions';
import type { Hover, Position } from './types';

/**
 * 'The statement — [Brian de Haaff, "The Product Manager vs. the Product Marketing Manager", Aha!, section
 * "Vision"](link)': the citation is a link to the guideline's entry on the guidelines page.
 */
export function guidelineLine(catalogue: Catalogue, id: string, links: DocLinks = WEB_DOC_LINKS): string | undefined {
  const g = catalogue.guidelines.get(id);
  return g ? `${g.statement} — [${citeSource(g.source, { url: false }).replace(/[[\]]/g, '\\$&')}](${links.guideline(id)})` : undefined;
}

export function hoverAt(linted: Linted, position: Position, links: DocLinks = WEB_DOC_LINKS): Hover | null {
  const { analysis, findings, document } = linted.result;
  const catalogue = analysis.catalogue;
  const parts: string[] = [];

  const owners = [...analysis.sections.map((s) => s.section.owner), document.meta.owner].filter((o) => o !== undefined && contains(toRange(o.range), position));
  for (const owner of owners) {
    const lines = owner!.roles.map((r) => {
      const role = catalogue.roles.get(r);
      return role ? `- **${role.short}** (${spellRoles(catalogue, [r])}): ${role.owns}` : `- **${r}**: not a known role`;
    });
    parts.push(['**Owner annotation**', '', ...lines].join('\n'));
  }

  const section = analysis.sections.find((s) => s.section.headingRange.start.line - 1 === position.line);
  if (section && !owners.length) {
    const lines: string[] = [];
    if (section.kind) {
      lines.push(`**${section.kind.name}** — owned by the ${spellRoles(catalogue, section.kind.owner)} (${describeRoles(catalogue, section.kind.owner)} · ${section.kind.aspect})`);
      const declared = section.declared?.roles ?? [];
      const same = declared.length === section.expected.length && declared.every((r) => section.expected.includes(r));
      if (section.declared && declared.length && !same) lines.push('', `Declared owner: ${spellRoles(catalogue, declared)} (${section.declared.via})`);
      const first = section.kind.guidelines[0];
      const line = first !== undefined ? guidelineLine(catalogue, first, links) : undefined;
      if (line) lines.push('', line);
      if (section.evidence) lines.push('', `_Classified by ${section.evidence.via}: ${section.evidence.detail}_`);
    } else {
      lines.push(`**${section.section.title}** — no known section kind`);
    }
    parts.push(lines.join('\n'));
  }

  for (const f of findings) {
    if (!contains(toRange(f.range), position)) continue;
    // The hover shares its small box with the problem itself: the first guideline in full, the rest on the
    // rule's page (one click away).
    const [first, ...rest] = f.guidelines;
    const line = first !== undefined ? guidelineLine(catalogue, first, links) : undefined;
    if (!line) continue;
    const more = rest.length ? ` (and ${rest.length} more guideline${rest.length > 1 ? 's' : ''} on [the rule's page](${links.rule(f.ruleId)}))` : '';
    parts.push(`**[${f.ruleId}](${links.rule(f.ruleId)})** cites: ${line}${more}`);
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
}
