// The `.specroles.yaml` / `.specroles.json` format. Data only: nothing in a config is executed, so a
// config from an untrusted workspace is as safe as any other file.
import type { z } from 'zod';
import { catalogueSchemas } from '../catalogue/schema';
import { zod } from '../schema/zod';
import { FILE_SIZE_PATTERN } from '../text/file-size';
import { globRisk, regexRisk } from '../text/regex-safety';

export const PRESETS = ['specroles:recommended', 'specroles:strict'] as const;

/**
 * The config's schemas, built on the first call: only a run that reads a config validates against them
 * (building them and the catalogue's was ~5 ms of every CLI run's start).
 */
export function configSchemas(): ConfigSchemas {
  return (built ??= buildSchemas());
}
let built: ConfigSchemas | undefined;

function buildSchemas() {
  const z = zod();
  const { cueSchema, docTypeSchema, guidelineSchema, idSchema, kindSchema, roleSchema } = catalogueSchemas();
  const severitySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

  const ruleSettingSchema = z.union([
    severitySettingSchema,
    z.tuple([severitySettingSchema]),
    z.tuple([severitySettingSchema, z.record(z.string(), z.unknown())]),
  ]);

  /** A glob that cannot make matching a path slow (see text/regex-safety.ts). */
  const globSchema = z.string().superRefine((glob, ctx) => {
    const risk = globRisk(glob);
    if (risk) ctx.addIssue({ code: 'custom', message: `glob ${JSON.stringify(glob)} could make matching paths very slow: ${risk}` });
  });

  const globsSchema = z.union([globSchema, z.array(globSchema)]);

  /** A heading pattern that cannot make matching a heading slow (its syntax is checked when the catalogue compiles it). */
  const patternSchema = z
    .string()
    .min(1)
    .superRefine((pattern, ctx) => {
      const risk = regexRisk(pattern);
      if (risk) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(pattern)} could make matching headings very slow: ${risk}` });
    });

  /** A kind in config adds a new kind (id, name, owner required) or changes a built-in one (id plus what changes). */
  const kindPatchSchema = kindSchema.partial().extend({
    id: idSchema,
    synonyms: z.array(z.string().min(1)).optional().describe('Added to the kind\'s synonyms'),
    patterns: z.array(patternSchema).optional().describe('Added to the kind\'s patterns'),
    contextFreePatterns: z.array(patternSchema).optional().describe('Added to the kind\'s context-free patterns'),
  });

  const docTypePatchSchema = docTypeSchema.partial().extend({ id: idSchema });

  /**
   * What a config extends: a built-in preset, a package in node_modules (its `specroles.yaml` or
   * `specroles.json`, or a YAML/JSON file in it: `@acme/specroles-config/strict.yaml`) or a path relative
   * to the config (`./base.yaml`). Read as data, like any config.
   */
  const extendsSchema = z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      if (value.startsWith('specroles:') && !(PRESETS as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `unknown preset ${JSON.stringify(value)}; the presets are ${PRESETS.join(' and ')}` });
      }
    });

  const ruleBlock = {
    rules: z.record(z.string(), ruleSettingSchema).optional().describe('Rule id → off | info | warning | error, or [severity, options]'),
  };

  const configSchema = z
    .object({
      $schema: z.string().optional(),
      root: z.boolean().optional().describe('Stop looking for configs in parent folders'),
      extends: z
        .union([extendsSchema, z.array(extendsSchema)])
        .optional()
        .describe('specroles:recommended, specroles:strict, a shareable config package from node_modules, or a relative path to a YAML/JSON config; or a list of them, later ones winning'),
      ...ruleBlock,
      kinds: z.array(kindPatchSchema).optional(),
      roles: z.array(roleSchema).optional(),
      docTypes: z.array(docTypePatchSchema).optional(),
      cues: z.array(cueSchema).optional().describe('Extra cue words'),
      files: z
        .object({
          include: z.array(globSchema).optional().describe('Globs of files that are specs'),
          exclude: z.array(globSchema).optional(),
        })
        .strict()
        .optional(),
      overrides: z
        .array(z.object({ files: globsSchema, ...ruleBlock, glossary: z.array(z.string()).optional(), type: z.string().optional() }).strict())
        .optional(),
      glossary: z.array(z.string().min(1)).optional().describe('The team\'s own product terms; they never count as PM or PMM cue words'),
      guidelines: z.array(guidelineSchema).optional().describe('Extra guidelines rules can cite, e.g. from your handbook'),
      requireDisableReason: z.boolean().optional().describe('A disable directive must give a reason after "--"'),
      maxFileSize: z
        .union([
          z.number().positive({ message: 'a size must be more than 0 bytes' }),
          z.string().regex(FILE_SIZE_PATTERN, { message: 'a size such as "10 MB", "512 KB" or a number of bytes' }),
        ])
        .optional()
        .describe('Files larger than this are not linted, with a notice saying so: bytes, or a size such as "10 MB" (default "10 MB")'),
    })
    .strict();

  return { severitySettingSchema, ruleSettingSchema, kindPatchSchema, docTypePatchSchema, configSchema };
}

type ConfigSchemas = ReturnType<typeof buildSchemas>;
export type Config = z.infer<ConfigSchemas['configSchema']>;
export type RuleSetting = z.infer<ConfigSchemas['ruleSettingSchema']>;
export type KindPatch = z.infer<ConfigSchemas['kindPatchSchema']>;
