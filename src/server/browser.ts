// specroles-ls in a browser: over a MessagePort or a worker's own global scope. Nothing is read from disk
// here: files come through the client (READ_FILE_REQUEST, FIND_FILES_REQUEST).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { version } from '../../package.json';
import { startServer } from './server';

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

/** Starts the server on a port: a dedicated worker's `self`, or one end of a MessageChannel (the server in the extension host worker). */
export function startBrowserServer(port: Port): void {
  startServer(createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port)), { name: 'browser', loadEditor: () => require('../editor') as typeof import('../editor') }, version);
}
