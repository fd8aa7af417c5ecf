// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Every rule carries its
// description and, as help, the statements and sources of the guidelines it cites; the guidelines are
// also a SARIF taxonomy that rules and results point into.
import { catalogueFor, citeSource, describeRoles, ruleDocUrl, rules, type Guideline, type RuleMeta, type Severity } from '../../core';
import type { FileResult } from '../report';
import type { Formatter } from './types';

export const render: Formatter = (results, ctx) => {
  const guidelines = new Map<string, Guideline>();
  // Roles are spelled out as the first config has them, or as the built-in catalogue does when there is none.
  const [first = catalogueFor({}), ...others] = ctx.configs.map((c) => catalogueFor(c));
  for (const catalogue of [first, ...others]) for (const [id, g] of catalogue.guidelines) if (!guidelines.has(id)) guidelines.set(id, g);
  const describeRole = (role: string) => describeRoles(first, [role]);
  return sarif(results, { version: ctx.version, rules: rules.map((r) => r.meta), guidelines, describeRole });
};

export interface SarifContext {
  version: string;
  rules: readonly RuleMeta<unknown>[];
  /** Every guideline a rule or finding may cite, by id. */
  guidelines: ReadonlyMap<string, Guideline>;
  /** "PM", "PMM", "PM + PMM" for a role id. */
  describeRole(role: string): string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const TAXONOMY = 'specroles-guidelines';

export function sarif(results: readonly FileResult[], ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  // Taxa: the rules' guidelines, then any other guideline a finding cites, in first-seen order.
  const cited = [...new Set([...ctx.rules.flatMap((r) => r.guidelines), ...results.flatMap((f) => f.messages.flatMap((m) => m.guidelines))])].filter((id) =>
    ctx.guidelines.has(id),
  );
  const taxonIndex = new Map(cited.map((id, i) => [id, i]));
  const taxonRef = (id: string) => ({ id, index: taxonIndex.get(id)!, toolComponent: { name: TAXONOMY, index: 0 } });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specroles',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: ctx.rules.map((rule) => {
              const guidelines = rule.guidelines.filter((g) => taxonIndex.has(g));
              return {
                id: rule.id,
                name: pascal(rule.id),
                shortDescription: { text: rule.description },
                fullDescription: { text: rule.description },
                helpUri: ruleDocUrl(rule.id),
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
                help: helpFor(rule, guidelines.map((g) => ctx.guidelines.get(g)!), ctx.describeRole),
                relationships: guidelines.map((g) => ({ target: taxonRef(g), kinds: ['relevant'] })),
                properties: { tags: ['product-spec', 'ownership'], guidelines, fixable: rule.fixable },
              };
            }),
          },
        },
        taxonomies: [
          {
            name: TAXONOMY,
            organization: 'specroles',
            shortDescription: { text: 'Guidelines on what the product manager and the product marketing manager own, paraphrased from their sources.' },
            taxa: cited.map((id) => {
              const g = ctx.guidelines.get(id)!;
              return {
                id,
                shortDescription: { text: g.statement },
                fullDescription: { text: `${g.statement} Source: ${source(g)}.` },
                properties: { role: g.role, source: g.source },
              };
            }),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((file) =>
          file.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId)! } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(file.filePath), uriBaseId: '%SRCROOT%' },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
            taxa: m.guidelines.filter((g) => taxonIndex.has(g)).map(taxonRef),
            properties: { guidelines: m.guidelines },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function helpFor(rule: RuleMeta<unknown>, guidelines: Guideline[], role: (id: string) => string): { text: string; markdown: string } {
  const text = [rule.description, '', 'Guidelines:', ...guidelines.map((g) => `- ${g.id} (${role(g.role)}): ${g.statement} Source: ${source(g)}.`)];
  const markdown = [
    rule.description,
    '',
    '**Guidelines**',
    '',
    ...guidelines.map((g) => `- **${g.id}** (${role(g.role)}): ${g.statement}  \n  Source: ${source(g, true)}.`),
  ];
  return { text: text.join('\n'), markdown: markdown.join('\n') };
}

function source(g: Guideline, markdown = false): string {
  return citeSource(g.source, { markdown, url: false });
}

function pascal(id: string): string {
  return id.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function uriOf(path: string): string {
  return path.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}
