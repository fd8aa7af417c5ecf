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
import { NAMES_A_TEMPLATE } from './template-fence';
import { firstAt, itemAt, lastItem, soleItem } from '../text/indexing';

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
  /** The units' sections (before nesting) and directives, in document order: an edit splices in the re-read ones. */
  private sections: Section[] = [];
  private directives: Directive[] = [];
  private templates: { start: number; end: number }[] = [];
  /** The top-level sections as nested (before a sole title is taken off). */
  private roots: Section[] = [];
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
    this.collect();
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
    const lineCountBefore = this.lines.lineCount;
    // The old index is not used again: where the edit cannot be applied here, the text is read anew.
    const lines = this.lines.editedInPlace(text, e.start, e.oldEnd, e.newEnd);
    const lineDelta = lines.lineCount - lineCountBefore;
    const [lfOld, crlfOld] = countLineEnds(old, e.start, e.oldEnd + 1);
    const [lfNew, crlfNew] = countLineEnds(text, e.start, e.newEnd + 1);

    // Re-split from the chunk before the edited one (an edit can make the last paragraph before a heading a
    // setext heading), and from a chunk that starts a section, so that no section spans the re-read part.
    const chunks = this.chunks;
    let first = Math.max(0, chunkAt(chunks, e.start) - 1);
    // A document always has a chunk (its lead-in), and chunkAt gives the index of one.
    while (first > 0 && !itemAt(chunks, first).parsed[0]?.heading) first--;
    const from = itemAt(chunks, first).start;
    const scan = scanCuts(text, from, text.length, (cut) => cut >= e.newEnd && indexOfStart(chunks, cut - delta, first + 1) >= 0);
    let resume = scan.stoppedAt === undefined ? chunks.length : indexOfStart(chunks, scan.stoppedAt - delta, first + 1);
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
    // Where the dropped units' sections and directives stand in the lists (found before anything moves).
    const gone = unitLists(dropped);
    const sectionsAt = firstAt(this.sections, from, (s) => s.headingRange.start.offset);
    const directivesAt = firstAt(this.directives, from, (d) => d.range.start.offset);
    const templatesAt = firstAt(this.templates, from, (t) => t.start);
    // An edit that keeps the length and the line count (a letter typed over another) moves nothing: the
    // walk over every section after it would only touch their objects.
    if (delta || lineDelta) for (let i = resume; i < chunks.length; i++) moveChunk(itemAt(chunks, i), delta, lineDelta, onMove);
    this.buildUnits(fresh);
    chunks.splice(first, resume - first, ...fresh);
    const read = unitLists(fresh);
    if (holds(this.sections, sectionsAt, gone.sections) && holds(this.directives, directivesAt, gone.directives) && holds(this.templates, templatesAt, gone.templates)) {
      this.sections.splice(sectionsAt, gone.sections.length, ...read.sections);
      this.directives.splice(directivesAt, gone.directives.length, ...read.directives);
      this.templates.splice(templatesAt, gone.templates.length, ...read.templates);
      this.assemble(from, sectionsAt + read.sections.length);
    } else {
      this.collect(); // not expected: the lists are in document order
      this.assemble(from, this.sections.length);
    }
    return true;
  }

  /** Every unit's section and directives, in document order, from the chunks. */
  private collect(): void {
    ({ sections: this.sections, directives: this.directives, templates: this.templates } = unitLists(this.chunks));
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
  private assemble(editedFrom = -1, changedEnd = -1): void {
    const directives = this.directives.slice();
    const templates = this.templates;
    const template = templates[0];
    this.roots = editedFrom >= 0 ? this.renest(editedFrom, changedEnd) : nestInPlace(this.sections, this.lines, editedFrom).roots;
    let sections = this.roots;
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

  /**
   * The top-level sections after an edit whose re-read sections end at `changedEnd` in this.sections. The
   * sections before the edit (`editedFrom`) stay where they are; the path down the tree to the last of them
   * (each the last section before the edit at its level) is left open, and the sections from the edit on are
   * nested again under it until one after the re-read ones lands where it was before: under the same open
   * section (or at the top), among that section's previous subsections (or the previous top-level sections).
   * From there on every section has the same subsections as before (nesting goes by the sections before it
   * back to that one), so that section's previous subsections from it on are its subsections again.
   */
  private renest(editedFrom: number, changedEnd: number): Section[] {
    const old = this.roots;
    const flat = this.sections;
    const byHeading = (s: Section) => s.headingRange.start.offset;
    // The open path: at each level, the last section before the edit, and where it stands among its siblings.
    const path: Section[] = [];
    const counts: number[] = [];
    for (let list = old; ; ) {
      const at = firstAt(list, editedFrom, byHeading) - 1;
      if (at < 0) break;
      if (counts.length) counts[counts.length - 1] = at + 1;
      const s = itemAt(list, at);
      path.push(s);
      counts.push(0);
      list = s.children;
    }
    // The path's subsection lists as they were (the nesting below changes them in place).
    const before = path.map((s) => s.children.slice());
    const indexes: (Map<Section, number> | undefined)[] = [];
    /** Where `section` stood among the previous subsections of path[level] (level -1: the top level). */
    const wasAt = (level: number, section: Section): number | undefined => {
      const list = level < 0 ? old : itemAt(before, level);
      return (indexes[level + 1] ??= new Map(list.map((s, i) => [s, i]))).get(section);
    };
    const stack = path.slice();
    const nested = nestInPlace(flat, this.lines, editedFrom, firstAt(flat, editedFrom, byHeading), {
      stack,
      counts,
      stop: (section, index) => {
        if (index < changedEnd) return false;
        const level = stack.length - 1;
        // The stack is still a part of the path (it only ever loses the path's deepest sections).
        return stack[level] === path[level] && wasAt(level, section) !== undefined;
      },
    });
    const roots = (path.length ? old.slice(0, old.indexOf(itemAt(path, 0)) + 1) : []).concat(nested.roots);
    if (nested.stoppedAt === undefined) return roots;
    const resumed = itemAt(flat, nested.stoppedAt);
    const level = stack.length - 1;
    if (level < 0) return roots.concat(old.slice(wasAt(-1, resumed)));
    // The open section's previous subsections from the resumed one on are its subsections again, and its
    // enclosing sections' subsections after it are as they were; then the path is closed.
    const open = itemAt(stack, level);
    open.children.length = itemAt(counts, level);
    for (const s of itemAt(before, level).slice(wasAt(level, resumed))) open.children.push(s);
    for (let i = level; i >= 0; i--) counts[i] = itemAt(stack, i).children.length;
    nested.close();
    return old;
  }
}

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

/** Index of the chunk starting at `value` at or after `from` (chunks are in order), or -1. */
function indexOfStart(chunks: readonly Chunk[], value: number, from: number): number {
  let lo = from;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = itemAt(chunks, mid).start;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The sections, directives and templates of the records' units, in document order. */
function unitLists(records: readonly ChunkRecord[]): Pick<Unit, 'directives' | 'templates'> & { sections: Section[] } {
  const lists = { sections: [] as Section[], directives: [] as Directive[], templates: [] as Unit['templates'] };
  for (const record of records) {
    for (const unit of record.units) {
      if (unit.section) lists.sections.push(unit.section);
      for (const d of unit.directives) lists.directives.push(d);
      for (const t of unit.templates) lists.templates.push(t);
    }
  }
  return lists;
}

/** Whether `list` holds `items` from `at` on. */
function holds<T>(list: readonly T[], at: number, items: readonly T[]): boolean {
  return items.every((item, i) => list[at + i] === item);
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
function nestInPlace(
  flat: readonly Section[],
  lines: LineIndex,
  editedFrom: number,
  start = 0,
  open?: { stack: Section[]; counts: number[]; stop: (section: Section, index: number) => boolean },
): { roots: Section[]; stoppedAt?: number; close: () => void } {
  const roots: Section[] = [];
  // Sections still open (the innermost last), each with how many subsections it has so far.
  const stack: Section[] = open?.stack ?? [];
  const counts: number[] = open?.counts ?? [];
  const closeOne = () => {
    const s = stack.pop()!;
    const count = counts.pop()!;
    if (s.children.length > count) s.children.length = count;
    const end = s.children[count - 1]?.fullRange.end.offset ?? s.contentRange.end.offset;
    const stale = editedFrom >= 0 && s.headingRange.start.offset < editedFrom && s.fullRange.end.offset >= editedFrom;
    if (stale || end !== s.fullRange.end.offset) s.fullRange = lines.range(s.fullRange.start.offset, end);
  };
  const close = () => {
    while (stack.length) closeOne();
  };
  for (let index = start; index < flat.length; index++) {
    const section = itemAt(flat, index);
    while (stack.length && lastItem(stack).depth >= section.depth) closeOne();
    // Where the tree may be known to be as it was from here on, the caller takes over.
    if (open?.stop(section, index)) return { roots, stoppedAt: index, close };
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
  close();
  return { roots, close };
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
