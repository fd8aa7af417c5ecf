// Parses one chunk of Markdown (see split.ts) with remark and keeps only what the linter needs: headings,
// comments, prose and whether there is any substance. Offsets are relative to the chunk, so a parsed
// chunk can be cached by its text and reused wherever that text appears.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TextRun } from '../model';

export interface RawComment {
  text: string;
  start: number;
  end: number;
  /** Inside the heading line itself. */
  inHeading: boolean;
  /** The first block after the heading. */
  leading: boolean;
}

export interface RawSection {
  heading?: { depth: number; title: string; start: number; end: number };
  contentStart: number;
  contentEnd: number;
  comments: RawComment[];
  prose: TextRun[];
  /** All text a reader would see, code included, for the "only placeholders?" test. */
  visible: string;
}

const plain = unified().use(remarkParse);
const withTables = unified().use(remarkParse).use(remarkGfm);

/** GFM costs several times plain parsing; only chunks with a table delimiter row need it. */
function hasTable(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.includes('|') && line.includes('-') && /^[\s|:-]+$/.test(line)) return true;
  }
  return false;
}

export function parseChunk(text: string): RawSection[] {
  const tree = (hasTable(text) ? withTables : plain).parse(text) as Root;
  const sections: RawSection[] = [];
  let current: RawSection = { contentStart: 0, contentEnd: text.length, comments: [], prose: [], visible: '' };
  let firstBlock = true;
  sections.push(current);

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const start = node.position!.start.offset!;
      current.contentEnd = start;
      current = {
        heading: { depth: node.depth, title: toString(node, { includeHtml: false }).trim(), start, end: node.position!.end.offset! },
        contentStart: node.position!.end.offset!,
        contentEnd: text.length,
        comments: [],
        prose: [],
        visible: '',
      };
      sections.push(current);
      collectHeadingComments(node, current);
      firstBlock = true;
      continue;
    }
    collect(node, current, firstBlock);
    firstBlock = false;
  }
  // A chunk that starts with a heading has an empty lead-in: drop it.
  if (sections.length > 1 && sections[0]!.contentEnd === 0) sections.shift();
  return sections;
}

function collectHeadingComments(heading: Heading, into: RawSection): void {
  for (const child of heading.children) {
    if (child.type === 'html' && child.value.trimStart().startsWith('<!--')) {
      into.comments.push({ text: child.value, start: child.position!.start.offset!, end: child.position!.end.offset!, inHeading: true, leading: false });
    }
  }
}

function collect(node: RootContent | Nodes, into: RawSection, leading: boolean): void {
  switch (node.type) {
    case 'html':
      if (node.value.trimStart().startsWith('<!--')) {
        into.comments.push({ text: node.value, start: node.position!.start.offset!, end: node.position!.end.offset!, inHeading: false, leading });
      } else {
        into.visible += ` ${node.value.replace(/<[^>]*>/g, ' ')}`;
      }
      return;
    case 'code':
    case 'inlineCode':
      into.visible += ` ${node.value}`;
      return;
    case 'text':
      into.prose.push({ text: node.value, offset: node.position?.start.offset ?? 0 });
      into.visible += ` ${node.value}`;
      return;
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) collect(child, into, false);
  }
}
