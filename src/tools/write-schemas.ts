// Writes schemas/*.json from the zod schemas. Run by `npm run schemas`; a test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../core';

const dir = join(process.cwd(), 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, make] of Object.entries(jsonSchemaFiles)) {
  writeFileSync(join(dir, name), `${JSON.stringify(make(), null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
