// The catalogue: roles, kinds, document types, cue words and guidelines, from the built-in data files
// merged with what a config adds. Built once per config and cached.
import type { z } from 'zod';
import cuesData from '../data/cues.yaml';
import docTypesData from '../data/doc-types.yaml';
import guidelinesData from '../data/guidelines.yaml';
import kindsData from '../data/kinds.yaml';
import rolesData from '../data/roles.yaml';
import type { ConfigProblem } from '../config/problem';
import type { Config } from '../config/schema';
import { closest } from '../text/closest';
import { WITHOUT_JIT } from '../schema/jitless';
import { looseKey, normaliseHeading } from '../classify/normalise';
import { PhraseIndex } from '../text/words';
import {
  catalogueSchemas,
  type CatalogueSchemas,
  type Cue,
  type DocType,
  type Guideline,
  type Kind,
  type Role,
} from './schema';

export interface CompiledKind extends Kind {
  regexes: RegExp[];
  contextFreeRegexes: RegExp[];
}

export interface Catalogue {
  roles: Map<string, Role>;
  kinds: Map<string, CompiledKind>;
  /** In match priority order. */
  kindOrder: CompiledKind[];
  synonyms: Map<string, CompiledKind>;
  /** The synonyms again, keyed loosely (normalise.ts looseKey): plurals and hyphenation do not matter. */
  looseSynonyms: Map<string, CompiledKind>;
  docTypes: Map<string, DocType>;
  guidelines: Map<string, Guideline>;
  cues: PhraseIndex<Cue>;
  glossary: PhraseIndex<true>;
  /** Nouns that make a cue word of these roles before them the name of a part of the product (cues.yaml `productParts`). */
  productParts: { roles: ReadonlySet<string>; nouns: ReadonlySet<string> };
  /** Problems in what the config added (an unknown kind id, a bad pattern), for the config's diagnostics. */
  problems: ConfigProblem[];
}

/**
 * A built-in data file as its schema reads it. The build (esbuild.mjs) validates each against its schema
 * and bundles what the schema makes of it, so it is not validated again at every start (nor the schema
 * built); the schema's name here types it.
 */
function load<K extends keyof CatalogueSchemas>(data: unknown, _schema: K): z.output<CatalogueSchemas[K]> {
  return data as z.output<CatalogueSchemas[K]>;
}

let builtin: { roles: Role[]; kinds: Kind[]; docTypes: DocType[]; cues: Cue[]; productParts: { roles: string[]; nouns: string[] }; guidelines: Guideline[] } | undefined;

function builtinData() {
  builtin ??= {
    roles: load(rolesData, 'rolesFileSchema').roles,
    kinds: load(kindsData, 'kindsFileSchema').kinds,
    docTypes: load(docTypesData, 'docTypesFileSchema').docTypes,
    cues: load(cuesData, 'cuesFileSchema').cues,
    productParts: load(cuesData, 'cuesFileSchema').productParts,
    guidelines: load(guidelinesData, 'guidelinesFileSchema').guidelines,
  };
  return builtin;
}

const cache = new WeakMap<object, Catalogue>();
const EMPTY: Config = {};

export function catalogueFor(config: Config = EMPTY): Catalogue {
  const hit = cache.get(config);
  if (hit) return hit;
  const built = build(config);
  cache.set(config, built);
  return built;
}

function build(config: Config): Catalogue {
  const data = builtinData();
  const problems: ConfigProblem[] = [];

  const roles = new Map(data.roles.map((r) => [r.id, r]));
  for (const role of config.roles ?? []) roles.set(role.id, role);

  const kinds = new Map<string, Kind>(data.kinds.map((k) => [k.id, k]));
  for (const patch of config.kinds ?? []) {
    const base = kinds.get(patch.id);
    if (base) {
      kinds.set(patch.id, {
        ...base,
        ...stripUndefined(patch),
        synonyms: [...(patch.synonyms ?? []), ...base.synonyms],
        patterns: [...(patch.patterns ?? []), ...base.patterns],
        contextFreePatterns: [...(patch.contextFreePatterns ?? []), ...base.contextFreePatterns],
      });
    } else {
      const parsed = catalogueSchemas().kindSchema.safeParse({ aspect: patch.id, hint: `Write the ${patch.name ?? patch.id} here.`, ...stripUndefined(patch) }, WITHOUT_JIT);
      if (parsed.success) kinds.set(patch.id, parsed.data);
      else problems.push({ message: `kinds: new kind "${patch.id}" needs ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, at: { list: 'kinds', id: patch.id } });
    }
  }

  const compiled = new Map<string, CompiledKind>();
  // Config kinds come first in matching, so a team's synonyms win over the built-in patterns.
  const configIds = (config.kinds ?? []).map((k) => k.id).filter((id) => kinds.has(id));
  const order = [...new Set([...configIds, ...kinds.keys()])];
  for (const id of order) {
    const kind = kinds.get(id)!;
    const compile = (patterns: readonly string[], what: string): RegExp[] => {
      const regexes: RegExp[] = [];
      for (const pattern of patterns) {
        try {
          regexes.push(new RegExp(pattern, 'u'));
        } catch (e) {
          problems.push({ message: `kinds: ${what} ${JSON.stringify(pattern)} of "${id}" is not a valid regular expression (${(e as Error).message})`, at: { list: 'kinds', id, value: pattern } });
        }
      }
      return regexes;
    };
    const regexes = compile(kind.patterns, 'pattern');
    const contextFreeRegexes = compile(kind.contextFreePatterns ?? [], 'contextFreePattern');
    for (const role of [...kind.owner, ...Object.values(kind.ownersInDocumentsOf ?? {}).flat()]) {
      if (roles.has(role)) continue;
      const guess = closest(role, [...roles.keys()]);
      problems.push({ message: `kinds: "${id}" is owned by unknown role "${role}"`, at: { list: 'kinds', id, value: role }, ...(guess ? { suggestion: guess } : {}) });
    }
    compiled.set(id, { ...kind, regexes, contextFreeRegexes });
  }

  const synonyms = new Map<string, CompiledKind>();
  for (const kind of compiled.values()) {
    for (const synonym of kind.synonyms) {
      const key = normaliseHeading(synonym);
      if (key && !synonyms.has(key)) synonyms.set(key, kind);
    }
  }
  // Config synonyms override built-in ones that normalise the same.
  for (const patch of config.kinds ?? []) {
    for (const synonym of patch.synonyms ?? []) synonyms.set(normaliseHeading(synonym), compiled.get(patch.id)!);
  }
  const looseSynonyms = new Map<string, CompiledKind>();
  for (const [key, kind] of synonyms) {
    const loose = looseKey(key);
    if (!looseSynonyms.has(loose) || synonyms.get(loose) === kind) looseSynonyms.set(loose, kind);
  }

  const docTypes = new Map(data.docTypes.map((d) => [d.id, d]));
  for (const patch of config.docTypes ?? []) {
    const base = docTypes.get(patch.id);
    if (base) docTypes.set(patch.id, { ...base, ...stripUndefined(patch) });
    else if (patch.name && patch.owner) docTypes.set(patch.id, { requires: [], fileNames: [], template: [], ...stripUndefined(patch), id: patch.id, name: patch.name, owner: patch.owner });
    else problems.push({ message: `docTypes: new type "${patch.id}" needs a name and an owner`, at: { list: 'docTypes', id: patch.id } });
  }
  const unknownKind = (type: { id: string }, id: string, where: string) => {
    const guess = closest(id, [...compiled.keys()]);
    problems.push({ message: `docTypes: "${type.id}" ${where} unknown kind "${id}"`, at: { list: 'docTypes', id: type.id, value: id }, ...(guess ? { suggestion: guess } : {}) });
  };
  for (const type of docTypes.values()) {
    for (const req of type.requires) for (const id of req.anyOf) if (!compiled.has(id)) unknownKind(type, id, 'requires');
    for (const id of type.template) if (!compiled.has(id)) unknownKind(type, id, 'has in its template the');
  }

  const guidelines = new Map(data.guidelines.map((g) => [g.id, g]));
  for (const g of config.guidelines ?? []) guidelines.set(g.id, g);

  const cues = new PhraseIndex<Cue>();
  for (const cue of [...data.cues, ...(config.cues ?? [])]) for (const term of cue.terms) cues.add(term, cue);
  const glossary = new PhraseIndex<true>();
  for (const term of config.glossary ?? []) glossary.add(term, true);

  const productParts = { roles: new Set(data.productParts.roles), nouns: new Set(data.productParts.nouns.map((n) => n.toLowerCase())) };

  return { roles, kinds: compiled, kindOrder: [...compiled.values()], synonyms, looseSynonyms, docTypes, guidelines, cues, glossary, productParts, problems };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "shared" and other composite roles stand for their members. */
export function expandRoles(catalogue: Catalogue, roles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const role of roles) {
    const members = catalogue.roles.get(role)?.members;
    if (members?.length) members.forEach((m) => out.add(m));
    else out.add(role);
  }
  return [...out];
}

/** "PM", "PMM", "PM + PMM" for messages. */
export function describeRoles(catalogue: Catalogue, roles: readonly string[]): string {
  const expanded = expandRoles(catalogue, roles);
  return expanded.map((r) => catalogue.roles.get(r)?.short ?? r).join(' + ');
}

/** "the PMM", "the PM + PMM", "engineering": the roles as a sentence names them (a role's `inSentence`, else "the" and its short name). */
export function mentionRoles(catalogue: Catalogue, roles: readonly string[]): string {
  const expanded = expandRoles(catalogue, roles);
  const only = expanded.length === 1 && expanded[0] !== undefined ? catalogue.roles.get(expanded[0])?.inSentence : undefined;
  return only ?? `the ${describeRoles(catalogue, expanded)}`;
}

/** "product manager" / "product manager and product marketing manager", spelled out for hovers. */
export function spellRoles(catalogue: Catalogue, roles: readonly string[]): string {
  const names = expandRoles(catalogue, roles).map((r) => catalogue.roles.get(r)?.name ?? r);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
