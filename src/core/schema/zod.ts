// zod, loaded on first use rather than when the engine loads. Evaluating zod and building schemas was
// ~6 ms of every CLI run's start, and a lint whose front matter is plainly valid and that has no config
// validates nothing with it (see front-matter.ts). A module that builds schemas imports zod's types only
// (`import type { z } from 'zod'`) and calls zod() where it builds them.
import type { z } from './zod-module';

/** The schema builders (zod-module.ts); a module names zod's types as `import type { z } from 'zod'`. */
export function zod(): typeof z {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: loaded on first call
  return (require('./zod-module') as typeof import('./zod-module')).z;
}
