// Which files are specs: the one decision the CLI's folder walk, the remark plugin and the editors make.
// In order: the config's `files.exclude` (and an editor's own exclude setting) leave a file out; its
// `files.include` globs (DEFAULT_SPEC_FILES when the config names none) take it in; a marker in its text
// (front matter `specroles:` or a known `type:`, a YAML top-level `specroles:`) takes it in; a config that
// lists its specs is taken at its word, so past that nothing else does; a name GitHub gives a purpose
// (CONTRIBUTING.md, SECURITY.md, LICENSE.md, CHANGELOG.md: data/other-genres.yaml) leaves it out; otherwise
// its content decides (specDecision: headings of known section kinds, product vocabulary), on the start of
// the text only.
import picomatch from 'picomatch';
import { catalogueFor, type Catalogue } from '../catalogue/catalogue';
import type { Config } from '../config/schema';
import { DEFAULT_SPEC_FILES, markedAsSpec } from '../spec-files';
import { genreOfFileName } from './other-genres';
import { MAX_DECISION_CHARS, specDecision, type NotSpecBecause } from './spec-decision';

/** Why a Markdown or YAML file is not a spec, in the words the CLI's notices group skipped files by. */
export type SkipReason = NotSpecBecause | 'named-genre' | 'excluded' | 'not-included' | 'unreadable';

/** `genre`: for 'named-genre', what the file's name says it is ("a contributing guide"). */
export type SpecSelection = { spec: true; via: 'include' | 'marker' | 'content' } | { spec: false; because: SkipReason; genre?: string };

export interface SpecCandidate {
  /**
   * The paths the globs are matched against, with forward slashes: the path relative to the folder the
   * globs are relative to (the config's that sets `files`, else the working or workspace folder) when the
   * file is inside it, and the absolute path (so `**\/…` globs match wherever a run starts).
   */
  paths: readonly string[];
  isYaml: boolean;
  /** The start of the text (at least MAX_DECISION_CHARS), read only when the globs do not decide; undefined when unreadable. */
  head: () => string | undefined;
}

export interface SpecSelectionOptions {
  config: Config;
  catalogue?: Catalogue;
  /** The include globs when the config has none (an editor's setting); DEFAULT_SPEC_FILES by default. */
  include?: readonly string[];
  /** More globs never linted (an editor's setting), besides the config's `files.exclude`. */
  exclude?: readonly string[];
}

/** Markdown and YAML, by file name; nothing else is ever a spec. */
export const SPEC_CANDIDATE = /\.(md|markdown|ya?ml)$/i;

type Matcher = (path: string) => boolean;
const matcherCache = new WeakMap<Config, Map<string, { include: Matcher; exclude?: Matcher }>>();

function matchersFor(options: SpecSelectionOptions): { include: Matcher; exclude?: Matcher } {
  const include = options.config.files?.include ?? options.include ?? DEFAULT_SPEC_FILES;
  const exclude = [...(options.exclude ?? []), ...(options.config.files?.exclude ?? [])];
  const key = JSON.stringify([include, exclude]);
  let perConfig = matcherCache.get(options.config);
  if (!perConfig) matcherCache.set(options.config, (perConfig = new Map()));
  let m = perConfig.get(key);
  if (!m) {
    m = { include: include.length ? picomatch([...include], { dot: true }) : () => false };
    if (exclude.length) m.exclude = picomatch(exclude, { dot: true });
    perConfig.set(key, m);
  }
  return m;
}

export function selectSpec(candidate: SpecCandidate, options: SpecSelectionOptions): SpecSelection {
  const m = matchersFor(options);
  const matches = (matcher: Matcher) => candidate.paths.some((p) => matcher(p));
  if (m.exclude && matches(m.exclude)) return { spec: false, because: 'excluded' };
  if (matches(m.include)) return { spec: true, via: 'include' };
  const text = candidate.head();
  if (text === undefined) return { spec: false, because: 'unreadable' };
  const head = text.length > MAX_DECISION_CHARS ? text.slice(0, MAX_DECISION_CHARS) : text;
  const catalogue = options.catalogue ?? catalogueFor(options.config);
  if (markedAsSpec(head, candidate.isYaml, (type) => catalogue.docTypes.has(type))) return { spec: true, via: 'marker' };
  // A config that lists its specs (`files.include`) is taken at its word: beyond its globs only a marker
  // makes a file a spec, not its content.
  if (options.config.files?.include) return { spec: false, because: 'not-included' };
  // CONTRIBUTING.md, SECURITY.md, LICENSE.md: a name with a purpose of its own, whatever the headings say.
  const named = genreOfFileName(candidate.paths[0] ?? '');
  if (named) return { spec: false, because: 'named-genre', genre: named.name };
  const decision = specDecision(head, { isYaml: candidate.isYaml, catalogue });
  return decision.spec ? { spec: true, via: 'content' } : { spec: false, because: decision.because ?? 'no-headings' };
}

/**
 * Whether the editors offer to check a file that is not a spec as one: its headings name a section kind
 * or two, but too few (or in too little product vocabulary) for the content to decide. A file with no
 * such heading (notes, a changelog) is not offered, nor one whose few such headings are lost among many
 * others (a package README's "API" and "Security"), nor one a config or setting leaves out or, listing
 * its specs, does not list: the offer is for the plain PRD the content decision just missed.
 */
export function worthOfferingAsSpec(selection: SpecSelection): boolean {
  return !selection.spec && (selection.because === 'few-headings' || selection.because === 'no-vocabulary');
}
