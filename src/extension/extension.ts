// The VS Code extension: a thin client of specroles-ls (src/server), which runs on its own (a process, or
// a Web Worker in the browser) and makes every judgement. Here: starting it, the status bar, the readiness
// view, the "Spec Roles: …" commands and their quick picks, the log channel. Diagnostics, hovers, quick fixes and
// CodeLens come from the server through the language client. This code is the same in both extension
// hosts: main.ts (Node) and web.ts (the browser's web worker) only say how to start the server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/browser';
import { CAUGHT_NOTIFICATION, COMMANDS, STATUS_NOTIFICATION, type CaughtParams, type DocumentReadiness, type StatusParams } from '../server/protocol';
import { caughtCount, logCaught } from './caught';
import { createClient, type ServerStarter, type SpecRolesClient } from './client';
import { registerCommands } from './commands';
import { registerReadinessView, type ReadinessSnapshot } from './readiness-view';
import { StatusBar } from './status-bar';

export interface SpecRolesApi {
  /** Milliseconds spent in activate(). */
  activationMs: number;
  /** Lints a document now (tests, other extensions); undefined when it is not a spec. */
  lint(uri: vscode.Uri): Promise<number | undefined>;
  /** The status bar item's text. */
  statusText(): string;
  /** Exceptions caught and logged since activation, here and in the server (tests assert none for hostile input). */
  caughtErrors(): number;
  /** Resolves when the server has started. */
  ready(): Promise<void>;
  /** The readiness view's tree, fetched afresh from the server (or, `refetch` false, as the view last fetched it). */
  readinessTree(refetch?: boolean): Promise<ReadinessSnapshot[]>;
}

let client: SpecRolesClient | undefined;

/** Which extension host runs this: the web worker one (a browser: vscode.dev, github.dev, code-server) or Node. */
export function hostName(context: vscode.ExtensionContext): string {
  // vscode.env.uiKind is Web in code-server whichever host runs the extension; the extension's kind says.
  const web = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function';
  return `${web ? 'the web worker extension host' : 'the Node extension host'} (extensionKind ${vscode.ExtensionKind[context.extension.extensionKind]}, uiKind ${vscode.UIKind[vscode.env.uiKind]})`;
}

/** Activates the extension with this host's way of starting the server. */
export function activateWith(context: vscode.ExtensionContext, startServer: (log: vscode.LogOutputChannel) => ServerStarter): SpecRolesApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Spec Roles', { log: true });
  const statusBar = new StatusBar();
  context.subscriptions.push(log, statusBar);
  const languageClient = createClient(startServer(log), log, context.workspaceState, context.extensionUri);
  client = languageClient;
  let serverCaught = 0;
  let running: Promise<void> = Promise.resolve();
  const readiness = registerReadinessView(
    context,
    async () => {
      await running;
      return languageClient.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.readiness, arguments: [] }) as Promise<DocumentReadiness[]>;
    },
    log,
  );
  languageClient.onNotification(STATUS_NOTIFICATION, ({ uri, status }: StatusParams) => {
    statusBar.set(uri, status);
    readiness.schedule();
  });
  languageClient.onNotification(CAUGHT_NOTIFICATION, (_: CaughtParams) => {
    serverCaught++;
  });
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => {
      try {
        statusBar.update();
      } catch (error) {
        logCaught(log, 'status bar', error);
      }
    }),
  );
  registerCommands(context, languageClient, log, () => readiness.schedule());

  // The server starts after activation returns: activation never waits for a process.
  const startedAt = performance.now();
  running = languageClient.start().then(
    () => log.info(`specroles-ls started in ${(performance.now() - startedAt).toFixed(0)} ms`),
    (error: unknown) => logCaught(log, 'starting specroles-ls', error),
  );
  context.subscriptions.push({ dispose: () => void languageClient.stop().catch(() => undefined) });

  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms in ${hostName(context)}`);
  return {
    activationMs,
    lint: async (uri) => {
      await running;
      await vscode.workspace.openTextDocument(uri);
      const count = await vscode.commands.executeCommand<number | null>('specroles.server.lintFile', uri.toString(), false);
      return count ?? undefined;
    },
    statusText: () => statusBar.text,
    caughtErrors: () => caughtCount() + serverCaught,
    ready: () => running,
    readinessTree: (refetch) => readiness.snapshot(refetch),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}
