// The linear reading of chunks remark would be slow on (markdown-plain.ts): which chunks get it (never a
// real spec's), and what it reads (the heading as remark reads it, comments, prose).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseChunk } from '../../src/core/parse/markdown-chunk';
import { plainInline, readPlainly, remarkCost, REMARK_BUDGET, tooCostlyForRemark } from '../../src/core/parse/markdown-plain';
import { splitAtHeadings } from '../../src/core/parse/split';
import { pathological } from '../support/pathological';
import { projectRoot, sharedRoot } from '../support/paths';
import { nth } from '../support/nth';

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.(md|markdown)$/.test(name) ? [path] : [];
  });
}

describe('markdown-plain: a linear reading where remark would be slow (issue 18)', () => {
  it('no chunk of a real document comes near the budget: the corpus, the examples, the docs, the peer suites', function () {
    const dirs = [join(sharedRoot, 'corpus'), join(sharedRoot, 'peer-suites'), join(projectRoot, 'examples'), join(projectRoot, 'docs')];
    const files = dirs.flatMap(markdownFiles);
    if (!files.some((f) => f.startsWith(sharedRoot))) console.warn(`    notice: ${sharedRoot} is absent; only the examples and docs are read`);
    let most = { cost: 0, where: '' };
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const chunk of splitAtHeadings(text)) {
        const cost = remarkCost(text.slice(chunk.start, chunk.end));
        if (cost > most.cost) most = { cost, where: file };
      }
    }
    console.log(`    largest: ${most.cost} (${Math.round((100 * most.cost) / REMARK_BUDGET)}% of the budget), ${most.where.slice(most.where.lastIndexOf('/') + 1)}`);
    assert.ok(most.cost <= REMARK_BUDGET / 2, `${most.where}: ${most.cost}, over half the budget`);
  });

  it('sends the inputs remark is quadratic on to the linear reading from a few KB', () => {
    for (const name of ['backtick ``\\ pattern', 'pattern [ (]( repeated', 'nested strong emph', 'unclosed html comments', 'unclosed links B', 'many emph openers with no closers']) {
      const shape = pathological.find((p) => p.name === name)!;
      assert.ok(tooCostlyForRemark(`## Goals\n\n${shape.make(4000)}\n`), `${name} in a paragraph`);
      assert.ok(tooCostlyForRemark(`## ${shape.make(4000)}\n`), `${name} in a heading`);
    }
    assert.ok(tooCostlyForRemark(`## Goals\n\n> quote\n${'lazy\n'.repeat(1000)}`), 'lazy lines of a quote');
    assert.ok(!tooCostlyForRemark(`## Goals\n\n${'> quoted line\n'.repeat(1000)}`), 'a long quote with its markers is no lazy text');
    assert.ok(!tooCostlyForRemark(`## Goals\n\n\`\`\`\n${'``\\'.repeat(2000)}\n\`\`\`\n`), 'fenced code is not inline content');
    assert.ok(!tooCostlyForRemark(`## Goals\n\n<table>\n${'<tr><td>x</td></tr>\n'.repeat(500)}</table>\n`), 'nor is an HTML block');
  });

  it('reads the heading as remark does where it holds no inline syntax: the same depth, title and span', () => {
    let compared = 0;
    const inputs = ['# Goals\n\ntext\n', '## Goals ##\n\n- a\n- b\n', 'Title over\ntwo lines\n===\n\nbody\n', 'Release plan\n---\n> quoted\n', '### Pricing <!-- owner: pmm -->\n\n<!-- owner: pm -->\ntext\n'];
    for (const text of inputs) {
      const slow = nth(parseChunk(text), 0).heading;
      const plain = nth(readPlainly(text), 0).heading;
      assert.deepEqual(plain, slow, JSON.stringify(text));
      compared++;
    }
    assert.equal(compared, inputs.length);
    // An underline below a quote or a list item makes no heading (CommonMark 92, 94), as in remark.
    for (const text of ['> Foo\n---\n', '- foo\n---\n']) assert.equal(nth(readPlainly(text), 0).heading, nth(parseChunk(text), 0).heading, text);
  });

  it('keeps comments (owner annotations, directives) and prose where they are written', () => {
    const text = '## Pricing <!-- owner: pmm -->\n\n<!-- owner: pm -->\nWe charge per seat. <!-- specroles-disable empty-section -- why -->\n\n```\n<!-- not a comment -->\n```\n';
    const [section] = readPlainly(text);
    assert.deepEqual(section!.comments.map((c) => [c.text, c.inHeading, c.leading, text.slice(c.start, c.end) === c.text]), [
      ['<!-- owner: pmm -->', true, false, true],
      ['<!-- owner: pm -->', false, true, true],
      ['<!-- specroles-disable empty-section -- why -->', false, false, true],
    ]);
    const prose = section!.prose.map((p) => [p.text.trim(), text.slice(p.offset, p.offset + p.text.trim().length)]);
    assert.deepEqual(prose, [['We charge per seat.', 'We charge per seat.']]);
  });

  it('reads inline syntax in a heading as plain text in linear time', () => {
    assert.equal(plainInline('*Launch* **plan** <!-- x --> [docs](https://x.io) \\#1'), 'Launch plan docs #1');
    assert.equal(plainInline('<!-- '.repeat(5000)), '<!-- '.repeat(5000).trim());
  });
});
