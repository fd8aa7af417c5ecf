// specroles-ls: the editor service (src/editor) behind the Language Server Protocol, over any connection
// (stdio or node IPC in Node, a message port in a browser worker). Documents sync incrementally; diagnostics
// are pushed, or pulled by clients that pull; hovers, code actions (source.fixAll.specroles included), code
// lenses, completion in config files, commands for stubs, templates and workspace lint, settings through
// workspace/configuration, config files watched. Every handler answers: what throws is logged, counted and
// answered with an empty result, never a crash.
import {
  CodeActionKind,
  CodeActionTriggerKind,
  CodeLensRefreshRequest,
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { EditorHost, EditorService, LogLevel } from '../editor';
import {
  CAUGHT_NOTIFICATION,
  COMMANDS,
  FIND_FILES_REQUEST,
  READ_FILE_REQUEST,
  STATUS_NOTIFICATION,
  type CaughtParams,
  type FindFilesParams,
  type InitializationOptions,
  type ReadFileParams,
  type StatusParams,
} from './protocol';

/** What the platform can do without the client: read local files and search local folders (Node), or nothing (a browser). */
export interface Platform {
  name: string;
  /**
   * The editor service and the engine, loaded after `initialize` is answered (they take most of the
   * server's start-up): a require() that the bundler makes lazy, or a second file next to the server.
   */
  loadEditor(): typeof import('../editor');
  readFile?(uri: string): Promise<string | undefined> | undefined;
  /** A file's bytes, where the platform has a disk (Node): see EditorHost.readBytes. */
  readBytes?(uri: string): Promise<Uint8Array | undefined> | undefined;
  findFiles?(folderUri: string, glob: string, max: number): Promise<string[]> | undefined;
  /**
   * The CPU time (ms) the server's process has used, where it can tell (Node): its start-up log says how
   * much of the wait before it listened was its own work and how much was waiting for a busy machine.
   */
  cpuMs?(): number;
}

export const SERVER_NAME = 'specroles-ls';

export function startServer(connection: Connection, platform: Platform, version: string): void {
  /** When the server began to listen (performance.now(): ms since the process or worker started), and its CPU time then. */
  let listeningSince = 0;
  let cpuWhenListening: number | undefined;
  /** Each document's last incremental changes, as TextDocuments applied them: the service re-lints with them. */
  const lastEdits = new Map<string, { from: number; to: number; changes: TextDocumentContentChangeEvent[] }>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      lastEdits.set(doc.uri, { from: doc.version, to: version, changes });
      return TextDocument.update(doc, changes, version);
    },
  });
  let init: InitializationOptions = {};
  let folders: string[] = [];
  let pull = false;
  let pullSettings = false;
  let lensRefresh = false;
  let lensRefreshQueued = false;
  let diagnosticRefresh = false;
  /** The client opens documents (window/showDocument); without it, a rule's page is a message with its address. */
  let showDocument = false;
  let clientSettings: unknown;
  let caught = 0;
  let verbose = false;
  /** What the client can register dynamically. */
  let dynamic = { watch: false, configuration: false, folders: false, completion: false };

  const log = (level: LogLevel, message: string) => {
    if (level === 'error') connection.console.error(message);
    else if (level === 'warn') connection.console.warn(message);
    else if (level === 'info') connection.console.info(message);
    else if (verbose) connection.console.log(message);
  };
  const report = (what: string, error: unknown) => {
    caught++;
    log('error', `${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void connection.sendNotification(CAUGHT_NOTIFICATION, { what, message: error instanceof Error ? error.message : String(error) } satisfies CaughtParams);
  };

  const host: EditorHost = {
    readFile: async (uri) => {
      const local = platform.readFile?.(uri);
      if (local) return local;
      if (!init.readFile) return undefined;
      const text = await connection.sendRequest<string | null>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
      return typeof text === 'string' ? text : undefined;
    },
    findFiles: async (folder, glob, max) => {
      if (init.findFiles) return connection.sendRequest<string[]>(FIND_FILES_REQUEST, { folder, glob, max } satisfies FindFilesParams);
      return (await platform.findFiles?.(folder, glob, max)) ?? [];
    },
    // Only a platform with a disk: the client's file system (a virtual workspace) answers with text only.
    ...(platform.readBytes ? { readBytes: async (uri: string) => platform.readBytes?.(uri) } : {}),
  };

  /** The code action kind of fix-all, as the editor service names it (here before the service loads). */
  const FIX_ALL = 'source.fixAll.specroles';
  /**
   * Completion triggers: the config files' (`:`, `"`, `[`) and the section headings' in Markdown (`#`: the
   * editor service's SECTION_TRIGGERS), so `##` offers sections without Ctrl+Space. No space: see there.
   */
  const CONFIG_TRIGGERS = [':', '"', '['];
  /** The editor service's SECTION_TRIGGERS, written out: the service is loaded only after initialize. */
  const SECTION_TRIGGER_CHARACTERS = ['#'];
  const COMPLETION_TRIGGERS = [...CONFIG_TRIGGERS, ...SECTION_TRIGGER_CHARACTERS];
  /**
   * Where a client can register completion per document selector (VS Code can), each trigger is registered
   * only where it can bring something: the config files' in config files, `#` in Markdown, none in YAML
   * specs. Registered once for all, a colon, quote or bracket typed in a spec's prose made VS Code start a
   * completion session (a request to the server, the suggest controller's work on the window's thread)
   * for nothing, and a colon in a heading's `<!-- owner: pm -->` brought back every section.
   */
  const COMPLETION_REGISTRATIONS = [
    { documentSelector: [{ pattern: '**/.specroles.{yaml,yml,json}' }], triggerCharacters: CONFIG_TRIGGERS },
    { documentSelector: [{ language: 'markdown' }], triggerCharacters: SECTION_TRIGGER_CHARACTERS },
  ];
  let loaded: EditorService | undefined;
  const service = (): EditorService => (loaded ??= createService());
  const createService = () => new (platform.loadEditor().EditorService)({
    host,
    log,
    settings: async (uri) => {
      if (pullSettings) return connection.workspace.getConfiguration({ scopeUri: uri, section: 'specRoles' });
      return clientSettings;
    },
    workspaceFolders: () => folders,
    publish: (uri, diagnostics, version) => {
      // Pulled diagnostics are the client's to ask for; config and settings files are always pushed.
      if (pull && documents.get(uri) && !isConfigOrSettings(uri)) return;
      void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    },
    linted: (uri, status) => void connection.sendNotification(STATUS_NOTIFICATION, { uri, status } satisfies StatusParams),
    // One refresh for a burst of lints (a workspace lint, a settings change), not one each.
    lensesChanged: () => {
      if (!lensRefresh || lensRefreshQueued) return;
      lensRefreshQueued = true;
      setTimeout(() => {
        lensRefreshQueued = false;
        void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      }, 20);
    },
    caught: report,
    dismissedSpecOffers: Array.isArray(init.dismissedSpecOffers) ? init.dismissedSpecOffers.map(String) : [],
    ...(typeof init.docsCommand === 'string' ? { docsCommand: init.docsCommand } : {}),
  });

  /** A handler that never throws: what goes wrong is logged and counted, and `fallback` answered. */
  const safely =
    <P, R>(what: string, fallback: R, handler: (params: P) => Promise<R> | R) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        report(what, error);
        return fallback;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    const started = performance.now();
    init = (params.initializationOptions ?? {}) as InitializationOptions;
    clientSettings = init.settings;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const caps = params.capabilities;
    pull = init.diagnosticMode === 'pull' || (init.diagnosticMode !== 'push' && !!caps.textDocument?.diagnostic);
    pullSettings = !!caps.workspace?.configuration;
    lensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    diagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    showDocument = !!caps.window?.showDocument?.support;
    verbose = params.trace === 'verbose';
    dynamic = {
      watch: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configuration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      folders: !!caps.workspace?.workspaceFolders,
      completion: !!caps.textDocument?.completion?.dynamicRegistration,
    };
    const result: InitializeResult = {
      serverInfo: { name: SERVER_NAME, version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        codeLensProvider: { resolveProvider: false },
        ...(dynamic.completion ? {} : { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS } }),
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'specroles', interFileDependencies: false, workspaceDiagnostics: true };
    // performance.now() counts from the start of the process (or worker). Listening is when the server was
    // ready; the client may ask later (an editor still starting up), and the answer comes then.
    log('info', `${SERVER_NAME} ${version} (${platform.name}) answered initialize ${performance.now().toFixed(0)} ms after it started (${(performance.now() - started).toFixed(1)} ms in initialize; listening since ${listeningSince.toFixed(0)} ms${cpuWhenListening === undefined ? '' : `, ${cpuWhenListening.toFixed(0)} ms of CPU`}); diagnostics ${pull ? 'pulled' : 'pushed'}`);
    return result;
  });

  connection.onInitialized(
    safely('initialized', undefined, async () => {
      const caps = dynamic;
      if (caps.watch) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.specroles.{yaml,yml,json}' }, { globPattern: '**/specroles-suppressions.json' }] });
      if (caps.configuration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'specRoles' });
      if (caps.completion) for (const options of COMPLETION_REGISTRATIONS) await connection.client.register(CompletionRequest.type, options);
      if (caps.folders) connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
      });
      await service().start();
    }),
  );
  // onDidChangeContent also fires for the text a document opens with: that version is the open's to lint.
  const openedVersions = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedVersions.set(e.document.uri, e.document.version);
    service().open(e.document);
  });
  documents.onDidChangeContent((e) => {
    const edit = lastEdits.get(e.document.uri);
    lastEdits.delete(e.document.uri);
    if (openedVersions.get(e.document.uri) === e.document.version) return;
    service().change(e.document, edit && edit.to === e.document.version ? { from: edit.from, changes: edit.changes } : undefined);
  });
  documents.onDidClose((e) => {
    openedVersions.delete(e.document.uri);
    lastEdits.delete(e.document.uri);
    service().close(e.document.uri);
  });
  documents.onDidSave((e) => service().save(e.document));

  connection.onDidChangeConfiguration(
    safely('settings', undefined, async (params) => {
      const settings = (params.settings as { specRoles?: unknown } | null | undefined)?.specRoles;
      if (settings !== undefined) clientSettings = settings;
      await service().settingsChanged();
      if (pull && diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    }),
  );
  connection.onDidChangeWatchedFiles(
    safely('watched files', undefined, async (params) => {
      for (const change of params.changes) await service().configFileChanged(change.uri);
      if (pull && diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    }),
  );

  connection.onHover(safely('hover', null, (p) => service().hover(p.textDocument.uri, p.position)));
  connection.onCodeAction(
    safely('code actions', [], (p) => {
      // Asked for automatically (VS Code's light bulb, each time the cursor rests) with no kinds named: the
      // quick fixes only. Fix-all carries an edit for every fixable finding (25 KB on a 1 MB spec), and VS
      // Code drops source actions there anyway; asked for by the user (or by kind), it comes as before.
      const only = p.context.only ?? (p.context.triggerKind === CodeActionTriggerKind.Automatic ? [CodeActionKind.QuickFix] : undefined);
      return service().codeActions(p.textDocument.uri, p.range, only, p.context.diagnostics);
    }),
  );
  connection.onCodeLens(safely('code lens', [], (p) => service().codeLenses(p.textDocument.uri)));
  connection.onCompletion(
    safely('completion', [], (p) => {
      const typed = p.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? p.context.triggerCharacter : undefined;
      return service().completion(p.textDocument.uri, p.position, typed);
    }),
  );

  connection.languages.diagnostics.on(
    safely('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (p) => ({
      kind: DocumentDiagnosticReportKind.Full,
      // Config and settings files' diagnostics are pushed (for files not open too): pulled, they would show twice.
      items: isConfigOrSettings(p.textDocument.uri) ? [] : await service().diagnostics(p.textDocument.uri),
    })),
  );
  connection.languages.diagnostics.onWorkspace(
    safely('workspace diagnostics', { items: [] }, async () => {
      const reports = await service().workspaceDiagnostics((uri) => documents.get(uri) !== undefined);
      const items: WorkspaceDocumentDiagnosticReport[] = reports.map((r) => ({ kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, items: r.diagnostics }));
      return { items };
    }),
  );

  connection.onExecuteCommand(
    safely('command', null as unknown, async (p) => {
      const [a, b, c] = p.arguments ?? [];
      switch (p.command) {
        case COMMANDS.lintFile:
          return (await service().lintFile(String(a), b !== false)) ?? null;
        case COMMANDS.lintWorkspace:
          return service().lintWorkspace();
        case COMMANDS.insertStubs: {
          const uri = String(a);
          const edit = await service().stubEdit(uri, b as { line: number; character: number }, Array.isArray(c) ? c.map(String) : []);
          if (!edit) return false;
          const applied = await connection.workspace.applyEdit({ label: 'Generate PM/PMM section stub', edit: { changes: { [uri]: [edit] } } });
          return applied.applied;
        }
        case COMMANDS.markAsSpec: {
          const uri = String(a);
          const edit = service().specMarkerEdit(uri);
          if (!edit) return false;
          const applied = await connection.workspace.applyEdit({ label: 'Check this file as a spec', edit: { changes: { [uri]: [edit] } } });
          return applied.applied;
        }
        case COMMANDS.dismissSpecOffer:
          service().dismissSpecOffer(String(a));
          return null;
        case COMMANDS.template:
          return (await service().template(String(a), typeof b === 'string' ? b : undefined)) ?? null;
        case COMMANDS.catalogue:
          return service().catalogue(typeof a === 'string' ? a : undefined);
        case COMMANDS.summary:
          return (await service().summary(String(a))) ?? null;
        case COMMANDS.readiness:
          return service().readiness();
        case COMMANDS.showRuleDocs: {
          const uri = service().ruleDocUrl(String(a));
          // Neovim 0.7, for one, has no window/showDocument (and says so): the address, shown as a message.
          if (showDocument) await connection.window.showDocument({ uri, external: true });
          // A notification: window.showInformationMessage would be a request, which Neovim answers with a prompt.
          else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${String(a)}: ${uri}` });
          return null;
        }
        case COMMANDS.stats:
          return { lints: loaded?.stats.lints ?? 0, incremental: loaded?.stats.incremental ?? 0, caught };
        default:
          log('warn', `unknown command ${p.command}`);
          return null;
      }
    }),
  );

  connection.onShutdown(() => log('info', `${SERVER_NAME} shutting down`));
  documents.listen(connection);
  connection.listen();
  listeningSince = performance.now();
  cpuWhenListening = platform.cpuMs?.();
}

function isConfigOrSettings(uri: string): boolean {
  return /\/\.specroles\.(ya?ml|json)$|\/\.vscode\/settings\.json$/.test(uri);
}
