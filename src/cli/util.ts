// Small pieces every part of the CLI uses. Nothing here loads the engine.
import { isAbsolute, relative, sep } from 'node:path';
import { closest as closestCandidate } from '../core';

/** workerData marker: the bundle started as a lint worker rather than as the CLI. */
export const WORKER_TAG = 'specroles-lint-worker';

/**
 * The file lint workers start at (pool.ts): the command's loader (dist/cli.js), which runs this bundle
 * through its code cache, when the command was started through it; otherwise this bundle itself.
 */
let workerEntry: string | undefined;

export function setWorkerEntry(file: string): void {
  workerEntry = file;
}

export function getWorkerEntry(): string {
  return workerEntry ?? __filename;
}

/** sha256 in hex. node:crypto is loaded on first use: loading it is ~2 ms, and a plain lint hashes nothing. */
export function sha256(data: string | Buffer): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: loaded on first call
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(data).digest('hex');
}

/** An error that ends the run with exit code 2 and one line on standard error. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function toPosix(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}

/** A path as shown in reports: relative to the working folder, with forward slashes. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return toPosix(rel === '' ? '.' : isAbsolute(rel) ? abs : rel);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items[index]` for an index that this program handed out itself (a config's place in `Configs.all`, a
 * task's in the task list): a miss is a bug in specroles, thrown as one rather than carried on as undefined.
 */
export function byIndex<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`internal error: no ${what} at index ${index} of ${items.length}`);
  return item;
}

/** "Did you mean": the engine's, a little more forgiving on the command line (up to 3 edits). */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  return closestCandidate(word, [...candidates], maxDistance);
}
