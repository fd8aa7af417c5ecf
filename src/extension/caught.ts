// Every exception the extension catches goes through here: to the log channel (never out into the
// extension host), and into a count that the host tests assert stays at zero for hostile input.
import type * as vscode from 'vscode';

let count = 0;

/** Logs an exception a provider, command or handler caught, with its stack. */
export function logCaught(log: vscode.LogOutputChannel, what: string, error: unknown): void {
  count++;
  log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** How many exceptions were caught since activation: each one is a bug. */
export function caughtCount(): number {
  return count;
}
