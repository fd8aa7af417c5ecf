// The extension's language client, the same in both extension hosts (Node and the browser's web worker):
// specroles-ls runs where the host can put it (see server-node.ts and server-web.ts, the only two files that
// differ) and talks over a message port: a Web Worker, or a child process's IPC channel made to look like
// one. The client answers what the server asks of the editor: files (vscode.workspace.fs, so a server in
// a browser, or one outside a virtual workspace, reads them too), the workspace's files (VS Code's search,
// with its excludes), and the settings (workspace/configuration).
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { COMMANDS, FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type InitializationOptions, type ReadFileParams } from '../server/protocol';
import { OPEN_DOCS, trustDocLinks } from './docs';
import { withSnippetEdit } from './snippet-actions';

/** Markdown and YAML (specs and `.specroles.yaml`), and `.specroles.json`. */
export const SELECTOR = [{ language: 'markdown' }, { language: 'yaml' }, { pattern: '**/.specroles.json' }];

/** What the server listens on: a Worker's shape (postMessage out, onmessage in). */
export interface ServerPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** A started server: its port, where it runs (for the log), and how it ends. */
export interface StartedServer {
  port: ServerPort;
  /** "a child process (pid 123)", "a Web Worker from a blob: URL". */
  where: string;
  /** Settles when the server has gone on its own (a process that exited), so the client sees the connection close. */
  closed?: Promise<unknown>;
  /** Ends it: after the client's shutdown and exit, or before the client starts it again. */
  stop(): void;
}

/** How this extension host starts specroles-ls. */
export type ServerStarter = () => Promise<StartedServer>;

class PortReader extends BrowserMessageReader {
  closed(): void {
    this.fireClose();
  }
}

/** vscode-languageclient's client with the transport left to a ServerStarter (its Node and browser clients each hard-wire one). */
export class SpecRolesClient extends BaseLanguageClient {
  private server: StartedServer | undefined;

  constructor(
    private readonly startServer: ServerStarter,
    private readonly log: vscode.LogOutputChannel,
    options: LanguageClientOptions,
  ) {
    super('specroles', 'Spec Roles', options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.server?.stop();
    // start() gets here before activate() has returned: let activation finish before a process or worker starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const started = performance.now();
    const server = (this.server = await this.startServer());
    const port = server.port as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    const reader = new PortReader(port);
    const writer = new BrowserMessageWriter(port);
    void server.closed?.then(() => reader.closed());
    this.log.info(`specroles-ls runs in ${server.where} (${(performance.now() - started).toFixed(0)} ms to create)`);
    return { reader, writer };
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.server?.stop();
      this.server = undefined;
    }
  }
}

/** Where the workspace keeps the files whose offer to check them as a spec was turned down ("Not a spec"). */
const DISMISSED_SPEC_OFFERS = 'specroles.dismissedSpecOffers';

export function createClient(startServer: ServerStarter, log: vscode.LogOutputChannel, workspaceState: vscode.Memento, extensionUri: vscode.Uri): SpecRolesClient {
  // The docs this extension bundles open as documents behind their Markdown preview; they read like specs,
  // but they are not the user's: the server never hears of them.
  // Only docs/: run from its source folder (extension development), the extension's folder holds test workspaces too.
  const docs = `${vscode.Uri.joinPath(extensionUri, 'docs').toString()}/`;
  const bundled = (document: vscode.TextDocument) => document.uri.toString().startsWith(docs);
  // A function: a server started again (after a crash) hears of the offers turned down since.
  const initializationOptions = (): InitializationOptions => ({
    diagnosticMode: 'push',
    readFile: true,
    findFiles: true,
    docsCommand: OPEN_DOCS,
    dismissedSpecOffers: workspaceState.get<string[]>(DISMISSED_SPEC_OFFERS, []),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: log,
    // Problems go to the Problems panel and the log, never into the user's face.
    revealOutputChannelOn: 4, // RevealOutputChannelOn.Never
    diagnosticCollectionName: 'specroles',
    initializationOptions,
    middleware: {
      didOpen: (document, next) => (bundled(document) ? Promise.resolve() : next(document)),
      didChange: (event, next) => (bundled(event.document) ? Promise.resolve() : next(event)),
      didSave: (document, next) => (bundled(document) ? Promise.resolve() : next(document)),
      didClose: (document, next) => (bundled(document) ? Promise.resolve() : next(document)),
      workspace: {
        // maxFileSize wins over the config's only where the user set it: send it only then.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'specRoles' || typeof value !== 'object' || value === null) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const inspected = vscode.workspace.getConfiguration('specRoles', scope).inspect<string | number>('maxFileSize');
            const chosen = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
            return { ...(value as Record<string, unknown>), maxFileSize: chosen ?? null };
          });
        },
      },
      // "Not a spec" is remembered per workspace: the server hears of it now, and at its next start.
      executeCommand: async (command, args, next) => {
        const [uri] = args as unknown[];
        if (command === COMMANDS.dismissSpecOffer && typeof uri === 'string') {
          const dismissed = workspaceState.get<string[]>(DISMISSED_SPEC_OFFERS, []);
          if (!dismissed.includes(uri)) await workspaceState.update(DISMISSED_SPEC_OFFERS, [...dismissed, uri]);
        }
        return next(command, args);
      },
      // Quick fixes that leave a placeholder to type over insert it as a snippet (see snippet-actions.ts).
      provideCodeActions: async (document, range, context, token, next) => (await next(document, range, context, token))?.map(withSnippetEdit),
      // Citations link to the bundled docs through OPEN_DOCS: command links, which a hover runs only if trusted.
      provideHover: async (document, position, token, next) => trustDocLinks(await next(document, position, token)),
      // The setting is read here too, so turning lenses off takes effect at once.
      provideCodeLenses: (document, token, next) => (vscode.workspace.getConfiguration('specRoles', document.uri).get<boolean>('codeLens', true) ? next(document, token) : []),
    },
  };
  const client = new SpecRolesClient(startServer, log, clientOptions);
  client.onRequest(READ_FILE_REQUEST, async ({ uri }: ReadFileParams) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return null;
    }
  });
  client.onRequest(FIND_FILES_REQUEST, async ({ folder, glob, max }: FindFilesParams) => {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), glob), '**/node_modules/**', max);
    return found.map((uri) => uri.toString());
  });
  return client;
}
