// The entry of dist/web/server.js, a classic script (iife): the language server the VS Code extension
// starts, in both of its hosts. In a browser, a Web Worker loads it and the server listens on the worker's
// own scope. On the desktop, the extension forks it as a Node child process and the server listens on the
// process's IPC channel, made to look like a port (process-port.ts; no Node module is imported).
import { startBrowserServer } from './browser';
import { cpuClock, processPort, type NodeProcess } from './process-port';

declare const self: Parameters<typeof startBrowserServer>[0];
const node = (globalThis as { process?: NodeProcess }).process;

if (node && typeof node.send === 'function') {
  const connection = startBrowserServer(processPort(node) as unknown as typeof self, `node ${node.version}, IPC`, cpuClock(node));
  // Never a crash: an error no handler caught is logged, and the server goes on.
  node.on('uncaughtException', (error) => connection.console.error(`uncaught: ${(error as Error).stack ?? String(error)}`));
  node.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${String(error)}`));
} else {
  startBrowserServer(self, 'web worker');
}
