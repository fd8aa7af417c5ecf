// A section the document type requires is absent: a PRD with no "when", a positioning document with no
// value proposition. Only for types that are declared or evident from the file name; a type guessed
// from the sections present would make this rule argue with itself.
import type { AnalysedSection } from '../classify/analyse';
import type { Fix, ParsedDocument, Range } from '../model';
import { renderStub } from '../stubs/stub';
import { linesOf } from '../text/lines';
import { defineRule } from './rule';

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
    const present = new Set(analysis.sections.map((s) => s.kind?.id).filter(Boolean));
    const range = documentRange(doc);
    docType.type.requires.forEach((requirement, index) => {
      if (requirement.anyOf.some((id) => present.has(id))) return;
      const kind = analysis.catalogue.kinds.get(requirement.anyOf[0]!);
      const names = requirement.anyOf.map((id) => analysis.catalogue.kinds.get(id)?.name ?? id);
      const how = docType.via === 'declared' ? `type: ${docType.type.id}` : `a ${docType.type.id} by its file name`;
      const fixes: Fix[] = [];
      if (kind) {
        const earlier = new Set(docType.type.requires.slice(0, index).flatMap((r) => r.anyOf));
        const offset = insertionOffset(doc, analysis.sections, earlier);
        const depth = doc.sections[0]?.depth ?? 2;
        const indent = yamlItemIndent(doc);
        const stub = renderStub(kind, doc.format, { depth, indent, eol: doc.eol });
        const lead = offset === doc.text.length && doc.text.length && !doc.text.endsWith('\n') ? doc.eol : '';
        const text = lead + (doc.format === 'markdown' ? `${doc.eol}${stub}` : doc.sections.length ? stub : `sections:${doc.eol}${stub}`);
        fixes.push({ title: `Add a "${kind.name}" section`, edits: [{ start: offset, end: offset, newText: text }], safe: false });
      }
      report({
        range,
        message: `This ${inSentence(docType.type.name)} (${how}) lacks ${requirement.name}: add a section such as ${names.map((n) => `"${n}"`).join(' or ')}.`,
        guidelines: kind?.guidelines ?? [],
        fixes,
        data: { docType: docType.type.id, requirement: requirement.name, anyOf: requirement.anyOf },
      });
    });
  },
});

/** "Product requirements document" → "product requirements document"; acronyms ("RFC template") stay. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

function documentRange(doc: ParsedDocument): Range {
  if (doc.meta.type) return doc.meta.type.range;
  const lines = linesOf(doc);
  return lines.range(0, lines.lineEnd(1));
}

/** After the last top-level section that satisfies an earlier requirement; else at the end. */
function insertionOffset(doc: ParsedDocument, sections: AnalysedSection[], earlier: Set<string>): number {
  const topLevel = sections.filter((s) => !s.parent);
  const anchor = [...topLevel].reverse().find((s) => s.kind && earlier.has(s.kind.id));
  const target = anchor?.section ?? topLevel[topLevel.length - 1]?.section;
  if (!target) return doc.text.length;
  const end = target.fullRange.end.offset;
  const lineBreak = doc.text.indexOf('\n', end);
  return lineBreak < 0 ? doc.text.length : lineBreak + 1;
}

function yamlItemIndent(doc: ParsedDocument): string {
  const first = doc.sections[0];
  if (doc.format !== 'yaml' || !first) return '  ';
  const lines = linesOf(doc);
  const lineText = doc.text.slice(lines.lineStart(first.headingRange.start.line), first.headingRange.start.offset);
  return /^(\s*)/.exec(lineText)?.[1] ?? '  ';
}
