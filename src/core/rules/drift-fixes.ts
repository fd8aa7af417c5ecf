// What content-owner-drift points at and offers: the cue words as the evidence, and fixes that put the text
// where its owner will see it: the paragraphs moved to a section that role owns (an existing one, else a
// new one from the stub), or the section handed over with an owner note.
import { expandRoles, type Catalogue, type CompiledKind } from '../catalogue/catalogue';
import type { AnalysedSection, Analysis } from '../classify/analyse';
import type { CueHit } from '../classify/cues';
import { perPart } from '../classify/kept-parts';
import type { Fix, ParsedDocument, RelatedLocation, Section, TextEdit } from '../model';
import { renderStub } from '../stubs/stub';
import { itemAt } from '../text/indexing';
import { linesOf } from '../text/lines';
import { phraseWords, words } from '../text/words';

/**
 * Each cue word where it stands in the text, in document order. A hit whose offsets do not hold its words
 * (a quoted YAML scalar with escapes) is left out rather than pointed at wrongly.
 */
export function cueLocations(doc: ParsedDocument, hits: readonly CueHit[], whose: string): RelatedLocation[] {
  const lines = linesOf(doc);
  const seen = new Set<number>();
  const out: RelatedLocation[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (seen.has(hit.start) || !holds(doc.text.slice(hit.start, hit.end), hit.phrase)) continue;
    seen.add(hit.start);
    out.push({ range: lines.range(hit.start, hit.end), message: `"${hit.phrase.toLowerCase()}": ${whose} cue word` });
  }
  return out;
}

/** Whether `text` is `phrase` word for word (a plural "s" allowed, as the cue matcher allows). */
function holds(text: string, phrase: string): boolean {
  const found = words(text).map((w) => w.text.toLowerCase());
  const wanted = phraseWords(phrase.toLowerCase());
  return found.length === wanted.length && wanted.every((w, i) => found[i] === w || found[i]?.startsWith(w));
}

/** A run of whole lines of the section's own text: [start, end) from a line start to the next line start. */
interface Block {
  start: number;
  end: number;
}

/** The paragraphs (runs of non-blank lines, a list being one) of a Markdown section's own text that hold `offsets`. */
export function paragraphsAt(doc: ParsedDocument, section: Section, offsets: readonly number[]): Block[] {
  const lines = linesOf(doc);
  const first = section.headingRange.end.line + 1;
  const last = lines.position(section.contentRange.end.offset).line;
  const blocks: Block[] = [];
  let open: number | undefined;
  for (let line = first; line <= Math.min(last, lines.lineCount); line++) {
    const start = lines.lineStart(line);
    const blank = !doc.text.slice(start, lines.lineEnd(line)).trim() || start >= section.contentRange.end.offset;
    if (!blank && open === undefined) open = start;
    if (open !== undefined && (blank || line === last || line === lines.lineCount)) {
      const end = blank ? start : line < lines.lineCount ? lines.lineStart(line + 1) : doc.text.length;
      blocks.push({ start: open, end });
      open = undefined;
    }
  }
  return blocks.filter((b) => offsets.some((o) => o >= b.start && o < b.end));
}

/** Where text moved into `target` goes: after the last non-blank character of its own text (or its heading). */
function endOfOwnText(doc: ParsedDocument, target: Section): number {
  let at = target.contentRange.end.offset;
  while (at > target.headingRange.end.offset && /\s/.test(doc.text.charAt(at - 1))) at--;
  return Math.max(at, target.headingRange.end.offset);
}

/**
 * The paragraphs cut out, each with the blank line after it, so the section's spacing stays as it was; cuts
 * that meet are one edit (the edits of one fix must not touch).
 */
function cutEdits(doc: ParsedDocument, blocks: readonly Block[]): TextEdit[] {
  const out: TextEdit[] = [];
  // Sticky, from the block's end: never a copy of the rest of the text (a 5 MB spec has thousands of these).
  const blank = /[ \t]*\r?\n/y;
  for (const b of blocks) {
    blank.lastIndex = b.end;
    const end = b.end + (blank.exec(doc.text)?.[0].length ?? 0);
    const previous = out.at(-1);
    if (previous && previous.end >= b.start) previous.end = Math.max(previous.end, end);
    else out.push({ start: b.start, end, newText: '' });
  }
  return out;
}

function movedText(doc: ParsedDocument, blocks: readonly Block[]): string {
  return blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\r?\n$/, '')).join(doc.eol + doc.eol);
}

/** Whether `other` is `s`, holds it or lies in it: text cannot move there. */
function overlaps(s: Section, other: Section): boolean {
  const a = s.fullRange;
  const b = other.fullRange;
  return b.start.offset <= a.start.offset ? b.end.offset > a.start.offset : b.start.offset < a.end.offset;
}

/** The sections text may move to, by kind and by expected owners, in document order: once per analysis. */
interface Targets {
  byKind: Map<CompiledKind, AnalysedSection[]>;
  byOwners: Map<string, { owners: readonly string[]; sections: AnalysedSection[] }>;
}
const targetsOf = new WeakMap<Analysis, Targets>();

/** The targets in one part, by its top-level reading: a reading is kept only with its whole part (partRanges). */
const partTargets = new WeakMap<AnalysedSection, Targets>();
/** Per analysis, how many targets were looked for part by part. */
const lookups = new WeakMap<Analysis, number>();
/** Looked for part by part this often, an analysis gets its targets merged: a lookup is then one per kind. */
const MERGE_AFTER = 8;

/** The targets of each part, in document order. */
function targetsByPart(analysis: Analysis): Targets[] {
  return perPart(analysis, partTargets, ({ from, to }) => targetsIn(analysis.sections, from, to));
}

/** The targets of the whole analysis, merged from its parts' once. */
function targets(analysis: Analysis): Targets {
  let found = targetsOf.get(analysis);
  if (found) return found;
  found = { byKind: new Map(), byOwners: new Map() };
  for (const part of targetsByPart(analysis)) {
    for (const [kind, list] of part.byKind) {
      const ofKind = found.byKind.get(kind);
      if (ofKind) for (const t of list) ofKind.push(t);
      else found.byKind.set(kind, list.slice());
    }
    for (const [key, { owners, sections }] of part.byOwners) {
      const group = found.byOwners.get(key);
      if (group) for (const t of sections) group.sections.push(t);
      else found.byOwners.set(key, { owners, sections: sections.slice() });
    }
  }
  targetsOf.set(analysis, found);
  return found;
}

/** The targets among sections[from, to), in document order. */
function targetsIn(sections: readonly AnalysedSection[], from: number, to: number): Targets {
  const found: Targets = { byKind: new Map(), byOwners: new Map() };
  // Real headings only: a bold label is a list item.
  for (let i = from; i < to; i++) {
    const t = itemAt(sections, i);
    if (!t.kind || t.kind.skipOwnership || t.section.pseudo) continue;
    const ofKind = found.byKind.get(t.kind);
    if (ofKind) ofKind.push(t);
    else found.byKind.set(t.kind, [t]);
    if (!t.expected.length) continue;
    // Most sections have one expected owner: their key needs no copy.
    const key = t.expected.length === 1 ? itemAt(t.expected, 0) : [...t.expected].sort().join(' ');
    const group = found.byOwners.get(key);
    if (group) group.sections.push(t);
    else found.byOwners.set(key, { owners: t.expected, sections: [t] });
  }
  return found;
}

/**
 * The section the text should go to: the first of the kind it reads as, else the first whose every expected
 * owner is among `foreign` (the roles the text belongs to); never `s`, one holding it or one inside it.
 */
function targetSection(analysis: Analysis, s: AnalysedSection, kind: CompiledKind | undefined, foreign: readonly string[]): AnalysedSection | undefined {
  const apart = (t: AnalysedSection) => t !== s && !overlaps(s.section, t.section);
  // A few lookups (a re-lint's few drifting sections) go through the parts' targets in document order; more
  // merge them, once.
  const looked = (lookups.get(analysis) ?? 0) + 1;
  lookups.set(analysis, looked);
  const all = looked > MERGE_AFTER ? [targets(analysis)] : targetsByPart(analysis);
  if (kind) {
    for (const { byKind } of all) {
      const ofKind = byKind.get(kind)?.find(apart);
      if (ofKind) return ofKind;
    }
  }
  // Sections are in document order: the first part with one has the first (the earliest of its groups').
  for (const { byOwners } of all) {
    let first: AnalysedSection | undefined;
    for (const { owners, sections } of byOwners.values()) {
      if (!owners.every((r) => foreign.includes(r))) continue;
      const t = sections.find(apart);
      if (t && (!first || t.section.fullRange.start.offset < first.section.fullRange.start.offset)) first = t;
    }
    if (first) return first;
  }
  return undefined;
}

/** The kind a new section for the text takes: the one it reads as, else the one most of its cue words point at. */
function newSectionKind(catalogue: Catalogue, kind: CompiledKind | undefined, hits: readonly CueHit[], foreign: readonly string[]): CompiledKind | undefined {
  if (kind) return kind;
  const counts = new Map<string, number>();
  for (const h of hits) if (h.cue.kind) counts.set(h.cue.kind, (counts.get(h.cue.kind) ?? 0) + h.cue.weight);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => catalogue.kinds.get(id));
  return ranked.find((k) => k && expandRoles(catalogue, k.owner).every((r) => foreign.includes(r)));
}

export interface MoveOptions {
  doc: ParsedDocument;
  analysis: Analysis;
  section: AnalysedSection;
  /** The kind the text reads as, where it reads as one. */
  kind: CompiledKind | undefined;
  hits: readonly CueHit[];
  /** The roles the text belongs to. */
  foreign: readonly string[];
  /** "PMM": who the fix titles name. */
  who: string;
}

/**
 * Moves the paragraphs holding the cue words to a section the other role owns: the end of an existing one,
 * else a new section of the kind they read as, from the stub, right after this section. Markdown only: a
 * YAML body is one scalar, and cutting lines out of it is not a fix to offer blind.
 */
export function moveFix({ doc, analysis, section: s, kind, hits, foreign, who }: MoveOptions): Fix | undefined {
  if (doc.format !== 'markdown') return undefined;
  const blocks = paragraphsAt(doc, s.section, hits.map((h) => h.start));
  if (!blocks.length) return undefined;
  const text = movedText(doc, blocks);
  const what = blocks.length > 1 ? `the ${blocks.length} paragraphs` : 'the paragraph';
  const target = targetSection(analysis, s, kind, foreign);
  if (target) {
    const at = endOfOwnText(doc, target.section);
    const edits = [...cutEdits(doc, blocks), { start: at, end: at, newText: `${doc.eol}${doc.eol}${text}` }];
    return { title: `Move ${what} to "${target.section.title}" (${who})`, edits, safe: false };
  }
  const newKind = newSectionKind(analysis.catalogue, kind, hits, foreign);
  if (!newKind) return undefined;
  const stub = renderStub(newKind, 'markdown', { depth: s.section.depth, eol: doc.eol, body: text });
  const at = endOfOwnText(doc, { ...s.section, contentRange: s.section.fullRange });
  const cuts = cutEdits(doc, blocks);
  // Where the section ends with a paragraph that moves, the new section takes its place (edits of one fix
  // must not touch), keeping a blank line before whatever follows.
  const last = cuts.find((c) => c.start <= at && at <= c.end);
  if (last) last.newText = last.end < doc.text.length ? `${stub}${doc.eol}` : stub;
  const edits = last ? cuts : [...cuts, { start: at, end: at, newText: `${doc.eol}${doc.eol}${stub.replace(/\r?\n$/, '')}` }];
  return { title: `Move ${what} to a new "${newKind.name}" section (${who})`, edits, safe: false };
}
