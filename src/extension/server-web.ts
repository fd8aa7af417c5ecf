// In a browser (vscode.dev, github.dev, code-server): specroles-ls in a Web Worker of its own, started from
// the extension's dist/web/server.js, so linting never runs on the extension host's thread.
//
// The documented way is new Worker(<extension URI>/dist/web/server.js); it works where extensions are
// served over https: (vscode.dev, github.dev). Where they are served over vscode-remote: (code-server, and
// VS Code's own server in a browser), the extension host worker refuses it ("Creating workers from remote
// extensions is currently not supported"), so the server's script is fetched (the worker's fetch reads
// vscode-remote: URIs) and the worker started from a blob: URL of it. This was chosen over running the
// server inside the extension host worker over a MessageChannel, which works everywhere too, because a
// 1 MB spec's lint would then block every other extension in that worker, as it did before the server.
import * as vscode from 'vscode';
import type { ServerPort, ServerStarter } from './client';

/** A dedicated Web Worker, as much of it as is used here (the project's TypeScript has no DOM types). */
interface WebWorker extends ServerPort {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

const NAME = 'specroles-ls';

export function workerServer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ServerStarter {
  return async () => {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    const url = script.toString(true);
    let worker: WebWorker;
    let where: string;
    let blobUrl: string | undefined;
    try {
      worker = new Worker(url, { name: NAME });
      where = `a Web Worker (${script.scheme}: URL)`;
    } catch (error) {
      log.info(`new Worker(${script.scheme}:…/dist/web/server.js) refused (${error instanceof Error ? error.message : String(error)}): starting it from a blob: URL`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`fetching ${url}: ${response.status} ${response.statusText}`);
      blobUrl = URL.createObjectURL(new Blob([await response.text()], { type: 'application/javascript' }));
      worker = new Worker(blobUrl, { name: NAME });
      where = 'a Web Worker (blob: URL of the fetched dist/web/server.js)';
    }
    return {
      port: worker,
      where,
      stop: () => {
        worker.terminate();
        if (blobUrl) URL.revokeObjectURL(blobUrl);
      },
    };
  };
}
