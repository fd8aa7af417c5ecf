// Pathological Markdown: the inputs cmark and markdown-it hold their parsers to (cmark's
// test/pathological_tests.py, markdown-it's test/pathological.mjs; neither ships them in a package, so
// the generators are written out here, each a line), the extra ones that other CommonMark readers added
// (unclosed raw HTML, many references, tables, GFM autolinks), and specroles' own: what its chunk
// splitter and line scanner read (headings of comment openers, containers and HTML blocks holding
// headings). Each makes about `size` characters of input.

export interface Pathological {
  name: string;
  /** Where it comes from: cmark, markdown-it, other readers' suites, or specroles' own. */
  from: 'cmark' | 'markdown-it' | 'others' | 'specroles';
  /** Inline content (tried in a heading, a paragraph, a list item and a quote) or a whole body. */
  kind: 'inline' | 'block';
  make: (size: number) => string;
}

/** `unit` repeated to about `size` characters. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

/** Lines made by `line(i)` for i = 0, 1, … until about `size` characters. */
function linesTo(size: number, line: (i: number) => string): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += line(i);
  return out;
}

/** `open` and `close` each repeated to half of `size`, around `middle`. */
function nested(open: string, middle: string, close: string, size: number): string {
  const k = Math.max(1, Math.round(size / 2 / Math.max(open.length, close.length)));
  return open.repeat(k) + middle + close.repeat(k);
}

export const pathological: Pathological[] = [
  { name: 'nested strong emph', from: 'cmark', kind: 'inline', make: (n) => nested('*a **a ', 'b', ' a** a*', n) },
  { name: 'many emph closers with no openers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('a_ ', n) },
  { name: 'many emph openers with no closers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('_a ', n) },
  { name: 'many link closers with no openers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('a]', n) },
  { name: 'many link openers with no closers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('[a', n) },
  { name: 'mismatched openers and closers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('*a_ ', n) },
  { name: 'cmark#389', from: 'cmark', kind: 'inline', make: (n) => repeatTo('*a ', n / 2) + repeatTo('_a*_ ', n / 2) },
  { name: 'openers and closers multiple of 3', from: 'cmark', kind: 'inline', make: (n) => `a**b${repeatTo('c* ', n)}` },
  { name: 'link openers and emph closers', from: 'cmark', kind: 'inline', make: (n) => repeatTo('[ a_', n) },
  { name: 'pattern [ (]( repeated', from: 'cmark', kind: 'inline', make: (n) => repeatTo('[ (](', n) },
  { name: 'pattern ![[]() repeated', from: 'cmark', kind: 'inline', make: (n) => repeatTo('![[]()', n) },
  { name: 'nested brackets', from: 'cmark', kind: 'inline', make: (n) => nested('[', 'a', ']', n) },
  { name: 'nested block quotes', from: 'cmark', kind: 'block', make: (n) => `${repeatTo('> ', n)}a\n` },
  { name: 'deeply nested lists', from: 'cmark', kind: 'block', make: (n) => linesTo(n, (i) => `${'  '.repeat(i)}* a\n`) },
  { name: 'U+0000 in input', from: 'cmark', kind: 'inline', make: (n) => repeatTo('abc\u0000de\u0000', n) },
  { name: 'backticks', from: 'cmark', kind: 'inline', make: (n) => linesTo(n, (i) => `e${'`'.repeat(i + 1)}`) },
  { name: 'unclosed links A', from: 'cmark', kind: 'inline', make: (n) => repeatTo('[a](<b', n) },
  { name: 'unclosed links B', from: 'cmark', kind: 'inline', make: (n) => repeatTo('[a](b', n) },
  { name: 'many references', from: 'cmark', kind: 'block', make: (n) => `${linesTo(n / 2, (i) => `[${i}]: u\n`)}\n${repeatTo('[0] ', n / 2)}\n` },
  { name: 'emphasis **_* pattern', from: 'markdown-it', kind: 'inline', make: (n) => repeatTo('**_* ', n) },
  { name: 'backtick ``\\ pattern', from: 'markdown-it', kind: 'inline', make: (n) => repeatTo('``\\', n) },
  { name: 'autolinks <<<…<> pattern', from: 'markdown-it', kind: 'inline', make: (n) => `${repeatTo('<', n)}>` },
  { name: 'unclosed html comments', from: 'others', kind: 'inline', make: (n) => `x ${repeatTo('<!-- ', n)}` },
  { name: 'unclosed processing instructions', from: 'others', kind: 'inline', make: (n) => `x ${repeatTo('<? ', n)}` },
  { name: 'unclosed CDATA', from: 'others', kind: 'inline', make: (n) => `x ${repeatTo('<![CDATA[ ', n)}` },
  { name: 'unclosed declarations', from: 'others', kind: 'inline', make: (n) => `x ${repeatTo('<!A ', n)}` },
  { name: 'reference with long label', from: 'others', kind: 'inline', make: (n) => `[${repeatTo('a', n / 2)}]${repeatTo(' [x]', n / 2)}` },
  { name: 'tildes', from: 'others', kind: 'inline', make: (n) => repeatTo('~a ~~b ', n) },
  { name: 'e-mail at signs', from: 'others', kind: 'inline', make: (n) => repeatTo('a@b', n) },
  { name: 'www autolinks', from: 'others', kind: 'inline', make: (n) => repeatTo('www.a.com ', n) },
  { name: 'long paragraph', from: 'others', kind: 'inline', make: (n) => repeatTo('word *em* **strong** `code` [link](/u) <b>x</b> ', n) },
  { name: 'tables with many rows', from: 'others', kind: 'block', make: (n) => `| a | b |\n|---|---|\n${repeatTo('| *x* | `y` |\n', n)}` },
  { name: 'an unclosed comment at the start of a block', from: 'specroles', kind: 'block', make: (n) => `<!--\n${repeatTo('## x\ntext\n', n)}` },
  { name: '"<!-- " repeated in a heading', from: 'specroles', kind: 'block', make: (n) => `## ${repeatTo('<!-- ', n)}\n\ntext\n` },
  { name: 'headings of "<!-- " runs', from: 'specroles', kind: 'block', make: (n) => linesTo(n, (i) => `## ${i} ${'<!-- '.repeat(20)}\n`) },
  { name: 'a list item with a heading in each of many items', from: 'specroles', kind: 'block', make: (n) => linesTo(n, (i) => `- item ${i}\n\n  ## Heading ${i}\n\n  text\n`) },
  { name: 'a long list with one heading inside', from: 'specroles', kind: 'block', make: (n) => `- ## Heading\n${linesTo(n, (i) => `- item ${i}\n`)}` },
  { name: 'a quote holding headings', from: 'specroles', kind: 'block', make: (n) => linesTo(n, (i) => `> ## Heading ${i}\n> text\n`) },
  { name: 'an HTML block holding headings', from: 'specroles', kind: 'block', make: (n) => `<details>\n${linesTo(n, (i) => `## Heading ${i}\ntext\n`)}` },
  { name: 'a paragraph of lines over a setext underline', from: 'specroles', kind: 'block', make: (n) => `${repeatTo('line\n', n)}---\n` },
  { name: 'many setext headings', from: 'specroles', kind: 'block', make: (n) => linesTo(n, (i) => `Heading ${i}\n---\ntext\n\n`) },
  { name: 'lazy lines of a quote', from: 'specroles', kind: 'block', make: (n) => `> quote\n${repeatTo('lazy\n', n)}===\n` },
  { name: 'fences opened in list items', from: 'specroles', kind: 'block', make: (n) => linesTo(n, (i) => `- \`\`\`\n  ## ${i}\n`) },
];
