#!/usr/bin/env node
// The `specroles` command. Also the entry of its own lint workers: the same bundle started as a worker
// thread runs the worker loop instead. Everything beyond argument parsing is imported on demand, so
// `specroles --version` and `--help` never load the engine.
import { version } from '../../package.json';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import type { Io } from './io';
import { CliError, setWorkerEntry, WORKER_TAG } from './util';

/** Whether this process has run a lint (see main). */
let linted = false;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`specroles: ${e.message}\nRun \`specroles --help\` for usage.\n`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'version':
        io.stdout.write(`${version}\n`);
        return 0;
      case 'help': {
        const { helpText } = await import('./help');
        io.stdout.write(`${helpText(args.positionals[0])}\n`);
        return 0;
      }
      case 'explain':
        return (await import('./commands')).explainCommand(args, io);
      case 'stub':
        return (await import('./commands')).stubCommand(args, io);
      case 'template':
        return (await import('./commands')).templateCommand(args, io);
      case 'init':
        return (await import('./commands')).initCommand(args, io);
      default: {
        const code = await (await import('./lint-command')).lintCommand(args, io, version);
        linted = true;
        return code;
      }
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`specroles: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`specroles: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/**
 * The Node API (src/api), for dist/api.js: the package's `require('specroles')` loads this bundle and calls
 * this, so the CLI and the API share one copy of the engine. Loaded on first call, not when the CLI starts.
 */
export function api(): typeof import('../api') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: loaded on first call
  return require('../api') as typeof import('../api');
}

/** The remark plugin (src/remark), for dist/remark.js: in this bundle too, loaded on first call. */
export function remark(): typeof import('../remark').default {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: loaded on first call
  return (require('../remark') as typeof import('../remark')).default;
}

/**
 * specroles-ls, the language server (src/server), for dist/server.js, the package's `specroles-ls` command:
 * in this bundle too, so the package carries one copy of the engine; loaded on first call.
 */
export function languageServer(): typeof import('../server/node').runLanguageServer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: loaded on first call
  return (require('../server/node') as typeof import('../server/node')).runLanguageServer;
}

/**
 * The `specroles` command in this process: dist/cli.js (src/cli/bin.ts) loads this bundle and calls this;
 * `onLinted` is told when a lint has run (the loader's code cache is then worth writing). `loader` is that
 * file: lint workers start there too, so that they load this bundle through the code cache as well.
 */
export function main(onLinted?: () => void, loader?: string): void {
  if (loader) setWorkerEntry(loader);
  const argv = process.argv.slice(2);
  void import('./io').then(({ processIo }) =>
    run(argv, processIo()).then((code) => {
      process.exitCode = code;
      if (linted) onLinted?.();
    }),
  );
}

/**
 * Whether this is a lint worker (pool.ts). A worker has the tag in its argv too, so the CLI's own start
 * does not load worker_threads (~1.5 ms) to find out that it is not one.
 */
function isLintWorker(): boolean {
  if (!process.argv.includes(WORKER_TAG)) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: only in a worker
  const { isMainThread, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  return !isMainThread && (workerData as { specroles?: string } | undefined)?.specroles === WORKER_TAG;
}

if (isLintWorker()) {
  void import('./worker').then((m) => m.runWorker());
} else if (require.main === module) {
  main();
}
