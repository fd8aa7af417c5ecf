// zod itself, for zod.ts to require on first use: through this ES module the bundle keeps zod's ES build
// (esbuild.mjs trims its locales), where a require('zod') would pull in its CommonJS build.
export { z } from 'zod';
