// Reads the examples out of a rule's doc page (docs/rules/<id>.md). An example is a fenced block whose
// meta names a file (```markdown file=checkout.prd.md), optionally preceded by a ```yaml config block,
// and followed by a ```text findings block listing what the rule reports on it, one finding a line:
// `line:column-endLine:endColumn severity message`. An empty findings block means "valid".
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface DocExample {
  /** The nearest heading above the example, e.g. "Invalid: a PM-owned messaging section". */
  title: string;
  file: string;
  language: string;
  text: string;
  config?: string;
  expected: string[];
  /** Offsets of the findings block's content in the doc, for rewriting it. */
  findingsBlock: { start: number; end: number };
}

export function readExamples(doc: string): DocExample[] {
  const tree = unified().use(remarkParse).parse(doc) as Root;
  const examples: DocExample[] = [];
  let title = '';
  let config: string | undefined;
  let pending: { file: string; code: Code; config?: string } | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      title = node.children.map((c) => ('value' in c ? c.value : '')).join('');
      config = undefined;
      continue;
    }
    if (node.type !== 'code') continue;
    const meta = node.meta ?? '';
    const file = /(?:^|\s)file=(\S+)/.exec(meta)?.[1];
    if (/(?:^|\s)config(?:\s|$)/.test(meta)) {
      config = node.value;
    } else if (file) {
      pending = config === undefined ? { file, code: node } : { file, code: node, config };
    } else if (node.lang === 'text' && /(?:^|\s)findings(?:\s|$)/.test(meta) && pending) {
      const start = node.position!.start.offset!;
      const end = node.position!.end.offset!;
      const example: DocExample = {
        title,
        file: pending.file,
        language: pending.code.lang ?? 'markdown',
        text: pending.code.value + '\n',
        expected: node.value.split('\n').filter((l) => l.trim()),
        findingsBlock: { start, end },
      };
      if (pending.config !== undefined) example.config = pending.config;
      examples.push(example);
      pending = undefined;
    }
  }
  return examples;
}
