import assert from 'node:assert/strict';
import { parseYamlSpec } from '../../src/core/parse/yaml-spec';
import { nth } from '../support/nth';

describe('YAML spec parser', () => {
  const spec = [
    'specroles: 1',
    'type: prd',
    'owner: pm',
    'sections:',
    '  - title: Problem',
    '    body: Shoppers abandon carts.',
    '  - title: Messaging',
    '    owner: [pm, pmm]',
    '    sections:',
    '      - title: Tagline',
    '        kind: messaging',
    '',
  ].join('\n');

  it('reads sections with positions on keys and values', () => {
    const doc = parseYamlSpec(spec);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.meta.type?.value, 'prd');
    const [problem, messaging] = doc.sections;
    assert.equal(problem!.title, 'Problem');
    assert.deepEqual([problem!.headingRange.start.line, problem!.headingRange.start.column], [5, 12]);
    assert.deepEqual(messaging!.owner!.items.map((i) => [i.role, i.range.start.line, i.range.start.column]), [['pm', 8, 13], ['pmm', 8, 17]]);
    assert.equal(nth(messaging!.children, 0).declaredKind?.id, 'messaging');
    assert.equal(nth(messaging!.children, 0).depth, 2);
  });

  it('maps schema errors to the exact key or value', () => {
    const doc = parseYamlSpec('specroles: 1\nsections:\n  - title: 42\n    colour: blue\n');
    const messages = doc.problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`);
    assert.deepEqual(messages, ['3:12 Spec: "sections[0].title": expected a string, found number 42', '4:5 Spec: unknown key "colour" in sections[0]']);
  });

  it('reports YAML that does not parse as fatal, at its line', () => {
    const doc = parseYamlSpec('specroles: 1\ntitle: "unclosed\nsections: []\n');
    assert.ok(doc.problems.length > 0);
    assert.ok(doc.problems.every((p) => p.fatal));
    assert.match(nth(doc.problems, 0).message, /^YAML does not parse/);
  });

  it('says a second YAML document is one too many, in the author\'s terms, at its "---" line', () => {
    const doc = parseYamlSpec('specroles: 1\ntitle: A\n---\ntitle: B\n');
    const messages = doc.problems.map((p) => `${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column} ${p.message}`);
    assert.deepEqual(messages, ['3:1-3:4 YAML does not parse: the file holds more than one YAML document, and a second one starts here; specroles reads one: remove this "---" line and what follows it, or move that into a file of its own']);
    assert.doesNotMatch(nth(messages, 0), /parseAllDocuments/);
  });

  it('reports an unclosed flow list or map at its opening bracket, not where the yaml package gave up', () => {
    const at = (text: string) => parseYamlSpec(text).problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`);
    assert.deepEqual(at('---\n[ [ a, b, c ]\n'), ['2:1 YAML does not parse: the list that starts here with [ is never closed with ]']);
    assert.deepEqual(at('specroles: 1\nsections: [a, b\ntitle: x\n'), ['2:11 YAML does not parse: the list that starts here with [ is never closed with ]']);
    assert.deepEqual(at('specroles: 1\nowner: { role: pm\n'), ['2:8 YAML does not parse: the map that starts here with { is never closed with }']);
    // The same with CRLF line ends.
    assert.deepEqual(at('---\r\n[ [ a, b, c ]\r\n'), ['2:1 YAML does not parse: the list that starts here with [ is never closed with ]']);
  });

  it('names what is unexpected as written, not by the yaml package\'s token names', () => {
    const messages = parseYamlSpec('specroles: 1\ntitle: "A" extra\n').problems.map((p) => p.message);
    assert.deepEqual(messages, ['YAML does not parse: unexpected text after a complete value']);
  });

  it('reports duplicate keys', () => {
    const doc = parseYamlSpec('specroles: 1\ntype: prd\ntype: rfc\n');
    assert.equal(nth(doc.problems, 0).range.start.line, 3);
  });

  it('reads template YAML (BMAD-style sections with instructions) leniently, without schema errors', () => {
    const doc = parseYamlSpec('template:\n  id: x\nsections:\n  - id: goals\n    title: Goals\n    instruction: List the desired outcomes\n');
    assert.deepEqual(doc.problems, []);
    assert.equal(nth(doc.sections, 0).title, 'Goals');
    assert.equal(nth(nth(doc.sections, 0).prose, 0).text, 'List the desired outcomes');
  });

  it('reads # directives', () => {
    const doc = parseYamlSpec('specroles: 1 # specroles-disable-file unowned-section -- generated\n');
    assert.equal(nth(doc.directives, 0).kind, 'disable-file');
    assert.equal(nth(doc.directives, 0).reason, 'generated');
  });
});
