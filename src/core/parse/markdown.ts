// Markdown spec → ParsedDocument: front matter, then the body cut into chunks at headings, each parsed
// by remark (cached by its text), then assembled into a tree of sections with document positions.
import type { Directive, OwnerDeclaration, ParsedDocument, Section } from '../model';
import { LineIndex } from '../text/lines';
import { isPlaceholderOnly } from '../text/placeholders';
import { commentBody, ownerComment, parseDirective, parseOwnerList } from './comments';
import { readFrontMatter } from './front-matter';
import { parseChunk, type RawComment, type RawSection } from './markdown-chunk';
import { scanChunk } from './markdown-scan';
import { splitAtHeadings } from './split';
import { BoundedCache } from '../text/bounded-cache';
import { lastItem, soleItem } from '../text/indexing';
import { MarkdownModel } from './markdown-model';

/** Parsed chunks by their exact text: an edit re-parses only the chunks it touched. */
const chunkCache = new BoundedCache<string, RawSection[]>(20_000, 16_000_000, (text) => text.length);

/** Forgets every parsed chunk (and with them the scores cached per chunk): the next lint starts cold. */
export function clearParseCache(): void {
  chunkCache.clear();
}

/**
 * The document a Markdown text is: front matter, then sections from the body cut into chunks at headings,
 * each chunk parsed once (cached by its text). A lone top-level heading over everything else is the
 * document's title, not a section of it; a document that is nothing but a template inside a ```markdown
 * fence (as handbooks publish them) is read as the template. See MarkdownModel, which also re-reads a
 * document after an edit.
 */
export function parseMarkdown(text: string): ParsedDocument {
  return new MarkdownModel(text).document;
}

/**
 * Every heading the reader takes as a section start, in document order, before the title and template
 * rules apply: what the peer-suite tests hold to remark's top-level headings.
 */
export function readHeadings(text: string): { depth: number; title: string; start: number }[] {
  const front = readFrontMatter(text, new LineIndex(text));
  return readRange(text, front.bodyStart, text.length).flatMap((r) => (r.heading ? [{ depth: r.heading.depth, title: r.heading.title, start: r.heading.start }] : []));
}

/** The parse of one chunk's text, in offsets relative to it: cached, so never to be changed. */
export function parsedChunk(chunkText: string): RawSection[] {
  let parsed = chunkCache.get(chunkText);
  if (!parsed) {
    // The fast scanner reads ordinary chunks; remark reads whatever it declines.
    parsed = scanChunk(chunkText) ?? parseChunk(chunkText);
    chunkCache.set(chunkText, parsed);
  }
  return parsed;
}

/** Raw sections of text[from, to), chunk by chunk; a leading heading-less part is the preamble. */
export function readRange(text: string, from: number, to: number): RawSection[] {
  const raws: RawSection[] = [];
  const definitions = new Set<string>();
  const bracketed: RawSection[] = [];
  for (const chunk of splitAtHeadings(text, from, to)) {
    const parsed = parsedChunk(text.slice(chunk.start, chunk.end));
    for (const raw of parsed) {
      const moved = shift(raw, chunk.start);
      for (const label of raw.definitions ?? []) definitions.add(normalizeLabel(label));
      if (moved.heading?.title.includes('[')) bracketed.push(moved);
      const last = raws[raws.length - 1];
      if (!moved.heading && last) merge(last, moved);
      else raws.push(moved);
    }
  }
  // A chunk is parsed without the rest of the document, so a reference link in a heading whose
  // definition stands in another chunk kept its brackets: read it against the document's definitions.
  for (const raw of bracketed) raw.heading!.title = resolveReferences(raw.heading!.title, definitions);
  return raws;
}

/** A link label as CommonMark matches it: case-folded, inner white space collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** `[text][label]`, `[label][]` and `[label]` read as their text where the label is defined. */
export function resolveReferences(title: string, definitions: Set<string>): string {
  if (!definitions.size) return title;
  return title.replace(/\[([^\[\]]+)\](?:\[([^\[\]]*)\])?(?!\()/g, (whole, inner: string, label: string | undefined) =>
    definitions.has(normalizeLabel(label || inner)) ? inner : whole);
}

export function build(raws: RawSection[], text: string, lines: LineIndex): Section[] {
  return nest(raws.filter((r) => r.heading).map((r) => toSection(r, text, lines)), lines);
}

export function soleTitle(sections: Section[]): Section | undefined {
  const sole = soleItem(sections);
  return sole?.depth === 1 && sole.children.length ? sole : undefined;
}

export function shift(raw: RawSection, by: number): RawSection {
  const moved: RawSection = {
    contentStart: raw.contentStart + by,
    contentEnd: raw.contentEnd + by,
    comments: raw.comments.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
    prose: raw.prose.map((p) => ({ text: p.text, offset: p.offset + by })),
    visible: raw.visible,
    labels: raw.labels.map((l) => ({
      ...l,
      start: l.start + by,
      end: l.end + by,
      contentEnd: l.contentEnd + by,
      prose: l.prose.map((p) => ({ text: p.text, offset: p.offset + by })),
      origin: { key: l, base: by },
    })),
    templates: raw.templates.map((t) => ({ start: t.start + by, end: t.end + by })),
    origin: { key: raw, base: by },
  };
  if (raw.heading) moved.heading = { ...raw.heading, start: raw.heading.start + by, end: raw.heading.end + by };
  return moved;
}

export function merge(into: RawSection, more: RawSection): void {
  // Its content is no longer that of one cached parse.
  delete into.origin;
  into.contentEnd = more.contentEnd;
  into.comments.push(...more.comments.map((c) => ({ ...c, leading: false })));
  into.prose.push(...more.prose);
  into.visible += more.visible;
  into.labels.push(...more.labels);
  into.templates.push(...more.templates);
}

export function toSection(raw: RawSection, text: string, lines: LineIndex): Section {
  const heading = raw.heading!;
  const headingRange = lines.range(heading.start, trimEnd(text, heading.start, heading.end));
  const contentEnd = trimEnd(text, raw.contentStart, raw.contentEnd);
  const section: Section = {
    title: heading.title,
    depth: heading.depth,
    headingRange,
    contentRange: lines.range(raw.contentStart, contentEnd),
    fullRange: lines.range(heading.start, contentEnd),
    prose: raw.prose,
    placeholderOnly: placeholderOnly(raw),
    children: [],
  };
  const owner = findOwner(raw, lines, headingRange.end.line);
  if (owner) section.owner = owner;
  if (raw.origin) section.origin = raw.origin;
  if (raw.labels.length) {
    section.labels = raw.labels.map((label) => {
      const range = lines.range(label.start, label.end);
      return {
        title: label.title,
        depth: heading.depth + 1,
        headingRange: range,
        contentRange: lines.range(label.end, label.contentEnd),
        fullRange: lines.range(label.start, label.contentEnd),
        prose: label.prose,
        placeholderOnly: isPlaceholderOnly(label.visible),
        pseudo: label.style,
        children: [],
        ...(label.origin ? { origin: label.origin } : {}),
      };
    });
  }
  return section;
}

/** An owner comment on the heading line, or as the first block on the line right after it. */
function findOwner(raw: RawSection, lines: LineIndex, headingLine: number): OwnerDeclaration | undefined {
  const comment = raw.comments.find((c) => c.inHeading && ownerComment(c.text)) ??
    raw.comments.find((c) => c.leading && lines.position(c.start).line === headingLine + 1 && ownerComment(c.text));
  if (!comment) return undefined;
  const found = ownerComment(comment.text)!;
  const base = comment.start + found.start;
  const items = parseOwnerList(found.value, base).items.map((i) => ({ role: i.role, range: lines.range(i.start, i.end) }));
  return {
    roles: items.map((i) => i.role),
    range: lines.range(comment.start, comment.end),
    valueRange: lines.range(base, base + found.value.length),
    items,
  };
}

export function toDirective(comment: RawComment, lines: LineIndex): Directive | undefined {
  const body = commentBody(comment.text);
  if (!body) return undefined;
  const parsed = parseDirective(body.body, comment.start + body.start);
  if (!parsed) return undefined;
  const directive: Directive = {
    kind: parsed.kind,
    rules: parsed.rules.map((r) => ({ id: r.id, range: lines.range(r.start, r.end) })),
    range: lines.range(comment.start, comment.end),
  };
  if (parsed.reason) directive.reason = parsed.reason;
  return directive;
}

const placeholderCache = new WeakMap<object, boolean>();

/** Whether a section's content is only placeholders, remembered with the cached parse it came from. */
function placeholderOnly(raw: RawSection): boolean {
  const key = raw.origin?.key;
  if (!key) return isPlaceholderOnly(raw.visible);
  let known = placeholderCache.get(key);
  if (known === undefined) {
    known = isPlaceholderOnly(raw.visible);
    placeholderCache.set(key, known);
  }
  return known;
}

/** Headings become a tree by level; a deeper heading belongs to the nearest shallower one before it. */
function nest(flat: Section[], lines: LineIndex): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const section of flat) {
    while (stack.length && lastItem(stack).depth >= section.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(section);
    stack.push(section);
  }
  // A section's full range runs to the end of its last descendant.
  const extend = (s: Section): number => {
    const lastChild = s.children.at(-1);
    const last = lastChild ? extend(lastChild) : s.fullRange.end.offset;
    s.fullRange = lines.range(s.fullRange.start.offset, last);
    return last;
  };
  roots.forEach(extend);
  return roots;
}

/** The end of the text in [start, end) with trailing white space removed. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** What /\s/ takes: tab to CR and the space by code in ASCII (nearly every case), the pattern past it. */
function isWhiteSpace(code: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(String.fromCharCode(code));
}
