// A yaml package error as an author reads it: what is wrong in the author's terms, and where they wrote
// it. The package's own words suit a programmer calling it ("please use YAML.parseAllDocuments()"), and
// it reports some mistakes where it gave up rather than where they were made.
import { isCollection, isSeq, visit } from 'yaml';
import type { Range } from '../model';
import type { LineIndex } from '../text/lines';
import { firstErrors, yamlErrorRange, yamlMessage } from './front-matter';
import { parseYaml } from './yaml-text';

/** What parseYaml's errors carry: offsets into the YAML text. */
export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/**
 * The errors of a parse of `source` worth showing (firstErrors: one per distinct message, in order of
 * where they are shown), each moved to where the author made the mistake and said in their terms.
 */
export function authorYamlErrors(errors: readonly YamlError[], source: string): YamlError[] {
  let unclosed: Map<'sequence' | 'map', number> | undefined;
  return firstErrors(
    errors.map((error) => {
      if (error.code === 'MULTIPLE_DOCS') {
        // The package stops at the second document; a spec, front matter or config is one document.
        const at = error.pos[0];
        const marker = source.startsWith('---', at) ? 'this "---" line' : 'this line';
        return {
          ...error,
          message: `the file holds more than one YAML document, and a second one starts here; specroles reads one: remove ${marker} and what follows it, or move that into a file of its own`,
          pos: [at, lineEnd(source, at)],
        };
      }
      const kind = UNCLOSED_FLOW.exec(error.message)?.[1] as 'sequence' | 'map' | undefined;
      if (!kind) return error;
      unclosed ??= unclosedFlows(source);
      const open = unclosed.get(kind);
      if (open === undefined || open > error.pos[0]) return error;
      const [what, opener, closer] = kind === 'sequence' ? ['list', '[', ']'] : ['map', '{', '}'];
      return { ...error, message: `the ${what} that starts here with ${opener} is never closed with ${closer}`, pos: [open, open + 1] };
    }),
  );
}

/** The message and range of an error of authorYamlErrors, in a document whose YAML text starts at `base`. */
export function describeYamlError(error: YamlError, base: number, lines: LineIndex, minLength: number): { message: string; range: Range } {
  return { message: yamlMessage(error.message), range: yamlErrorRange(lines, base, base + error.pos[0], base + error.pos[1], error.message, minLength) };
}

const UNCLOSED_FLOW = /^Flow (sequence|map)\b.*\bend with an? [\]}]/;

/**
 * For flow lists and maps, the offset of the outermost one that has no closing bracket: the first
 * bracket a reader finds left open. The package notices it at the end of the document or at the next key
 * (`---` / `[ [ a, b, c ]` is reported on line 3, past everything written).
 */
function unclosedFlows(source: string): Map<'sequence' | 'map', number> {
  const outermost = new Map<'sequence' | 'map', number>();
  try {
    // Read a second time (only a document with this error), keeping the tokens that show the brackets.
    const doc = parseYaml(source, { prettyErrors: false, logLevel: 'silent', keepSourceTokens: true });
    visit(doc, (_, node) => {
      if (!isCollection(node) || !node.flow) return;
      const kind = isSeq(node) ? 'sequence' : 'map';
      const token = node.srcToken;
      const closer = kind === 'sequence' ? 'flow-seq-end' : 'flow-map-end';
      if (token?.type !== 'flow-collection' || token.end.some((t) => t.type === closer)) return;
      const start = node.range?.[0];
      if (start !== undefined && start < (outermost.get(kind) ?? Infinity)) outermost.set(kind, start);
    });
  } catch {
    // Nested too deeply for the walk: the errors stay where the package put them.
    outermost.clear();
  }
  return outermost;
}

function lineEnd(text: string, from: number): number {
  const end = text.slice(from).search(/\r|\n/);
  return end < 0 ? text.length : from + end;
}
