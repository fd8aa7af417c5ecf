// The extension's language client: starts specroles-ls (dist/ls.js) in its own process over node IPC, and
// answers what the server asks of the editor: files it cannot read itself (virtual workspaces), the
// workspace's files (VS Code's search, with its excludes), and the settings (workspace/configuration).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type InitializationOptions, type ReadFileParams } from '../server/protocol';

/** Markdown and YAML (specs and `.specroles.yaml`), and `.specroles.json`. */
export const SELECTOR = [{ language: 'markdown' }, { language: 'yaml' }, { pattern: '**/.specroles.json' }];

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/ls.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { diagnosticMode: 'push', readFile: true, findFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: log,
    // Problems go to the Problems panel and the log, never into the user's face.
    revealOutputChannelOn: 4, // RevealOutputChannelOn.Never
    diagnosticCollectionName: 'specroles',
    initializationOptions,
    middleware: {
      workspace: {
        // maxFileSize wins over the config's only where the user set it: send it only then.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'specroles' || typeof value !== 'object' || value === null) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const inspected = vscode.workspace.getConfiguration('specroles', scope).inspect<string | number>('maxFileSize');
            const chosen = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
            return { ...(value as Record<string, unknown>), maxFileSize: chosen ?? null };
          });
        },
      },
      // The setting is read here too, so turning lenses off takes effect at once.
      provideCodeLenses: (document, token, next) => (vscode.workspace.getConfiguration('specroles', document.uri).get<boolean>('codeLens', true) ? next(document, token) : []),
    },
  };
  const client = new LanguageClient('specroles', 'Spec Roles', serverOptions, clientOptions);
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
