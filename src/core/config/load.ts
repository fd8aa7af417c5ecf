// Finds and reads `.specroles.yaml` / `.specroles.json`: the nearest config to a file, merged over its
// parents' up to one marked `root: true`. File access goes through a small host interface, so the
// extension can read virtual workspaces and tests can use an in-memory tree.
import { isMap } from 'yaml';
import type { ParseProblem, Position } from '../model';
import { firstErrors, firstLine, yamlErrorRange, yamlMessage } from '../parse/front-matter';
import { schemaProblems } from '../parse/schema-issues';
import { nodeRange, plainData } from '../parse/yaml-nodes';
import { parseYaml } from '../parse/yaml-text';
import { LineIndex } from '../text/lines';
import { configSchema, type Config } from './schema';

import { CONFIG_NAMES } from '../spec-files';

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
  /** Config files read, nearest last. */
  files: string[];
  problems: ConfigFileProblem[];
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
  const syntax = firstErrors(doc.errors).map((e) => ({
    file,
    message: `${file.endsWith('.json') ? 'JSON' : 'YAML'} does not parse: ${yamlMessage(e.message)}`,
    range: yamlErrorRange(lines, 0, e.pos[0], e.pos[1], e.message, 1),
    fatal: true,
  }));
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
  const problems = schemaProblems(doc, value, configSchema, { lines, base: 0 }, 'Config')
    .map((p) => ({ ...p, file, fatal: true }))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  if (problems.length) return { problems };
  return { config: configSchema.parse(value), problems: [] };
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
 */
export function loadConfigFor(path: string, host: ConfigHost, options: { isDirectory?: boolean; explicit?: string } = {}): LoadedConfig {
  const found: { file: string; config: Config }[] = [];
  const problems: ConfigFileProblem[] = [];
  const read = (file: string): boolean => {
    const text = host.readFile(file);
    if (text === undefined) return false;
    const parsed = parseConfig(text, file);
    problems.push(...parsed.problems);
    if (parsed.config) found.unshift({ file, config: parsed.config });
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
  return { config, files: found.map((f) => f.file), problems };
}
