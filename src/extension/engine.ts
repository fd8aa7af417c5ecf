// The engine (src/core), loaded on first use rather than when the extension activates: its parser and
// schema libraries take tens of milliseconds to evaluate. esbuild turns this require() into a lazy
// initialiser inside the bundle.
import type * as Core from '../core';

let core: typeof Core | undefined;

export function engine(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('../core') as typeof Core;
  return core;
}

export { CONFIG_NAMES } from '../core/spec-files';
