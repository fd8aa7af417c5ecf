// Pieces several rules share: how a section is named in messages, and the edits that set an owner.
import { describeRoles, type Catalogue } from '../catalogue/catalogue';
import type { AnalysedSection } from '../classify/analyse';
import type { Fix, ParsedDocument, Section, TextEdit } from '../model';
import { linesOf } from '../text/lines';

export function sectionLabel(section: Section): string {
  const title = section.title.length > 60 ? `${section.title.slice(0, 57)}…` : section.title;
  return `"${title || '(untitled)'}"`;
}

/** "a messaging section", "an acceptance criteria section". */
export function aKind(name: string): string {
  // "an" before a vowel sound: "an acceptance", "an update", but "a users", "a unique".
  return `${/^(?:[aeio]|u(?!s|ni|ti|ri))/i.test(name) ? 'an' : 'a'} ${name} section`;
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

/** The edit that makes a section's declared owner `roles`: rewrites an existing declaration or adds one. */
export function setOwnerEdit(doc: ParsedDocument, section: Section, roles: readonly string[]): TextEdit {
  const list = roles.join(', ');
  if (section.owner) {
    const value = doc.format === 'yaml' && roles.length > 1 ? `[${list}]` : list;
    return { start: section.owner.valueRange.start.offset, end: section.owner.valueRange.end.offset, newText: value };
  }
  const lines = linesOf(doc);
  const line = section.headingRange.start.line;
  const end = lines.lineEnd(line);
  if (doc.format === 'markdown') {
    // On the heading's first line: for a setext heading that is the text, not the underline.
    const before = doc.text.slice(lines.lineStart(line), end);
    return { start: end, end, newText: `${/\s$/.test(before) ? '' : ' '}<!-- owner: ${list} -->` };
  }
  const lineText = doc.text.slice(lines.lineStart(line), end);
  const indent = (/^(\s*(?:-\s+)?)/.exec(lineText)?.[1] ?? '').replace(/-/g, ' ');
  const value = roles.length > 1 ? `[${list}]` : list;
  return { start: end, end, newText: `${doc.eol}${indent}owner: ${value}` };
}

export function setOwnerFix(doc: ParsedDocument, section: Section, roles: readonly string[], title: string, safe: boolean): Fix {
  return { title, edits: [setOwnerEdit(doc, section, roles)], safe };
}
