// A yaml package error as an author reads it: what is wrong in the author's terms, and where they wrote
// it. The package's own words suit a programmer calling it ("please use YAML.parseAllDocuments()"), and
// it reports some mistakes where it gave up rather than where they were made.
import { isCollection, isSeq, visit } from 'yaml';
import type { Range } from '../model';
import type { LineIndex } from '../text/lines';
import { yamlErrorRange, yamlMessage } from './front-matter';
import { parseYaml } from './yaml-text';

/** What parseYaml's errors carry. */
export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/**
 * The message and range of one error in `source`, the YAML text that starts at offset `base` of the
 * document `lines` indexes (the whole file, or its front matter).
 */
export function describeYamlError(error: YamlError, source: string, base: number, lines: LineIndex, minLength: number): { message: string; range: Range } {
  if (error.code === 'MULTIPLE_DOCS') {
    // The package stops at the second document; a spec, front matter or config is one document.
    const at = error.pos[0];
    const marker = source.startsWith('---', at) ? 'this "---" line' : 'this line';
    // firstErrors may have appended how many more errors follow: keep that.
    const more = / \(\d+ more errors? follows?, most caused by this one\)$/.exec(error.message)?.[0] ?? '';
    return {
      message: `the file holds more than one YAML document, and a second one starts here; specroles reads one: remove ${marker} and what follows it, or move that into a file of its own${more}`,
      range: lines.range(base + at, base + lineEnd(source, at)),
    };
  }
  const opening = unclosedOpening(error, source);
  if (opening !== undefined) {
    const [what, open, close] = source[opening] === '[' ? ['list', '[', ']'] : ['map', '{', '}'];
    return { message: `the ${what} that starts here with ${open} is never closed with ${close}`, range: lines.range(base + opening, base + opening + 1) };
  }
  return { message: yamlMessage(error.message), range: yamlErrorRange(lines, base, base + error.pos[0], base + error.pos[1], error.message, minLength) };
}

const UNCLOSED_FLOW = /^Flow (sequence|map)\b.*\bend with an? [\]}]/;

/**
 * Where an unclosed `[` or `{` opens. The package notices it at the end of the document or at the next
 * key (`---` / `[ [ a, b, c ]` is reported on line 3, past everything written), so the offset of the
 * outermost flow collection of that kind that opens before that point and has no closing bracket: the
 * first bracket a reader finds left open. Undefined for other errors.
 */
function unclosedOpening(error: YamlError, source: string): number | undefined {
  const kind = UNCLOSED_FLOW.exec(error.message)?.[1];
  if (!kind) return undefined;
  const closer = kind === 'sequence' ? 'flow-seq-end' : 'flow-map-end';
  let outermost: number | undefined;
  try {
    // Only a document with this error is read a second time, keeping the tokens that show the brackets.
    const doc = parseYaml(source, { prettyErrors: false, logLevel: 'silent', keepSourceTokens: true });
    visit(doc, (_, node) => {
      if (!isCollection(node) || !node.flow || isSeq(node) !== (kind === 'sequence')) return;
      const token = node.srcToken;
      if (token?.type !== 'flow-collection' || token.end.some((t) => t.type === closer)) return;
      const start = node.range?.[0];
      if (start !== undefined && start <= error.pos[0] && (outermost === undefined || start < outermost)) outermost = start;
    });
  } catch {
    // Nested too deeply for the walk: the error stays where the package put it.
    return undefined;
  }
  return outermost;
}

function lineEnd(text: string, from: number): number {
  const end = text.slice(from).search(/\r|\n/);
  return end < 0 ? text.length : from + end;
}
