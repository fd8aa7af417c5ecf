// `specroles-ls` in Node: the language server over stdio (`--stdio`, the default) or node IPC
// (`--node-ipc`), or a socket (`--socket=PORT`). Files on this machine are read directly; others through
// the client, when it offers to. The npm package's `specroles-ls` (dist/server.js, an entry into the CLI's
// bundle, which holds one copy of the engine for the CLI, the API and the server) starts it. The VS Code
// extension ships and forks the browser build instead (dist/web/server.js, see worker.ts), which it also
// runs in a Web Worker: one server bundle in the VSIX.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { cpuClock } from './process-port';
import { SERVER_NAME, startServer, type Platform } from './server';

const HELP = `${SERVER_NAME} ${version}: the specroles language server (Language Server Protocol).

Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT]

Diagnostics, hovers, quick fixes and fix-all (source.fixAll.specroles), CodeLens, completion in
.specroles.yaml, and commands for section stubs and templates, for product specs in Markdown and YAML.
Settings come from the client's "specroles" section (workspace/configuration). See docs/editors.md.
`;

/** Folders never searched, as in the CLI. */
const SKIPPED = new Set(['node_modules', '.git']);

const platform: Platform = {
  name: `node ${process.versions.node}`,
  cpuMs: cpuClock(process),
  // esbuild makes this require lazy: the engine is evaluated after `initialize` is answered.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the line above
  loadEditor: () => require('../editor') as typeof import('../editor'),
  readFile: (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    return readFile(fileURLToPath(uri), 'utf8').catch(() => undefined);
  },
  readBytes: (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    return readFile(fileURLToPath(uri)).catch(() => undefined);
  },
  findFiles: (folderUri, glob, max) => {
    if (!folderUri.startsWith('file:')) return undefined;
    return findFiles(fileURLToPath(folderUri), platform.loadEditor().globMatcher(glob), max);
  },
};

async function findFiles(root: string, matches: (path: string) => boolean, max: number): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= max) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path);
      } else if (entry.isFile() && matches(relative(root, path).split('\\').join('/'))) {
        found.push(pathToFileURL(path).href);
      }
    }
  };
  await walk(root);
  return found;
}

export function runLanguageServer(args: readonly string[] = process.argv.slice(2)): void {
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  // Without a transport, standard input and output: what editors that start a command expect.
  if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // Never a crash: an error no handler caught is logged, and the server goes on.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${String(error)}`));
  startServer(connection, platform, version);
}
