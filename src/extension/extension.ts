// The VS Code extension: a thin adapter over the engine (src/core). Diagnostics, hovers, quick fixes,
// CodeLens, a status bar item and the "Spec Roles" commands.
import * as vscode from 'vscode';
import { caughtCount, logCaught } from './caught';
import { registerCommands } from './commands';
import { CodeActionProvider, CodeLensProvider, HoverProvider, SELECTOR, StatusBar } from './features';
import { Linter } from './linter';

export interface SpecRolesApi {
  /** Milliseconds spent in activate(). */
  activationMs: number;
  /** Lints a document now (tests, other extensions); undefined when it is not a spec. */
  lint(uri: vscode.Uri): Promise<number | undefined>;
  /** The status bar item's text. */
  statusText(): string;
  /** Exceptions caught and logged since activation (tests assert none for hostile input). */
  caughtErrors(): number;
}

export function activate(context: vscode.ExtensionContext): SpecRolesApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Spec Roles', { log: true });
  const linter = new Linter(log);
  const statusBar = new StatusBar(linter);
  const codeLens = new CodeLensProvider(linter);
  context.subscriptions.push(log, linter, statusBar);

  const safely =
    <A extends unknown[]>(what: string, handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        logCaught(log, what, error);
      }
    };

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(linter)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionProvider(linter), CodeActionProvider.metadata),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.workspace.onDidOpenTextDocument(safely('open', (doc) => void linter.lintDocument(doc))),
    vscode.workspace.onDidChangeTextDocument(
      safely('change', (e) => {
        if (e.contentChanges.length === 0) return;
        if (Linter.isConfigFile(e.document.uri)) linter.validateConfigText(e.document.uri, e.document.getText());
        else if (linter.runsOnType(e.document)) linter.schedule(e.document);
      }),
    ),
    vscode.workspace.onDidSaveTextDocument(
      safely('save', (doc) => {
        if (Linter.isConfigFile(doc.uri)) linter.invalidateConfigs();
        else if (!linter.runsOnType(doc)) void linter.lintDocument(doc);
      }),
    ),
    vscode.workspace.onDidCloseTextDocument(
      safely('close', (doc) => {
        if (Linter.isConfigFile(doc.uri)) return;
        linter.clear(doc.uri);
        linter.forced.delete(doc.uri.toString());
      }),
    ),
    vscode.window.onDidChangeActiveTextEditor(safely('editor', () => statusBar.update())),
    vscode.workspace.onDidChangeConfiguration(
      safely('settings', (e) => {
        if (!e.affectsConfiguration('specroles')) return;
        if (e.affectsConfiguration('specroles.codeLens')) codeLens.refresh();
        linter.relintOpen();
      }),
    ),
  );

  const watcher = vscode.workspace.createFileSystemWatcher('**/.specroles.{yaml,yml,json}');
  const configChanged = safely('config watcher', (uri: vscode.Uri) => {
    log.info(`config changed: ${uri.toString()}`);
    linter.invalidateConfigs();
    void vscode.workspace.fs.readFile(uri).then(
      (bytes) => linter.validateConfigText(uri, new TextDecoder().decode(bytes)),
      () => linter.diagnostics.delete(uri),
    );
  });
  context.subscriptions.push(watcher, watcher.onDidChange(configChanged), watcher.onDidCreate(configChanged), watcher.onDidDelete(configChanged));

  registerCommands(context, linter);

  // Work that need not hold up activation: lint what is open, check the workspace's config files.
  setTimeout(
    safely('start-up', () => {
      linter.relintOpen();
      statusBar.update();
      void vscode.workspace.findFiles('**/.specroles.{yaml,yml,json}', '**/node_modules/**', 200).then(
        async (uris) => {
          for (const uri of uris) {
            try {
              linter.validateConfigText(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
            } catch (error) {
              log.warn(`reading ${uri.toString()}: ${String(error)}`);
            }
          }
        },
        (error) => log.warn(`finding config files: ${String(error)}`),
      );
    }),
    0,
  );

  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    lint: async (uri) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      return (await linter.lintDocument(doc))?.result.findings.length;
    },
    statusText: () => statusBar.text,
    caughtErrors: caughtCount,
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
