// JSON Schemas generated from the zod schemas, so editors (VS Code's JSON and YAML support) validate and
// complete exactly what the linter validates. Written to schemas/ by `npm run schemas`.
import { toJSONSchema, type z } from 'zod';
import { configSchemas } from '../config/schema';
import { specSchemas } from './spec';

const BASE = 'https://specroles.dev/schemas';

function toJsonSchema(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const generated = toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: `${BASE}/${id}`, title, description };
}

export function specJsonSchema(): Record<string, unknown> {
  return toJsonSchema(specSchemas().yamlSpecSchema, 'spec.schema.json', 'specroles YAML spec', 'A product spec whose sections are checked for PM/PMM ownership by specroles.');
}

export function configJsonSchema(): Record<string, unknown> {
  return toJsonSchema(configSchemas().configSchema, 'config.schema.json', 'specroles config', 'Configuration of specroles (.specroles.yaml or .specroles.json).');
}

export const jsonSchemaFiles: Record<string, () => Record<string, unknown>> = {
  'spec.schema.json': specJsonSchema,
  'config.schema.json': configJsonSchema,
};
