// Where tests find the project and the shared corpus. Tests run from the project root (npm test).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = process.cwd();
export const sharedRoot = resolve(projectRoot, '..', 'shared');
export const corpusDir = join(sharedRoot, 'corpus', 'real');

/** Skips the calling suite with a visible notice when ../shared is absent (e.g. a standalone clone). */
export function corpusOrSkip(context: Mocha.Context): string | undefined {
  if (existsSync(corpusDir)) return corpusDir;
  console.warn(`    notice: ${corpusDir} is absent; corpus tests skipped`);
  context.skip();
  return undefined;
}
