// Stubs and templates: the section kinds to pick from, grouped by owner; the insertion of stubs at the
// cursor in the document's format (Markdown headings at the depth of the heading above, YAML section items
// at the indentation of the item above); a new spec per document type with its required sections.
import { catalogueFor, describeRoles, dominantEol, group, renderStubs, renderTemplate, type Catalogue, type CompiledKind, type Config } from '../core';
import { isYamlDocument } from './selection';
import type { Position, TextEdit } from './types';

export type OwnerGroup = 'PM' | 'PMM' | 'Shared' | 'Others';

export interface KindChoice {
  id: string;
  name: string;
  /** "PM", "PMM", "PM + PMM". */
  owner: string;
  hint: string;
}

export interface DocTypeChoice {
  id: string;
  name: string;
  owner: string;
}

export function groupOf(kind: CompiledKind, catalogue: Catalogue): OwnerGroup {
  const roles = new Set(kind.owner.flatMap((r) => catalogue.roles.get(r)?.members ?? [r]));
  if (roles.size === 1 && roles.has('pm')) return 'PM';
  if (roles.size === 1 && roles.has('pmm')) return 'PMM';
  if (roles.has('pm') && roles.has('pmm')) return 'Shared';
  return 'Others';
}

/** Every kind of the config's catalogue, by owner group (PM, PMM, Shared, Others; empty groups left out). */
export function kindChoices(config: Config): { group: OwnerGroup; kinds: KindChoice[] }[] {
  const catalogue = catalogueFor(config);
  const groups: Record<OwnerGroup, KindChoice[]> = { PM: [], PMM: [], Shared: [], Others: [] };
  for (const kind of catalogue.kinds.values()) {
    groups[groupOf(kind, catalogue)].push({ id: kind.id, name: kind.name, owner: describeRoles(catalogue, kind.owner), hint: kind.hint });
  }
  return (Object.entries(groups) as [OwnerGroup, KindChoice[]][]).filter(([, kinds]) => kinds.length).map(([group, kinds]) => ({ group, kinds }));
}

export function docTypeChoices(config: Config): DocTypeChoice[] {
  const catalogue = catalogueFor(config);
  return [...catalogue.docTypes.values()].map((t) => ({ id: t.id, name: t.name, owner: describeRoles(catalogue, t.owner) }));
}

/** The edit inserting stubs of `kindIds` (unknown ids left out) at `position`; undefined when none is known. */
export function stubEdit(text: string, languageId: string, path: string, position: Position, kindIds: readonly string[], config: Config): TextEdit | undefined {
  const catalogue = catalogueFor(config);
  const kinds = kindIds.map((id) => catalogue.kinds.get(id)).filter((k): k is CompiledKind => k !== undefined);
  if (!kinds.length) return undefined;
  const format = isYamlDocument(languageId, path) ? 'yaml' : 'markdown';
  const eol = text.includes('\n') ? dominantEol(text) : '\n';
  const lines = text.split(/\r?\n|\r/);
  const line = Math.min(position.line, lines.length - 1);
  let depth = 2;
  let indent = '  ';
  for (let l = line; l >= 0; l--) {
    const lineText = lines[l] ?? '';
    const heading = format === 'markdown' ? /^(#{1,6})\s/.exec(lineText) : /^(\s*)- title\s*:/.exec(lineText);
    if (heading) {
      if (format === 'markdown') depth = Math.max(2, group(heading, 1).length);
      else indent = group(heading, 1);
      break;
    }
  }
  let stub = renderStubs(kinds, format, { depth, indent, eol });
  const lineText = lines[line] ?? '';
  const character = Math.min(position.character, lineText.length);
  if (format === 'yaml') {
    // YAML items start at column 0 with their indentation: after a line with text, on a new line below it.
    if (!lineText.trim()) return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: stub };
    const end = { line, character: lineText.length };
    return { range: { start: end, end }, newText: eol + stub.replace(/\r?\n$/, '') };
  }
  // A heading needs a blank line above it: after text on this line, or right below a paragraph.
  if (character > 0) stub = eol + eol + stub;
  else if (line > 0 && (lines[line - 1] ?? '').trim()) stub = eol + stub;
  const at = { line, character };
  return { range: { start: at, end: at }, newText: stub };
}

/** A new Markdown spec of a document type: front matter marking it, a title, a stub per required and customary section. */
export function templateText(typeId: string, config: Config): string | undefined {
  const catalogue = catalogueFor(config);
  const type = catalogue.docTypes.get(typeId);
  return type ? renderTemplate(catalogue, type) : undefined;
}
