// The `.specroles.yaml` / `.specroles.json` format. Data only: nothing in a config is executed, so a
// config from an untrusted workspace is as safe as any other file.
import { z } from 'zod';
import { cueSchema, docTypeSchema, guidelineSchema, idSchema, kindSchema, roleSchema } from '../catalogue/schema';

export const severitySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

export const ruleSettingSchema = z.union([
  severitySettingSchema,
  z.tuple([severitySettingSchema]),
  z.tuple([severitySettingSchema, z.record(z.string(), z.unknown())]),
]);

const globsSchema = z.union([z.string(), z.array(z.string())]);

/** A kind in config adds a new kind (id, name, owner required) or changes a built-in one (id plus what changes). */
export const kindPatchSchema = kindSchema.partial().extend({
  id: idSchema,
  synonyms: z.array(z.string().min(1)).optional().describe('Added to the kind\'s synonyms'),
  patterns: z.array(z.string().min(1)).optional().describe('Added to the kind\'s patterns'),
});

export const docTypePatchSchema = docTypeSchema.partial().extend({ id: idSchema });

const ruleBlock = {
  rules: z.record(z.string(), ruleSettingSchema).optional().describe('Rule id → off | info | warning | error, or [severity, options]'),
};

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    root: z.boolean().optional().describe('Stop looking for configs in parent folders'),
    extends: z
      .union([z.enum(['specroles:recommended', 'specroles:strict']), z.array(z.enum(['specroles:recommended', 'specroles:strict']))])
      .optional(),
    ...ruleBlock,
    kinds: z.array(kindPatchSchema).optional(),
    roles: z.array(roleSchema).optional(),
    docTypes: z.array(docTypePatchSchema).optional(),
    cues: z.array(cueSchema).optional().describe('Extra cue words'),
    files: z
      .object({
        include: z.array(z.string()).optional().describe('Globs of files that are specs'),
        exclude: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    overrides: z
      .array(z.object({ files: globsSchema, ...ruleBlock, glossary: z.array(z.string()).optional(), type: z.string().optional() }).strict())
      .optional(),
    glossary: z.array(z.string().min(1)).optional().describe('The team\'s own product terms; they never count as PM or PMM cue words'),
    guidelines: z.array(guidelineSchema).optional().describe('Extra guidelines rules can cite, e.g. from your handbook'),
    requireDisableReason: z.boolean().optional().describe('A disable directive must give a reason after "--"'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type KindPatch = z.infer<typeof kindPatchSchema>;
