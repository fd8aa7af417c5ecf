// The types of the Node API, spelled out so that the published declarations need nothing else installed
// (the engine's own Config, Kind… are inferred from zod schemas, and zod is bundled, not a dependency).
// test/api/api.test.ts checks at compile time that each of these is exactly the schema's type, so they
// cannot drift from what the engine accepts.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
/** `"warning"`, or `["warning", { …options }]`. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];
export type Preset = 'specroles:recommended' | 'specroles:strict';

/** A `.specroles.yaml` / `.specroles.json` config, as written (fields with defaults may be left out). */
export interface Config {
  $schema?: string;
  /** Stop looking for configs in parent folders. */
  root?: boolean;
  /**
   * A preset (`specroles:recommended`, `specroles:strict`), a shareable config package from node_modules
   * (`@acme/specroles-config`), or a path relative to the config; or a list of them, later ones winning.
   */
  extends?: Preset | (string & {}) | (Preset | (string & {}))[];
  /** Rule id → severity, or [severity, options]. */
  rules?: Record<string, RuleSetting>;
  /** New section kinds (id, name, owner required) or changes to built-in ones (id plus what changes). */
  kinds?: KindPatch[];
  roles?: Role[];
  docTypes?: DocTypePatch[];
  /** Extra cue words. */
  cues?: Cue[];
  files?: {
    /** Globs of files that are specs. */
    include?: string[];
    exclude?: string[];
  };
  overrides?: { files: string | string[]; rules?: Record<string, RuleSetting>; glossary?: string[]; type?: string }[];
  /** The team's own product terms; they never count as PM or PMM cue words. */
  glossary?: string[];
  /** Extra guidelines rules can cite, e.g. from your handbook. */
  guidelines?: Guideline[];
  /** A disable directive must give a reason after "--". */
  requireDisableReason?: boolean;
  /** Larger files are not linted: bytes, or a size such as "10 MB" (the default). */
  maxFileSize?: number | string;
}

/** A role a section can be owned by ("pm", "pmm", "shared"…). */
export interface Role {
  id: string;
  /** Spelled out, e.g. "product manager". */
  name: string;
  /** As shown at a glance, e.g. "PM". */
  short: string;
  /** One line: what this role owns in a spec. */
  owns: string;
  /** For a composite role such as "shared": the roles it stands for. */
  members?: string[];
  /** Roles whose sections belong in this role's documents as a matter of course. */
  involves?: string[];
  /** Kinds of other roles' work this role's documents draw on as material: text reading as one is a weak signal. */
  drawsOn?: string[];
}

/** A kind of section ("problem", "positioning"…): who owns it and which headings name it. */
export interface Kind {
  id: string;
  name: string;
  /** Roles expected to own the section; several roles mean shared. */
  owner: string[];
  /** Of a shared kind, the role that leads. */
  lead?: string;
  /** One or two words shown at a glance: "why", "what", "when", "message"… */
  aspect: string;
  /** Normalised headings that name this kind exactly. */
  synonyms: string[];
  /** Regular expressions tried on the normalised heading when no synonym matches. */
  patterns: string[];
  guidelines: string[];
  /** One line for a stub: what to write here. */
  hint: string;
  /** Administrative sections (metadata, stakeholders) that ownership checks ignore. */
  skipOwnership: boolean;
  absorbsSubsections: boolean;
  /** Of a kind one role owns: another role may rightly share the section. */
  shareable: boolean;
  repeatable: boolean;
  confusableWith: string[];
  wrongMetrics?: { kind: string; says: string };
  inDocumentsOf?: Record<string, string>;
  /** Role → owner roles: in a document owned by that role the section is owned otherwise. */
  ownersInDocumentsOf?: Record<string, string[]>;
  /** Its text speaks the users' language: body cue words neither change its kind nor report it as another role's. */
  inUsersWords: boolean;
  /** Headings that name this kind so plainly that no document changes it (`inDocumentsOf` does not apply). */
  contextFreePatterns: string[];
}

/** A kind in a config: a new kind, or the id of a built-in one plus what changes (synonyms and patterns are added). */
export interface KindPatch extends Partial<Kind> {
  id: string;
}

/** A type of document ("prd", "positioning"…): its owner and the sections it requires. */
export interface DocType {
  id: string;
  name: string;
  owner: string[];
  requires: { name: string; anyOf: string[] }[];
  /** File-name fragments that suggest this type when `type:` is absent. */
  fileNames: string[];
  /** The kinds a new document of this type starts with, in order. */
  template: string[];
}

export interface DocTypePatch extends Partial<DocType> {
  id: string;
}

/** Cue words: text that signals a role's work. */
export interface Cue {
  id: string;
  role: string;
  kind?: string;
  /** 0 to 5; 1 when left out. */
  weight?: number;
  terms: string[];
}

/** A guideline findings cite: one sentence in our own words, and the published source it paraphrases. */
export interface Guideline {
  id: string;
  /** The role the guideline concerns. */
  role: string;
  statement: string;
  source: { title: string; author?: string; publisher?: string; section?: string; url?: string };
}

/** An edit of a fix: offsets into the linted text; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are the ones `--fix` applies; the others are offered one at a time. */
  safe: boolean;
}

/** One finding, in the shape of the CLI's `--format json` (plus fixes and the section). */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units, as editors do. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Ids of the guidelines the finding cites (see `guidelines`). */
  guidelines: string[];
  /** The heading of the section the finding is about, where there is one. */
  section?: string;
  /** The safe fix `--fix` would apply. */
  fix?: Fix;
  /** Fixes offered one at a time (quick fixes in the editor). */
  suggestions?: Fix[];
}

/** The findings for one file or text, with counts, after ESLint's LintResult. */
export interface LintResult {
  /** Absolute path of the file, or "<text>" for a text linted without a file path. */
  filePath: string;
  /** By position. */
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Messages with a safe fix. */
  fixableCount: number;
  /** With `fix: true`, the fixed text, when fixes changed it (not written: see `outputFixes`). */
  output?: string;
  /** Set when the file was not linted because it is larger than `maxFileSize`: the notice saying so. */
  skipped?: string;
  /** Who owns what: the sections with their kinds and owners, and what the document still owes (unset when skipped). */
  document?: DocumentSummary;
}

/** A linted document's ownership: what `--format summary` and the editors' readiness view show. */
export interface DocumentSummary {
  /** The document type's id and name, where one is declared or evident from the file name. */
  type?: { id: string; name: string };
  /** The document's owner roles, and as "PM"/"PMM". */
  owner: string[];
  ownerLabel: string;
  sections: SectionSummary[];
  /** Required sections that are absent (`missing-section` findings), with the roles that owe them. */
  owes: OwedSection[];
}

export interface SectionSummary {
  title: string;
  line: number;
  depth: number;
  /** The section kind's id and name, where one fits. */
  kind?: { id: string; name: string };
  /** Owner roles the kind (or the part of the document it sits in) calls for. */
  expected: string[];
  /** The same, as "PM", "PMM", "PM + PMM". */
  expectedLabel: string;
  /** Nothing but placeholders, guidance comments or white space, and no subsections. */
  placeholderOnly: boolean;
}

export interface OwedSection {
  line: number;
  /** What is required, e.g. "a when (timeline, milestones or release)". */
  requirement: string;
  /** Names of the kinds that would satisfy it. */
  kinds: string[];
  /** Owner roles of the first of those kinds. */
  roles: string[];
}

export interface RuleInfo {
  id: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes, and whether any of them are safe for `--fix`. */
  fixable: 'safe' | 'suggestion' | false;
  /** Guidelines every finding of the rule cites. */
  guidelines: string[];
  /** The rule's documentation page. */
  docs: string;
}

/** The built-in catalogue, or the built-in one with what a config adds. */
export interface CatalogueInfo {
  kinds: Kind[];
  guidelines: Guideline[];
  roles: Role[];
  docTypes: DocType[];
}

/**
 * The CLI's `--format` values that need findings only (the CLI's `summary` also needs each file's
 * sections, which results do not carry).
 */
export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'gitlab' | 'junit' | 'summary';
