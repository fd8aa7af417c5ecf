// A Markdown document kept between edits: its chunks (split.ts) with their cached parses, and per chunk
// the sections and directives built from them, in document positions. An edit re-splits only around
// the edited range (until the cuts meet the previous ones again), re-reads the chunks there, moves
// everything after it by the edit's length and line count (in place: the objects of the previous read
// are reused, so it is no longer valid), and re-nests the sections. A cold read is the same machinery
// with the whole body as the edited range, so both give the very same document.
import type { Directive, DocumentMeta, ParsedDocument, Position, Range, Section } from '../model';
import { LineIndex, rememberLines } from '../text/lines';
import { readFrontMatter, type FrontMatter } from './front-matter';
import type { RawSection } from './markdown-chunk';
import { build, merge, parsedChunk, readRange, resolveReferences, shift, soleTitle, toDirective, toSection, normalizeLabel } from './markdown';
import { scanCuts, type Chunk } from './split';
import { itemAt, lastItem, soleItem } from '../text/indexing';

/** What one heading (or the text before the first) gives the document: its section and its directives. */
interface Unit {
  section?: Section;
  directives: Directive[];
  templates: { start: number; end: number }[];
}

interface ChunkRecord extends Chunk {
  /** The chunk's parse, in offsets relative to its start (shared with the chunk cache: never changed). */
  parsed: RawSection[];
  /** Units whose first raw section lies in this chunk; a chunk without a heading adds to the one before. */
  units: Unit[];
}

/** A replacement of old [start, oldEnd) by new [start, newEnd). */
export interface OffsetEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Called for every section (and bold label) moved by an edit, so that what is kept with it moves too. */
export type OnMove = (section: Section, by: number) => void;

const FRONT_MATTER_START = /^(?:---|\+\+\+)/;

export class MarkdownModel {
  text: string;
  lines: LineIndex;
  document!: ParsedDocument;
  private front: FrontMatter;
  private chunks: ChunkRecord[] = [];
  /** Link reference definitions of the whole document, by label, with how many chunks define each. */
  private definitions = new Map<string, number>();
  /** Counts of LF and CRLF line ends, for the document's dominant line end. */
  private lf = 0;
  private crlf = 0;
  /** False once the document was read as an embedded template: an edit then reads it again whole. */
  private incremental = true;

  constructor(text: string) {
    this.text = text;
    this.lines = new LineIndex(text);
    this.front = readFrontMatter(text, this.lines);
    [this.lf, this.crlf] = countLineEnds(text, 0, text.length);
    const { chunks } = scanCuts(text, this.front.bodyStart, text.length);
    this.chunks = chunks.map((c) => record(text, c.start, c.end));
    this.countDefinitions(this.chunks, 1);
    this.buildUnits(this.chunks);
    this.assemble();
  }

  /**
   * Applies an edit that turned this.text into `text`. False where it cannot be applied in place (the
   * front matter changed, or the document was read as a template): then read `text` anew.
   */
  edit(text: string, e: OffsetEdit, onMove?: OnMove): boolean {
    if (!this.incremental || !this.frontMatterKept(e)) return false;
    const old = this.text;
    const delta = e.newEnd - e.oldEnd;
    const lines = this.lines.edited(text, e.start, e.oldEnd, e.newEnd);
    const lineDelta = lines.lineCount - this.lines.lineCount;
    const [lfOld, crlfOld] = countLineEnds(old, e.start, e.oldEnd + 1);
    const [lfNew, crlfNew] = countLineEnds(text, e.start, e.newEnd + 1);

    // Re-split from the chunk before the edited one (an edit can make the last paragraph before a heading a
    // setext heading), and from a chunk that starts a section, so that no section spans the re-read part.
    const chunks = this.chunks;
    let first = Math.max(0, chunkAt(chunks, e.start) - 1);
    // A document always has a chunk (its lead-in), and chunkAt gives the index of one.
    while (first > 0 && !itemAt(chunks, first).parsed[0]?.heading) first--;
    const from = itemAt(chunks, first).start;
    const starts = chunks.map((c) => c.start);
    const scan = scanCuts(text, from, text.length, (cut) => cut >= e.newEnd && indexOf(starts, cut - delta, first + 1) >= 0);
    let resume = scan.stoppedAt === undefined ? chunks.length : indexOf(starts, scan.stoppedAt - delta, first + 1);
    const fresh = scan.chunks.map((c) => record(text, c.start, c.end));
    // Chunks after the re-read part that do not start with a heading belong to its last section.
    for (let moved = chunks[resume]; moved && !moved.parsed[0]?.heading; moved = chunks[++resume]) {
      fresh.push({ start: moved.start + delta, end: moved.end + delta, parsed: moved.parsed, units: [] });
    }
    const dropped = chunks.slice(first, resume);
    const definitionsBefore = this.definitionLabels();
    this.countDefinitions(dropped, -1);
    this.countDefinitions(fresh, 1);
    if (this.definitionLabels() !== definitionsBefore) {
      // A heading elsewhere may read differently now ("[Pricing][p]"): read the whole document again.
      this.countDefinitions(fresh, -1);
      this.countDefinitions(dropped, 1);
      return false;
    }

    this.text = text;
    this.lines = lines;
    this.lf += lfNew - lfOld;
    this.crlf += crlfNew - crlfOld;
    for (let i = resume; i < chunks.length; i++) moveChunk(itemAt(chunks, i), delta, lineDelta, onMove);
    this.buildUnits(fresh);
    chunks.splice(first, resume - first, ...fresh);
    this.assemble(from);
    return true;
  }

  /** Whether the front matter reads the same after the edit: it ends, with its line break, before it. */
  private frontMatterKept(e: OffsetEdit): boolean {
    const body = this.front.bodyStart;
    if (body > 0) return e.start > body || (e.start === body && this.text[body - 1] === '\n');
    // No front matter: none can appear while the first line is kept and does not open one.
    const firstBreak = this.lines.lineCount > 1 ? this.lines.lineStart(2) : Infinity;
    return !FRONT_MATTER_START.test(this.text) && e.start >= firstBreak;
  }

  private countDefinitions(records: readonly ChunkRecord[], sign: 1 | -1): void {
    for (const record of records) {
      for (const raw of record.parsed) {
        for (const label of raw.definitions ?? []) {
          const key = normalizeLabel(label);
          const n = (this.definitions.get(key) ?? 0) + sign;
          if (n) this.definitions.set(key, n);
          else this.definitions.delete(key);
        }
      }
    }
  }

  private definitionLabels(): string {
    return this.definitions.size ? [...this.definitions.keys()].sort().join('\n') : '';
  }

  /** Sections and directives of `records` (consecutive, the first starting with a heading or the body). */
  private buildUnits(records: readonly ChunkRecord[]): void {
    const definitions = new Set(this.definitions.keys());
    let open: { raw: RawSection; unit: Unit } | undefined;
    const close = () => {
      if (!open) return;
      const { raw, unit } = open;
      if (raw.heading?.title.includes('[')) raw.heading.title = resolveReferences(raw.heading.title, definitions);
      if (raw.heading) unit.section = toSection(raw, this.text, this.lines);
      for (const comment of raw.comments) {
        const directive = toDirective(comment, this.lines);
        if (directive) unit.directives.push(directive);
      }
      unit.templates = raw.templates;
    };
    for (const record of records) {
      record.units = [];
      for (const parsed of record.parsed) {
        const moved = shift(parsed, record.start);
        if (!moved.heading && open) {
          merge(open.raw, moved);
          continue;
        }
        close();
        open = { raw: moved, unit: { directives: [], templates: [] } };
        record.units.push(open.unit);
      }
    }
    close();
  }

  /** The sections of a template carried in a ```markdown fence (its title left out), its directives added to `directives`. */
  private readTemplate(template: { start: number; end: number }, directives: Directive[]): Section[] {
    // The template's own front matter (a blog post's `layout:` and `title:`) is not a heading of it.
    const frontMatter = /^---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)/.exec(this.text.slice(template.start, template.end));
    const raws = readRange(this.text, template.start + (frontMatter?.[0].length ?? 0), template.end);
    const sections = build(raws, this.text, this.lines);
    for (const raw of raws) {
      for (const comment of raw.comments) {
        const directive = toDirective(comment, this.lines);
        if (directive) directives.push(directive);
      }
    }
    const mark = (s: Section): void => {
      s.inTemplate = true;
      s.children.forEach(mark);
    };
    sections.forEach(mark);
    return soleTitle(sections)?.children ?? sections;
  }

  /**
   * The document from the units: sections nested by level (re-using the section objects, whose
   * subsection lists and full ranges are corrected in place), the title and template rules, directives.
   * `editedFrom` is where re-read chunks start: full ranges of sections before it that reached past it
   * were computed on the old text.
   */
  private assemble(editedFrom = -1): void {
    const flat: Section[] = [];
    const directives: Directive[] = [];
    const templates: { start: number; end: number }[] = [];
    for (const record of this.chunks) {
      for (const unit of record.units) {
        if (unit.section) flat.push(unit.section);
        for (const d of unit.directives) directives.push(d);
        for (const t of unit.templates) templates.push(t);
      }
    }
    const template = templates[0];
    let sections = nestInPlace(flat, this.lines, editedFrom);
    const meta: DocumentMeta = { ...this.front.meta };
    const title = soleTitle(sections);
    let introLabels = title?.labels;
    if (title) {
      sections = title.children;
      meta.title ??= title.title;
      if (title.owner && !meta.owner) meta.owner = title.owner;
    }
    const sole = soleItem(sections);
    const onlyTitle = sole?.depth === 1 && !sole.children.length;
    if (template && (sections.length === 0 || onlyTitle)) {
      // A document that is nothing but a template inside a ```markdown fence is read as the template (see
      // parseMarkdown). Rare and small: read whole, and again after every edit.
      sections = this.readTemplate(template, directives);
      introLabels = undefined;
      this.incremental = false;
    } else if (templates.length) {
      // A template carried in a section that says it is one ("## Release blog template" over a ```md fence
      // of the blog's headings): its headings are that section's subsections, the parts the team fills
      // in. A fence under any other heading is an example ("## Example" in a guide) and stays code.
      for (const t of templates) {
        const host = innermostHolding(sections, t.start);
        if (!host || !NAMES_A_TEMPLATE.test(host.title)) continue;
        host.children.unshift(...this.readTemplate(t, directives));
        this.incremental = false;
      }
    }
    this.document = {
      format: 'markdown',
      text: this.text,
      eol: this.crlf > this.lf ? '\r\n' : '\n',
      meta,
      sections,
      ...(introLabels?.length ? { introLabels } : {}),
      directives,
      problems: [...this.front.problems],
      bodyStart: this.front.bodyStart,
    };
    rememberLines(this.document, this.lines);
  }
}

/** A heading over a template to fill in, not an example: "Release blog template", "Boilerplate", "Outline". */
const NAMES_A_TEMPLATE = /\b(?:template|boilerplate|skeleton|outline)s?\b/i;

/** The deepest section whose own content (before its subsections) holds `offset`. */
function innermostHolding(sections: readonly Section[], offset: number): Section | undefined {
  for (const s of sections) {
    if (offset < s.contentRange.start.offset || offset >= s.fullRange.end.offset) continue;
    return offset < s.contentRange.end.offset ? s : innermostHolding(s.children, offset);
  }
  return undefined;
}

function record(text: string, start: number, end: number): ChunkRecord {
  return { start, end, parsed: parsedChunk(text.slice(start, end)), units: [] };
}

/** Index of the chunk holding `offset` (the last one starting at or before it). */
function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (itemAt(chunks, mid).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of `value` in the sorted `list` at or after `from`, or -1. */
function indexOf(list: readonly number[], value: number, from: number): number {
  let lo = from;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = itemAt(list, mid);
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** LF and CRLF line ends among the LFs in [from, to). */
function countLineEnds(text: string, from: number, to: number): [number, number] {
  let lf = 0;
  let crlf = 0;
  const end = Math.min(to, text.length);
  for (let i = text.indexOf('\n', from); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return [lf, crlf];
}

/**
 * Headings become a tree by level, as markdown.ts `nest` makes it, over section objects that may come
 * from an earlier read: their subsection lists are corrected in place, and a full range is computed again
 * where its end moved or was computed on the old text (`editedFrom`).
 */
function nestInPlace(flat: readonly Section[], lines: LineIndex, editedFrom: number): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const counts: number[] = [];
  const close = () => {
    const s = stack.pop()!;
    const count = counts.pop()!;
    if (s.children.length > count) s.children.length = count;
    const end = s.children[count - 1]?.fullRange.end.offset ?? s.contentRange.end.offset;
    const stale = editedFrom >= 0 && s.headingRange.start.offset < editedFrom && s.fullRange.end.offset >= editedFrom;
    if (stale || end !== s.fullRange.end.offset) s.fullRange = lines.range(s.fullRange.start.offset, end);
  };
  for (const section of flat) {
    while (stack.length && lastItem(stack).depth >= section.depth) close();
    const top = stack.length - 1;
    if (top >= 0) {
      const parent = itemAt(stack, top);
      const i = itemAt(counts, top);
      counts[top] = i + 1;
      if (parent.children[i] !== section) {
        parent.children.length = i;
        parent.children.push(section);
      }
    } else {
      roots.push(section);
    }
    stack.push(section);
    counts.push(0);
  }
  while (stack.length) close();
  return roots;
}

function moveChunk(record: ChunkRecord, by: number, lines: number, onMove?: OnMove): void {
  record.start += by;
  record.end += by;
  for (const unit of record.units) {
    if (unit.section) moveSection(unit.section, by, lines, onMove);
    for (const d of unit.directives) {
      moveRange(d.range, by, lines);
      for (const r of d.rules) moveRange(r.range, by, lines);
    }
    for (const t of unit.templates) {
      t.start += by;
      t.end += by;
    }
  }
}

/** Moves what a section holds in document positions (not its subsections: they are units of their own). */
function moveSection(s: Section, by: number, lines: number, onMove?: OnMove): void {
  moveRange(s.headingRange, by, lines);
  moveRange(s.contentRange, by, lines);
  moveRange(s.fullRange, by, lines);
  for (const p of s.prose) p.offset += by;
  if (s.owner) {
    moveRange(s.owner.range, by, lines);
    moveRange(s.owner.valueRange, by, lines);
    for (const item of s.owner.items) moveRange(item.range, by, lines);
  }
  if (s.declaredKind) moveRange(s.declaredKind.range, by, lines);
  if (s.origin) s.origin.base += by;
  for (const label of s.labels ?? []) moveSection(label, by, lines, onMove);
  onMove?.(s, by);
}

function moveRange(r: Range, by: number, lines: number): void {
  movePosition(r.start, by, lines);
  movePosition(r.end, by, lines);
}

function movePosition(p: Position, by: number, lines: number): void {
  p.offset += by;
  p.line += lines;
}
