// Config for each folder the CLI visits: discovered with the engine's loadConfigFor (or the --config file),
// with --rule settings merged on top. One object per distinct set of config files, so the engine's
// per-config caches (catalogue, rule settings) are built once per set, not once per folder or file.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { locateConfigProblem, loadConfigFor, mergeConfigs, type Config, type ConfigFileProblem, type ConfigHost, type ConfigProblem } from '../core';
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
      // A shared config's globs are relative to the config that extends it.
      if (loaded.filesBase !== undefined) resolved.filesBase = loaded.filesBase;
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
   * A problem the engine only finds when it uses a config (a rule's bad options, a kind owned by an unknown
   * role), as `file:line:column: message`, pointing at the key in the nearest config file that sets it.
   */
  describeEngineProblem(resolved: ResolvedConfig, problem: ConfigProblem): string {
    const located = locateConfigProblem(problem, resolved.files, this.host);
    if (located.file === undefined) return located.message;
    const file = displayPath(this.options.cwd, located.file);
    return located.range ? `${file}:${located.range.start.line}:${located.range.start.column}: ${located.message}` : `${file}: ${located.message}`;
  }
}
