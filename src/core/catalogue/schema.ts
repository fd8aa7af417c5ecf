// Shapes of the built-in data files (kinds, roles, document types, cue words, guidelines). The same
// shapes are what a team's config may add, so they are defined once here and reused by the config schema.
// Built on first use, not when the module loads: a lint with no config never validates against them (the
// build validates the built-in files), and building them was ~4 ms of every CLI run's start.
import type { z } from 'zod';
import { zod } from '../schema/zod';

function buildSchemas() {
  const z = zod();

  const idSchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, "_" and "-", starting with a letter');

  const roleSchema = z.object({
    id: idSchema,
    name: z.string().min(1).describe('Spelled out, e.g. "product manager"'),
    short: z.string().min(1).describe('As shown at a glance, e.g. "PM"'),
    inSentence: z
      .string()
      .min(1)
      .optional()
      .describe('How a sentence names the role where "the" and its short name read badly: "engineering" (a team), not "the Eng"'),
    owns: z.string().min(1).describe('One line: what this role owns in a spec'),
    members: z.array(idSchema).optional().describe('For a composite role such as "shared": the roles it stands for'),
    involves: z.array(idSchema).optional().describe("Roles whose sections belong in this role's documents as a matter of course (engineering's technical approach in a PM's spec)"),
    drawsOn: z
      .array(idSchema)
      .optional()
      .describe("Kinds of other roles' work this role's documents draw on as material (competitive context in a PM's strategy; what ships and how well it works in a PMM's page): text that reads as one of them is a weak signal"),
  });

  const kindSchema = z.object({
    id: idSchema,
    name: z.string().min(1),
    owner: z.array(idSchema).min(1).describe('Roles expected to own the section; several roles mean shared'),
    lead: idSchema.optional().describe('Of a shared kind, the role that leads'),
    aspect: z.string().min(1).describe('One or two words shown at a glance: "why", "what", "when", "message"…'),
    synonyms: z.array(z.string().min(1)).default([]).describe('Normalised headings that name this kind exactly'),
    patterns: z.array(z.string().min(1)).default([]).describe('Regular expressions tried on the normalised heading when no synonym matches'),
    guidelines: z.array(idSchema).default([]),
    hint: z.string().min(1).describe('One line for a stub: what to write here'),
    skipOwnership: z.boolean().default(false).describe('Administrative sections (metadata, stakeholders) that ownership checks ignore'),
    absorbsSubsections: z
      .boolean()
      .default(false)
      .describe('Subsections whose headings match another kind only by keyword belong to this kind (an engineering design section\'s "Rollback" questions are engineering\'s)'),
    shareable: z
      .boolean()
      .default(false)
      .describe("Of a kind one role owns: another role may rightly share the section (market risks in a PM's risks, the PM's read of competitors), so declaring it shared is a fix for text of that role in it"),
    repeatable: z.boolean().default(false).describe('Sections of this kind may repeat side by side (one user story or case study per section)'),
    confusableWith: z
      .array(idSchema)
      .default([])
      .describe('Kinds one heading word can mean either of ("Launch": a release or a launch); under a part about one of them, the other means it too'),
    wrongMetrics: z
      .object({ kind: idSchema, says: z.string().min(1) })
      .optional()
      .describe('For a metrics kind: the kind of metric cue that does not belong in it, and how a finding names those metrics'),
    inDocumentsOf: z
      .record(idSchema, idSchema)
      .optional()
      .describe('Role → kind: in a document owned by that role the heading means another kind (market "Alternatives" in a PMM document are a competitive landscape)'),
    ownersInDocumentsOf: z
      .record(idSchema, z.array(idSchema).min(1))
      .optional()
      .describe('Role → owner roles: in a document owned by that role the section is owned otherwise (use cases in a PMM page are the PM\'s and the PMM\'s)'),
    inUsersWords: z
      .boolean()
      .default(false)
      .describe("Its text speaks the users' language (a story of a marketer who schedules a campaign is still the PM's story): the body's cue words neither change its kind nor report it as another role's work"),
    contextFreePatterns: z
      .array(z.string().min(1))
      .default([])
      .describe('Regular expressions for headings that name this kind so plainly that no document changes it (inDocumentsOf does not apply): a buyer is the PMM\'s in any document'),
  });

  const requirementSchema = z.object({
    name: z.string().min(1).describe('What is required, e.g. "a why (problem or goals)"'),
    anyOf: z.array(idSchema).min(1),
  });

  const docTypeSchema = z.object({
    id: idSchema,
    name: z.string().min(1),
    owner: z.array(idSchema).min(1),
    requires: z.array(requirementSchema).default([]),
    fileNames: z.array(z.string()).default([]).describe('File-name fragments that suggest this type when `type:` is absent'),
    template: z.array(idSchema).default([]).describe('The kinds a new document of this type starts with, in order: every required and customary section'),
  });

  const cueSchema = z.object({
    id: idSchema,
    role: idSchema.describe('Role whose work these words signal'),
    kind: idSchema.optional().describe('Kind of section these words signal, where they signal one'),
    weight: z.number().min(0).max(5).default(1),
    terms: z.array(z.string().min(1)).min(1).describe('Literal words or phrases, matched case-insensitively on word boundaries; a plural "s" is allowed'),
  });

  const sourceSchema = z.object({
    title: z.string().min(1),
    author: z.string().min(1).optional().describe('Leave out where the source names no author (it is then cited by title and publisher)'),
    publisher: z.string().optional(),
    section: z.string().optional().describe('The part of the source the guideline paraphrases'),
    url: z.string().optional(),
  });

  const guidelineSchema = z.object({
    id: idSchema,
    role: idSchema.describe('Role the guideline concerns (a composite role for shared areas)'),
    statement: z.string().min(1).describe('One sentence in our own words'),
    source: sourceSchema,
  });

  const rolesFileSchema = z.object({ roles: z.array(roleSchema) });
  const kindsFileSchema = z.object({ kinds: z.array(kindSchema) });
  const docTypesFileSchema = z.object({ docTypes: z.array(docTypeSchema) });
  const cuesFileSchema = z.object({
    cues: z.array(cueSchema),
    productParts: z
      .object({
        roles: z.array(idSchema).describe('Roles whose cue words name a part of the product when one of the nouns follows'),
        nouns: z.array(z.string().min(1)),
      })
      .default({ roles: [], nouns: [] })
      .describe('Nouns that, after a cue word of these roles, make it the name of a part of the product ("pricing API"), which is no cue'),
  });
  const guidelinesFileSchema = z.object({ guidelines: z.array(guidelineSchema) });
  const otherGenreSchema = z.object({
    id: idSchema,
    name: z.string().min(1).describe('What such a file is, as a message says it ("meeting minutes")'),
    headings: z.array(z.string().min(1)).min(1).describe('Regular expressions, each matched against a whole normalised heading (lower case, numbering and status suffixes off)'),
    fileNames: z.array(z.string().regex(/^[a-z0-9_-]+$/)).optional().describe('File names, lower case and without the extension, that make a Markdown file this genre whatever it holds: "changelog", "contributing"'),
  });
  const otherGenresFileSchema = z.object({ genres: z.array(otherGenreSchema) });

  return { idSchema, roleSchema, kindSchema, requirementSchema, docTypeSchema, cueSchema, sourceSchema, guidelineSchema, rolesFileSchema, kindsFileSchema, docTypesFileSchema, cuesFileSchema, guidelinesFileSchema, otherGenreSchema, otherGenresFileSchema };
}

export type CatalogueSchemas = ReturnType<typeof buildSchemas>;
let built: CatalogueSchemas | undefined;

/** The schemas, built on the first call. */
export function catalogueSchemas(): CatalogueSchemas {
  return (built ??= buildSchemas());
}

export type Role = z.infer<CatalogueSchemas['roleSchema']>;
export type Kind = z.infer<CatalogueSchemas['kindSchema']>;
export type DocType = z.infer<CatalogueSchemas['docTypeSchema']>;
export type Cue = z.infer<CatalogueSchemas['cueSchema']>;
export type Guideline = z.infer<CatalogueSchemas['guidelineSchema']>;
export type OtherGenre = z.infer<CatalogueSchemas['otherGenreSchema']>;
export type GuidelineSource = z.infer<CatalogueSchemas['sourceSchema']>;
