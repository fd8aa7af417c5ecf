// Runs the built CLI the way a user would, for the CLI test files.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../support/paths';

export const cliPath = join(projectRoot, 'dist', 'cli.js');
export const fixturesDir = join(projectRoot, 'test', 'cli', 'fixtures');

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** `node dist/cli.js ARGS` as a child process in `cwd`, with NO_COLOR=1 and no FORCE_COLOR or CI. */
export function runCli(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string | undefined> }): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined || env[key] === '') delete env[key];
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
