// The YAML spec format and Markdown front matter, as zod schemas. The JSON Schemas under `schemas/` are
// generated from these (npm run schemas), so editors validate exactly what the linter validates.
import { z } from 'zod';

export const ownerValueSchema = z
  .union([z.string(), z.array(z.string())])
  .describe('A role id (pm, pmm, eng, project, marketing, shared, or one from config), or several: "pm, pmm" or [pm, pmm]');

export const specSectionSchema = z
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

export type SpecSection = z.infer<typeof specSectionSchema>;

export const yamlSpecSchema = z
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
export const frontMatterSchema = z
  .object({
    specroles: z.literal(1).optional().describe('Marks the file as a specroles spec; the format version'),
    type: z.string().optional(),
    title: z.string().optional(),
    owner: ownerValueSchema.optional(),
    reviewers: ownerValueSchema.optional(),
  })
  .passthrough();
