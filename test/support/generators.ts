// fast-check arbitraries for what specroles reads: Markdown specs, YAML specs and configs, generated from
// the vocabulary real specs use, and mutations of real documents (the examples and the shared corpus,
// read in place). Shared by the fuzz properties; the hostile catalogue uses the same building blocks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { catalogueFor, rules } from '../../src/core';
import { corpusDir, projectRoot } from './paths';
import { nth } from './nth';

const catalogue = catalogueFor({});
const SYNONYMS = [...catalogue.synonyms.keys()];
const DOC_TYPES = [...catalogue.docTypes.keys()];
const KIND_IDS = [...catalogue.kinds.keys()];
const RULE_IDS = rules.map((r) => r.meta.id);
const ROLES = ['pm', 'pmm', 'eng', 'project', 'marketing', 'shared', 'PM', 'Pmm', 'pmn', 'ux', 'alice', ''];
const CUES = [
  'tagline', 'campaign', 'press release', 'acceptance criteria', 'persona', 'positioning', 'retention', 'churn', 'NPS',
  'uptime', 'latency', 'adoption', 'pricing', 'launch', 'roadmap', 'milestone', 'requirement', 'MUST', 'competitor',
  'messaging', 'go-to-market', 'sales enablement', 'battlecard', 'pipeline', 'release', 'value proposition', 'blog post',
  'newsletter', 'user story', 'outage', 'speed to market', 'growth', 'satisfaction', 'the', 'and', 'customers',
];
const PLACEHOLDERS = ['TBD', 'TODO', 'TBC', 'N/A', '[DATE]', '[Brief description]', '{{project_name}}', '<insert link>', '???', 'lorem ipsum', '[', '{{', '<add'];
const TRICKY = ['\t', '\r', '\r\n', '\u00a0', '\u200b', '\ufeff', '\ufffd', '\u2028', '🚀', '👩‍💻', 'é', 'e\u0301', '\\', '&amp;', '&#', '<', '>', '`', '*', '_', '~', '|', '#', '[', ']', '(', ')', '!', '"', "'", ':', '-', '---', '```', '<!--', '-->'];

export const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CUES) },
  { weight: 2, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);

export const words = (max = 12): fc.Arbitrary<string> => fc.array(word, { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));

const rolesList = fc.array(fc.constantFrom(...ROLES), { minLength: 0, maxLength: 3 }).chain((rs) => fc.constantFrom(', ', ' + ', ' & ', ' ', ',').map((sep) => rs.join(sep)));

export const ownerComment = rolesList.chain((roles) => fc.constantFrom(`<!-- owner: ${roles} -->`, `<!--owners:${roles}-->`, `<!-- OWNER : ${roles} -->`, `<!-- owner: ${roles}`));

const ruleList = fc.array(fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('no-such-rule', 'empty-sections', '*')), { maxLength: 3 }).map((r) => r.join(', '));
const reason = fc.option(words(4), { nil: undefined }).map((r) => (r === undefined ? '' : ` -- ${r}`));
export const directiveBody = fc
  .tuple(fc.constantFrom('disable', 'enable', 'disable-next-section', 'disable-file', 'disable-line', 'disablex'), ruleList, reason)
  .map(([kind, list, why]) => `specroles-${kind} ${list}${why}`);

const decorated = fc
  .tuple(
    fc.constantFrom('', '', '3. ', 'A. ', '1.2 ', 'iv) ', 'Q: ', 'Step 2 - ', '🚀 ', '**', '#5 '),
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SYNONYMS) }, { weight: 2, arbitrary: words(5) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
    fc.constantFrom('', '', ' (Optional)', ' *(mandatory)*', ' (Priority: P1)', '?', ' - draft', ' 🎯', '**', ' #', ' ##'),
  )
  .map(([pre, title, post]) => `${pre}${title}${post}`);

export const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), decorated, fc.option(ownerComment, { nil: undefined }), fc.constantFrom('atx', 'atx', 'atx', 'setext', 'next-line'))
  .map(([level, title, owner, style]) => {
    if (style === 'setext') return `${title.replace(/\n/g, ' ') || 'x'}${owner ? ` ${owner}` : ''}\n${level === 1 ? '====' : '----'}`;
    const atx = `${'#'.repeat(level)} ${title}`;
    if (style === 'next-line' && owner) return `${atx}\n${owner}`;
    return owner ? `${atx} ${owner}` : atx;
  });

const paragraph = words(30);
const listBlock = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] '), words(8)), { minLength: 1, maxLength: 6 })
  .map((items) => items.map(([depth, marker, text]) => `${'  '.repeat(depth)}${marker}${text}`).join('\n'));
const quote = fc.tuple(fc.integer({ min: 1, max: 4 }), words(10)).map(([depth, text]) => `${'> '.repeat(depth)}${text}`);
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'markdown', 'yaml'), fc.array(fc.oneof(heading, paragraph), { maxLength: 3 }), fc.boolean())
  .map(([f, lang, body, closed]) => `${f}${lang}\n${body.join('\n')}${closed ? `\n${f}` : ''}`);
const comment = fc
  .tuple(fc.oneof(words(6), heading, directiveBody), fc.boolean(), fc.boolean())
  .map(([body, multiline, closed]) => `<!--${multiline ? '\n' : ' '}${body}${multiline ? '\n' : ' '}${closed ? '-->' : ''}`);
const directive = fc.tuple(directiveBody, fc.boolean()).map(([body, closed]) => `<!-- ${body}${closed ? ' -->' : ''}`);
const table = fc
  .tuple(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...SYNONYMS).map((s) => `**${s}**`), words(2)), words(4)), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([rows, delimiter]) => ['| Field | Value |', delimiter ? '|---|:-:|' : '', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].filter(Boolean).join('\n'));
const boldLabel = fc.tuple(fc.constantFrom(...SYNONYMS), words(8), fc.boolean()).map(([label, text, inside]) => (inside ? `**${label}:** ${text}` : `**${label}**: ${text}`));
const html = fc.constantFrom('<div>', '</div>', '<details><summary>x</summary>', '<br/>', '<img src=x>', '<script>alert(1)</script>');
const rule = fc.constantFrom('---', '***', '___', '- - -', '===');
const raw = fc.string({ unit: 'grapheme', maxLength: 40 });
const binaryish = fc.string({ unit: 'binary', maxLength: 20 });

export const block = fc.oneof(
  { weight: 8, arbitrary: heading },
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: listBlock },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: comment },
  { weight: 2, arbitrary: directive },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: boldLabel },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: rule },
  { weight: 1, arbitrary: raw },
  { weight: 1, arbitrary: binaryish },
);

const yamlScalar = fc.oneof(
  fc.constantFrom(...DOC_TYPES),
  fc.constantFrom(...ROLES),
  fc.constantFrom('1', '2', 'true', 'null', '~', '[pm, pmm]', '[pm', '"unclosed', "'x'", '{a: 1}', '|', '>-', '&anchor x', '*alias', '!!binary x', '@x', '`x`'),
  words(3),
);

export const frontMatter = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('specroles', 'type', 'title', 'owner', 'reviewers', 'status', 'type', '  nested', '\tbad', '- item', 'x:y'), yamlScalar), { maxLength: 5 }),
    fc.constantFrom('---', '---', '...', '--- ', ''),
  )
  .map(([pairs, close]) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}${pairs.length ? '\n' : ''}${close}${close ? '\n' : ''}`);

export interface GeneratedDoc {
  text: string;
  path: string | undefined;
}

/** Line endings and a byte-order mark, applied to finished text. */
export const envelope = fc.record({
  bom: fc.boolean(),
  // Lone CR (classic Mac) is left to the hostile catalogue: the yaml package does not read it as a line break.
  eol: fc.constantFrom('\n', '\n', '\r\n', 'mixed'),
});

export function wrap(text: string, { bom, eol }: { bom: boolean; eol: string }): string {
  let out = text;
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  else if (eol === 'mixed') out = out.replace(/\n/g, (_m, i: number) => (i % 3 === 0 ? '\r\n' : '\n'));
  else if (eol === '\r') out = out.replace(/\r?\n/g, '\r');
  return (bom ? '\ufeff' : '') + out;
}

const markdownPath = fc.constantFrom<string | undefined>('spec.prd.md', 'brief.md', 'docs/positioning.md', 'x.launch-brief.md', 'gtm-plan.md', undefined, 'README.md');

export const markdownDoc: fc.Arbitrary<GeneratedDoc> = fc
  .tuple(fc.option(frontMatter, { nil: undefined }), fc.array(block, { maxLength: 25 }), fc.constantFrom('\n', '\n\n', '\n\n', ''), envelope, markdownPath)
  .map(([front, blocks, sep, env, path]) => ({ text: wrap((front ?? '') + blocks.join(sep) + (blocks.length ? '\n' : ''), env), path }));

// YAML specs: a model of the schema with wrong types mixed in, written by the yaml package, then
// sometimes damaged line by line.
const yamlValue = fc.oneof(
  { weight: 3, arbitrary: words(4) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }) },
);

const { section } = fc.letrec<{ section: Record<string, unknown> }>((tie) => ({
  section: fc.record(
    {
      title: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SYNONYMS) }, { weight: 2, arbitrary: decorated }, { weight: 1, arbitrary: yamlValue }),
      kind: fc.oneof(fc.constantFrom(...KIND_IDS), fc.constantFrom('problm', 'timeline', 'no_such_kind'), yamlValue),
      owner: fc.oneof(fc.constantFrom(...ROLES), fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }), rolesList, yamlValue),
      body: fc.oneof(words(30), fc.constantFrom(...PLACEHOLDERS), yamlValue),
      instruction: words(10),
      extra: yamlValue,
      sections: fc.array(tie('section'), { maxLength: 3, depthIdentifier: 'sections' }),
    },
    { requiredKeys: [] },
  ),
}));

const yamlSpecModel = fc.record(
  {
    specroles: fc.oneof(fc.constant(1), fc.constant(2), yamlValue),
    type: fc.oneof(fc.constantFrom(...DOC_TYPES), fc.constantFrom('prdd', 'launch brief'), yamlValue),
    title: fc.oneof(words(4), yamlValue),
    owner: fc.oneof(fc.constantFrom(...ROLES), fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }), yamlValue),
    reviewers: fc.oneof(fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }), rolesList),
    sections: fc.oneof({ weight: 8, arbitrary: fc.array(section, { maxLength: 6 }) }, { weight: 1, arbitrary: yamlValue }),
    unknown: yamlValue,
  },
  { requiredKeys: ['sections'] },
);

const yamlDirective = fc.tuple(directiveBody, fc.boolean()).map(([body, inline]) => (inline ? ` # ${body}` : `# ${body}`));

export const yamlDoc: fc.Arbitrary<GeneratedDoc> = fc
  .tuple(
    yamlSpecModel,
    fc.record({ flow: fc.boolean(), indent: fc.integer({ min: 1, max: 4 }) }),
    fc.array(fc.tuple(fc.nat(), yamlDirective), { maxLength: 3 }),
    envelope,
    fc.constantFrom('x.spec.yaml', 'x.prd.yml', 'template.yaml', 'x.spec.yaml'),
  )
  .map(([model, style, directives, env, path]) => {
    let text = stringify(model, { indent: style.indent, ...(style.flow ? { collectionStyle: 'flow' as const } : {}) });
    const lines = text.split('\n');
    for (const [at, d] of directives) {
      const i = at % (lines.length + 1);
      if (d.startsWith(' ') && lines[i]) lines[i] += d;
      else lines.splice(i, 0, d.trim());
    }
    text = lines.join('\n');
    return { text: wrap(text, env), path };
  });

// Configs: each key with valid and invalid values.
const severity = fc.constantFrom('off', 'info', 'warning', 'error', 'loud', 'Error', 2);
const configModel = fc.record(
  {
    root: fc.oneof(fc.boolean(), yamlValue),
    extends: fc.oneof(fc.constantFrom('specroles:recommended', 'specroles:strict', 'eslint:recommended'), fc.array(fc.constantFrom('specroles:recommended', 'specroles:strict'))),
    rules: fc.dictionary(
      fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('no-such-rule')),
      fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, fc.oneof(fc.record({ allow: fc.array(fc.constantFrom(...KIND_IDS)) }), fc.record({ minScore: fc.integer({ min: -1, max: 20 }) }), fc.dictionary(fc.string({ maxLength: 4 }), yamlValue, { maxKeys: 2 })))),
      { maxKeys: 4 },
    ),
    kinds: fc.array(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom(...KIND_IDS), fc.constantFrom('team_kind', 'Bad Id', '')),
          name: words(2),
          owner: fc.array(fc.constantFrom(...ROLES), { maxLength: 2 }),
          synonyms: fc.array(words(2), { maxLength: 2 }),
          patterns: fc.array(fc.constantFrom('^release notes', 'pric', '(', '^(a+)+$', '.*a.*b', '\\bgtm\\b', '[z-a]'), { maxLength: 2 }),
          hint: words(4),
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 2 },
    ),
    roles: fc.array(fc.record({ id: fc.constantFrom('design', 'legal', 'PM', ''), name: words(2), short: words(1), owns: words(4) }, { requiredKeys: ['id'] }), { maxLength: 2 }),
    docTypes: fc.array(fc.record({ id: fc.constantFrom(...DOC_TYPES, 'team-doc'), name: words(2), owner: fc.array(fc.constantFrom(...ROLES), { maxLength: 2 }) }, { requiredKeys: ['id'] }), { maxLength: 2 }),
    files: fc.record({ include: fc.array(fc.constantFrom('**/*.prd.md', 'specs/**', '**/*a*a*a*b', '+(a*)b', '[')), exclude: fc.array(fc.constantFrom('drafts/**')) }, { requiredKeys: [] }),
    overrides: fc.array(fc.record({ files: fc.oneof(fc.constantFrom('**/*.md', '*.prd.md', 'docs/**', '{'), fc.array(fc.constantFrom('**/*.md', 'x'))), rules: fc.dictionary(fc.constantFrom(...RULE_IDS), severity, { maxKeys: 2 }), glossary: fc.array(words(1), { maxLength: 2 }) }, { requiredKeys: ['files'] }), { maxLength: 2 }),
    glossary: fc.array(fc.oneof(fc.constantFrom('pipeline', 'release', 'launch', ''), words(2)), { maxLength: 3 }),
    guidelines: fc.array(fc.record({ id: fc.constantFrom('team-handbook', 'x'), role: fc.constantFrom(...ROLES), statement: words(6), source: fc.record({ title: words(3) }) }, { requiredKeys: ['id'] }), { maxLength: 1 }),
    requireDisableReason: fc.oneof(fc.boolean(), yamlValue),
    rulez: yamlValue,
  },
  { requiredKeys: [] },
);

export const configText: fc.Arbitrary<{ text: string; file: string }> = fc
  .tuple(configModel, fc.boolean(), envelope)
  .map(([model, json, env]) => (json ? { text: wrap(JSON.stringify(model, null, 2), env), file: '/repo/.specroles.json' } : { text: wrap(stringify(model), env), file: '/repo/.specroles.yaml' }));

// Mutations of real documents.
const SNIPPETS = ['\n', '\n\n', '## ', '# ', '###### ', '<!--', '-->', '```', '~~~', '---\n', '> ', '- ', '1. ', '**', '__', '[', ']', '{{', '}}', '|', '\t', '\r', '\r\n', '\ufeff', '\ufffd', '🚀', '<!-- owner: pmn -->', '<!-- owner: pmm -->', '<!-- specroles-disable -->', '<!-- specroles-enable', '# specroles-disable-file no-such-rule', 'owner: pmn\n', '- title: ', '  ', ': ', '"', "'", '&', '*', '!', '{', '}', 'specroles: 1\n', 'type: prd\n'];

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) }, { weight: 2, arbitrary: block }) }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.op) {
    case 'delete': {
      const at = n ? m.at % n : 0;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'duplicate': {
      const at = n ? m.at % n : 0;
      const piece = text.slice(at, at + m.length);
      const to = m.to % (n + 1);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [nth(lines, b), nth(lines, a)];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (n + 1));
  }
}

export interface Seed {
  name: string;
  path: string;
  text: string;
}

/** The examples and (where ../shared is present) the real corpus, read in place. */
export function seeds(): { markdown: Seed[]; yaml: Seed[]; corpusPresent: boolean } {
  const files: Seed[] = [];
  const read = (dir: string, label: string) => {
    for (const name of readdirSync(dir)) {
      if (!/\.(md|ya?ml)$/.test(name) || name === 'MANIFEST.md') continue;
      files.push({ name: `${label}/${name}`, path: name, text: readFileSync(join(dir, name), 'utf8') });
    }
  };
  read(join(projectRoot, 'examples'), 'examples');
  const corpusPresent = existsSync(corpusDir);
  if (corpusPresent) read(corpusDir, 'corpus');
  return { markdown: files.filter((f) => f.path.endsWith('.md')), yaml: files.filter((f) => !f.path.endsWith('.md')), corpusPresent };
}

export function mutatedSeed(list: Seed[]): fc.Arbitrary<GeneratedDoc & { seed: string }> {
  return fc
    .tuple(fc.constantFrom(...list), fc.array(mutation, { minLength: 1, maxLength: 4 }), envelope)
    .map(([seed, ms, env]) => ({ seed: seed.name, path: seed.path, text: wrap(ms.reduce(mutate, seed.text), env) }));
}
