// A section the document type requires is absent: a PRD with no "when", a positioning document with no
// value proposition. Only for types that are declared or evident from the file name; a type guessed
// from the sections present would make this rule argue with itself.
import { isMap, isScalar, isSeq } from 'yaml';
import type { CompiledKind } from '../catalogue/catalogue';
import type { AnalysedSection, Analysis } from '../classify/analyse';
import { perPart, type PartRange } from '../classify/kept-parts';
import type { Fix, ParsedDocument, Range, TextEdit } from '../model';
import { findPair } from '../parse/yaml-nodes';
import { renderStub } from '../stubs/stub';
import { linesOf } from '../text/lines';
import { defineRule } from './rule';
import { aOrAn, inSentence } from './support';
import { indentAt, nodeEnd, yamlLayout } from './yaml-layout';
import { itemAt } from '../text/indexing';

export default defineRule({
  meta: {
    id: 'missing-section',
    description: 'A section the document type requires is absent.',
    defaultSeverity: 'warning',
    guidelines: ['aha-pm-why-what-when'],
    fixable: 'suggestion',
  },
  check({ analysis, doc, report }) {
    const docType = analysis.docType;
    if (!docType) return;
    const present = presentKinds(analysis);
    const range = documentRange(doc);
    docType.type.requires.forEach((requirement, index) => {
      if (requirement.anyOf.some((id) => present.has(id))) return;
      const kind = analysis.catalogue.kinds.get(itemAt(requirement.anyOf, 0)); // the schema requires one
      const names = requirement.anyOf.map((id) => analysis.catalogue.kinds.get(id)?.name ?? id);
      const type = inSentence(docType.type.name);
      // Why it has this type, after what to do: the user wrote it, or it is a guess they may want to correct.
      const how = docType.via === 'declared' ? `It declares type: ${docType.type.id}.` : `Going by its file name, this is ${aOrAn(type)} ${type}.`;
      const earlier = new Set(docType.type.requires.slice(0, index).flatMap((r) => r.anyOf));
      const edit = kind && stubEdit(doc, analysis.sections, earlier, kind);
      const fixes: Fix[] = edit ? [{ title: `Add a "${kind.name}" section`, edits: [edit], safe: false }] : [];
      report({
        range,
        // A type guessed from a word in the file name is not enough to demand sections of it.
        weak: docType.via === 'file name',
        message: `This ${type} lacks ${requirement.name}. Add a section such as ${names.map((n) => `"${n}"`).join(' or ')}. ${how}`,
        guidelines: kind?.guidelines ?? [],
        fixes,
        data: { docType: docType.type.id, requirement: requirement.name, anyOf: requirement.anyOf },
      });
    });
  },
});

/** The kinds of each part's sections, by its top-level reading: a reading is kept only with its whole part. */
const kindsInPart = new WeakMap<AnalysedSection, string[]>();

/** The kinds of the analysis's sections, gathered part by part. */
function presentKinds(analysis: Analysis): Set<string> {
  const present = new Set<string>();
  const kindsIn = ({ from, to }: PartRange) => analysis.sections.slice(from, to).flatMap((s) => (s.kind ? [s.kind.id] : []));
  for (const ids of perPart(analysis, kindsInPart, kindsIn)) for (const id of ids) present.add(id);
  return present;
}

function documentRange(doc: ParsedDocument): Range {
  if (doc.meta.type) return doc.meta.type.range;
  const lines = linesOf(doc);
  return lines.range(0, lines.lineEnd(1));
}

/**
 * The edit that adds a stub of `kind`: after the last top-level section that satisfies an earlier
 * requirement, else after the last section, else at the end. None where the YAML has no block list of
 * sections to add to and no place for one (see yamlStubEdit).
 */
function stubEdit(doc: ParsedDocument, sections: AnalysedSection[], earlier: ReadonlySet<string>, kind: CompiledKind): TextEdit | undefined {
  const topLevel = sections.filter((s) => !s.parent);
  const anchor = [...topLevel].reverse().find((s) => s.kind && earlier.has(s.kind.id)) ?? topLevel[topLevel.length - 1];
  const after = anchor && lineAfter(doc, anchor.section.fullRange.end.offset);
  if (doc.format === 'yaml') return yamlStubEdit(doc, kind, after);
  const stub = renderStub(kind, 'markdown', { depth: doc.sections[0]?.depth ?? 2, eol: doc.eol });
  // A lone "---" line is a thematic break, but with any line after it, it opens front matter that is never
  // closed: the stub goes before it instead.
  if (/^---[ \t]*\r?$/.test(doc.text)) return { start: 0, end: 0, newText: `${stub}${doc.eol}` };
  return insertLines(doc, after ?? doc.text.length, `${doc.eol}${stub}`);
}

/**
 * The stub in a YAML spec, as an item of the block list under `sections:`, in the column of its items. A
 * document without the key gets one after its last line, in the column of its keys; a key holding nothing
 * (`sections:`, `~` or `[]`) gets the list in place of that. Where that is not possible no fix is offered,
 * since a fix must never make the document worse: a document that is a list or a lone value, a flow map
 * (`{…}`), a `sections:` that is a flow list with items (`[{title: …}]`), a map or a string.
 */
function yamlStubEdit(doc: ParsedDocument, kind: CompiledKind, after: number | undefined): TextEdit | undefined {
  const { top } = yamlLayout(doc);
  const stub = (indent: string) => renderStub(kind, 'yaml', { indent, eol: doc.eol });
  if (top === null) return insertLines(doc, doc.text.length, `sections:${doc.eol}${stub('  ')}`);
  if (!isMap(top) || top.flow || !top.range) return undefined;
  const pair = findPair(top, 'sections');
  if (!pair) {
    const indent = indentAt(doc, top.range[0]);
    return insertLines(doc, lineAfter(doc, nodeEnd(doc, top)), `${indent}sections:${doc.eol}${stub(`${indent}  `)}`);
  }
  const list = pair.value;
  if (isSeq(list) && !list.flow && list.range) {
    // Untitled items are no sections to insert after, but the stub still goes after them.
    return insertLines(doc, after ?? lineAfter(doc, nodeEnd(doc, list)), stub(indentAt(doc, list.range[0])));
  }
  const empty = isScalar(list) ? list.value === null : isSeq(list) && !list.items.length;
  if (!empty || !list?.range || !pair.key?.range) return undefined;
  // The empty value (and the spaces before it) gives way to the list on the next lines; a comment after it
  // stays on the key's line.
  let start = list.range[0];
  while (start > pair.key.range[1] && /[ \t]/.test(doc.text.charAt(start - 1))) start--;
  const valueEnd = nodeEnd(doc, list);
  const lines = linesOf(doc);
  const lineEnd = lines.lineEnd(lines.position(valueEnd).line);
  const items = stub(`${indentAt(doc, pair.key.range[0])}  `);
  return { start, end: lineEnd, newText: `${doc.text.slice(valueEnd, lineEnd)}${doc.eol}${items.slice(0, -doc.eol.length)}` };
}

/** The start of the line after the one holding `offset`, or the end of the text on the last line. */
function lineAfter(doc: ParsedDocument, offset: number): number {
  const lines = linesOf(doc);
  const line = lines.position(offset).line;
  return line < lines.lineCount ? lines.lineStart(line + 1) : doc.text.length;
}

/** Inserts `text` (whole lines) at `offset`, after a line break where the text ends without one. */
function insertLines(doc: ParsedDocument, offset: number, text: string): TextEdit {
  const lead = offset === doc.text.length && doc.text.length && !/[\r\n]$/.test(doc.text) ? doc.eol : '';
  return { start: offset, end: offset, newText: lead + text };
}
