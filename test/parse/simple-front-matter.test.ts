// The reader of simple front matter must read what the yaml package reads, or decline (issue 17).
import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { readMeta } from '../../src/core/parse/meta';
import { simpleFrontMatter } from '../../src/core/parse/simple-front-matter';
import { parseYaml } from '../../src/core/parse/yaml-text';
import { plainlyValidFrontMatter } from '../../src/core/schema/spec';
import { LineIndex } from '../../src/core/text/lines';
import { seeded } from '../support/seeded';

/** What readFrontMatter and the rules use of a node: its type, value and range (start and value end). */
function shape(node: Node | null | undefined): unknown {
  if (isScalar(node)) return { value: node.value, type: node.type, range: node.range?.slice(0, 2) };
  if (isSeq(node)) return { flow: !!node.flow, range: node.range?.slice(0, 2), items: node.items.map((i) => shape(i as Node)) };
  if (isMap(node)) return { items: (node.items as Pair<Node, Node | null>[]).map((p) => [shape(p.key), shape(p.value)]) };
  return node;
}

/** Compares the two readers on one front matter's text; true where the simple reader accepted it. */
function compare(yamlText: string): boolean {
  const simple = simpleFrontMatter(yamlText);
  if (!simple) return false;
  const doc = parseYaml(yamlText, { prettyErrors: false, logLevel: 'error' });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `the yaml package finds errors the simple reader did not: ${JSON.stringify(yamlText)}`);
  assert.ok(isMap(doc.contents), JSON.stringify(yamlText));
  assert.deepEqual(shape(simple.map), shape(doc.contents), JSON.stringify(yamlText));
  assert.deepEqual(simple.data, doc.toJS(), JSON.stringify(yamlText));
  // readFrontMatter takes the simple reading only where the schema has nothing to say of it.
  if (!plainlyValidFrontMatter(simple.data)) return true;
  const text = `---\n${yamlText}\n---\n`;
  const ctx = { lines: new LineIndex(text), base: 4 };
  assert.deepEqual(readMeta(simple.map, ctx), readMeta(doc.contents as YAMLMap, ctx), JSON.stringify(yamlText));
  return true;
}

describe('simple front matter', () => {
  it('reads the front matter of specs as the yaml package does', () => {
    const cases = [
      'specroles: 1\ntype: prd\ntitle: Mobile Wallet (f0)\nowner: pm\nreviewers: [pmm]\nstatus: draft',
      'owner: [pm, pmm]\nreviewers: []',
      'owner: [ pm ,pmm ]\n\ntitle: What is it?',
      'title: Q3 plan - pricing, packaging & launch',
      'specroles: 0\nversion: 12',
    ];
    for (const c of cases) assert.ok(compare(c), `declined: ${JSON.stringify(c)}`);
  });

  it('declines what it does not read', () => {
    const declined = [
      'title: "Quoted"', "title: 'Quoted'", 'title: a # comment', '# comment\ntitle: a', 'title: a: b', 'owner:\n  - pm',
      'owner:', 'title: true', 'title: null', 'version: 1.5', 'version: 0x1F', 'version: 012', 'title: a\r\nowner: pm',
      'title: a\ntitle: b', '  title: indented', 'title: a ', 'owner: [pm, [pmm]]', 'owner: {a: b}', 'title: &anchor a',
      'title: *alias', 'title: |\n  block', 'title: ~', 'owner: [pm, true]', 'owner: [pm, "pmm"]', '',
    ];
    for (const c of declined) assert.equal(simpleFrontMatter(c), undefined, JSON.stringify(c));
  });

  it('reads generated front matter as the yaml package does, or declines it: 20,000 cases', () => {
    const keys = ['type', 'title', 'owner', 'reviewers', 'specroles', 'status', 'x-y', 'a_b', 'true', 'Owner'];
    const values = ['prd', 'pm', '[pm, pmm]', '[]', '[ pm ]', '1', '0', '10', '1.0', 'Yes', 'no', 'on', 'NULL', 'True', 'a, b', "it's",
      'What?', 'a - b', 'a  b', '(x)', 'é', '日本', 'a:b', 'a #b', '[a,b,]', '[a b]', '[,]', 'x/y+z', 'a&b', '-1', '+1', '00', '1e3', '.5'];
    const next = seeded(3);
    let accepted = 0;
    for (let t = 0; t < 20000; t++) {
      const lines: string[] = [];
      for (let i = 1 + next(5); i > 0; i--) lines.push(next(12) ? `${keys[next(keys.length)]}:${' '.repeat(1 + next(2))}${values[next(values.length)]}` : '');
      if (compare(lines.join('\n'))) accepted++;
    }
    assert.ok(accepted > 3000, `accepted ${accepted} of 20000`);
  });
});
