// The extension's link to the engine: which documents are specs, their config (cached per folder), linting
// (debounced, stale results dropped) and the diagnostics. All judgement lives in src/core.
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { logCaught } from './caught';
import type { Config, Finding, LintResult, LoadedConfig, Range } from '../core';
import { ruleDocUrl, RULE_DOCS_URL } from '../core/rules/doc-url';
import { DEFAULT_SPEC_FILES } from '../core/spec-files';
import { CONFIG_NAMES, engine } from './engine';


export const RULE_DOCS = RULE_DOCS_URL;
export const ruleDocUri = (id: string) => vscode.Uri.parse(ruleDocUrl(id));

export interface Linted {
  version: number;
  result: LintResult;
  config: Config;
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('specroles');
  /** Last lint per document URI. */
  readonly results = new Map<string, Linted>();
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  /** Config files that currently carry diagnostics. */
  private readonly configFilesWithProblems = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Documents linted because the user asked (specroles.lintFile), specs or not. */
  readonly forced = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.changed.event;
  private readonly overridden = new WeakMap<Config, { key: string; config: Config }>();

  constructor(readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.changed.dispose();
  }

  private settings(uri?: vscode.Uri) {
    return vscode.workspace.getConfiguration('specroles', uri);
  }

  /** Forget cached configs (a config file changed) and re-lint what is open. */
  invalidateConfigs(): void {
    this.configs.clear();
    for (const file of this.configFilesWithProblems) this.diagnostics.delete(vscode.Uri.parse(file));
    this.configFilesWithProblems.clear();
    this.relintOpen();
  }

  relintOpen(): void {
    for (const doc of vscode.workspace.textDocuments) void this.lintDocument(doc);
  }

  /** The merged config for a document's folder. file: URIs read through fs; others through workspace.fs. */
  configFor(uri: vscode.Uri): Promise<LoadedConfig> {
    const dir = dirOf(uri.path);
    const key = uri.with({ path: dir, query: '', fragment: '' }).toString();
    let loaded = this.configs.get(key);
    if (!loaded) {
      loaded = this.loadConfig(uri, dir).catch((error) => {
        logCaught(this.log, `config for ${uri.toString()}`, error);
        return { config: {}, files: [], problems: [] };
      });
      this.configs.set(key, loaded);
    }
    return loaded;
  }

  private async loadConfig(uri: vscode.Uri, dir: string): Promise<LoadedConfig> {
    let loaded: LoadedConfig;
    if (uri.scheme === 'file') {
      loaded = engine().loadConfigFor(`${dir}/x`, {
        readFile: (path) => {
          try {
            return readFileSync(path, 'utf8');
          } catch {
            return undefined;
          }
        },
      });
    } else {
      // Virtual workspace: fetch every candidate up the tree first, then let the core read them synchronously.
      const texts = new Map<string, string>();
      for (let d = dir; ; d = dirOf(d)) {
        for (const name of CONFIG_NAMES) {
          const path = d === '/' ? `/${name}` : `${d}/${name}`;
          try {
            texts.set(path, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ path }))));
          } catch {
            // No such file.
          }
        }
        if (d === '/') break;
      }
      loaded = engine().loadConfigFor(`${dir}/x`, { readFile: (path) => texts.get(path) });
    }
    const toUri = (file: string) => (uri.scheme === 'file' ? vscode.Uri.file(file) : uri.with({ path: file }));
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of loaded.problems) {
      const key = toUri(p.file).toString();
      const d = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Error);
      d.source = 'specroles';
      byFile.set(key, [...(byFile.get(key) ?? []), d]);
    }
    for (const [file, list] of byFile) this.setConfigDiagnostics(vscode.Uri.parse(file), list);
    return loaded;
  }

  private setConfigDiagnostics(uri: vscode.Uri, list: vscode.Diagnostic[]): void {
    this.diagnostics.set(uri, list);
    if (list.length) this.configFilesWithProblems.add(uri.toString());
    else this.configFilesWithProblems.delete(uri.toString());
  }

  /** A config file's own problems, from its text (on open, on change, at start-up). */
  validateConfigText(uri: vscode.Uri, text: string): void {
    try {
      const { problems } = engine().parseConfig(text, uri.path);
      this.setConfigDiagnostics(
        uri,
        problems.map((p) => {
          const d = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Error);
          d.source = 'specroles';
          return d;
        }),
      );
    } catch (error) {
      logCaught(this.log, `validating ${uri.toString()}`, error);
    }
  }

  static isConfigFile(uri: vscode.Uri): boolean {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return CONFIG_NAMES.includes(name);
  }

  /** The config with the editor's `specroles.severityOverrides` applied (same object while unchanged). */
  private withOverrides(config: Config, uri: vscode.Uri): Config {
    const overrides = this.settings(uri).get<Record<string, string>>('severityOverrides') ?? {};
    const key = JSON.stringify(overrides);
    if (key === '{}') return config;
    const hit = this.overridden.get(config);
    if (hit && hit.key === key) return hit.config;
    const rules: Record<string, unknown> = { ...config.rules };
    for (const [id, severity] of Object.entries(overrides)) {
      if (!['off', 'info', 'warning', 'error'].includes(severity)) continue;
      const existing = rules[id];
      rules[id] = Array.isArray(existing) && existing.length > 1 ? [severity, existing[1]] : severity;
    }
    const merged = { ...config, rules } as Config;
    this.overridden.set(config, { key, config: merged });
    return merged;
  }

  /** The include globs, front matter `specroles:` / a known `type:`, a YAML top-level `specroles:`, or content that reads as a spec. */
  isSpec(doc: vscode.TextDocument, config: Config): boolean {
    if (doc.languageId !== 'markdown' && doc.languageId !== 'yaml') return false;
    if (Linter.isConfigFile(doc.uri)) return false;
    const settings = this.settings(doc.uri);
    const include = config.files?.include ?? settings.get<string[]>('files.include') ?? DEFAULT_SPEC_FILES;
    const exclude = [...(settings.get<string[]>('files.exclude') ?? []), ...(config.files?.exclude ?? [])];
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const paths = [doc.uri.path];
    if (folder && doc.uri.path.startsWith(`${folder.uri.path}/`)) paths.push(doc.uri.path.slice(folder.uri.path.length + 1));
    const matches = (globs: string[]) => globs.length > 0 && paths.some((p) => picomatch(globs, { dot: true })(p));
    if (matches(exclude)) return false;
    if (matches(include)) return true;
    // Markers, then content (headings of known section kinds, product vocabulary): the decision the CLI's
    // folder walk makes, on the same start of the text (it reads no more than MAX_DECISION_CHARS). Asked on
    // every lint and light-bulb request, so kept per document version and config.
    const known = this.specDecisions.get(doc);
    if (known && known.version === doc.version && known.config === config) return known.spec;
    const spec = this.decideByContent(doc, config);
    this.specDecisions.set(doc, { version: doc.version, config, spec });
    return spec;
  }

  private readonly specDecisions = new WeakMap<vscode.TextDocument, { version: number; config: Config; spec: boolean }>();

  private decideByContent(doc: vscode.TextDocument, config: Config): boolean {
    const core = engine();
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(core.MAX_DECISION_CHARS)));
    // A config that lists its specs is taken at its word: beyond its globs only a marker counts (as in the CLI).
    if (config.files?.include) return core.markedAsSpec(head, doc.languageId === 'yaml', (type) => core.catalogueFor(config).docTypes.has(type));
    return core.specDecision(head, {
      isYaml: doc.languageId === 'yaml',
      catalogue: core.catalogueFor(config),
    }).spec;
  }

  /** On open / change: debounced per document when run = onType. */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const settings = this.settings(doc.uri);
    const delay = Math.max(0, settings.get<number>('debounceMs') ?? 300);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lintDocument(doc);
      }, delay),
    );
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    if (!this.configFilesWithProblems.has(key)) this.diagnostics.delete(uri);
  }

  /** `specroles.run`: lint as you type (the default) or only on save. */
  runsOnType(doc: vscode.TextDocument): boolean {
    return this.settings(doc.uri).get<string>('run', 'onType') !== 'onSave';
  }

  /**
   * Lints now; returns undefined when the document is not a spec, disabled, or changed meanwhile. With
   * `publish` false the result serves hovers and code actions (their edits need the current offsets)
   * but the diagnostics stay as they were: with run = onSave they change only on save.
   */
  async lintDocument(doc: vscode.TextDocument, force = false, publish = true): Promise<Linted | undefined> {
    const key = doc.uri.toString();
    try {
      if (doc.isClosed) return undefined;
      if (Linter.isConfigFile(doc.uri)) {
        this.validateConfigText(doc.uri, doc.getText());
        return undefined;
      }
      if (doc.languageId !== 'markdown' && doc.languageId !== 'yaml') return undefined;
      if (!this.settings(doc.uri).get<boolean>('enable', true)) {
        this.clear(doc.uri);
        return undefined;
      }
      if (force) this.forced.add(key);
      const generation = (this.generation.get(key) ?? 0) + 1;
      this.generation.set(key, generation);
      const loaded = await this.configFor(doc.uri);
      if (this.generation.get(key) !== generation || doc.isClosed) return undefined; // a newer lint is on its way
      if (!this.forced.has(key) && !this.isSpec(doc, loaded.config)) {
        this.clear(doc.uri);
        return undefined;
      }
      const config = this.withOverrides(loaded.config, doc.uri);
      const started = performance.now();
      const version = doc.version;
      const maxFileSize = this.maxFileSizeSetting(doc.uri);
      const result = engine().lint(doc.getText(), { path: doc.uri.path, languageId: doc.languageId, config, ...(maxFileSize ? { maxFileSize } : {}) });
      this.log.trace(`linted ${doc.uri.toString()} v${version} in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} finding(s)`);
      if (result.configProblems.length) {
        for (const p of result.configProblems) this.log.warn(`config (${loaded.files.at(-1) ?? 'defaults'}): ${p}`);
      }
      const linted = { version, result, config };
      this.results.set(key, linted);
      if (result.skipped) this.log.info(`${doc.uri.toString()}: ${result.skipped}`);
      if (publish) this.diagnostics.set(doc.uri, result.skipped ? [skippedDiagnostic(result.skipped)] : result.findings.map(toDiagnostic));
      this.changed.fire(doc.uri);
      return linted;
    } catch (error) {
      logCaught(this.log, `lint ${key}`, error);
      return undefined;
    }
  }

  /** The user's `specroles.maxFileSize` in bytes, only where they set it: otherwise the config's decides. */
  private maxFileSizeSetting(uri: vscode.Uri): number | undefined {
    const inspected = this.settings(uri).inspect<string | number>('maxFileSize');
    const chosen = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (chosen === undefined) return undefined;
    const bytes = engine().parseFileSize(chosen);
    if (bytes === undefined) this.log.warn(`specroles.maxFileSize: ${JSON.stringify(chosen)} is not a size such as "10 MB"; using maxFileSize from .specroles.yaml`);
    return bytes;
  }

  /** The latest lint of this exact version, linting synchronously-ish when stale. */
  async current(doc: vscode.TextDocument): Promise<Linted | undefined> {
    const hit = this.results.get(doc.uri.toString());
    if (hit && hit.version === doc.version) return hit;
    if (!hit && !this.forced.has(doc.uri.toString())) {
      const loaded = await this.configFor(doc.uri);
      if (!this.isSpec(doc, loaded.config)) return undefined;
    }
    return this.lintDocument(doc, false, this.runsOnType(doc));
  }
}

/** A file over maxFileSize: one notice on the first line rather than silence. */
function skippedDiagnostic(notice: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), notice.charAt(0).toUpperCase() + notice.slice(1), vscode.DiagnosticSeverity.Information);
  d.source = 'specroles';
  d.code = 'maxFileSize';
  return d;
}

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = 'specroles';
  d.code = { value: f.ruleId, target: ruleDocUri(f.ruleId) };
  return d;
}
