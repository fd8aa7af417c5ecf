// Finds and reads `.specroles.yaml` / `.specroles.json`: the nearest config to a file, merged over its
// parents' up to one marked `root: true`. File access goes through a small host interface, so the
// extension can read virtual workspaces and tests can use an in-memory tree.
import { isMap, isSeq, type Node } from 'yaml';
import type { ParseProblem, Position, Range } from '../model';
import { firstLine } from '../parse/front-matter';
import { authorYamlErrors, describeYamlError } from '../parse/yaml-errors';
import { schemaProblems } from '../parse/schema-issues';
import { nodeRange, plainData } from '../parse/yaml-nodes';
import { parseYaml } from '../parse/yaml-text';
import { LineIndex } from '../text/lines';
import { WITHOUT_JIT } from '../schema/jitless';
import { configSchemas, PRESETS, type Config } from './schema';

import { CONFIG_NAMES } from '../spec-files';
import { lastItem } from '../text/indexing';

export { CONFIG_NAMES };

export interface ConfigHost {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
}

export interface ConfigFileProblem extends ParseProblem {
  file: string;
}

export interface LoadedConfig {
  config: Config;
  /** Config files read, nearest last; a config another one extends comes just before it. */
  files: string[];
  problems: ConfigFileProblem[];
  /**
   * For each config reached through `extends` (a shareable config in node_modules, a relative path):
   * the discovered config file that extends it, directly or not. Globs in a shared config's `files`
   * are relative to that file's folder.
   */
  extendedBy?: Record<string, string>;
  /**
   * The folder `files.include`/`exclude` globs are relative to: that of the nearest config file setting
   * `files` (for a shared config, of the config that extends it). Absent when no config sets `files`.
   */
  filesBase?: string;
}

/** Reads and validates one config file's text. A config with errors contributes nothing. */
export function parseConfig(input: string, file: string): { config?: Config; problems: ConfigFileProblem[] } {
  // As in lint: a byte-order mark counts in offsets but not in columns.
  if (input.charCodeAt(0) !== 0xfeff) return parseConfigText(input, file);
  const result = parseConfigText(input.slice(1), file);
  const shift = (p: Position): Position => ({ ...p, offset: p.offset + 1 });
  for (const p of result.problems) p.range = { start: shift(p.range.start), end: shift(p.range.end) };
  return result;
}

function parseConfigText(text: string, file: string): { config?: Config; problems: ConfigFileProblem[] } {
  const lines = new LineIndex(text);
  const doc = parseYaml(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  const syntax = authorYamlErrors(doc.errors, text).map((e) => {
    const { message, range } = describeYamlError(e, 0, lines, 1);
    return { file, message: `${file.endsWith('.json') ? 'JSON' : 'YAML'} does not parse: ${message}`, range, fatal: true };
  });
  if (syntax.length) return { problems: syntax };
  if (doc.contents === null) return { config: {}, problems: [] };
  if (!isMap(doc.contents)) {
    return { problems: [{ file, message: 'A config must be a map of keys to values', range: lines.range(0, text.length), fatal: true }] };
  }
  const data = plainData(doc);
  if ('error' in data) {
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    return { problems: [{ file, message: `${format} does not parse: ${firstLine(data.error)}`, range: nodeRange({ lines, base: 0 }, data.at), fatal: true }] };
  }
  const value = data.value;
  // In the order of the file, as a reader meets them (zod reports them in the order of its schema).
  const problems = schemaProblems(doc, value, configSchemas().configSchema, { lines, base: 0 }, 'Config')
    .map((p) => ({ ...p, file, fatal: true }))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  if (problems.length) return { problems };
  return { config: configSchemas().configSchema.parse(value, WITHOUT_JIT), problems: [] };
}

/** Parent config first, child wins: rules and lists merge, scalars are replaced. */
export function mergeConfigs(parent: Config, child: Config): Config {
  const merged: Config = { ...parent, ...child };
  merged.rules = { ...parent.rules, ...child.rules };
  for (const key of ['kinds', 'roles', 'docTypes', 'cues', 'overrides', 'glossary', 'guidelines'] as const) {
    const list = [...(parent[key] ?? []), ...(child[key] ?? [])];
    if (list.length) (merged as Record<string, unknown>)[key] = list;
  }
  const extendsList = [parent.extends, child.extends].flat().filter((e) => e !== undefined);
  if (extendsList.length) merged.extends = [...new Set(extendsList)];
  if (parent.files || child.files) merged.files = { ...parent.files, ...child.files };
  delete merged.root;
  return merged;
}

function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) || '/' : path.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

/**
 * The config for a file (or folder, with `isDirectory`), given as an absolute path: config files from the folder up to the root
 * or the first `root: true`, merged parent first. An explicit `--config` file replaces discovery.
 * Each config's `extends` (besides the built-in presets) is read and merged under it, recursively.
 */
export function loadConfigFor(path: string, host: ConfigHost, options: { isDirectory?: boolean; explicit?: string } = {}): LoadedConfig {
  const found: { file: string; config: Config; extended: string[] }[] = [];
  const problems: ConfigFileProblem[] = [];
  const settingFiles = new Set<string>();
  const read = (file: string): boolean => {
    const text = host.readFile(file);
    if (text === undefined) return false;
    const parsed = parseConfig(text, file);
    problems.push(...parsed.problems);
    if (parsed.config) {
      if (parsed.config.files) settingFiles.add(file);
      const extended: string[] = [];
      const config = withExtends(parsed.config, text, [{ file, name: basename(file) }], host, { problems, extended, settingFiles });
      found.unshift({ file, config, extended });
    }
    return true;
  };

  if (options.explicit) {
    if (!read(options.explicit)) {
      problems.push({ file: options.explicit, message: `Config file not found: ${options.explicit}`, range: new LineIndex('').range(0, 0), fatal: true });
    }
  } else {
    let dir = options.isDirectory ? path : dirname(path);
    for (;;) {
      const file = CONFIG_NAMES.map((n) => join(dir, n)).find((candidate) => read(candidate));
      if (file && found[0]?.file === file && found[0].config.root) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  const config = found.reduce<Config>((acc, f) => mergeConfigs(acc, f.config), {});
  const files = found.flatMap((f) => [...f.extended, f.file]);
  const loaded: LoadedConfig = { config, files, problems };
  if (found.some((f) => f.extended.length)) loaded.extendedBy = Object.fromEntries(found.flatMap((f) => f.extended.map((e) => [e, f.file])));
  const setting = [...files].reverse().find((f) => settingFiles.has(f));
  if (setting !== undefined) loaded.filesBase = dirname(loaded.extendedBy?.[setting] ?? setting);
  return loaded;
}

// ---- extends ------------------------------------------------------------------------------------------

/** Names a shareable config package may give its config file, in order of preference. */
export const SHARED_CONFIG_NAMES = ['specroles.yaml', 'specroles.yml', 'specroles.json'];

const isPreset = (entry: string) => (PRESETS as readonly string[]).includes(entry);

interface ExtendsState {
  problems: ConfigFileProblem[];
  /** Files reached through extends, each once, a file before the one that extends it. */
  extended: string[];
  /** Config files whose own content sets `files`. */
  settingFiles: Set<string>;
}

/**
 * `config` (read from `chain`'s last file, whose text is `text`) with what it extends merged under it:
 * the entries in order, later ones winning, the config itself over all of them. A shared config is data
 * only, read and validated like any config; problems name the file and the position of the `extends`
 * entry (cannot be found, a cycle) or of the key in the shared file.
 */
function withExtends(config: Config, text: string, chain: { file: string; name: string }[], host: ConfigHost, state: ExtendsState): Config {
  const entries = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const shared = entries.map((entry, index) => ({ entry, index })).filter((e) => !isPreset(e.entry));
  if (!shared.length) return config;
  const file = lastItem(chain).file; // the file being read: both callers end the chain with it
  const ranges = extendsRanges(text);
  let base: Config = {};
  for (const { entry, index } of shared) {
    const problem = (message: string) =>
      state.problems.push({ file, message: `Config: extends ${JSON.stringify(entry)}: ${message}`, range: ranges[index] ?? ranges[0] ?? new LineIndex(text).range(0, 0), fatal: true });
    const target = resolveShared(entry, dirname(file), host);
    if ('error' in target) {
      problem(target.error);
      continue;
    }
    const loop = chain.findIndex((c) => c.file === target.file);
    if (loop >= 0) {
      problem(`a cycle: ${[...chain.slice(loop).map((c) => c.name), entry].join(' → ')}`);
      continue;
    }
    // Reached twice without a cycle (two shared configs extend a third): merged once.
    if (state.extended.includes(target.file)) continue;
    const parsed = parseConfig(target.text, target.file);
    state.problems.push(...parsed.problems);
    if (!parsed.config) continue;
    if (parsed.config.files) state.settingFiles.add(target.file);
    const full = withExtends(parsed.config, target.text, [...chain, { file: target.file, name: entry }], host, state);
    state.extended.push(target.file);
    // A shared config's root means nothing: discovery stops at the configs of the workspace.
    const { root: _root, ...data } = full;
    base = mergeConfigs(base, data);
  }
  const own: Config = { ...config };
  const presets = entries.filter(isPreset) as Config['extends'] & string[];
  if (presets.length) own.extends = presets;
  else delete own.extends;
  const merged = mergeConfigs(base, own);
  if (config.root) merged.root = true;
  return merged;
}

/** The range of each entry of a config's `extends` (one for a single value). */
function extendsRanges(input: string): Range[] {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = input.slice(bom);
  const lines = new LineIndex(text);
  const doc = parseYaml(text, { prettyErrors: false, logLevel: 'error' });
  if (!isMap(doc.contents)) return [];
  const node = doc.get('extends', true) as Node | undefined;
  const shift = (r: Range): Range => (bom ? { start: { ...r.start, offset: r.start.offset + 1 }, end: { ...r.end, offset: r.end.offset + 1 } } : r);
  const nodes = isSeq(node) ? (node.items as Node[]) : node ? [node] : [];
  return nodes.map((n) => shift(nodeRange({ lines, base: 0 }, n)));
}

/**
 * Finds what an `extends` entry names, from the folder of the config that names it:
 * - `./x.yaml`, `../x.json`, an absolute path: that file; a folder: its specroles.yaml/.yml/.json;
 * - `pkg`, `@scope/pkg`: in the nearest node_modules up the tree (as Node resolves packages), the
 *   package's specroles.yaml/.yml/.json, else its package.json `main` if that is a YAML or JSON file;
 * - `pkg/file.yaml`, `@scope/pkg/file.json`: that file in the package.
 */
export function resolveShared(entry: string, fromDir: string, host: ConfigHost): { file: string; text: string } | { error: string } {
  const sep = fromDir.includes('\\') && !fromDir.includes('/') ? '\\' : '/';
  if (/^\.{1,2}([\\/]|$)/.test(entry) || isAbsolute(entry)) {
    const path = normalise(isAbsolute(entry) ? entry : `${fromDir}${sep}${entry}`, sep);
    const hit = DATA_FILE.test(path) ? readAt(host, path) : firstOf(host, SHARED_CONFIG_NAMES.map((n) => joinWith(path, n, sep)));
    return hit ?? { error: DATA_FILE.test(path) ? 'no such file' : `no such file or folder holding ${SHARED_CONFIG_NAMES.join(', ')} (a shared config is a .yaml, .yml or .json file)` };
  }
  const m = /^((?:@[^/\\@\s]+\/)?[^/\\@\s.][^/\\@\s]*)(\/.+)?$/.exec(entry);
  if (!m) return { error: 'not a package name or a relative path (start it with ./ or ../)' };
  const [, name, subpath] = m as unknown as [string, string, string | undefined];
  if (subpath !== undefined && !DATA_FILE.test(subpath)) return { error: `${subpath.slice(1)} is not a YAML or JSON file; a shared config is data only` };
  for (let dir = fromDir; ; ) {
    const pkgDir = [dir, 'node_modules', ...name.split('/')].reduce((a, b) => joinWith(a, b, sep));
    if (subpath !== undefined) {
      const hit = readAt(host, normalise(`${pkgDir}${subpath.split('/').join(sep)}`, sep));
      if (hit) return hit;
    } else {
      const hit = firstOf(host, SHARED_CONFIG_NAMES.map((n) => joinWith(pkgDir, n, sep)));
      if (hit) return hit;
      const manifest = host.readFile(joinWith(pkgDir, 'package.json', sep));
      if (manifest !== undefined) {
        let main: unknown;
        try {
          main = (JSON.parse(manifest) as { main?: unknown }).main;
        } catch {
          return { error: `the package.json of package ${name} is not valid JSON` };
        }
        if (typeof main === 'string' && DATA_FILE.test(main)) {
          const path = normalise(`${pkgDir}${sep}${main}`, sep);
          return readAt(host, path) ?? { error: `the main file of package ${name} (${main}) does not exist` };
        }
        return { error: `package ${name} has no ${SHARED_CONFIG_NAMES.join(', ')}, and its main is not a YAML or JSON file (a shared config is data only)` };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { error: `cannot find ${subpath !== undefined ? entry : `package ${name}`} in node_modules, from the config's folder up; is it installed?` };
}

function joinWith(dir: string, name: string, sep: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}${sep}${name}`;
}

const DATA_FILE = /\.(ya?ml|json)$/i;

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

function readAt(host: ConfigHost, path: string): { file: string; text: string } | undefined {
  const text = host.readFile(path);
  return text === undefined ? undefined : { file: path, text };
}

function firstOf(host: ConfigHost, paths: string[]): { file: string; text: string } | undefined {
  for (const path of paths) {
    const hit = readAt(host, path);
    if (hit) return hit;
  }
  return undefined;
}

/** `.` and `..` segments resolved, separators made `sep`. */
function normalise(path: string, sep: string): string {
  const out: string[] = [];
  const parts = path.split(/[\\/]/);
  for (const [i, part] of parts.entries()) {
    if (part === '.' || (part === '' && i > 0 && i < parts.length - 1)) continue;
    if (part === '..') {
      if (out.length > 1 || (out.length === 1 && out[0] !== '')) out.pop();
      continue;
    }
    out.push(part);
  }
  return out.join(sep) || sep;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
