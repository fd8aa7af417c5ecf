// specroles-ls over a message port: a dedicated worker's own scope (a browser), one end of a MessageChannel,
// or a Node child process's IPC channel made to look like a port (the desktop extension, see worker.ts).
// Nothing is read from disk here: files come through the client (READ_FILE_REQUEST, FIND_FILES_REQUEST).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { version } from '../../package.json';
import { startServer } from './server';

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

/** Starts the server on a port; `name` says where it runs, in its log line; `cpuMs` its CPU time, where known. */
export function startBrowserServer(port: Port, name = 'browser', cpuMs?: () => number): Connection {
  const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: the engine is evaluated after `initialize` is answered
  startServer(connection, { name, loadEditor: () => require('../editor') as typeof import('../editor'), ...(cpuMs ? { cpuMs } : {}) }, version);
  return connection;
}
