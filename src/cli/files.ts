// Which files a run lints. Files named explicitly always (unless --only-specs); folders and globs are searched for specs: files
// matching the config's `files.include` (minus `files.exclude`), Markdown/YAML that says it is a spec
// (`specroles:` in front matter or at a YAML top level, or a known `type:` in front matter), or
// Markdown/YAML whose content reads as a spec (the engine's specDecision: headings of known section
// kinds, product vocabulary). Skipped Markdown/YAML files are counted by reason for the notices.
// .gitignore'd paths, node_modules and .git are never searched.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Configs, ResolvedConfig } from './configs';
import { MAX_DECISION_CHARS, NOT_SPEC_BECAUSE, selectSpec, SPEC_CANDIDATE, specDecision, type Catalogue, type SkipReason, type SpecDecision, type SpecSelection } from '../core';
import { byName, CliError, displayPath, plural, toPosix } from './util';


const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/** How much of a file is read for its marker and its content decision (the decision reads no more). */
const HEAD_BYTES = MAX_DECISION_CHARS;

export interface Target {
  abs: string;
  /** As shown in reports: relative to the working folder. */
  display: string;
}

export interface Discovery {
  targets: Target[];
  /** Notices for standard error (a folder with no specs in it). */
  notices: string[];
  /** Whether a folder or glob was searched (not only files named explicitly). */
  searched: boolean;
}

export interface DiscoverOptions {
  /** Apply the spec test to files named explicitly too (for hooks that pass every staged file). */
  onlySpecs?: boolean;
  /** Globs (relative to the working folder) of files and folders never linted: --ignore-pattern and `!glob` paths. */
  ignorePatterns?: readonly string[];
  /** false: a path or glob matching no file is a notice, not an error (--no-error-on-unmatched-pattern). */
  errorOnUnmatchedPattern?: boolean;
}

export function discover(
  patterns: readonly string[],
  cwd: string,
  configs: Configs,
  catalogueOf: (c: ResolvedConfig) => Catalogue,
  options: DiscoverOptions = {},
): Discovery {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const notices: string[] = [];
  const gitignore = new GitIgnore();
  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ abs, display: displayPath(cwd, abs) });
  };
  const selector = new SpecSelector(cwd, configs, catalogueOf);
  let searched = false;
  const ignoreGlobs = (options.ignorePatterns ?? []).map((p) => toPosix(p).replace(/^\.\//, '').replace(/\/$/, ''));
  const ignoreMatcher = ignoreGlobs.length ? picomatch(ignoreGlobs, { dot: true }) : undefined;
  /** Ignored by --ignore-pattern: the path itself, or (for folders) the folder. */
  const ignored = ignoreMatcher ? (abs: string) => ignoreMatcher(toPosix(relative(cwd, abs))) || ignoreMatcher(toPosix(abs)) : undefined;
  let ignoredCount = 0;
  const unmatched = (message: string) => {
    if (options.errorOnUnmatchedPattern === false) notices.push(message);
    else throw new CliError(message);
  };

  for (const pattern of patterns.length ? patterns : ['.']) {
    const abs = resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      if (ignored?.(abs)) notices.push(`${pattern}: ignored (--ignore-pattern)`);
      else if (!options.onlySpecs || selector.isSpec(abs)) add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      searched = true;
      const before = targets.length;
      const skipped = new Skipped();
      walk(abs, gitignore, (file) => selector.isSpec(file, skipped) && add(file), Infinity, ignored);
      if (targets.length === before) notices.push(`no specs found in ${displayPath(cwd, abs)}${skipped.describe()}`);
      continue;
    }
    const scan = picomatch.scan(toPosix(pattern));
    if (!scan.isGlob) {
      unmatched(`${pattern}: no such file or directory`);
      continue;
    }
    const base = resolve(cwd, scan.base || '.');
    if (!existsSync(base)) {
      unmatched(`${pattern}: no files match (${displayPath(cwd, base)} does not exist)`);
      continue;
    }
    const posixPattern = toPosix(pattern).replace(/^\.\//, '');
    const matcher = picomatch(posixPattern, { dot: true });
    // A glob without "/" or "**" after its base only looks in the base folder itself.
    const depth = /\/|\*\*/.test(scan.glob) ? Infinity : 1;
    searched = true;
    let matched = 0;
    const before = targets.length;
    const skipped = new Skipped();
    const ignoredBefore = ignoredCount;
    walk(
      base,
      gitignore,
      (file) => {
        const candidate = isAbsolute(posixPattern) ? toPosix(file) : toPosix(relative(cwd, file));
        if (!matcher(candidate)) return;
        matched++;
        if (selector.isSpec(file, skipped)) add(file);
      },
      depth,
      ignored && ((path) => ignored(path) && ++ignoredCount > 0),
    );
    if (!matched) {
      const n = ignoredCount - ignoredBefore;
      unmatched(`${pattern}: no files match${n ? ` (--ignore-pattern left out ${plural(n, 'file or folder', 'files and folders')})` : ''}`);
      continue;
    }
    if (targets.length === before) notices.push(`no specs among the files matching ${pattern}${skipped.describe()}`);
  }
  return { targets, notices, searched };
}

/** Depth-first, entries in name order, so the same tree always gives the same list. */
function walk(dir: string, gitignore: GitIgnore, visit: (file: string) => void, depth: number, ignored?: (path: string) => boolean): void {
  gitignore.enter(dir);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files count; linked folders are not followed (they can loop), as git does not follow them.
      try {
        isFile = statSync(path).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(entry.name) || depth <= 1 || gitignore.ignores(path, true) || ignored?.(path)) continue;
      walk(path, gitignore, visit, depth - 1, ignored);
    } else if (isFile && !gitignore.ignores(path, false) && !ignored?.(path)) {
      visit(path);
    }
  }
}

/** Decides whether a file found in a folder or by a glob is a spec: the engine's selectSpec, with the file read from disk. */
export class SpecSelector {
  /** What the default globs see paths from: the repository the run is in (else the working folder). */
  private readonly projectRoot: string;

  constructor(
    cwd: string,
    private readonly configs: Configs,
    private readonly catalogueOf: (c: ResolvedConfig) => Catalogue,
  ) {
    this.projectRoot = repositoryRoot(cwd) ?? cwd;
  }

  /**
   * `skipped` counts the Markdown/YAML files found not to be specs, and why. `text`: the file's text when
   * it is at hand (an editor's unsaved buffer), instead of reading the file.
   */
  isSpec(abs: string, skipped?: Skipped, text?: string): boolean {
    // Only Markdown and YAML are specs; other files never cost a config lookup.
    if (!SPEC_CANDIDATE.test(abs)) return false;
    const { selection } = this.select(abs, text);
    if (!selection.spec) skipped?.add(abs, selection.because);
    return selection.spec;
  }

  /**
   * The selection for one file, and what its content says where the content decided (`specroles explain
   * FILE`): the same decision isSpec makes, with its reason in words.
   */
  explain(abs: string): { selection: SpecSelection; decision?: SpecDecision; include: 'config' | 'defaults' } {
    const { selection, resolved, head } = this.select(abs);
    const include = resolved.config.files?.include ? 'config' : 'defaults';
    // The reasons the content decision gives are NOT_SPEC_BECAUSE's; a glob, a marker or the disk gives the others.
    const contentDecided = selection.spec ? selection.via === 'content' : Object.hasOwn(NOT_SPEC_BECAUSE, selection.because);
    if (!contentDecided) return { selection, include };
    const text = head();
    const decision = text === undefined ? undefined : specDecision(text, { isYaml: /\.ya?ml$/i.test(abs), catalogue: this.catalogueOf(resolved) });
    return decision ? { selection, decision, include } : { selection, include };
  }

  private select(abs: string, text?: string): { selection: SpecSelection; resolved: ResolvedConfig; head: () => string | undefined } {
    const resolved = this.configs.forFile(abs);
    // Relative to the config that sets the globs, else to the repository (a run from inside specs/ still sees
    // specs/x.md); never the folders above it, as the editor does with its workspace folder: a checkout
    // under ~/specs/ does not make every Markdown file in it a spec. A file outside both: its whole path.
    const rel = toPosix(relative(resolved.filesBase ?? this.projectRoot, abs));
    const head = () => (text !== undefined ? text.slice(0, HEAD_BYTES) : readHead(abs));
    const selection = selectSpec(
      { paths: [rel.startsWith('..') || isAbsolute(rel) ? toPosix(abs) : rel], isYaml: /\.ya?ml$/i.test(abs), head },
      { config: resolved.config, catalogue: this.catalogueOf(resolved) },
    );
    return { selection, resolved, head };
  }
}

/** The Markdown and YAML files a search skipped, by reason, for "no specs found" notices. */
export class Skipped {
  private readonly markdown = new Map<SkipReason, number>();
  private readonly yaml = new Map<SkipReason, number>();

  add(abs: string, reason: SkipReason): void {
    const counts = /\.ya?ml$/i.test(abs) ? this.yaml : this.markdown;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  /** ": 13 Markdown files skipped (no headings of known section kinds); mark a spec with …", or "". */
  describe(): string {
    const total = (m: Map<SkipReason, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const md = total(this.markdown);
    const yaml = total(this.yaml);
    if (!md && !yaml) return '';
    const files = [md ? plural(md, 'Markdown file', 'Markdown files') : '', yaml ? plural(yaml, 'YAML file', 'YAML files') : ''].filter(Boolean).join(' and ');
    const reasons = new Map<SkipReason, number>();
    for (const m of [this.markdown, this.yaml]) for (const [r, n] of m) reasons.set(r, (reasons.get(r) ?? 0) + n);
    const order = [...reasons.keys()].sort((a, b) => SKIP_ORDER.indexOf(a) - SKIP_ORDER.indexOf(b));
    const [only, ...more] = order;
    const why = only !== undefined && !more.length ? SKIP_WORDS[only] : order.map((r) => `${reasons.get(r)} ${PLAIN_REASONS.has(r) ? '' : 'with '}${SKIP_WORDS[r]}`).join(', ');
    return `: ${files} skipped (${why}); mark a spec with \`specroles: 1\` in its front matter or add it to files.include (\`specroles explain FILE\` says why a file was skipped)`;
  }
}

const SKIP_WORDS: Record<SkipReason, string> = {
  ...NOT_SPEC_BECAUSE,
  'named-genre': 'the name of a changelog, a license, a contributing guide, a code of conduct, a security policy or a support page',
  excluded: 'excluded by files.exclude',
  'not-included': 'not in files.include',
  unreadable: 'unreadable',
};
const SKIP_ORDER: SkipReason[] = ['no-headings', 'few-headings', 'incidental-headings', 'no-vocabulary', 'other-genre', 'named-genre', 'not-included', 'excluded', 'unreadable'];
/** Reasons that read without "with": "2 excluded by files.exclude". */
const PLAIN_REASONS = new Set<SkipReason>(['excluded', 'not-included', 'unreadable']);

/** One buffer for every file's head: discovery reads thousands of files, one at a time. */
let headBuffer: Buffer | undefined;

function readHead(abs: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buffer = (headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES));
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.toString('utf8', 0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * .gitignore files from the repository root (the nearest folder above with a .git) down to each folder
 * searched, plus .git/info/exclude. Outside a repository, only .gitignore files in the searched folders.
 */
class GitIgnore {
  /** Folder → its rules (undefined: no .gitignore there). */
  private readonly rules = new Map<string, Ignore | undefined>();

  enter(dir: string): void {
    if (this.rules.has(dir)) return;
    this.load(dir);
    if (this.rules.has(dirname(dir))) return;
    // Where a search starts inside a repository, the .gitignore files above it (up to the root) apply too.
    const root = repositoryRoot(dir);
    for (let d = dirname(dir); root && d.length >= root.length && !this.rules.has(d); d = dirname(d)) {
      this.load(d);
      if (d === root || dirname(d) === d) break;
    }
  }

  ignores(path: string, isDir: boolean): boolean {
    for (let d = dirname(path); ; d = dirname(d)) {
      const ig = this.rules.get(d);
      if (ig) {
        const rel = toPosix(relative(d, path)) + (isDir ? '/' : '');
        if (ig.ignores(rel)) return true;
      }
      if (!this.rules.has(d) || dirname(d) === d) return false;
    }
  }

  private load(dir: string): void {
    let ig: Ignore | undefined;
    for (const file of [join(dir, '.gitignore'), join(dir, '.git', 'info', 'exclude')]) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      ig ??= ignore();
      ig.add(text);
    }
    this.rules.set(dir, ig);
  }
}

/** The nearest folder at or above `dir` with a .git. */
function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
