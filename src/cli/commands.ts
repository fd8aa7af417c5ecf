// `specroles explain`, `specroles stub`, `specroles template` and `specroles init`: read the catalogue (with what the config in
// the working folder adds) and print or write text.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_NAMES, catalogueFor, citeSource, DEFAULT_SPEC_FILES, NOT_SPEC_BECAUSE, renderTemplate, describeRoles, normaliseHeading, renderStubs, rules, rulesById, SPEC_CANDIDATE, spellRoles, type Catalogue, type Config, type Guideline } from '../core';
import type { ParsedArgs } from './args';
import { Configs } from './configs';
import { SpecSelector } from './files';
import type { Io } from './io';
import { byIndex, CliError, closest, displayPath } from './util';

/** The configs as the command line names them (`--config`), for the working folder and the files in it. */
function configsFor(args: ParsedArgs, io: Io): Configs {
  return new Configs({ cwd: io.cwd, rules: {}, ...(args.config ? { explicit: resolve(io.cwd, args.config) } : {}) });
}

function configFor(args: ParsedArgs, io: Io): Config {
  const configs = configsFor(args, io);
  configs.forDirectory(io.cwd);
  const problems = configs.fileProblems();
  const [problem] = problems;
  if (problem !== undefined) throw new CliError(problem);
  return byIndex(configs.all, 0, 'config').config;
}

// ---- explain -------------------------------------------------------------------------------------

export function explainCommand(args: ParsedArgs, io: Io): number {
  const topic = byIndex(args.positionals, 0, 'topic'); // parseArgs holds explain to exactly one
  // A path is a file to explain: rule, guideline and kind ids have no separator or dot (a heading such as
  // "Goals / OKRs" may, and is looked up as one unless a file has that name); a name with an extension or
  // that starts like a path and names no file is a mistake, said as such.
  if (/[\\/.]/.test(topic)) {
    const file = resolve(io.cwd, topic);
    if (isFile(file)) {
      io.stdout.write(`${explainFile(file, args, io).join('\n')}\n`);
      return 0;
    }
    if (/\.[a-z0-9]{1,10}$/i.test(topic) || /^\.{0,2}[\\/]/.test(topic)) throw new CliError(`${topic}: no such file`);
  }
  const catalogue = catalogueFor(configFor(args, io));
  const out: string[] = [];
  if (topic === 'rules') out.push(...listRules());
  else if (topic === 'guidelines') out.push(...listGuidelines(catalogue));
  else if (topic === 'kinds') out.push(...listKinds(catalogue));
  else if (topic === 'types') out.push(...listTypes(catalogue));
  else {
    const sections: string[][] = [];
    const rule = rulesById.get(topic);
    if (rule) sections.push(explainRule(rule.meta, catalogue));
    const guideline = catalogue.guidelines.get(topic);
    if (guideline) sections.push(explainGuideline(guideline, catalogue));
    const kind = catalogue.kinds.get(topic) ?? catalogue.synonyms.get(normaliseHeading(topic));
    if (kind) sections.push(explainKind(kind.id, catalogue));
    if (catalogue.docTypes.has(topic)) sections.push(explainType(topic, catalogue));
    if (!sections.length) {
      const ids = [...rulesById.keys(), ...catalogue.guidelines.keys(), ...catalogue.kinds.keys(), ...catalogue.docTypes.keys(), 'rules', 'guidelines', 'kinds', 'types'];
      const guess = closest(topic, ids);
      throw new CliError(`nothing is called "${topic}"${guess ? `; did you mean "${guess}"?` : ''} Try \`specroles explain rules\`, \`guidelines\`, \`kinds\` or \`types\`.`);
    }
    out.push(...sections.flatMap((s, i) => (i ? ['', ...s] : s)));
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `specroles explain FILE`: whether a folder walk takes the file for a spec, and why, in the words of the
 * decision itself (the globs, a marker, or what its headings and words say), so that a spec the content
 * decision misses, or a README it takes, can be told why and put right.
 */
function explainFile(abs: string, args: ParsedArgs, io: Io): string[] {
  const shown = displayPath(io.cwd, abs);
  if (!SPEC_CANDIDATE.test(abs)) return [`${shown} is not a spec: only Markdown and YAML files are.`];
  const configs = configsFor(args, io);
  const explained = new SpecSelector(io.cwd, configs, (c) => catalogueFor(c.config)).explain(abs);
  const [problem] = configs.fileProblems();
  if (problem !== undefined) throw new CliError(problem);
  const { selection, decision, include } = explained;
  const globs = include === 'config' ? 'the globs of files.include' : `the default spec globs (${DEFAULT_SPEC_FILES.join(', ')})`;
  const fix = 'To lint it as a spec, add `specroles: 1` to its front matter (a top-level `specroles: 1` key in YAML) or add it to files.include.';
  if (selection.spec) {
    if (selection.via === 'include') return [`${shown} is a spec: its path matches ${globs}.`];
    if (selection.via === 'marker') return [`${shown} is a spec: it is marked as one (\`specroles:\` or a known document \`type:\`).`];
    return [`${shown} is a spec by its content: ${decision?.reason ?? 'its headings and words'}.`];
  }
  switch (selection.because) {
    case 'excluded':
      return [`${shown} is not a spec: files.exclude leaves it out.`];
    case 'not-included':
      return [`${shown} is not a spec: the config lists its specs in files.include, this file is not among them, and it is not marked as one.`, fix];
    case 'unreadable':
      return [`${shown} is not a spec: it could not be read.`];
    case 'named-genre':
      return [`${shown} is not a spec: its name is that of ${selection.genre ?? 'a file with a purpose of its own'}, whatever it holds.`, fix];
    default:
      return [`${shown} is not a spec: ${decision?.reason ?? NOT_SPEC_BECAUSE[selection.because]}.`, fix];
  }
}

function table(rows: string[][], indent = '  '): string[] {
  // Rows may differ in length: a column is as wide as its widest cell, and a row's last cell is not padded.
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => `${indent}${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

function listRules(): string[] {
  return ['Rules (id, default severity, what it finds):', ...table(rules.map((r) => [r.meta.id, r.meta.defaultSeverity, r.meta.description]))];
}

function listGuidelines(catalogue: Catalogue): string[] {
  return [
    'Guidelines (id, role, statement):',
    ...table([...catalogue.guidelines.values()].map((g) => [g.id, describeRoles(catalogue, [g.role]), g.statement])),
  ];
}

function listKinds(catalogue: Catalogue): string[] {
  const groups = new Map<string, string[][]>();
  for (const kind of catalogue.kinds.values()) {
    const owner = describeRoles(catalogue, kind.owner);
    const rows = groups.get(owner) ?? [];
    rows.push([kind.id, kind.name, kind.aspect]);
    groups.set(owner, rows);
  }
  const rank = (owner: string) => ['PM', 'PMM', 'PM + PMM'].indexOf(owner) + 1 || 4;
  const owners = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = ['Section kinds by owner (id, name, aspect):'];
  for (const owner of owners) out.push('', `${owner}:`, ...table(groups.get(owner)!));
  return out;
}

function listTypes(catalogue: Catalogue): string[] {
  return ['Document types (id, owner, name):', ...table([...catalogue.docTypes.values()].map((t) => [t.id, describeRoles(catalogue, t.owner), t.name]))];
}

function source(g: Guideline): string {
  return citeSource(g.source);
}

function guidelineLines(ids: readonly string[], catalogue: Catalogue): string[] {
  return ids.flatMap((id) => {
    const g = catalogue.guidelines.get(id);
    if (!g) return [`  ${id} (not in the catalogue)`];
    return [`  ${id} (${describeRoles(catalogue, [g.role])})`, `    ${g.statement}`, `    Source: ${source(g)}`];
  });
}

function explainRule(meta: (typeof rules)[number]['meta'], catalogue: Catalogue): string[] {
  const fixable = meta.fixable === 'safe' ? 'yes: --fix applies its safe fixes' : meta.fixable === 'suggestion' ? 'suggestions only (in the editor)' : 'no';
  return [
    `${meta.id} (rule)`,
    `  ${meta.description}`,
    `  Default severity: ${meta.defaultSeverity}`,
    `  Fixable: ${fixable}`,
    'Guidelines:',
    ...guidelineLines(meta.guidelines, catalogue),
  ];
}

function explainGuideline(g: Guideline, catalogue: Catalogue): string[] {
  const byRules = rules.filter((r) => r.meta.guidelines.includes(g.id)).map((r) => r.meta.id);
  const byKinds = [...catalogue.kinds.values()].filter((k) => k.guidelines.includes(g.id)).map((k) => k.id);
  return [
    `${g.id} (guideline, ${spellRoles(catalogue, [g.role])})`,
    `  ${g.statement}`,
    `  Source: ${source(g)}`,
    ...(byRules.length ? [`  Cited by rules: ${byRules.join(', ')}`] : []),
    ...(byKinds.length ? [`  Cited for kinds: ${byKinds.join(', ')}`] : []),
  ];
}

function explainKind(id: string, catalogue: Catalogue): string[] {
  const kind = catalogue.kinds.get(id)!;
  const lead = kind.lead ? ` (${describeRoles(catalogue, [kind.lead])} leads)` : '';
  return [
    `${kind.id} (section kind): ${kind.name}`,
    `  Owner: ${spellRoles(catalogue, kind.owner)} [${describeRoles(catalogue, kind.owner)}]${lead}`,
    `  Aspect: ${kind.aspect}`,
    ...(kind.synonyms.length ? [`  Headings: ${kind.synonyms.join(', ')}`] : []),
    `  Write here: ${kind.hint}`,
    ...(kind.skipOwnership ? ['  Ownership checks skip this administrative section.'] : []),
    ...(kind.guidelines.length ? ['Guidelines:', ...guidelineLines(kind.guidelines, catalogue)] : []),
  ];
}

function explainType(id: string, catalogue: Catalogue): string[] {
  const type = catalogue.docTypes.get(id)!;
  return [
    `${type.id} (document type): ${type.name}`,
    `  Owner: ${spellRoles(catalogue, type.owner)} [${describeRoles(catalogue, type.owner)}]`,
    ...(type.requires.length ? ['  Requires:', ...type.requires.map((r) => `    ${r.name}: one of ${r.anyOf.join(', ')}`)] : []),
    ...(type.fileNames.length ? [`  Recognised in file names: ${type.fileNames.join(', ')}`] : []),
    ...(type.template.length ? [`  Template (\`specroles template ${type.id}\`): ${type.template.join(', ')}`] : []),
  ];
}

// ---- stub ----------------------------------------------------------------------------------------

export function stubCommand(args: ParsedArgs, io: Io): number {
  const catalogue = catalogueFor(configFor(args, io));
  const kinds = args.positionals.map((name) => {
    const kind = catalogue.kinds.get(name) ?? catalogue.synonyms.get(normaliseHeading(name));
    if (kind) return kind;
    const guess = closest(name, [...catalogue.kinds.keys()]);
    throw new CliError(`unknown section kind "${name}"${guess ? `; did you mean "${guess}"?` : ''} (see \`specroles explain kinds\`)`);
  });
  const format = /^ya?ml$/.test(args.format ?? '') ? 'yaml' : 'markdown';
  io.stdout.write(renderStubs(kinds, format));
  return 0;
}

// ---- template ------------------------------------------------------------------------------------

/** `specroles template TYPE [TITLE...]`: a new document of the type, every required and customary section stubbed. */
export function templateCommand(args: ParsedArgs, io: Io): number {
  const catalogue = catalogueFor(configFor(args, io));
  const [name = '', ...titleWords] = args.positionals;
  const type = catalogue.docTypes.get(name) ?? [...catalogue.docTypes.values()].find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!type) {
    const guess = closest(name, [...catalogue.docTypes.keys()]);
    throw new CliError(`unknown document type "${name}"${guess ? `; did you mean "${guess}"?` : ''} (see \`specroles explain types\`)`);
  }
  io.stdout.write(renderTemplate(catalogue, type, titleWords.length ? { title: titleWords.join(' ') } : {}));
  return 0;
}

// ---- init ----------------------------------------------------------------------------------------

export function initCommand(_args: ParsedArgs, io: Io): number {
  const existing = CONFIG_NAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) throw new CliError(`${existing} already exists here; not overwriting it`);
  const file = join(io.cwd, '.specroles.yaml');
  try {
    writeFileSync(file, initialConfig(), { flag: 'wx' });
  } catch (e) {
    throw new CliError(`.specroles.yaml: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  io.stdout.write('Wrote .specroles.yaml. Run `specroles` to lint the specs under this folder.\n');
  return 0;
}

export function initialConfig(): string {
  const width = Math.max(...rules.map((r) => `${r.meta.id}: ${r.meta.defaultSeverity}`.length));
  const ruleLines = rules.map((r) => `#   ${`${r.meta.id}: ${r.meta.defaultSeverity}`.padEnd(width)}  ${r.meta.description}`);
  return `# specroles: who should own each section of a product spec, the product manager (PM) or the
# product marketing manager (PMM). Every key is optional. \`specroles explain rules\` (or kinds,
# guidelines, types) describes what can go here.

# Stop looking for .specroles.yaml files in parent folders.
root: true

# specroles:recommended, or specroles:strict (info findings become warnings and disable directives
# need a reason); a shareable config from node_modules ("@acme/specroles-config": its specroles.yaml
# or specroles.json, read as data) or a relative path ("./base.yaml"); or a list, later ones winning.
extends: specroles:recommended

# Rule severities: off, info, warning or error, or [severity, { options }]. The defaults:
${ruleLines.join('\n')}
# For example:  rules: { unowned-section: off, missing-section: error }
rules: {}

# Which files are specs when linting folders and globs; globs are relative to this file. Files whose
# front matter (or YAML top level) has \`specroles:\` count too, and files named on the command line
# are always linted. .gitignore'd files are skipped.
files:
  include:
${DEFAULT_SPEC_FILES.map((g) => `    - "${g}"`).join('\n')}
  exclude: []

# Your product's own nouns, never counted as PM or PMM words (for a CI product, "pipeline").
glossary: []

# Your own guidelines (a team handbook), citable by kinds you add or change:
# guidelines:
#   - id: handbook-pmm-owns-pricing-page
#     role: pmm
#     statement: Product marketing writes the pricing page copy.
#     source: { title: Product handbook, author: Our team, section: Pricing }

# Kinds: add synonyms to a built-in kind, change its owner, or add your own.
# kinds:
#   - id: problem
#     synonyms: [pain points]

# A disable directive must say why after "--".
# requireDisableReason: true
`;
}
