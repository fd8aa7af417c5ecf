// How a YAML spec is written where a fix adds to it: block or flow style, the columns of keys and list
// items, what `sections:` holds. The parsed document keeps sections and their ranges but not this, so the
// fixes that insert keys or sections read the parser's own tree of the YAML (see yamlTrees).
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ParsedDocument, Section, TextEdit } from '../model';
import { parseYaml } from '../parse/yaml-text';
import { findPair, trimmedNodeRange } from '../parse/yaml-nodes';
import { yamlTrees } from '../parse/yaml-spec';
import { linesOf } from '../text/lines';

export interface YamlLayout {
  /** The document's top-level node: null for an empty document (or one of comments only). */
  top: Node | null;
  /** The map of each section, by the offset of its title's value (where its headingRange starts). */
  sectionMaps: Map<number, YAMLMap>;
}

const layouts = new WeakMap<ParsedDocument, YamlLayout>();

/**
 * Lets the yaml package's tree of a linted document go (the spec parser's and the layout read from it):
 * the rules have built their fixes, and a result the engine keeps for a lint of the same text again
 * (lint.ts, recent) would otherwise hold it, about a quarter of what a kept result of a 1 MB spec holds, for
 * every garbage collection to walk. A later yamlLayout of the document parses its text again.
 */
export function releaseYamlTree(doc: ParsedDocument): void {
  yamlTrees.delete(doc);
  layouts.delete(doc);
}

/** Rules run only on documents that parsed without errors, so this tree is the one the sections came from. */
export function yamlLayout(doc: ParsedDocument): YamlLayout {
  let layout = layouts.get(doc);
  if (!layout) {
    // The spec parser's tree; a document made some other way is read with the spec parser's options.
    const parsed = yamlTrees.get(doc) ?? parseYaml(doc.text, { prettyErrors: false, logLevel: 'error', uniqueKeys: true });
    const sectionMaps = new Map<number, YAMLMap>();
    indexSections(parsed.contents, sectionMaps);
    layouts.set(doc, (layout = { top: parsed.contents, sectionMaps }));
  }
  return layout;
}

/** Where the parser finds sections (yaml-spec.ts readSections): the titled maps of `sections:` lists. */
function indexSections(node: unknown, into: Map<number, YAMLMap>): void {
  const list = isMap(node) ? findPair(node, 'sections')?.value : undefined;
  if (!isSeq(list)) return;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const title = findPair(item, 'title')?.value;
    if (title?.range) into.set(title.range[0], item);
    indexSections(item, into);
  }
}

/** Where a node's text ends, without the line break and blank lines the yaml package counts into it. */
export function nodeEnd(doc: ParsedDocument, node: Node): number {
  return trimmedNodeRange({ lines: linesOf(doc), base: 0 }, node).end.offset;
}

/** Spaces as wide as the text before `offset` on its line: to put a key or list item in that column. */
export function indentAt(doc: ParsedDocument, offset: number): string {
  return ' '.repeat(linesOf(doc).position(offset).column - 1);
}

/**
 * The edits that add `owner: VALUE` to a section that declares none. In a block map, a line of its own
 * at the column of the section's keys, after the title's last line (a title may run over several); in a
 * flow map, a pair after the title. None where the section's map is not found.
 */
export function addOwnerKey(doc: ParsedDocument, section: Section, value: string): TextEdit[] | undefined {
  const map = yamlLayout(doc).sectionMaps.get(section.headingRange.start.offset);
  const title = map && findPair(map, 'title');
  if (!map?.range || !title?.key?.range || !title.value) return undefined;
  const titleEnd = nodeEnd(doc, title.value);
  if (map.flow) {
    const pair = { start: titleEnd, end: titleEnd, newText: `, owner: ${value}` };
    if (doc.text[map.range[0]] === '{') return [pair];
    // `[title: X]`: a flow list holding a map of one pair without braces, where a second pair would be
    // read as a second list item. With braces, it takes one.
    return [{ start: map.range[0], end: map.range[0], newText: '{' }, { ...pair, newText: `${pair.newText}}` }];
  }
  const lines = linesOf(doc);
  const end = lines.lineEnd(lines.position(titleEnd).line);
  return [{ start: end, end, newText: `${doc.eol}${indentAt(doc, title.key.range[0])}owner: ${value}` }];
}
