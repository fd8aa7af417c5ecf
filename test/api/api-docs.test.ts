// docs/api.md: every ```js run block is run with node, in a folder holding a copy of examples/ where
// `require('specroles')` is this project (dist/api.js, built by esbuild.mjs), and must print exactly the
// ```text output block after it. UPDATE_SNAPSHOTS=1 rewrites the output blocks (review the diff).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { projectRoot } from '../support/paths';

const update = process.env.UPDATE_SNAPSHOTS === '1';
const docPath = join(projectRoot, 'docs', 'api.md');

interface Example {
  title: string;
  code: string;
  expected: string;
  outputBlock?: { start: number; end: number };
}

function readExamples(doc: string): Example[] {
  const tree = unified().use(remarkParse).parse(doc) as Root;
  const out: Example[] = [];
  let title = '';
  let pending: Example | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') title = node.children.map((c) => ('value' in c ? c.value : '')).join('');
    if (node.type !== 'code') continue;
    const code = node as Code;
    if (code.lang === 'js' && /(?:^|\s)run(?:\s|$)/.test(code.meta ?? '')) {
      if (pending) out.push(pending);
      pending = { title, code: code.value, expected: '' };
    } else if (code.lang === 'text' && /(?:^|\s)output(?:\s|$)/.test(code.meta ?? '') && pending) {
      pending.expected = code.value;
      pending.outputBlock = { start: code.position!.start.offset!, end: code.position!.end.offset! };
      out.push(pending);
      pending = undefined;
    }
  }
  if (pending) out.push(pending);
  return out;
}

describe('docs/api.md: every example runs and prints what the page shows', function () {
  this.timeout(60000);
  const doc = readFileSync(docPath, 'utf8');
  const examples = readExamples(doc);
  const replacements: { start: number; end: number; text: string }[] = [];
  let dir = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'specroles-api-docs-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    if (update && replacements.length) {
      let out = doc;
      for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
      writeFileSync(docPath, out);
    }
  });

  it('has examples for each part of the API', () => {
    const all = examples.map((e) => e.code).join('\n');
    for (const name of ['lintText', 'lintFiles', 'fixText', 'applyFixes', 'loadConfig', 'format', 'rules', 'kinds', 'guidelines', "import('specroles')"]) {
      assert.ok(all.includes(name), `an example uses ${name}`);
    }
  });

  examples.forEach((example, i) => {
    it(`${example.title} (example ${i + 1})`, () => {
      // Each example in a folder of its own, so one that writes a file cannot change another's output.
      const cwd = join(dir, `example-${i + 1}`);
      mkdirSync(join(cwd, 'node_modules'), { recursive: true });
      symlinkSync(projectRoot, join(cwd, 'node_modules', 'specroles'), 'dir');
      cpSync(join(projectRoot, 'examples'), join(cwd, 'examples'), { recursive: true });
      const file = join(cwd, 'example.cjs');
      writeFileSync(file, example.code);
      const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.stderr, '', `no errors:\n${r.stderr}`);
      assert.equal(r.status, 0);
      const actual = r.stdout.replace(/\n$/, '');
      if (update && example.outputBlock) {
        replacements.push({ ...example.outputBlock, text: `\`\`\`text output\n${actual}\n\`\`\`` });
        return;
      }
      assert.ok(example.outputBlock, 'an output block follows the example');
      assert.equal(actual, example.expected);
    });
  });
});
