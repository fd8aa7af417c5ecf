// The yaml package reads CRLF text differently from the same text with LF line ends (other error spans,
// other error counts, sometimes an error with one and none with the other). So it is only ever given
// text with LF line ends, and every offset it returns is mapped back to the document's own text here.
import { parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { itemAt } from '../text/indexing';

/** Maps offsets in the LF-only copy of a text back to offsets in the text itself. */
export type OffsetMap = (offset: number) => number;

const identity: OffsetMap = (offset) => offset;

/**
 * The text with LF line ends only (a CRLF loses its CR, a lone CR becomes LF), and the map from its
 * offsets back to those of `text`. An offset at a line break maps to the start of the original line
 * break (the CR of a CRLF), so a span that ends before a line break ends before it in both. Text without
 * CRs is returned as it is, with the identity map.
 */
export function lfText(text: string): { source: string; toOriginal: OffsetMap } {
  if (!text.includes('\r')) return { source: text, toOriginal: identity };
  // The offset, in the LF copy, of the LF that follows each removed CR: ascending.
  const at: number[] = [];
  const source = text.replace(/\r\n?/g, (crlf, offset: number) => {
    if (crlf.length === 2) at.push(offset - at.length);
    return '\n';
  });
  if (!at.length) return { source, toOriginal: identity };
  return {
    source,
    toOriginal: (offset) => {
      // How many removed CRs come before `offset`: those whose LF is at a smaller offset.
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (itemAt(at, mid) < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset + lo;
    },
  };
}

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * parseDocument of the LF copy of `text`, with the ranges of all nodes, of the document and the
 * positions of its errors and warnings in offsets of `text`.
 */
export function parseYaml(text: string, options: YamlOptions): Document.Parsed {
  const { source, toOriginal } = lfText(text);
  const doc = parseDocument(source, options);
  if (toOriginal === identity) return doc;
  const mapRange = (range: number[]) => {
    range.forEach((offset, i) => (range[i] = toOriginal(offset)));
  };
  mapRange(doc.range);
  for (const e of [...doc.errors, ...doc.warnings]) mapRange(e.pos);
  // Each node once: the yaml package does not share nodes within a parsed document, but a range array
  // mapped twice would move twice.
  const seen = new Set<unknown>();
  visit(doc, (_, node) => {
    const range = (node as { range?: number[] | null } | null)?.range;
    if (range && !seen.has(range)) {
      seen.add(range);
      mapRange(range);
    }
  });
  return doc;
}
