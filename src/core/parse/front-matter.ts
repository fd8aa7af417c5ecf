// YAML front matter at the top of a Markdown spec. Found by our own scan rather than remark-frontmatter
// because the chunk splitter must know where the body starts before anything is parsed (a closing `---`
// would otherwise look like a setext underline).
import { isMap } from 'yaml';
import type { DocumentMeta, ParseProblem, Range } from '../model';
import { plainlyValidFrontMatter, specSchemas } from '../schema/spec';
import type { LineIndex } from '../text/lines';
import { readMeta } from './meta';
import { schemaProblems } from './schema-issues';
import { simpleFrontMatter } from './simple-front-matter';
import { nodeRange, plainData } from './yaml-nodes';
import { authorYamlErrors, describeYamlError } from './yaml-errors';
import { parseYaml } from './yaml-text';
import { group } from '../text/indexing';

export interface FrontMatter {
  meta: DocumentMeta;
  problems: ParseProblem[];
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

// A lone CR (classic Mac line ends) ends a line too, as for remark and the rest of the reader.
const OPEN = /^---[ \t]*(?:\r\n?|\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function readFrontMatter(text: string, lines: LineIndex): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return TOML_OPEN.test(text) ? readTomlFrontMatter(text, lines) : { meta: {}, problems: [], bodyStart: 0 };
  const contentStart = open[0].length;
  CLOSE.lastIndex = 0;
  const close = CLOSE.exec(text.slice(contentStart));
  if (!close) {
    return {
      meta: {},
      problems: [{ message: 'Front matter starts with "---" on line 1 but is never closed by a "---" line', range: lines.range(0, 3), fatal: false }],
      bodyStart: 0,
    };
  }
  const contentEnd = contentStart + close.index;
  const afterClose = contentEnd + close[0].length;
  const bodyStart = lineEndAfter(text, afterClose);
  const yamlText = text.slice(contentStart, contentEnd);
  const ctx = { lines, base: contentStart };
  // The common case, `key: value` lines that are plainly valid, without the yaml package.
  const simple = simpleFrontMatter(yamlText);
  if (simple && plainlyValidFrontMatter(simple.data)) return { meta: { ...readMeta(simple.map, ctx), range: lines.range(0, afterClose) }, problems: [], bodyStart };
  const doc = parseYaml(yamlText, { prettyErrors: false, logLevel: 'error' });
  const problems: ParseProblem[] = authorYamlErrors(doc.errors, yamlText).map((e) => {
    const { message, range } = describeYamlError(e, contentStart, lines, 0);
    return { message: `Front matter is not valid YAML: ${message}`, range, fatal: false };
  });
  let meta: DocumentMeta = {};
  if (!problems.length && doc.contents !== null) {
    if (isMap(doc.contents)) {
      meta = readMeta(doc.contents, ctx);
      const data = plainData(doc);
      if ('error' in data) problems.push({ message: `Front matter is not valid YAML: ${firstLine(data.error)}`, range: nodeRange(ctx, data.at), fatal: false });
      else if (!plainlyValidFrontMatter(data.value)) problems.push(...schemaProblems(doc, data.value, specSchemas().frontMatterSchema, ctx, 'Front matter'));
    } else {
      problems.push({ message: 'Front matter must be a map of keys to values', range: errorRange(lines, contentStart, contentEnd, 0), fatal: false });
    }
  }
  meta.range = lines.range(0, afterClose);
  return { meta, problems, bodyStart };
}

export function firstLine(message: string): string {
  // The source the yaml package quotes is shown with LF line ends, so CRLF files read the same.
  const [head = ''] = message.split('\n', 1);
  const line = head.replace(/ at line \d+, column \d+:?$/, '').replace(/\\r\\n/g, '\\n');
  // The yaml package reports running out of stack as an error of the document: say what that means.
  return /maximum call stack size exceeded/i.test(line) ? 'it is nested too deeply (lists and maps inside each other, hundreds of levels deep)' : line;
}

/** The yaml package's names of tokens, as an author would name what they wrote. */
const TOKEN_NAMES: Record<string, string> = {
  'block-seq-ind': '"-"',
  'seq-item-ind': '"-"',
  'map-value-ind': '":"',
  'explicit-key-ind': '"?"',
  'flow-seq-start': '"["',
  'flow-seq-end': '"]"',
  'flow-map-start': '"{"',
  'flow-map-end': '"}"',
  'flow-error-end': 'bracket',
  comma: '","',
  anchor: 'anchor',
  alias: 'alias',
  tag: 'tag',
  scalar: 'text',
  'block-scalar': 'block of text',
  'doc-start': '"---"',
  'doc-end': '"..."',
  comment: 'comment',
};

/** A yaml package error message as users read it. */
export function yamlMessage(message: string): string {
  const line = firstLine(message);
  const quote = /^Missing closing (["'])quote/.exec(line);
  if (quote) return `the quoted value that starts here with ${quote[1]} is never closed`;
  if (/^Missing directives-end(?:\/doc-start)? indicator line$/.test(line)) return 'a "---" line must follow the "%" directive lines';
  if (/^Block collection cannot start on same line with directives-end marker$/.test(line)) return 'a list or map cannot start on the "---" line';
  // "Unexpected flow-seq-end token in YAML stream: "]"", "Unexpected seq-item-ind at node end": the
  // package's token names, which mean nothing to an author.
  const unexpected = /^Unexpected ([a-z-]+)(?: token)?(?: in YAML stream(?:: (".*"))?| (at node end|on same line with key))?$/.exec(line);
  const name = unexpected && TOKEN_NAMES[group(unexpected, 1)];
  if (!unexpected || !name) return line;
  const what = name === 'text' && unexpected[2] ? `text ${unexpected[2]}` : name;
  const where = unexpected[3] === 'at node end' ? ' after a complete value' : unexpected[3] ? ' on the same line as a key' : '';
  return `unexpected ${what}${where}`;
}

/**
 * Where a yaml package error is shown: its span without a trailing line break (so CRLF and LF files
 * underline the same), at least `minLength` characters long where that does not run into a line break.
 */
export function errorRange(lines: LineIndex, start: number, end: number, minLength: number): Range {
  const text = lines.text;
  let from = Math.min(Math.max(start, 0), text.length);
  // Between the CR and the LF of a line end is no place an editor can show: start at the CR.
  if (from > 0 && text[from] === '\n' && text[from - 1] === '\r') from--;
  let to = Math.min(Math.max(end, from), text.length);
  while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
  if (to < from + minLength && from < text.length && text[from] !== '\n' && text[from] !== '\r') to = Math.min(from + minLength, text.length);
  return lines.range(from, to);
}

/**
 * errorRange, except that an unclosed quote is shown where it opens: the yaml package notices it at the
 * end of the document. The opening quote is the last one before that point that is not escaped (inside
 * the unclosed value, the same quote would have closed it).
 */
export function yamlErrorRange(lines: LineIndex, base: number, start: number, end: number, message: string, minLength: number): Range {
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    const text = lines.text;
    for (let i = Math.min(start, text.length) - 1; i >= base; i--) {
      if (text[i] !== quote) continue;
      if (quote === '"') {
        let slashes = 0;
        while (i - 1 - slashes >= base && text[i - 1 - slashes] === '\\') slashes++;
        if (slashes % 2) continue;
      } else if (text[i - 1] === "'") {
        i--; // '' is an escaped quote inside a single-quoted value
        continue;
      }
      return lines.range(i, i + 1);
    }
  }
  return errorRange(lines, start, end, minLength);
}

/** The yaml package reports one error per token after a broken bracket: thousands for one mistake. */
export const MAX_YAML_ERRORS = 10;

/**
 * The errors worth showing, in document order: one per distinct message (the rest repeat the first),
 * at most MAX_YAML_ERRORS, the first saying how many more there were.
 */
export function firstErrors<E extends { message: string; pos: [number, number] }>(errors: readonly E[]): E[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const seen = new Set<string>();
  const shown = sorted.filter((e) => {
    const key = firstLine(e.message);
    if (seen.has(key) || seen.size >= MAX_YAML_ERRORS) return false;
    seen.add(key);
    return true;
  });
  const more = errors.length - shown.length;
  const [first] = shown;
  if (more > 0 && first) {
    shown[0] = { ...first, message: `${firstLine(first.message)} (${more} more error${more === 1 ? '' : 's'} follow${more === 1 ? 's' : ''}, most caused by this one)` };
  }
  return shown;
}

const TOML_OPEN = /^\+\+\+[ \t]*(?:\r\n?|\n)/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/m;

/**
 * TOML front matter between `+++` lines (Hugo, Zola: blogs and docs sites). Only its `title` is read, and
 * the body starts after it; specroles' own keys belong in YAML front matter. Never closed: no front matter.
 */
function readTomlFrontMatter(text: string, lines: LineIndex): FrontMatter {
  const contentStart = TOML_OPEN.exec(text)![0].length;
  const close = TOML_CLOSE.exec(text.slice(contentStart));
  if (!close) return { meta: {}, problems: [], bodyStart: 0 };
  const contentEnd = contentStart + close.index;
  const afterClose = contentEnd + close[0].length;
  const bodyStart = lineEndAfter(text, afterClose);
  const meta: DocumentMeta = { range: lines.range(0, afterClose) };
  for (const line of text.slice(contentStart, contentEnd).split(/\r?\n|\r/)) {
    const eq = line.indexOf('=');
    if (eq < 0 || line.slice(0, eq).trim() !== 'title') continue;
    const value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length > 1 && value.endsWith(quote)) meta.title = value.slice(1, -1).trim();
    break;
  }
  return { meta, problems: [], bodyStart };
}

/** The offset after the line break at `at` (LF, CRLF or a lone CR), or `at` where none stands. */
function lineEndAfter(text: string, at: number): number {
  return text.startsWith('\r\n', at) ? at + 2 : text[at] === '\n' || text[at] === '\r' ? at + 1 : at;
}
