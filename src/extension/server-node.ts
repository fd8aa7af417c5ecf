// Desktop (the Node extension host): specroles-ls in a child process of its own, over the node IPC
// channel. The server is the same bundle the browser runs in a Web Worker (dist/web/server.js); here the
// child's IPC channel is made to look like a worker's port, and the server does the same on its side
// (src/server/worker.ts). One server bundle in the VSIX, not two.
import { fork } from 'node:child_process';
import type * as vscode from 'vscode';
import type { ServerPort, ServerStarter } from './client';

export function processServer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ServerStarter {
  return async () => {
    // With the extension host under a debugger, the server can be debugged too (port 6011).
    const debug = process.execArgv.some((a) => /^--(inspect|debug)/.test(a));
    const child = fork(context.asAbsolutePath('dist/web/server.js'), [], {
      execArgv: debug ? ['--nolazy', '--inspect=6011'] : [],
      // Desktop VS Code's extension host is Electron run as Node; the child must be Node too.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => log.error(`specroles-ls (stderr): ${text.trimEnd()}`));
    const errorListeners: Array<(event: unknown) => void> = [];
    const port: ServerPort = {
      onmessage: null,
      postMessage: (message) => {
        if (!child.connected) throw new Error('specroles-ls has exited');
        child.send(message as object, (error) => {
          if (error) for (const listener of errorListeners) listener(error);
        });
      },
      addEventListener: (type, listener) => {
        if (type === 'error') errorListeners.push(listener);
      },
    };
    child.on('message', (data) => port.onmessage?.({ data }));
    child.on('error', (error) => {
      for (const listener of errorListeners) listener(error);
    });
    const closed = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
      log.info(`specroles-ls (pid ${child.pid}) exited (${signal ?? `code ${code}`})`);
      resolve();
    }));
    return {
      port,
      where: `a child process (pid ${child.pid}, ${process.release.name} ${process.version})`,
      closed,
      stop: () => {
        // The server exits when its IPC channel closes; a server that hangs is killed.
        if (child.connected) child.disconnect();
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill();
        }, 2000).unref();
      },
    };
  };
}
