// The YAML spec format and Markdown front matter, as zod schemas. The JSON Schemas under `schemas/` are
// generated from these (npm run schemas), so editors validate exactly what the linter validates. Built on
// first use (zod.ts): a Markdown spec whose front matter is plainly valid never needs them (front-matter.ts).
import type { z } from 'zod';
import { zod } from './zod';

function buildSchemas() {
  const z = zod();
  const ownerValueSchema = z
    .union([z.string(), z.array(z.string())])
    .describe('A role id (pm, pmm, eng, project, marketing, shared, or one from config), or several: "pm, pmm" or [pm, pmm]');

  const specSectionSchema = z
    .object({
      title: z.string().min(1).describe('Heading of the section; its kind is inferred from it unless `kind` is given'),
      kind: z.string().optional().describe('Section kind id, e.g. problem, positioning, pricing_packaging'),
      owner: ownerValueSchema.optional(),
      body: z.string().optional().describe('The section text (Markdown)'),
      get sections(): z.ZodOptional<z.ZodArray<typeof specSectionSchema>> {
        return z.array(specSectionSchema).optional().describe('Nested sections');
      },
    })
    .strict()
    .meta({ id: 'section', title: 'Spec section' });

  const yamlSpecSchema = z
    .object({
      $schema: z.string().optional(),
      specroles: z.literal(1).describe('Marks the file as a specroles spec; the format version'),
      type: z.string().optional().describe('Document type: prd, rfc, strategy, positioning, messaging, gtm-plan, launch-brief, product-brief, or one from config'),
      title: z.string().optional(),
      owner: ownerValueSchema.optional().describe('Default owner of the sections'),
      reviewers: ownerValueSchema.optional().describe('Roles that review the document'),
      sections: z.array(specSectionSchema).default([]),
    })
    .strict();

  /** Front matter is shared with other tools (static site generators), so unknown keys are allowed. */
  const frontMatterSchema = z
    .object({
      specroles: z.literal(1).optional().describe('Marks the file as a specroles spec; the format version'),
      type: z.string().optional(),
      title: z.string().optional(),
      owner: ownerValueSchema.optional(),
      reviewers: ownerValueSchema.optional(),
    })
    .passthrough();

  return { ownerValueSchema, specSectionSchema, yamlSpecSchema, frontMatterSchema };
}

type SpecSchemas = ReturnType<typeof buildSchemas>;
let built: SpecSchemas | undefined;

/** The schemas, built on the first call. */
export function specSchemas(): SpecSchemas {
  return (built ??= buildSchemas());
}

export type SpecSection = z.infer<SpecSchemas['specSectionSchema']>;

/**
 * Front matter that frontMatterSchema accepts as it is, told without zod: every key it knows either absent
 * or of its type (the owner keys a string or a list of strings). Only ever stricter than the schema, which
 * runs on anything else and says what is wrong.
 */
export function plainlyValidFrontMatter(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const owners = (x: unknown) => x === undefined || typeof x === 'string' || (Array.isArray(x) && x.every((e) => typeof e === 'string'));
  return (
    Object.getPrototypeOf(v) === Object.prototype &&
    (v.specroles === undefined || v.specroles === 1) &&
    (v.type === undefined || typeof v.type === 'string') &&
    (v.title === undefined || typeof v.title === 'string') &&
    owners(v.owner) &&
    owners(v.reviewers)
  );
}
