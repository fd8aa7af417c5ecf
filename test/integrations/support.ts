// Shared by the integration tests: temporary folders, child processes, and the spec files they lint.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function run(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): Run {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.status };
}

/** Whether `command` can be started (`command --version` runs). */
export function available(command: string): boolean {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `specroles-${name}-`));
}

/** A PRD with the sections its type needs, each owned as its kind says: no findings. */
export const GOOD_PRD = `---
type: prd
---
# Checkout v2

## Problem

Shoppers abandon carts when the payment form asks for the same details twice.

## Functional requirements

- The payment form remembers the shipping address.
- Saved cards are offered first.

## Release and rollout

Beta to 5% of shoppers in March, everyone in April.
`;

/**
 * The same PRD with a "Messaging" section declared as the PM's (docs/rules/section-owner-mismatch.md):
 * one section-owner-mismatch warning at 19:26-19:28.
 */
export const BAD_PRD = `${GOOD_PRD}
## Messaging <!-- owner: pm -->

One checkout, every wallet.
`;
