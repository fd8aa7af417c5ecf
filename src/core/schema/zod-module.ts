// zod itself, for zod.ts to require on first use: through this ES module the bundle keeps zod's ES build
// (esbuild.mjs trims its locales), where a require('zod') would pull in its CommonJS build. Only the
// builders the engine's schemas use: a bundle keeps every member of the object a require returns, so
// exporting zod's whole namespace kept what nothing here calls (JSON Schema conversion both ways, string
// formats), some 40 KB of every bundle with the editor in it. JSON Schema generation (json-schema.ts, for
// `npm run schemas`) imports its own.
import { array, boolean, enum as enumOf, literal, number, object, record, string, tuple, union, unknown } from 'zod';

export const z = { array, boolean, enum: enumOf, literal, number, object, record, string, tuple, union, unknown };
