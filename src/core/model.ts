// The shared vocabulary of the engine: positions, sections, findings. Nothing here knows about VS Code,
// the CLI or a file system, so every front end can use it.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A place in the text: 1-based line and column (UTF-16 code units, as editors count), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type DocumentFormat = 'markdown' | 'yaml';

/** An owner declared in the document: an `<!-- owner: … -->` comment or a YAML `owner:` value. */
export interface OwnerDeclaration {
  roles: string[];
  /** The whole annotation (the comment, or the YAML `owner: …` pair). */
  range: Range;
  /** Just the list of roles, where a fix rewrites it. */
  valueRange: Range;
  /** Each role as written, with its own range, so an unknown role can be pointed at exactly. */
  items: { role: string; range: Range }[];
}

/** A run of prose that cue words are counted in; `offset` is where `text` starts in the document. */
export interface TextRun {
  text: string;
  offset: number;
}

export interface Section {
  /** Heading text as plain text: markup, numbering and annotations left as written, trimmed. */
  title: string;
  /** Heading level (Markdown) or nesting depth (YAML), 1-based. */
  depth: number;
  headingRange: Range;
  /** From the end of the heading to the end of the section's own content (before its first subsection). */
  contentRange: Range;
  /** From the start of the heading to the end of the last subsection. */
  fullRange: Range;
  /** Prose of the section's own content, code and comments excluded. */
  prose: TextRun[];
  /** `kind:` given explicitly (YAML specs). */
  declaredKind?: { id: string; range: Range };
  owner?: OwnerDeclaration;
  /** The section's own content holds nothing but placeholders, guidance comments or white space. */
  placeholderOnly: boolean;
  /**
   * Where a pseudo-heading (a bold list, paragraph or table label, a bold or italic title) stands in for a
   * real heading, or a heading inside a block quote ("> ## Easy job setup"), which is a heading to
   * CommonMark but not one of the document's own.
   */
  pseudo?: 'bold-label' | 'emphasis-title' | 'table-label' | 'quoted-heading';
  children: Section[];
  /** The heading is part of a template carried in a ```markdown fence: its placeholders are there on purpose. */
  inTemplate?: true;
  /**
   * Bold labels in the section's own content that may stand in for headings ("- **Buyer personas:** …").
   * The analysis promotes those that name a section kind; the rest stay plain text.
   */
  labels?: Section[];
  /**
   * Where the section came from a cached parse of unchanged text: that parse's identity and the offset its
   * relative positions start at, so per-section work (cue scores) can be cached with it too.
   */
  origin?: { key: object; base: number };
}

/** Document-level metadata from front matter or a YAML spec's top level. */
export interface DocumentMeta {
  specroles?: { value: unknown; range: Range };
  type?: { value: string; range: Range };
  title?: string;
  owner?: OwnerDeclaration;
  reviewers?: OwnerDeclaration;
  /** The front matter block or the YAML document, where a fix adds a key. */
  range?: Range;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-section' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: { id: string; range: Range }[];
  reason?: string;
  range: Range;
}

/** A problem found while reading the document (broken YAML, a bad front matter value…). */
export interface ParseProblem {
  message: string;
  range: Range;
  /** Fatal problems mean the document could not be read as a spec at all: no fixes are offered. */
  fatal: boolean;
}

export interface ParsedDocument {
  format: DocumentFormat;
  text: string;
  /** End-of-line sequence the document mostly uses, for edits. */
  eol: '\n' | '\r\n';
  meta: DocumentMeta;
  /** Top-level sections; nested ones hang under `children`. */
  sections: Section[];
  /**
   * Bold labels in the own text of the document's title, which is not a section: they may stand in for
   * top-level sections ("**Dev**:" and "**Buyer**:" under "# Personas").
   */
  introLabels?: Section[];
  directives: Directive[];
  problems: ParseProblem[];
  /** Offset just past the front matter / preamble, where a new first section would go. */
  bodyStart: number;
}

export interface TextEdit {
  /** Offsets into the linted text; start === end inserts. */
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and fix-all; the others are offered one at a time. */
  safe: boolean;
}

/** A place a finding points at besides its range: an editor lists it under the problem. */
export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  guidelines: string[];
  fixes: Fix[];
  /** The heading of the section the finding is about, where there is one. */
  section?: string;
  /** Every place that is evidence for the finding (each cue word of a drift), `range` being one of them. */
  related?: RelatedLocation[];
  /** Machine-readable detail for front ends (expected owner, kind…). */
  data?: Record<string, unknown>;
}
