// Pieces several rules share: how a section is named in messages, and the edits that set an owner.
import { describeRoles, type Catalogue, type CompiledKind } from '../catalogue/catalogue';
import { kindOwnersIn, type Analysis, type AnalysedSection } from '../classify/analyse';
import type { Fix, ParsedDocument, Section, TextEdit } from '../model';
import { soleItem } from '../text/indexing';
import { linesOf } from '../text/lines';
import { addOwnerKey } from './yaml-layout';

/**
 * `"Messaging"`: a section's title, quoted, cut at MAX_LABEL characters. Messages name the section in their
 * first sentence, which must fit a row of the Problems panel (test/rules/wording.test.ts); the row's line
 * number locates it anyway.
 */
export function sectionLabel(section: Section): string {
  const title = section.title.length > MAX_LABEL ? `${section.title.slice(0, MAX_LABEL - 1)}…` : section.title;
  return `"${title || '(untitled)'}"`;
}

const MAX_LABEL = 40;

/**
 * The roles a section's kind calls for in this document, as the kind names them (not expanded): a use case
 * in a PMM page is the PM's and the PMM's (kinds.yaml `ownersInDocumentsOf`). What messages and fixes name.
 */
export function kindOwners(analysis: Analysis, kind: CompiledKind): readonly string[] {
  return kindOwnersIn(kind, soleItem(analysis.docOwner.roles));
}

/** "a messaging section", "an acceptance criteria section". */
export function aKind(name: string): string {
  return `${aOrAn(name)} ${name} section`;
}

/** The article before `words`: "an" before a vowel sound ("an acceptance", "an update"), but "a users", "a unique". */
export function aOrAn(words: string): 'a' | 'an' {
  return /^(?:[aeio]|u(?!s|ni|ti|ri))/i.test(words) ? 'an' : 'a';
}

/** "the messaging section (heading matches "messaging")": why the linter thinks what it thinks. */
export function kindWithEvidence(s: AnalysedSection): string {
  if (!s.kind) return 'a section of no known kind';
  const kind = aKind(s.kind.name.toLowerCase());
  switch (s.evidence?.via) {
    case 'declared':
      return `${kind} (declared as kind "${s.kind.id}")`;
    case 'synonym':
      return `${kind} (heading "${s.evidence.detail}")`;
    case 'pattern':
      return `${kind} (heading says "${s.evidence.detail}")`;
    case 'context':
      return `${kind} (${s.evidence.detail})`;
    case 'body':
      return `${kind} (its text mentions ${s.evidence.detail})`;
    case 'parent':
      return `${kind} (part of "${s.evidence.detail}")`;
    default:
      return kind;
  }
}

export function roles(catalogue: Catalogue, list: readonly string[]): string {
  return describeRoles(catalogue, list);
}

/**
 * The edits that make a section's declared owner `roles`: rewrite an existing declaration or add one.
 * None where a YAML section's map is not found (no place to add the key).
 */
function setOwnerEdits(doc: ParsedDocument, section: Section, roles: readonly string[]): TextEdit[] | undefined {
  const list = roles.join(', ');
  const yamlValue = roles.length > 1 ? `[${list}]` : list;
  if (section.owner) {
    const { start, end } = section.owner.valueRange;
    // An empty YAML value (`owner:`) is a range right after the colon: `owner:pm` would be one plain scalar.
    const gap = doc.format === 'yaml' && start.offset === end.offset && doc.text[start.offset - 1] === ':' ? ' ' : '';
    return [{ start: start.offset, end: end.offset, newText: gap + (doc.format === 'yaml' ? yamlValue : list) }];
  }
  if (doc.format === 'yaml') return addOwnerKey(doc, section, yamlValue);
  // On the heading's first line: for a setext heading that is the text, not the underline.
  const lines = linesOf(doc);
  const line = section.headingRange.start.line;
  const end = lines.lineEnd(line);
  const before = doc.text.slice(lines.lineStart(line), end);
  return [{ start: end, end, newText: `${/\s$/.test(before) ? '' : ' '}<!-- owner: ${list} -->` }];
}

/** The fix that sets a section's owner, as a list of none or one (see setOwnerEdits). */
export function setOwnerFixes(doc: ParsedDocument, section: Section, roles: readonly string[], title: string, safe: boolean): Fix[] {
  const edits = setOwnerEdits(doc, section, roles);
  return edits ? [{ title, edits, safe }] : [];
}

/** "Product requirements document" → "product requirements document"; acronyms ("RFC template") stay. */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * Why the document has its type, in the author's terms: what they wrote (`type: prd`), or its file name.
 * Never the type's internal id in a phrase ("a prd by its file name" read as a typo).
 */
export function typeEvidence(docType: NonNullable<Analysis['docType']>): string {
  return docType.via === 'declared' ? `type: ${docType.type.id}` : 'going by its file name';
}
