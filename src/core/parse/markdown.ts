// Markdown spec → ParsedDocument: front matter, then the body cut into chunks at headings, each parsed
// by remark (cached by its text), then assembled into a tree of sections with document positions.
import type { Directive, OwnerDeclaration, ParsedDocument, Section } from '../model';
import { dominantEol, LineIndex } from '../text/lines';
import { isPlaceholderOnly } from '../text/placeholders';
import { commentBody, ownerComment, parseDirective, parseOwnerList } from './comments';
import { readFrontMatter } from './front-matter';
import { parseChunk, type RawComment, type RawSection } from './markdown-chunk';
import { splitAtHeadings } from './split';
import { BoundedCache } from '../text/bounded-cache';

/** Parsed chunks by their exact text: an edit re-parses only the chunks it touched. */
const chunkCache = new BoundedCache<string, RawSection[]>(4000, 8_000_000, (text) => text.length);

interface FlatSection {
  raw: RawSection;
  section: Section;
}

export function parseMarkdown(text: string): ParsedDocument {
  const lines = new LineIndex(text);
  const front = readFrontMatter(text, lines);
  const directives: Directive[] = [];

  // Absolute raw sections, in order; a leading heading-less part is the preamble.
  const raws: RawSection[] = [];
  for (const chunk of splitAtHeadings(text, front.bodyStart)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    let parsed = chunkCache.get(chunkText);
    if (!parsed) {
      parsed = parseChunk(chunkText);
      chunkCache.set(chunkText, parsed);
    }
    for (const raw of parsed) {
      const moved = shift(raw, chunk.start);
      const last = raws[raws.length - 1];
      if (!moved.heading && last) merge(last, moved);
      else raws.push(moved);
    }
  }

  const flat: FlatSection[] = [];
  for (const raw of raws) {
    for (const comment of raw.comments) {
      const directive = toDirective(comment, lines);
      if (directive) directives.push(directive);
    }
    if (!raw.heading) continue;
    flat.push({ raw, section: toSection(raw, text, lines) });
  }

  let sections = nest(flat.map((f) => f.section), lines);
  const meta = front.meta;
  // A lone top-level heading over everything else is the document's title, not a section of it.
  const title = sections.length === 1 && sections[0]!.depth === 1 && sections[0]!.children.length ? sections[0] : undefined;
  if (title) {
    sections = title.children;
    meta.title ??= title.title;
    if (title.owner && !meta.owner) meta.owner = title.owner;
  }
  return {
    format: 'markdown',
    text,
    eol: dominantEol(text),
    meta,
    sections,
    directives,
    problems: front.problems,
    bodyStart: front.bodyStart,
  };
}

function shift(raw: RawSection, by: number): RawSection {
  const moved: RawSection = {
    contentStart: raw.contentStart + by,
    contentEnd: raw.contentEnd + by,
    comments: raw.comments.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
    prose: raw.prose.map((p) => ({ text: p.text, offset: p.offset + by })),
    visible: raw.visible,
  };
  if (raw.heading) moved.heading = { ...raw.heading, start: raw.heading.start + by, end: raw.heading.end + by };
  return moved;
}

function merge(into: RawSection, more: RawSection): void {
  into.contentEnd = more.contentEnd;
  into.comments.push(...more.comments.map((c) => ({ ...c, leading: false })));
  into.prose.push(...more.prose);
  into.visible += more.visible;
}

function toSection(raw: RawSection, text: string, lines: LineIndex): Section {
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
    placeholderOnly: isPlaceholderOnly(raw.visible),
    children: [],
  };
  const owner = findOwner(raw, lines, headingRange.end.line);
  if (owner) section.owner = owner;
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

function toDirective(comment: RawComment, lines: LineIndex): Directive | undefined {
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

/** Headings become a tree by level; a deeper heading belongs to the nearest shallower one before it. */
function nest(flat: Section[], lines: LineIndex): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const section of flat) {
    while (stack.length && stack[stack.length - 1]!.depth >= section.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(section);
    stack.push(section);
  }
  // A section's full range runs to the end of its last descendant.
  const extend = (s: Section): number => {
    const last = s.children.length ? extend(s.children[s.children.length - 1]!) : s.fullRange.end.offset;
    s.fullRange = lines.range(s.fullRange.start.offset, last);
    return last;
  };
  roots.forEach(extend);
  return roots;
}

/** The end of the text in [start, end) with trailing white space removed. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
