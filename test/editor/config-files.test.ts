// `.specroles.yaml` / `.specroles.json` in the editor service: problems at their keys (found at start-up,
// as typed, on save), the open specs linted again when a config changes, completion, hover, "did you mean".
import assert from 'node:assert/strict';
import { rulesById } from '../../src/core';
import { codes, fixtureText, harness, uriOf } from './support';
import { nth } from '../support/nth';

const BROKEN = fixtureText('broken/.specroles.yaml');

describe('editor service: config files', () => {
  it('a broken config found at start-up: its problems at their keys, before any spec is opened', async () => {
    const h = harness({ 'broken/.specroles.yaml': BROKEN, 'broken/notes.prd.md': fixtureText('broken/notes.prd.md') });
    await h.service.start();
    const ds = h.published.get(uriOf('broken/.specroles.yaml')) ?? [];
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, d.severity, String(d.message).split(':')[1]]),
      [
        [1, 1, ' "rules.section-owner-mismatch"'],
        [2, 1, ' unknown key "unknownKey"'],
      ],
    );
  });

  it('as typed: fixing one problem leaves the other', async () => {
    const h = harness({ 'broken/.specroles.yaml': BROKEN });
    const doc = h.open('broken/.specroles.yaml', BROKEN);
    await h.until(() => h.published.get(doc.uri)?.length, (n) => n === 2, 'two problems');
    h.edit(doc, BROKEN.replace('loud', 'warning'));
    const left = await h.until(() => h.published.get(doc.uri) ?? [], (ds) => ds.length === 1, 'one problem');
    assert.match(String(nth(left, 0).message), /unknownKey/);
  });

  it('an unknown rule id: a problem at the key with a "did you mean" quick fix', async () => {
    const text = 'root: true\nrules:\n  "missing-sectoin": error\n';
    const h = harness({ '.specroles.yaml': text });
    const doc = h.open('.specroles.yaml', text);
    const [d] = await h.until(() => h.published.get(doc.uri) ?? [], (ds) => ds.length === 1, 'the problem');
    assert.equal(d!.message, 'rules: unknown rule "missing-sectoin"; did you mean "missing-section"?');
    assert.deepEqual(d!.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 19 } });
    const [fix] = await h.service.codeActions(doc.uri, d!.range, ['quickfix'], [d!]);
    assert.equal(fix!.title, 'Change to "missing-section"');
    assert.deepEqual(fix!.edit?.changes?.[doc.uri], [{ range: d!.range, newText: '"missing-section"' }]);
  });

  it('a config change on disk lints the open specs under it again', async () => {
    const spec = fixtureText('planted.prd.md');
    const h = harness({ 'planted.prd.md': spec });
    h.open('planted.prd.md', spec);
    await h.until(() => codes(h.published.get(uriOf('planted.prd.md'))), (c) => c.length === 1, 'the finding');
    h.files.set(uriOf('.specroles.yaml'), 'rules:\n  section-owner-mismatch: off\n');
    await h.service.configFileChanged(uriOf('.specroles.yaml'));
    await h.until(() => codes(h.published.get(uriOf('planted.prd.md'))), (c) => c.length === 0, 'no finding');
    assert.deepEqual(h.published.get(uriOf('.specroles.yaml')), []);
  });

  it('completion: top-level keys, rule ids under rules, severities as their values, roles as owners', async () => {
    const h = harness();
    const text = 'ru\nrules:\n  miss\n  missing-section: \nkinds:\n  - id: legal\n    owner: [pm, ]\n';
    const doc = h.open('.specroles.yaml', text);
    const labels = async (line: number, character: number) => (await h.service.completion(doc.uri, { line, character })).map((i) => i.label);
    assert.ok((await labels(0, 2)).includes('rules'));
    assert.deepEqual(await labels(2, 6), [...rulesById.keys()]);
    assert.deepEqual(await labels(3, 19), ['off', 'info', 'warning', 'error']);
    assert.ok((await labels(6, 16)).includes('pmm'));
  });

  it('completion in JSON: quoted rule ids and severities', async () => {
    const h = harness();
    const text = '{\n  "rules": {\n    "missing-section": "",\n    \n  }\n}\n';
    const doc = h.open('.specroles.json', text);
    const values = await h.service.completion(doc.uri, { line: 2, character: 24 });
    assert.deepEqual(values.map((i) => i.label), ['off', 'info', 'warning', 'error']);
    const keys = await h.service.completion(doc.uri, { line: 3, character: 4 });
    assert.equal(keys[0]?.textEdit && 'newText' in keys[0].textEdit ? keys[0].textEdit.newText : '', `"${[...rulesById.keys()][0]}"`);
  });

  it('hover on a rule id says what the rule finds', async () => {
    const h = harness();
    const doc = h.open('.specroles.yaml', 'rules:\n  empty-section: warning\n');
    const hover = await h.service.hover(doc.uri, { line: 1, character: 5 });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.ok(text.includes(rulesById.get('empty-section')!.meta.description), text);
  });
});
