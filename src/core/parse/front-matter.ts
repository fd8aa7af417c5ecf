// YAML front matter at the top of a Markdown spec. Found by our own scan rather than remark-frontmatter
// because the chunk splitter must know where the body starts before anything is parsed (a closing `---`
// would otherwise look like a setext underline).
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { DocumentMeta, ParseProblem } from '../model';
import { frontMatterSchema } from '../schema/spec';
import type { LineIndex } from '../text/lines';
import { readMeta } from './meta';
import { schemaProblems } from './schema-issues';

export interface FrontMatter {
  meta: DocumentMeta;
  problems: ParseProblem[];
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function readFrontMatter(text: string, lines: LineIndex): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { meta: {}, problems: [], bodyStart: 0 };
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
  const bodyStart = text.startsWith('\r\n', afterClose) ? afterClose + 2 : text.startsWith('\n', afterClose) ? afterClose + 1 : afterClose;
  const yamlText = text.slice(contentStart, contentEnd);
  const ctx = { lines, base: contentStart };
  const doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false });
  const problems: ParseProblem[] = doc.errors.map((e) => ({
    message: `Front matter is not valid YAML: ${firstLine(e.message)}`,
    range: lines.range(contentStart + e.pos[0], contentStart + Math.max(e.pos[1], e.pos[0])),
    fatal: false,
  }));
  let meta: DocumentMeta = {};
  if (!problems.length && doc.contents !== null) {
    if (isMap(doc.contents)) {
      meta = readMeta(doc.contents, ctx);
      problems.push(...schemaProblems(doc, doc.toJS(), frontMatterSchema, ctx, 'Front matter'));
    } else {
      problems.push({ message: 'Front matter must be a map of keys to values', range: lines.range(contentStart, contentEnd), fatal: false });
    }
  }
  meta.range = lines.range(0, afterClose);
  return { meta, problems, bodyStart };
}

export function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
