// Config for each folder the CLI visits: discovered with the engine's loadConfigFor (or the --config file),
// with --rule settings merged on top. One object per distinct set of config files, so the engine's
// per-config caches (catalogue, rule settings) are built once per set, not once per folder or file.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { loadConfigFor, mergeConfigs, parseConfig, parseYaml, type Config, type ConfigFileProblem, type ConfigHost } from '../core';
import { CliError, displayPath } from './util';

export interface ResolvedConfig {
  /** Index in `Configs.all`, which is what workers receive. */
  index: number;
  config: Config;
  /** Config files read, nearest last (absolute). */
  files: string[];
  problems: ConfigFileProblem[];
  /** Folder `files.include`/`exclude` globs are relative to: that of the nearest config setting `files`. */
  filesBase?: string;
}

export interface ConfigOptions {
  cwd: string;
  /** --config FILE, absolute. */
  explicit?: string;
  /** --rule settings. */
  rules: Record<string, string>;
}

export class Configs {
  readonly all: ResolvedConfig[] = [];
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly bySet = new Map<string, ResolvedConfig>();
  private readonly texts = new Map<string, string | undefined>();
  readonly host: ConfigHost = {
    readFile: (path) => {
      if (this.texts.has(path)) return this.texts.get(path);
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') {
          throw new CliError(`${displayPath(this.options.cwd, path)}: cannot read config file (${code ?? (e as Error).message})`);
        }
      }
      this.texts.set(path, text);
      return text;
    },
  };

  constructor(private readonly options: ConfigOptions) {}

  /** The config that applies to files in `dir` (absolute). */
  forDirectory(dir: string): ResolvedConfig {
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    const loaded = loadConfigFor(dir, this.host, this.options.explicit ? { isDirectory: true, explicit: this.options.explicit } : { isDirectory: true });
    const key = loaded.files.join('\0');
    let resolved = this.bySet.get(key);
    if (!resolved) {
      const config = Object.keys(this.options.rules).length ? mergeConfigs(loaded.config, { rules: this.options.rules as Config['rules'] }) : loaded.config;
      resolved = { index: this.all.length, config, files: loaded.files, problems: loaded.problems };
      for (const file of [...loaded.files].reverse()) {
        const text = this.host.readFile(file);
        if (text !== undefined && parseConfig(text, file).config?.files) {
          // A shared config's globs are relative to the config that extends it.
          resolved.filesBase = dirname(loaded.extendedBy?.[file] ?? file);
          break;
        }
      }
      this.bySet.set(key, resolved);
      this.all.push(resolved);
    }
    this.byDir.set(dir, resolved);
    return resolved;
  }

  forFile(abs: string): ResolvedConfig {
    return this.forDirectory(dirname(abs));
  }

  /** One line per problem in the config files read so far: `file:line:column: message`. */
  fileProblems(): string[] {
    const lines = new Set<string>();
    for (const r of this.all) {
      for (const p of r.problems) {
        const file = displayPath(this.options.cwd, p.file);
        lines.add(/^Config file not found/.test(p.message) ? `${file}: config file not found` : `${file}:${p.range.start.line}:${p.range.start.column}: ${p.message}`);
      }
    }
    return [...lines];
  }

  /**
   * Problems the engine only finds when it uses a config (a rule's bad options, a kind owned by an unknown
   * role), as `file:line:column: message`, pointing at the key in the nearest config file that sets it.
   */
  describeEngineProblem(resolved: ResolvedConfig, message: string): string {
    const where = this.locate(resolved, message);
    return where ? `${where}: ${message}` : message;
  }

  private locate(resolved: ResolvedConfig, message: string): string | undefined {
    const nearest = resolved.files.at(-1);
    if (nearest === undefined) return undefined;
    const rule = /^rules\.([^:]+):/.exec(message)?.[1] ?? /^rules: unknown rule "([^"]+)"/.exec(message)?.[1];
    const item = /^(kinds|docTypes): .*?"([^"]+)"/.exec(message);
    for (const file of [...resolved.files].reverse()) {
      const text = this.host.readFile(file);
      if (text === undefined) continue;
      const doc = parseYaml(text, { prettyErrors: false, logLevel: 'error' });
      if (!isMap(doc.contents)) continue;
      let node: Node | undefined;
      if (rule) {
        node = keyIn(doc.get('rules', true) as Node, rule);
        const overrides = doc.get('overrides', true) as Node | undefined;
        if (!node && isSeq(overrides)) {
          for (const o of overrides.items) if (isMap(o) && (node = keyIn(o.get('rules', true) as Node, rule))) break;
        }
      } else if (item) {
        const list = doc.get(item[1], true) as Node | undefined;
        const ids = [item[2]];
        // "pattern … of "id"" and "requires unknown kind "x"" name the item last or first: try both.
        const all = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
        ids.push(...all);
        if (isSeq(list)) {
          for (const entry of list.items) {
            if (isMap(entry) && ids.includes(String(entry.get('id')))) {
              node = entry as Node;
              break;
            }
          }
        }
        if (!node && list) node = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === item[1])?.key as Node | undefined;
      }
      if (node?.range) return `${displayPath(this.options.cwd, file)}:${position(text, node.range[0])}`;
      if (!rule && !item) break;
    }
    return displayPath(this.options.cwd, nearest);
  }
}

function keyIn(map: Node | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key as Node | undefined;
}

function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}
