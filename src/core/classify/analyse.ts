// Everything the rules need to know about a parsed document, decided once: each section's kind and
// expected owner (with the evidence), the owner it declares, what its body reads as, and the document's
// type and owner. In passes: (1) what each heading and body says on its own; the document's type and
// owner; (2) each section read in its context (context.ts, named steps); (3) silent headings read from
// their subsections; (4) the owner of sections no kind fits.
import { expandRoles, type Catalogue, type CompiledKind } from '../catalogue/catalogue';
import type { DocType } from '../catalogue/schema';
import type { ParsedDocument, Section } from '../model';
import { scoreSection, type CueHit, type CueScore } from './cues';
import { ownerFromSections, typeFromFileName } from './document';
import { matchHeading, type HeadingMatch } from './heading';
import { isCodeHeading } from './code-heading';
import { normaliseHeading } from './normalise';
import { readInContext } from './context';
import { partStarts, previousPart, readWhole } from './kept-parts';
import { readBody, subjectFromVocabulary, topTwo } from './vocabulary';
import { itemAt, soleItem } from '../text/indexing';

export interface KindEvidence {
  via: 'declared' | 'synonym' | 'pattern' | 'context' | 'body' | 'parent';
  detail: string;
}

export interface BodyReading {
  /** Role whose vocabulary dominates the body. */
  role: string;
  /** Kind whose vocabulary dominates, where one does. */
  kind?: CompiledKind;
  score: number;
  hits: CueHit[];
}

export interface AnalysedSection {
  section: Section;
  parent?: AnalysedSection;
  kind?: CompiledKind;
  evidence?: KindEvidence;
  /** What the heading alone says, where the body overruled it or context changed it. */
  headingKind?: CompiledKind;
  /**
   * Owner roles the kind calls for, composite roles expanded. A section of no known kind belongs to whoever
   * owns the part of the document it sits in (its parent's owner, else the document's): `expectedVia` says which.
   */
  expected: string[];
  expectedVia?: 'kind' | 'parent' | 'document';
  /** Roles declared for this section, and where that declaration comes from. */
  declared?: { roles: string[]; via: 'annotation' | 'parent' | 'document' };
  cues: CueScore;
  readsAs?: BodyReading;
}

export interface Analysis {
  catalogue: Catalogue;
  /** All sections in document order. */
  sections: AnalysedSection[];
  /** `file suffix`: a naming convention (`x.prd.md`); `file name`: a word in the name, a weaker guess. */
  docType?: { type: DocType; via: 'declared' | 'file suffix' | 'file name' };
  /** Who owns the document, and how that was decided. */
  docOwner: { roles: string[]; via: 'declared' | 'type' | 'sections' | 'unknown' };
  reviewers: string[];
  /** The document says it is a spec (`specroles:` or a known `type:`). */
  markedAsSpec: boolean;
}

/**
 * `previous`, the analysis of an earlier version of the same document whose unchanged sections are the
 * same objects (an incremental re-read), lets passes 2 to 4 keep the readings of every top-level part
 * whose sections and whose document context are unchanged: those passes read nothing else.
 */
export function analyse(doc: ParsedDocument, catalogue: Catalogue, path?: string, previous?: Analysis): Analysis {
  const declaredType = doc.meta.type && catalogue.docTypes.get(doc.meta.type.value);
  const typeFromName = declaredType ? undefined : typeFromFileName(catalogue, path);
  let docType: Analysis['docType'] = declaredType ? { type: declaredType, via: 'declared' }
    : typeFromName ? { type: typeFromName.type, via: typeFromName.suffix ? 'file suffix' : 'file name' } : undefined;
  const metaOwner = doc.meta.owner ? knownRoles(catalogue, doc.meta.owner.roles) : [];

  // Pass 1: what each section says on its own (declared kind, heading, body vocabulary).
  const sections: AnalysedSection[] = [];
  // Only a Markdown document is re-read in place (lint.ts): a YAML one's readings are not kept for that.
  const keep = doc.format !== 'yaml';
  if (!keep) readWhole(sections);
  const visit = (section: Section, parent: AnalysedSection | undefined, repeated: ReadonlySet<string>): void => {
    const analysed = readSection(section, parent, catalogue, keep, doc.text);
    sections.push(analysed);
    visitLabels(section.labels ?? [], analysed, repeated);
    const inChildren = repeatedLabels(section.children);
    section.children.forEach((child) => visit(child, analysed, inChildren));
  };
  // Bold labels count as sections where they read as a form's fields: once one names a kind
  // ("**Buyer personas:**"), its siblings in the same section are fields too ("**Result:**"); and where
  // the same label recurs in sibling sections, the fields of a form filled in once per item
  // ("**Purpose:**" and "**Elements:**" under each screen, "**Verification:**" under each check); and
  // where a bold label stands alone as a paragraph over the blocks it introduces, as a heading would; and
  // where FORM_PARAGRAPHS paragraphs of the section open with one. A paragraph of nothing but a bold or
  // italic title ("**Success metrics**", "_What could go wrong?_") is a heading where its words name a
  // kind, and so are its sibling titles ("**User feedback**" after "**Negative key metrics**": one
  // writer's headings, all or none); bold text alone is weaker evidence than a label's colon, so it counts
  // only then, and says nothing about the labels around it.
  // A heading in a block quote is a heading, always: it counts, and says nothing about the labels around it.
  const visitLabels = (labels: readonly Section[], parent: AnalysedSection | undefined, repeated: ReadonlySet<string>): void => {
    const fields = labels.filter((label) => label.pseudo !== 'emphasis-title' && label.pseudo !== 'quoted-heading');
    const formFields = fields.some((label) => standsAlone(label) || repeated.has(labelKey(label.title)) || headingMatch(catalogue, label, doc.text))
      || fields.filter((label) => label.pseudo === 'bold-label' && opensParagraph(doc.text, label)).length >= FORM_PARAGRAPHS;
    const titles = labels.filter((label) => label.pseudo === 'emphasis-title');
    const titlesAreHeadings = titles.some((label) => headingMatch(catalogue, label, doc.text));
    for (const label of labels) {
      const isSection = label.pseudo === 'quoted-heading' || (label.pseudo === 'emphasis-title' ? titlesAreHeadings : formFields);
      if (isSection) sections.push(readSection(label, parent, catalogue, keep, doc.text));
    }
  };
  const topLevel = repeatedLabels(doc.sections);
  const topLevelKey = [...topLevel].join('\n');
  // An edit leaves most parts as they were: where the document's owner does not come from its sections
  // (which pass 1 readings alone say), their previous readings are taken as they are (kept-parts.ts).
  const shortcut = previous && previous.catalogue === catalogue && topLevelKeys.get(previous) === topLevelKey
    && (metaOwner.length > 0 || (docType !== undefined && docType.via !== 'file name')) ? previous : undefined;
  const starts = shortcut && partStarts(shortcut);
  // The title's own labels first ("**Dev**:" under "# Personas"): top-level fields, in document order.
  const readIntro = () => visitLabels(doc.introLabels ?? [], undefined, topLevel);
  readIntro();
  /** With the shortcut, the sections of the parts read here (the title's fields always are). */
  const readHere: AnalysedSection[] = starts ? sections.slice() : [];
  for (const s of doc.sections) {
    const kept = starts ? previousPart(s, shortcut, starts) : undefined;
    if (kept) for (const k of kept) sections.push(k);
    else {
      const at = sections.length;
      visit(s, undefined, topLevel);
      if (starts) for (let i = at; i < sections.length; i++) readHere.push(itemAt(sections, i));
    }
  }

  let docOwner: Analysis['docOwner'];
  if (metaOwner.length) docOwner = { roles: expandRoles(catalogue, metaOwner), via: 'declared' };
  else if (docType && docType.via !== 'file name') docOwner = { roles: expandRoles(catalogue, docType.type.owner), via: 'type' };
  // A type guessed from a word in the file name is one vote among the sections' ("launch" in the name of a
  // product team's rollout plan does not make it the PMM's).
  else docOwner = ownerFromSections(catalogue, sections, doc.meta.title, docType?.type);
  // …and where the sections give the document to another role, the guess was wrong: a product team's
  // `saved-searches-launch.md` is no PMM launch brief, to be held to a launch brief's sections.
  if (docType?.via === 'file name' && docOwner.roles.length && !expandRoles(catalogue, docType.type.owner).some((r) => docOwner.roles.includes(r))) docType = undefined;

  // Pass 2: context. Parents come before their children, so inherited kinds are already settled.
  const docRole = soleItem(docOwner.roles);
  const titleMatch = doc.meta.title ? topicOfTitle(catalogue, doc.meta.title) : undefined;
  const topic = titleMatch && !titleMatch.kind.skipOwnership ? { kind: titleMatch.kind, title: doc.meta.title! } : undefined;
  const subject = docRole ? subjectFromVocabulary(catalogue, sections, docRole) : undefined;
  // Everything passes 2 to 4 read besides a part's own sections: a part is re-read when this changes.
  const contextKey = [docRole, topic?.kind.id, topic?.title, subject?.id, metaOwner.join(), docOwner.roles.join()].join('\u0000');
  if (shortcut && contexts.get(shortcut) !== contextKey) {
    // The context changed: every part is read again, from pass 1 (the previous readings are final ones).
    sections.length = 0;
    readIntro();
    doc.sections.forEach((s) => visit(s, undefined, topLevel));
  }
  // With the shortcut and the same context, the parts it took are kept and the others are read here
  // (keepUnchangedParts would find just that: a part is the same only where the shortcut took it).
  const sameContext = shortcut && contexts.get(shortcut) === contextKey;
  const fresh = sameContext ? readHere : keepUnchangedParts(sections, catalogue, contextKey, previous);
  for (const s of fresh) {
    readInContext(s, { catalogue, docRole, topic, subject });
    settleOwner(s, catalogue, metaOwner);
  }
  readParentsFromSubsections(fresh, catalogue, docRole);
  ownersOfKindless(fresh, docOwner.roles);

  const analysis: Analysis = {
    catalogue,
    sections,
    ...(docType ? { docType } : {}),
    docOwner,
    reviewers: doc.meta.reviewers ? expandRoles(catalogue, knownRoles(catalogue, doc.meta.reviewers.roles)) : [],
    markedAsSpec: doc.meta.specroles !== undefined || declaredType !== undefined,
  };
  contexts.set(analysis, contextKey);
  topLevelKeys.set(analysis, topLevelKey);
  return analysis;
}

/**
 * The kind a document's title names outright: the whole title as a synonym ("Feature rollout process"), or
 * what follows the name it opens with ("Stina the Strategist - Designer Persona", "Acme: Launch plan"),
 * which says what kind of document the named thing gets. A keyword elsewhere in a title says less
 * ("Pricing page redesign" is no pricing document).
 */
function topicOfTitle(catalogue: Catalogue, title: string): HeadingMatch | undefined {
  const whole = matchHeading(catalogue, title);
  if (whole?.via === 'synonym') return whole;
  const tail = /(?:\s[-–—]|:)\s+([^-–—:]{3,80})$/.exec(title.trim())?.[1];
  return tail ? matchHeading(catalogue, tail) : undefined;
}

/** The context key each analysis was made with (see analyse). */
const contexts = new WeakMap<Analysis, string>();
/** The top level's repeated bold labels each analysis was made with: they decide which labels are sections. */
const topLevelKeys = new WeakMap<Analysis, string>();

/**
 * Replaces, in `sections`, each top-level part (a top-level section with everything under it) that
 * `previous` read with the same section objects in the same context by the previous readings, and returns
 * the sections of the other parts, to be read. Passes 2 to 4 look no further than a section's part and the
 * document context, so the kept readings are what reading the part again would give.
 */
function keepUnchangedParts(sections: AnalysedSection[], catalogue: Catalogue, contextKey: string, previous: Analysis | undefined): AnalysedSection[] {
  if (!previous || previous.catalogue !== catalogue || contexts.get(previous) !== contextKey) return sections;
  const before = new Map<Section, number>();
  previous.sections.forEach((s, i) => {
    if (!s.parent) before.set(s.section, i);
  });
  const fresh: AnalysedSection[] = [];
  for (let from = 0; from < sections.length; ) {
    let to = from + 1;
    while (sections[to]?.parent) to++;
    const part = sections.slice(from, to);
    const at = before.get(itemAt(part, 0).section);
    // The previous readings from where the part's top section was, and one more: the start of the next part.
    const kept = at === undefined ? [] : previous.sections.slice(at, at + part.length + 1);
    const same = kept.length >= part.length && !kept[part.length]?.parent && part.every((s, i) => kept[i]?.section === s.section);
    if (same) part.forEach((_, i) => (sections[from + i] = itemAt(kept, i)));
    else for (const s of part) fresh.push(s);
    from = to;
  }
  return fresh;
}

/**
 * What a section says on its own, per section object: an incremental re-read keeps the objects of
 * unchanged sections (moving their positions in place, see moveReadings), so this is read once for them.
 */
const ownReadings = new WeakMap<Section, { catalogue: Catalogue; reading: AnalysedSection; plain: boolean }>();
/** The fields readOwn sets today, copied one by one; a reading with any other is copied whole. */
const PLAIN_FIELDS: ReadonlySet<string> = new Set(['section', 'expected', 'cues', 'kind', 'evidence', 'readsAs']);

/** A label's title as compared across sections: "Purpose" and "**Purpose**:" are one field. */
function labelKey(title: string): string {
  return normaliseHeading(title);
}

/**
 * Paragraphs that open with a bold label, this many in one section, are a form filled in ("**University:**",
 * "**First break:**", "**Current role:**" in a persona): two could be notes ("**Note:**"), and list items
 * with bold lead-ins are an enumeration, not fields.
 */
const FORM_PARAGRAPHS = 3;

/** The label opens a paragraph of its own (not a list item or a table row): only white space before it on its line. */
function opensParagraph(text: string, label: Section): boolean {
  const start = label.headingRange.start.offset;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*(?:\*\*|__)?$/.test(text.slice(lineStart, start));
}

/** A paragraph that is nothing but a bold label ("**Stina's role:**" over a list): it reads as a heading. */
function standsAlone(label: Section): boolean {
  return label.pseudo === 'bold-label' && !label.prose.some((p) => p.text.trim());
}

/** Label titles that appear in at least two of these sibling sections. */
function repeatedLabels(siblings: readonly Section[]): Set<string> {
  const repeated = new Set<string>();
  if (siblings.length < 2) return repeated;
  const seen = new Set<string>();
  for (const sibling of siblings) {
    const keys = new Set((sibling.labels ?? []).map((l) => labelKey(l.title)));
    for (const key of keys) {
      if (!key) continue;
      if (seen.has(key)) repeated.add(key);
      else seen.add(key);
    }
  }
  return repeated;
}

/** A section's reading; what it says on its own is kept with the section where `keep` (see keptForReRead). */
function readSection(section: Section, parent: AnalysedSection | undefined, catalogue: Catalogue, keep: boolean, text: string): AnalysedSection {
  let known = keep ? ownReadings.get(section) : undefined;
  if (known?.catalogue !== catalogue) {
    const reading = readOwn(section, catalogue, text);
    known = { catalogue, reading, plain: Object.keys(reading).every((k) => PLAIN_FIELDS.has(k)) };
    if (keep) ownReadings.set(section, known);
  }
  // A copy for the later passes to change, with its fields in the order readOwn sets them (parent after cues).
  const own = known.reading;
  const result: AnalysedSection = { section, expected: [], cues: own.cues };
  if (parent) result.parent = parent;
  if (!known.plain) return Object.assign(result, own, { expected: [] });
  if (own.kind) result.kind = own.kind;
  if (own.evidence) result.evidence = own.evidence;
  if (own.readsAs) result.readsAs = own.readsAs;
  return result;
}

/** Moves the cue hits kept with a section (readSection) by `by` characters, as the section moved. */
export function moveReadings(section: Section, by: number): void {
  // The hits of a section from a cached parse follow its origin (cues.ts), which moved with it.
  if (section.origin) return;
  // readsAs.hits are some of cues.hits: moving these moves them. The hits are the section's own (cues.ts
  // shares its cached ones only with sections at offset 0, which come before every edit and never move).
  for (const hit of ownReadings.get(section)?.reading.cues.hits ?? []) {
    hit.start += by;
    hit.end += by;
  }
}

function readOwn(section: Section, catalogue: Catalogue, text: string): AnalysedSection {
  const cues = scoreSection(catalogue, section);
  const result: AnalysedSection = { section, expected: [], cues };
  const declaredKind = section.declaredKind && catalogue.kinds.get(section.declaredKind.id);
  if (declaredKind) {
    result.kind = declaredKind;
    result.evidence = { via: 'declared', detail: `kind: ${declaredKind.id}` };
  } else {
    const match = headingMatch(catalogue, section, text);
    if (match) {
      result.kind = match.kind;
      result.evidence = { via: match.via, detail: match.detail };
    }
  }
  const reading = readBody(catalogue, cues);
  if (reading) result.readsAs = reading;
  return result;
}

/**
 * The kind a section's heading names, unless the heading is code: an API's signature or an option's name
 * ("deprecate(fn, message[, code])", "`message`") names no kind, and is part of what it sits in. Code-ness
 * is read from the heading as written too (its first line), since the title has lost its backticks.
 */
function headingMatch(catalogue: Catalogue, section: Section, text: string): HeadingMatch | undefined {
  const range = section.headingRange;
  const written = text.slice(range.start.offset, Math.min(range.end.offset, range.start.offset + 300)).split('\n', 1)[0] ?? '';
  return isCodeHeading(section.title) || isCodeHeading(written) ? undefined : matchHeading(catalogue, section.title);
}

function settleOwner(s: AnalysedSection, catalogue: Catalogue, metaOwner: string[]): void {
  const section = s.section;
  const parent = s.parent;
  if (section.owner) s.declared = { roles: knownRoles(catalogue, section.owner.roles), via: 'annotation' };
  else if (parent?.declared) s.declared = { ...parent.declared, via: parent.declared.via === 'document' ? 'document' : 'parent' };
  else if (metaOwner.length) s.declared = { roles: metaOwner, via: 'document' };
  if (s.declared) s.declared.roles = expandRoles(catalogue, s.declared.roles);
}

/**
 * Pass 3: a heading that says nothing, over a body that says nothing, is read from its subsections: a
 * "Philosophy" whose subsections are all pricing is pricing; "1. An all-in-one platform" whose fields
 * are a proposition and a solution is a value proposition. Deepest first, so a parent sees its
 * children's readings; subsections that took nothing from it then take the parent's new kind.
 */
function readParentsFromSubsections(sections: AnalysedSection[], catalogue: Catalogue, docRole: string | undefined): void {
  const children = new Map<AnalysedSection, AnalysedSection[]>();
  for (const s of sections) {
    if (!s.parent) continue;
    const siblings = children.get(s.parent);
    if (siblings) siblings.push(s);
    else children.set(s.parent, [s]);
  }
  // Only sections with subsections are read here; each one's depth is counted once.
  const depths = new Map<AnalysedSection, number>();
  const depth = (s: AnalysedSection): number => {
    let d = depths.get(s);
    if (d === undefined) depths.set(s, (d = s.parent ? 1 + depth(s.parent) : 0));
    return d;
  };
  const deepestFirst = sections.filter((s) => children.has(s)).sort((a, b) => depth(b) - depth(a));
  const changed = new Set<AnalysedSection>();
  for (const s of deepestFirst) {
    const kids = (children.get(s) ?? []).filter((c) => c.kind && !c.kind.skipOwnership);
    const counts = new Map<CompiledKind, number>();
    for (const c of kids) counts.set(c.kind!, (counts.get(c.kind!) ?? 0) + 1);
    // Most frequent first; ties keep document order.
    const [top, second] = topTwo(counts);
    if (!top) continue;
    if (s.kind) {
      // A keyword match to a kind the document's owner has no part in ("Strategic analysis" in a PMM
      // competitor analysis), over subsections that are all the owner's: the subsections say what it is.
      const foreign = docRole && s.evidence?.via === 'pattern' && !s.section.pseudo && !expandRoles(catalogue, s.kind.owner).includes(docRole);
      // A keyword heading with no words of its own over subsections that all agree on another owner's
      // kind ("Success criteria & ongoing support" over two pricing sections) is what they are.
      const silent = s.evidence?.via === 'pattern' && !s.section.pseudo && !s.cues.hits.length && !s.kind.skipOwnership
        && counts.size === 1 && expandRoles(catalogue, top[0].owner).join() !== expandRoles(catalogue, s.kind.owner).join();
      const allOwners = foreign && kids.every((c) => ownedBy(catalogue, c.kind!, docRole));
      if (kids.length < 2 || !(silent || allOwners)) continue;
      s.headingKind = s.kind;
    } else if (top[1] < 2 || top[1] * 2 <= kids.length || (second && second[1] === top[1])) {
      // A heading that says nothing needs a clear majority of at least two subsections, untied.
      continue;
    }
    s.kind = top[0];
    const named = kids.filter((c) => c.kind === top[0]).map((c) => `"${c.section.title}"`);
    s.evidence = { via: 'context', detail: `its subsections ${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}` };
    s.expected = ownersIn(catalogue, s.kind, docRole);
    changed.add(s);
  }
  // Document order: parents before children, so a chain of empty headings fills from the top.
  for (const s of sections) {
    if (s.kind || !s.parent?.kind) continue;
    if (!changed.has(s.parent)) continue;
    s.kind = s.parent.kind;
    s.evidence = { via: 'parent', detail: s.parent.section.title };
    s.expected = ownersIn(catalogue, s.kind, docRole);
    changed.add(s);
  }
}

/**
 * A section whose kind nothing names still has an owner: the one of the part it sits in. Document order,
 * so a parent is settled before its subsections. Rules that judge a kind skip these sections; the owner
 * shows in summaries and readiness views.
 */
function ownersOfKindless(sections: readonly AnalysedSection[], docRoles: readonly string[]): void {
  for (const s of sections) {
    if (s.kind) {
      s.expectedVia = 'kind';
    } else if (s.parent?.expected.length) {
      s.expected = [...s.parent.expected];
      s.expectedVia = 'parent';
    } else if (docRoles.length) {
      s.expected = [...docRoles];
      s.expectedVia = 'document';
    }
  }
}

/** The kind is owned by `role` alone. */
export function ownedBy(catalogue: Catalogue, kind: CompiledKind, role: string): boolean {
  const owners = expandRoles(catalogue, kind.owner);
  return owners.length === 1 && owners[0] === role;
}

/** Who a section of `kind` belongs to in a document `docRole` owns (kinds.yaml `ownersInDocumentsOf`), as the kind names them. */
export function kindOwnersIn(kind: CompiledKind, docRole: string | undefined): readonly string[] {
  return (docRole !== undefined && kind.ownersInDocumentsOf?.[docRole]) || kind.owner;
}

/** kindOwnersIn, composite roles expanded. */
export function ownersIn(catalogue: Catalogue, kind: CompiledKind, docRole: string | undefined): string[] {
  return expandRoles(catalogue, kindOwnersIn(kind, docRole));
}



function knownRoles(catalogue: Catalogue, roles: readonly string[]): string[] {
  return roles.filter((r) => catalogue.roles.has(r));
}
