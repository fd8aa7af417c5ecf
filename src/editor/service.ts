// The editor service: everything an editor shows for specs and config files, written once and shared by
// every client (the language server in Node or a browser, tests). It keeps the open documents, lints each
// version at most once (debounced as you type, or on save), answers requests from the last lint of the
// current version (waiting for a pending lint rather than starting one), and says what to show through the
// callbacks it was given. It never throws out of a public method: what goes wrong is logged and counted.
import { catalogueFor, decodeUtf8, dominantEol, LineIndex, MAX_DECISION_CHARS, ruleDocUrl, SPEC_CANDIDATE, specMarkerInsertion, suppressedIn, worthOfferingAsSpec, type Config, type TextChange } from '../core';
import { codeActions as codeActionsOf } from './code-actions';
import { commandDocLinks, SHOW_RULE_DOCS, WEB_DOC_LINKS, type DocLinks } from './doc-links';
import { configCompletion, configHover, configQuickFixes } from './config-language';
import { ConfigStore, type FolderConfig } from './configs';
import { configDiagnostic, diagnosticsOf } from './diagnostics';
import { hoverAt } from './hover';
import { lintDocument, relintDocument, withOverrides, type Linted } from './linting';
import { isYamlDocument, selectDocument } from './selection';
import { CONFIG_TRIGGERS, SECTION_TRIGGERS, specCompletion } from './spec-completion';
import { SuppressionStore } from './suppressions';
import { locateSetting, readSettings, type EditorSettings, type SettingProblem } from './settings';
import { docTypeChoices, kindChoices, stubEdit, templateText, type DocTypeChoice, type KindChoice, type OwnerGroup } from './stubs';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, EditorDocument, EditorHost, Hover, Log, Position, Range, TextEdit } from './types';
import { dirname, joinUri, pathOf, relativeTo, splitUri } from './uri';
import { readinessOf, type DocumentReadiness } from './readiness';
import { codeLenses as lensesOf, specOfferLenses, statusText, summaryPicks, type OwnershipSummary } from './views';

export { SHOW_RULE_DOCS };

/** What the status bar shows for a document; null when it is not a spec (or not linted). */
export interface DocumentStatus {
  text: string;
  skipped: boolean;
}

export interface ServiceOptions {
  host: EditorHost;
  log: Log;
  /** The `specroles` settings for a document or folder, as the client has them (checked here). */
  settings(uri: string): Promise<unknown>;
  /** URIs of the workspace folders. */
  workspaceFolders(): readonly string[];
  /** Show these diagnostics for a document or a config file (replacing what was shown). */
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void;
  /** After a document was linted (or found not to be a spec): what its status bar shows. */
  linted?(uri: string, status: DocumentStatus | null): void;
  /** Lenses may have changed (a lint, a setting). */
  lensesChanged?(): void;
  /** An exception was caught and logged: each one is a bug. */
  caught?(what: string, error: unknown): void;
  /** Files whose offer to check them as a spec was turned down before (the client remembers them). */
  dismissedSpecOffers?: readonly string[];
  /**
   * The client's command that opens its bundled docs ([path, anchor?]): hover citations and "Show
   * documentation" run it instead of going to the web pages.
   */
  docsCommand?: string;
}

interface DocState {
  doc: EditorDocument;
  /** Linted because the user asked (lintFile), spec or not. */
  forced: boolean;
  /** The last lint, of whatever version. */
  lint?: Linted;
  /** The settings key, config and file validity (savedValidUtf8) the last lint used: a change of any makes it stale. */
  lintKey?: { settings: string; config: Config; validUtf8: boolean };
  /** The lint whose diagnostics are shown. */
  published?: Linted;
  /** The diagnostics last published, to publish the same ones again only when the editor may show them moved. */
  shown?: ShownDiagnostics;
  /**
   * Whether it was a spec, per version, config and settings; if not, whether to offer to check it as one
   * (a Markdown file whose headings name a section kind or two: worthOfferingAsSpec).
   */
  selection?: { version: number; config: Config; settings: string; spec: boolean; offer: boolean };
  /**
   * Edits lead from version `from` to `to`: the last lint is re-linted (lintIncremental) when it is of
   * version `from`. `change`: the one LSP content change that leads there, when there is just one; more go
   * to the engine as the whole new text (applied one by one, each would copy the document; the engine reads
   * again only where the text differs), so they are not kept. Gone when a change came without its edits.
   */
  edits?: { from: number; to: number; change?: TextChange };
  timer?: ReturnType<typeof setTimeout>;
  /**
   * Whether the file as saved is valid UTF-8, asked of the host (readBytes) the first time a version holds
   * U+FFFD and again after a save: then its U+FFFD characters are its own, typed or written, not bytes
   * the editor could not decode. Undefined where not asked yet, or the host cannot read the file.
   */
  savedValidUtf8?: Promise<boolean>;
  /** Settles when the debounced lint has run (requests wait for it rather than lint themselves). */
  pending?: Promise<void>;
  /** Settles `pending`; there while the debounced lint has not started (the timer runs). */
  settle?: () => void;
  closed?: boolean;
}

export interface WorkspaceLint {
  files: number;
  findings: number;
}

export class EditorService {
  readonly configs: ConfigStore;
  /** Lints run by the engine, for tests and the log: at most one per document version. */
  readonly stats = { lints: 0, incremental: 0 };
  private readonly docs = new Map<string, DocState>();
  private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
  /** Files a workspace lint showed findings for: their diagnostics stay after they are closed. */
  private readonly fromWorkspace = new Set<string>();
  /** The readiness of the specs a workspace lint read from disk (open documents are read from their lint). */
  private readonly workspaceReadiness = new Map<string, DocumentReadiness>();
  /** Settings files carrying diagnostics of bad settings. */
  private readonly settingsFiles = new Set<string>();
  private readonly saidSettingProblems = new Set<string>();
  /** The problems last logged per config file, so each is logged once, not on every keystroke. */
  private readonly configProblemsSaid = new Map<string, Set<string>>();
  /** Config files whose diagnostics were shown because a spec's config reads them. */
  private readonly checkedConfigs = new Set<string>();
  private readonly suppressions: SuppressionStore;
  /** Files whose offer to check them as a spec was turned down ("Not a spec"). */
  private readonly dismissedOffers: Set<string>;

  /** Where hover citations and "Show documentation" go. */
  private readonly links: DocLinks;

  constructor(private readonly options: ServiceOptions) {
    this.dismissedOffers = new Set(options.dismissedSpecOffers);
    this.links = options.docsCommand ? commandDocLinks(options.docsCommand) : WEB_DOC_LINKS;
    this.suppressions = new SuppressionStore(options.host, options.log);
    this.configs = new ConfigStore(options.host, options.log);
  }

  // ---- documents ---------------------------------------------------------------------------------------

  open(doc: EditorDocument): void {
    this.guard('open', async () => {
      this.docs.set(doc.uri, { doc, forced: false });
      if (ConfigStore.isConfigFile(doc.uri)) return this.publishConfig(doc.uri, doc.getText());
      await this.publishLint(doc.uri);
    });
  }

  /**
   * A new version of an open document. `edit`, where the client has it, is what changed since version
   * `from` (LSP's incremental content changes): the last lint is then updated rather than done anew.
   */
  change(doc: EditorDocument, edit?: { from: number; changes: readonly TextChange[] }): void {
    this.guard('change', async () => {
      const state = this.docs.get(doc.uri) ?? { doc, forced: false };
      state.doc = doc;
      state.edits = chainEdits(state, doc.version, edit);
      if (state.shown && !keepsInPlace(edit?.changes, state.shown)) state.shown.disturbed = true;
      this.docs.set(doc.uri, state);
      if (ConfigStore.isConfigFile(doc.uri)) return this.publishConfig(doc.uri, doc.getText());
      const settings = await this.settingsFor(doc.uri);
      if (settings.run === 'onType') this.schedule(state, settings.debounceMs);
    });
  }

  save(doc: EditorDocument): void {
    this.guard('save', async () => {
      if (ConfigStore.isConfigFile(doc.uri)) return this.configFileChanged(doc.uri);
      // The editor wrote the text as UTF-8: the file may be valid now where it was not, which a document
      // that holds U+FFFD (the only ones asked) is linted again for, whenever it lints.
      const state = this.docs.get(doc.uri);
      const asked = state?.savedValidUtf8 !== undefined;
      if (state) state.savedValidUtf8 = undefined;
      const settings = await this.settingsFor(doc.uri);
      if (settings.run === 'onSave' || asked) await this.publishLint(doc.uri);
    });
  }

  close(uri: string): void {
    this.guard('close', async () => {
      const state = this.docs.get(uri);
      if (state) {
        clearTimeout(state.timer);
        state.settle?.(); // requests waiting for a lint that will not run now
        state.closed = true;
      }
      this.docs.delete(uri);
      if (ConfigStore.isConfigFile(uri)) return this.publishConfig(uri);
      this.options.linted?.(uri, null);
      // A file the workspace lint reported keeps its findings, as they are on disk now; others are cleared.
      if (this.fromWorkspace.has(uri)) await this.lintFromDisk(uri, true, true);
      else this.options.publish(uri, []);
    });
  }

  /** A config file was created, changed or deleted (on disk): configs are read again and the open specs linted again. */
  configFileChanged(uri: string): Promise<void> {
    if (SuppressionStore.isSuppressionsFile(uri)) return this.suppressionsChanged(uri);
    return this.guard('config changed', async () => {
      this.options.log('info', `config changed: ${uri}`);
      this.configs.changed(uri);
      this.checkedConfigs.clear();
      const open = this.docs.get(uri);
      await this.publishConfig(uri, open?.doc.getText());
      const dir = dirname(pathOf(uri));
      const { prefix } = splitUri(uri);
      for (const state of this.docs.values()) {
        const { prefix: p, path } = splitUri(state.doc.uri);
        if (p !== prefix || relativeTo(dir, path) === undefined || ConfigStore.isConfigFile(state.doc.uri)) continue;
        state.lint = undefined;
        await this.publishLint(state.doc.uri);
      }
    }).then(() => undefined);
  }

  /** specroles-suppressions.json was created, changed or deleted: the open specs are shown again. */
  private suppressionsChanged(uri: string): Promise<void> {
    return this.guard('suppressions changed', async () => {
      this.options.log('info', `suppressions changed: ${uri}`);
      this.suppressions.changed(uri);
      for (const state of this.docs.values()) {
        if (ConfigStore.isConfigFile(state.doc.uri)) continue;
        state.lint = undefined;
        await this.publishLint(state.doc.uri);
      }
    }).then(() => undefined);
  }

  /** Marks the findings specroles-suppressions.json suppresses in the linted file (diagnosticsOf shows them so). */
  private async markSuppressed(linted: Linted, settings: EditorSettings): Promise<void> {
    const entry = await this.suppressions.forDocument(linted.uri, this.options.workspaceFolders());
    const { rules } = suppressedIn(linted.result.findings, entry);
    if (rules.size) linted.suppressed = { rules, as: settings.suppressedFindings };
  }

  /** The client's settings changed: read them again, check them, lint what is open again. */
  settingsChanged(): Promise<void> {
    return this.guard('settings changed', async () => {
      this.settingsCache.clear();
      this.saidSettingProblems.clear();
      await this.checkSettings();
      for (const state of this.docs.values()) {
        if (ConfigStore.isConfigFile(state.doc.uri)) continue;
        await this.publishLint(state.doc.uri);
      }
      this.options.lensesChanged?.();
    }).then(() => undefined);
  }

  /** At start-up: the workspace's config files and settings are checked, so their problems show before any spec is opened. */
  start(): Promise<void> {
    return this.guard('start-up', async () => {
      await this.checkSettings();
      const find = this.options.host.findFiles;
      if (!find) return;
      for (const folder of this.options.workspaceFolders()) {
        for (const uri of await find.call(this.options.host, folder, '**/.specroles.{yaml,yml,json}', 200)) {
          if (!this.docs.has(uri)) await this.publishConfig(uri);
        }
      }
    }).then(() => undefined);
  }

  // ---- linting -----------------------------------------------------------------------------------------

  private schedule(state: DocState, delay: number): void {
    clearTimeout(state.timer);
    // A lint not yet started keeps its promise when the timer restarts: requests made earlier in a burst
    // wait for the lint that finally runs (a new promise would leave them waiting on one never settled).
    if (!state.settle) state.pending = new Promise<void>((resolve) => (state.settle = resolve));
    const pending = state.pending;
    state.timer = setTimeout(() => {
      const settle = state.settle;
      state.timer = state.settle = undefined;
      void this.publishLint(state.doc.uri).finally(() => {
        if (state.pending === pending) state.pending = undefined;
        settle?.();
      });
    }, delay);
  }

  private async settingsFor(uri: string): Promise<EditorSettings> {
    let hit = this.settingsCache.get(uri);
    if (!hit) {
      hit = this.options.settings(uri).then(
        (raw) => {
          const { settings, problems } = readSettings(raw);
          for (const p of problems) {
            if (this.saidSettingProblems.has(p.message)) continue;
            this.saidSettingProblems.add(p.message);
            this.options.log('warn', p.message);
          }
          return settings;
        },
        (error: unknown) => {
          this.options.log('warn', `reading the settings for ${uri}: ${String(error)}`);
          return readSettings(undefined).settings;
        },
      );
      this.settingsCache.set(uri, hit);
    }
    return hit;
  }

  /**
   * The lint of the document's current version: the last one if it is current, else a new one. Undefined
   * when the document is not open, linting is off, or it is not a spec (and was not asked for).
   */
  private async compute(uri: string): Promise<Linted | undefined> {
    const state = this.docs.get(uri);
    if (!state || ConfigStore.isConfigFile(uri)) return undefined;
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return undefined;
    const folder = await this.configs.forDocument(uri);
    this.checkChain(folder);
    if (state.closed) return undefined;
    // Asked before the version is read: the disk takes a moment, and the document may change meanwhile.
    const validUtf8 = state.doc.getText().includes('\uFFFD') && (await this.savedValidUtf8(state));
    if (state.closed) return undefined;
    const { doc } = state;
    const config = withOverrides(folder.loaded.config, settings.severityOverrides);
    const settingsKey = JSON.stringify(settings);
    if (!state.forced && !this.isSpec(state, folder, config, settings, settingsKey)) return undefined;
    const last = state.lint;
    const sameKey = state.lintKey?.config === config && state.lintKey.settings === settingsKey && state.lintKey.validUtf8 === validUtf8;
    if (last && last.version === doc.version && sameKey) return last;
    const started = performance.now();
    const path = pathOf(uri);
    const edits = state.edits;
    // Incrementally from the last lint when the edits lead from its version to this one with the same config
    // and settings. The last lint is taken over by the engine: it is never read again, so it must not be
    // the one shown where a request reads what is shown rather than the current version (onSave).
    const incremental =
      !!last && sameKey && !!edits && edits.from === last.version && edits.to === doc.version && !last.result.skipped && (state.published !== last || settings.run === 'onType');
    const text = doc.getText();
    const linted = incremental
      ? relintDocument(last, path, doc.languageId, doc.version, text, [edits.change ?? { text }], config, settings, validUtf8)
      : lintDocument(uri, path, doc.languageId, doc.version, text, config, settings, validUtf8);
    if (incremental && state.published === last) state.published = undefined;
    state.edits = undefined;
    await this.markSuppressed(linted, settings);
    this.stats.lints++;
    if (incremental) this.stats.incremental++;
    this.options.log('trace', `linted ${uri} v${doc.version}${incremental ? ` incrementally (${edits.change ? 'one change' : 'the whole text'})` : ''} in ${(performance.now() - started).toFixed(1)} ms: ${linted.result.findings.length} finding(s)`);
    for (const p of linted.result.configProblems) this.options.log('warn', `config (${folder.loaded.files.at(-1) ?? 'defaults'}): ${p.message}`);
    if (linted.result.skipped) this.options.log('info', `${uri}: ${linted.result.skipped}`);
    state.lint = linted;
    state.lintKey = { settings: settingsKey, config, validUtf8 };
    return linted;
  }

  /** Whether the document's file, as saved, is valid UTF-8 (DocState.savedValidUtf8); false where the host cannot tell. */
  private savedValidUtf8(state: DocState): Promise<boolean> {
    const read = this.options.host.readBytes;
    if (!read) return Promise.resolve(false);
    return (state.savedValidUtf8 ??= read(state.doc.uri).then(
      (bytes) => bytes !== undefined && decodeUtf8(bytes).validUtf8,
      () => false,
    ));
  }

  private isSpec(state: DocState, folder: FolderConfig, config: Config, settings: EditorSettings, settingsKey: string): boolean {
    const { doc } = state;
    if (doc.languageId !== 'markdown' && doc.languageId !== 'yaml' && !SPEC_CANDIDATE.test(doc.uri)) return false;
    const known = state.selection;
    if (known && known.version === doc.version && known.config === config && known.settings === settingsKey) return known.spec;
    const path = pathOf(doc.uri);
    const text = doc.getText();
    const selection = selectDocument({
      path,
      languageId: doc.languageId,
      text: text.length > MAX_DECISION_CHARS ? text.slice(0, MAX_DECISION_CHARS) : text,
      loaded: folder.loaded,
      config,
      catalogue: catalogueFor(config),
      settings,
      workspaceFolders: this.options.workspaceFolders().map(pathOf),
    });
    const offer = !isYamlDocument(doc.languageId, path) && worthOfferingAsSpec(selection);
    state.selection = { version: doc.version, config, settings: settingsKey, spec: selection.spec, offer };
    return selection.spec;
  }

  /** Lints the current version and shows its diagnostics, unless a newer version came meanwhile. */
  private async publishLint(uri: string): Promise<Linted | undefined> {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    const linted = await this.compute(uri);
    if (state.closed || this.docs.get(uri) !== state) return undefined;
    if (!linted) {
      if (state.published || state.lint === undefined) this.options.publish(uri, []);
      state.published = state.shown = undefined;
      this.options.linted?.(uri, null);
      return undefined;
    }
    if (linted.version !== state.doc.version) return linted; // a newer version's lint will show
    state.published = linted;
    // The status first: a client that sees the diagnostics sees the status bar that goes with them.
    this.options.linted?.(uri, { text: statusText(linted), skipped: !!linted.result.skipped });
    this.publishUnlessShown(state, diagnosticsOf(linted, this.links), linted.version);
    this.options.lensesChanged?.();
    return linted;
  }

  /**
   * Publishes a document's diagnostics, unless they are the ones last published and no edit since may have
   * moved what the editor shows of them. Each publish makes VS Code's workbench redo the document's markers
   * (squiggles, overview ruler, outline, Problems) and send them back to the extension host, all on the
   * thread that draws the keystrokes: on a 1 MB spec that cost showed in typing, and a lint that runs while
   * typing within a paragraph (a pause longer than debounceMs) mostly finds what was already shown.
   */
  private publishUnlessShown(state: DocState, diagnostics: Diagnostic[], version: number): void {
    const json = JSON.stringify(diagnostics);
    if (state.shown && !state.shown.disturbed && state.shown.json === json) return;
    state.shown = { json, lines: diagnostics.map((d) => [d.range.start.line, d.range.end.line]), disturbed: false };
    this.options.publish(state.doc.uri, diagnostics, version);
  }

  /** The current version's lint for a request: the last one, the pending debounced one, or (none pending) a new one. */
  private async current(uri: string): Promise<Linted | undefined> {
    for (let i = 0; i < 5; i++) {
      const state = this.docs.get(uri);
      if (!state) return undefined;
      if (state.lint && state.lint.version === state.doc.version && !state.timer) return this.compute(uri);
      if (!state.pending) break;
      await state.pending;
    }
    return this.compute(uri);
  }

  /** "Lint this file": lints it whether or not it is a spec (`force` false: only if it is); the number of findings. */
  async lintFile(uri: string, force = true): Promise<number | undefined> {
    return this.guard('lint file', async () => {
      const state = this.docs.get(uri);
      if (!state) return undefined;
      if (force) state.forced = true;
      const linted = await this.publishLint(uri);
      if (linted) this.options.log('info', `${uri}: ${linted.result.findings.length} finding(s)`);
      return linted?.result.findings.length;
    });
  }

  /** Lints every spec in the workspace folders (open documents as they are in the editor, others from disk). */
  async lintWorkspace(): Promise<WorkspaceLint> {
    const outcome = await this.guard('lint workspace', async () => {
      const find = this.options.host.findFiles;
      let files = 0;
      let findings = 0;
      if (!find) return { files, findings };
      for (const folder of this.options.workspaceFolders()) {
        for (const uri of await find.call(this.options.host, folder, '**/*.{md,markdown,yaml,yml}', 5000)) {
          if (ConfigStore.isConfigFile(uri)) continue;
          const linted = this.docs.has(uri) ? await this.publishLint(uri) : await this.lintFromDisk(uri, false, true);
          if (!linted) continue;
          files++;
          findings += linted.result.findings.length;
        }
      }
      this.options.log('info', `workspace lint: ${files} spec(s), ${findings} finding(s)`);
      return { files, findings };
    });
    return outcome ?? { files: 0, findings: 0 };
  }

  /**
   * The diagnostics of every spec in the workspace folders that is not open (a client's workspace pull; open
   * documents are pulled one by one). Nothing is published.
   */
  async workspaceDiagnostics(isOpen: (uri: string) => boolean): Promise<{ uri: string; diagnostics: Diagnostic[] }[]> {
    const reports =
      (await this.guard('workspace diagnostics', async () => {
        const find = this.options.host.findFiles;
        const out: { uri: string; diagnostics: Diagnostic[] }[] = [];
        if (!find) return out;
        for (const folder of this.options.workspaceFolders()) {
          for (const uri of await find.call(this.options.host, folder, '**/*.{md,markdown,yaml,yml}', 5000)) {
            if (ConfigStore.isConfigFile(uri) || isOpen(uri) || this.docs.has(uri)) continue;
            const linted = await this.lintFromDisk(uri, false, false);
            if (linted) out.push({ uri, diagnostics: diagnosticsOf(linted, this.links) });
          }
        }
        return out;
      })) ?? [];
    return reports;
  }

  /** A file not open in the editor, linted as it is on disk (when it is a spec), its diagnostics shown if `publish`. */
  private async lintFromDisk(uri: string, evenIfNotSpec: boolean, publish: boolean): Promise<Linted | undefined> {
    const text = await this.options.host.readFile(uri);
    if (text === undefined) {
      this.fromWorkspace.delete(uri);
      this.workspaceReadiness.delete(uri);
      if (publish) this.options.publish(uri, []);
      return undefined;
    }
    const languageId = isYamlDocument('', pathOf(uri)) ? 'yaml' : 'markdown';
    const state: DocState = { doc: { uri, languageId, version: 0, getText: () => text }, forced: evenIfNotSpec };
    const validUtf8 = text.includes('\uFFFD') && (await this.savedValidUtf8(state));
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return undefined;
    const folder = await this.configs.forDocument(uri);
    const config = withOverrides(folder.loaded.config, settings.severityOverrides);
    if (!state.forced && !this.isSpec(state, folder, config, settings, JSON.stringify(settings))) return undefined;
    if (this.docs.has(uri)) return undefined; // opened meanwhile: the editor's text counts
    const linted = lintDocument(uri, pathOf(uri), languageId, 0, text, config, settings, validUtf8);
    await this.markSuppressed(linted, settings);
    this.stats.lints++;
    if (publish) {
      this.fromWorkspace.add(uri);
      this.workspaceReadiness.set(uri, readinessOf(linted));
      this.options.publish(uri, diagnosticsOf(linted, this.links));
    }
    return linted;
  }

  // ---- config files and settings -------------------------------------------------------------------------

  /** The config files a spec's config reads (or failed to), each checked once: their problems show with the spec. */
  private checkChain(folder: FolderConfig): void {
    for (const path of new Set([...folder.loaded.files, ...folder.loaded.problems.map((p) => p.file)])) {
      const uri = joinUri(folder.prefix, path);
      if (this.checkedConfigs.has(uri) || this.docs.has(uri)) continue;
      this.checkedConfigs.add(uri);
      void this.guard('config check', () => this.publishConfig(uri));
    }
  }

  /** A config file's problems as its diagnostics (`text`: an open document's unsaved text), and a log line for each new one. */
  private async publishConfig(uri: string, text?: string): Promise<void> {
    const problems = await this.configs.problemsOf(uri, text);
    const lines = problems.map((p) => `${uri}${p.range ? `:${p.range.start.line}:${p.range.start.column}` : ''}: ${p.message}`);
    const said = this.configProblemsSaid.get(uri);
    for (const line of lines) if (!said?.has(line)) this.options.log('warn', line);
    this.configProblemsSaid.set(uri, new Set(lines));
    this.options.publish(uri, problems.map(configDiagnostic));
  }

  /**
   * The settings of each workspace folder, checked: a bad one is logged, and shown at its key in the folder's
   * `.vscode/settings.json` where it is set there.
   */
  private async checkSettings(): Promise<void> {
    const shown = new Set<string>();
    for (const folder of this.options.workspaceFolders()) {
      const { problems } = readSettings(await this.options.settings(folder).catch(() => undefined));
      for (const p of problems) {
        if (this.saidSettingProblems.has(p.message)) continue;
        this.saidSettingProblems.add(p.message);
        this.options.log('warn', p.message);
      }
      const { prefix, path } = splitUri(folder);
      const file = joinUri(prefix, `${path.replace(/\/$/, '')}/.vscode/settings.json`);
      const text = problems.length ? await this.options.host.readFile(file) : undefined;
      const diagnostics = text === undefined ? [] : settingDiagnostics(text, problems);
      if (diagnostics.length || this.settingsFiles.has(file)) this.options.publish(file, diagnostics);
      if (diagnostics.length) shown.add(file);
    }
    for (const file of this.settingsFiles) if (!shown.has(file)) this.options.publish(file, []);
    this.settingsFiles.clear();
    for (const file of shown) this.settingsFiles.add(file);
  }

  // ---- requests --------------------------------------------------------------------------------------------

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    return (
      (await this.guard('diagnostics', async () => {
        const state = this.docs.get(uri);
        if (ConfigStore.isConfigFile(uri)) return (await this.configs.problemsOf(uri, state?.doc.getText())).map(configDiagnostic);
        const settings = await this.settingsFor(uri);
        // On save only: what the last save showed, until the next save.
        if (settings.run === 'onSave' && state?.published) return diagnosticsOf(state.published, this.links);
        const linted = await this.current(uri);
        return linted ? diagnosticsOf(linted, this.links) : [];
      })) ?? []
    );
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return (
      (await this.guard('hover', async () => {
        const state = this.docs.get(uri);
        if (!state) return null;
        if (ConfigStore.isConfigFile(uri)) return configHover(state.doc.getText(), position, uri.endsWith('.json'), (await this.configs.forDocument(uri)).loaded.config);
        const linted = await this.current(uri);
        return linted ? hoverAt(linted, position, this.links) : null;
      })) ?? null
    );
  }

  async codeActions(uri: string, range: Range, only: readonly string[] | undefined, diagnostics: readonly Diagnostic[] = []): Promise<CodeAction[]> {
    return (
      (await this.guard('code actions', async () => {
        const state = this.docs.get(uri);
        if (!state) return [];
        if (ConfigStore.isConfigFile(uri)) return configQuickFixes(uri, state.doc.getText(), diagnostics);
        const linted = await this.current(uri);
        return linted ? codeActionsOf(linted, range, only, this.links) : [];
      })) ?? []
    );
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (
      (await this.guard('code lens', async () => {
        const settings = await this.settingsFor(uri);
        if (!settings.codeLens) return [];
        const linted = await this.current(uri);
        if (linted) return lensesOf(linted, settings.codeLensMaxSections);
        return this.offersSpec(uri) ? specOfferLenses(uri) : [];
      })) ?? []
    );
  }

  /**
   * Whether to offer to check a document as a spec: Markdown not taken as one (as of its current version)
   * whose headings nearly make it one, not linted on request, and not turned down.
   */
  private offersSpec(uri: string): boolean {
    const state = this.docs.get(uri);
    const selection = state?.selection;
    return !!state && !state.forced && !!selection && selection.version === state.doc.version && selection.offer && !this.dismissedOffers.has(uri);
  }

  /**
   * "Check this file as a spec": the edit that marks it (`specroles: 1`, in its front matter if it has
   * some, else in front matter of its own). Undefined when the document is not open Markdown, or marked.
   */
  specMarkerEdit(uri: string): TextEdit | undefined {
    const state = this.docs.get(uri);
    if (!state || isYamlDocument(state.doc.languageId, pathOf(uri))) return undefined;
    const text = state.doc.getText();
    const insertion = specMarkerInsertion(text, text.includes('\n') ? dominantEol(text) : '\n');
    if (!insertion) return undefined;
    const at = new LineIndex(text).position(insertion.offset);
    const position = { line: at.line - 1, character: at.column - 1 };
    return { range: { start: position, end: position }, newText: insertion.text };
  }

  /** "Not a spec": no more offer for this file (the client keeps the list across sessions). */
  dismissSpecOffer(uri: string): void {
    this.dismissedOffers.add(uri);
    this.options.lensesChanged?.();
  }

  /**
   * Completion: keys and values in config files; sections and, in an empty document, whole specs in
   * Markdown (spec-completion.ts). `trigger`: the character typed that asked for it, if one did.
   */
  async completion(uri: string, position: Position, trigger?: string): Promise<CompletionItem[]> {
    return (
      (await this.guard('completion', async () => {
        const state = this.docs.get(uri);
        if (!state) return [];
        if (ConfigStore.isConfigFile(uri)) {
          // The section trigger (`#`) is not a config file's: a comment there.
          if (trigger !== undefined && SECTION_TRIGGERS.includes(trigger)) return [];
          return configCompletion(state.doc.getText(), position, uri.endsWith('.json'), (await this.configs.forDocument(uri)).loaded.config);
        }
        // The config files' triggers are not a spec's: typed in its prose (or in a heading's `<!-- owner: pm -->`),
        // they ask for nothing (clients that register one trigger list for all files send them).
        if (trigger !== undefined && CONFIG_TRIGGERS.includes(trigger)) return [];
        const { doc } = state;
        const settings = await this.settingsFor(uri);
        if (!settings.enable) return [];
        const folder = await this.configs.forDocument(uri);
        const config = withOverrides(folder.loaded.config, settings.severityOverrides);
        // Whether it is a spec, without waiting for a lint: completion answers as you type.
        const isSpec = () => state.forced || this.isSpec(state, folder, config, settings, JSON.stringify(settings));
        return specCompletion({ text: doc.getText(), languageId: doc.languageId, path: pathOf(uri), position, config: folder.loaded.config, isSpec, invoked: trigger === undefined });
      })) ?? []
    );
  }

  async status(uri: string): Promise<DocumentStatus | null> {
    const linted = await this.guard('status', () => this.current(uri));
    return linted ? { text: statusText(linted), skipped: !!linted.result.skipped } : null;
  }

  async summary(uri: string): Promise<OwnershipSummary | undefined> {
    return this.guard('summary', async () => {
      const linted = await this.current(uri);
      return linted ? summaryPicks(linted) : undefined;
    });
  }

  /**
   * The readiness view: every open spec as it is in the editor, then the specs the last workspace lint read
   * from disk that are not open, each in order of its URI.
   */
  async readiness(): Promise<DocumentReadiness[]> {
    const open: DocumentReadiness[] = [];
    for (const [uri] of [...this.docs].sort(([a], [b]) => a.localeCompare(b))) {
      if (ConfigStore.isConfigFile(uri)) continue;
      const linted = await this.guard('readiness', () => this.current(uri));
      if (linted) open.push(readinessOf(linted));
    }
    const fromDisk = [...this.workspaceReadiness].filter(([uri]) => !this.docs.has(uri)).sort(([a], [b]) => a.localeCompare(b));
    return [...open, ...fromDisk.map(([, readiness]) => readiness)];
  }

  /** The kinds to pick stubs from (by owner group) and the document types to start a spec from, for a document or folder. */
  async catalogue(uri: string | undefined): Promise<{ kinds: { group: OwnerGroup; kinds: KindChoice[] }[]; docTypes: DocTypeChoice[] }> {
    const config = uri ? (await this.configs.forDocument(uri.endsWith('/') ? `${uri}x` : uri)).loaded.config : {};
    return { kinds: kindChoices(config), docTypes: docTypeChoices(config) };
  }

  /** The edit that inserts stubs of `kindIds` at `position` in an open document. */
  async stubEdit(uri: string, position: Position, kindIds: readonly string[]): Promise<TextEdit | undefined> {
    return this.guard('stub', async () => {
      const state = this.docs.get(uri);
      if (!state) return undefined;
      const { config } = (await this.configs.forDocument(uri)).loaded;
      return stubEdit(state.doc.getText(), state.doc.languageId, pathOf(uri), position, kindIds, config);
    });
  }

  /** A new spec's text for a document type (the config of `folderUri`, when given). */
  async template(typeId: string, folderUri?: string): Promise<string | undefined> {
    return this.guard('template', async () => {
      const config = folderUri ? (await this.configs.forDocument(`${folderUri.replace(/\/$/, '')}/x`)).loaded.config : {};
      return templateText(typeId, config);
    });
  }

  /** The documentation page of a rule (what the "Show documentation" action opens). */
  ruleDocUrl(ruleId: string): string {
    return ruleDocUrl(ruleId);
  }

  /** Runs `work`, logging (and counting) what it throws; undefined then. */
  private async guard<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.options.log('error', `${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.options.caught?.(what, error);
      return undefined;
    }
  }
}

function settingDiagnostics(text: string, problems: readonly SettingProblem[]): Diagnostic[] {
  const lines = new LineIndex(text);
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const at = locateSetting(text, p.key);
    if (!at) continue;
    const range = lines.range(at.start, at.end);
    const d: Diagnostic = {
      range: { start: { line: range.start.line - 1, character: range.start.column - 1 }, end: { line: range.end.line - 1, character: range.end.column - 1 } },
      severity: 1,
      source: 'specroles',
      message: p.message,
    };
    if (p.suggestion) d.data = { suggestion: p.suggestion };
    out.push(d);
  }
  return out;
}

/** Diagnostics as last published: their JSON and the lines each spans. */
interface ShownDiagnostics {
  json: string;
  lines: [number, number][];
  /** An edit since may have moved or squeezed what the editor shows of them (see keepsInPlace). */
  disturbed: boolean;
}

/**
 * Whether the editor still shows the published diagnostics where they were published after these changes:
 * VS Code moves a squiggle with the text it is on (and can squeeze it to nothing), so only changes that
 * keep every line where it was (no line break typed or deleted) and touch no line a diagnostic spans are
 * known to leave them in place. Unknown changes (the whole text) are not.
 */
function keepsInPlace(changes: readonly TextChange[] | undefined, shown: ShownDiagnostics): boolean {
  if (!changes) return false;
  return changes.every((c) => {
    if (!c.range || c.range.start.line !== c.range.end.line || /[\r\n]/.test(c.text)) return false;
    const line = c.range.start.line;
    return !shown.lines.some(([from, to]) => from <= line && line <= to);
  });
}

/**
 * The edits that lead from the last lint's version to `version`: those already chained, with `edit` after
 * them when it follows on from where they end (or from the last lint); none when a change came without
 * its edits or out of order (the next lint is then a full one).
 */
function chainEdits(state: DocState, version: number, edit: { from: number; changes: readonly TextChange[] } | undefined): DocState['edits'] {
  if (!edit) return undefined;
  if (state.edits && state.edits.to === edit.from) return { from: state.edits.from, to: version };
  if (!state.lint || state.lint.version !== edit.from) return undefined;
  const [only, ...more] = edit.changes;
  return { from: edit.from, to: version, ...(only && !more.length ? { change: only } : {}) };
}
