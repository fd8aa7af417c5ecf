// The config that applies to each folder, loaded through the host (any file system, virtual ones too) and
// kept until a config file changes; and each config file's problems, at their keys, for its diagnostics.
// The engine's discovery (loadConfigFor) reads synchronously: the store runs it over the texts read so far,
// fetches the files it asked for and did not have, and runs it again until it asks for nothing new.
import {
  CONFIG_NAMES,
  checkConfig,
  engineConfigProblems,
  loadConfigFor,
  locateConfigProblem,
  parseConfig,
  type Config,
  type ConfigHost,
  type LoadedConfig,
  type LocatedConfigProblem,
} from '../core';
import type { EditorHost, Log } from './types';
import { basename, dirname, joinUri, splitUri } from './uri';

export interface FolderConfig {
  /** The URI prefix (scheme and authority) of the folder, for turning config paths into URIs. */
  prefix: string;
  loaded: LoadedConfig;
}

/** Enough rounds for discovery, then `extends` chains a few deep. */
const MAX_ROUNDS = 12;

export class ConfigStore {
  /** Config file texts by URI, read once until a watched change says otherwise. */
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly folders = new Map<string, Promise<FolderConfig>>();
  constructor(
    private readonly host: EditorHost,
    private readonly log: Log,
  ) {}

  static isConfigFile(uri: string): boolean {
    return CONFIG_NAMES.includes(basename(splitUri(uri).path));
  }

  /** The config for documents in the folder of `uri`. Never rejects: a failure is logged and gives no config. */
  forDocument(uri: string): Promise<FolderConfig> {
    const { prefix, path } = splitUri(uri);
    const dir = dirname(path);
    const key = prefix + dir;
    let hit = this.folders.get(key);
    if (!hit) {
      hit = this.load(prefix, dir).catch((error: unknown) => {
        this.log('error', `config for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { prefix, loaded: { config: {}, files: [], problems: [] } };
      });
      this.folders.set(key, hit);
    }
    return hit;
  }

  /** A config file changed, appeared or went away: forget it and every folder's config. */
  changed(uri?: string): void {
    if (uri === undefined) this.texts.clear();
    else this.texts.delete(uri);
    this.folders.clear();
  }

  private read(uri: string): Promise<string | undefined> {
    let text = this.texts.get(uri);
    if (!text) {
      text = this.host.readFile(uri).catch(() => undefined);
      this.texts.set(uri, text);
    }
    return text;
  }

  /** Runs `discover` over the texts read so far until it needs no file it has not seen. */
  private async settle<T>(prefix: string, discover: (host: ConfigHost) => T): Promise<{ result: T; host: ConfigHost }> {
    const texts = new Map<string, string | undefined>();
    for (let round = 0; ; round++) {
      const missing = new Set<string>();
      const host: ConfigHost = {
        readFile: (path) => {
          if (texts.has(path)) return texts.get(path);
          missing.add(path);
          return undefined;
        },
      };
      const result = discover(host);
      if (!missing.size || round >= MAX_ROUNDS) return { result, host };
      await Promise.all([...missing].map(async (path) => texts.set(path, await this.read(joinUri(prefix, path)))));
    }
  }

  private async load(prefix: string, dir: string): Promise<FolderConfig> {
    const { result: loaded } = await this.settle(prefix, (host) => loadConfigFor(dir, host, { isDirectory: true }));
    return { prefix, loaded };
  }

  /**
   * A config file's own problems, each at its key: what does not parse or fit the schema, and (when the file
   * is the one its folder uses and its chain reads) what the engine finds using the merged config, the rules
   * of each `overrides` block included. `text`: an open document's unsaved text, checked as if saved (the
   * specs keep the saved config until it is saved).
   */
  async problemsOf(uri: string, text?: string): Promise<LocatedConfigProblem[]> {
    const { prefix, path } = splitUri(uri);
    const own = text ?? (await this.read(uri));
    if (own === undefined) return [];
    const parsed = parseConfig(own, path).problems;
    if (parsed.length) return parsed;
    const dir = dirname(path);
    const withOwn = (h: ConfigHost): ConfigHost => ({ readFile: (p) => (p === path ? own : h.readFile(p)) });
    const settled = await this.settle(prefix, (h) => loadConfigFor(dir, withOwn(h), { isDirectory: true }));
    const loaded = settled.result;
    const host = withOwn(settled.host);
    if (!loaded.files.includes(path)) return [];
    const found = checkConfig(loaded, host);
    const problems = found === loaded.problems ? found : [...found, ...overrideProblems(loaded, host, found)];
    return problems.filter((p) => p.file === path);
  }
}

/** Problems of the rules an `overrides` block sets, which lint only meets in files its globs match. */
function overrideProblems(loaded: LoadedConfig, host: ConfigHost, already: LocatedConfigProblem[]): LocatedConfigProblem[] {
  const seen = new Set(already.map((p) => p.message));
  const out: LocatedConfigProblem[] = [];
  for (const o of loaded.config.overrides ?? []) {
    const config: Config = { ...loaded.config, rules: { ...loaded.config.rules, ...o.rules } };
    delete config.overrides;
    for (const p of engineConfigProblems(config)) {
      if (seen.has(p.message)) continue;
      seen.add(p.message);
      out.push(locateConfigProblem(p, loaded.files, host));
    }
  }
  return out;
}
