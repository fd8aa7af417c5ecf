// The editor service without any editor: what a client is told to show for specs (diagnostics, hovers,
// quick fixes, lenses, the status bar), when it lints (debounced, on save, once per version), stubs and
// templates, and the workspace lint.
import assert from 'node:assert/strict';
import { catalogueFor, citeSource, guidelineDocUrl, ruleDocUrl } from '../../src/core';
import { FIX_ALL } from '../../src/editor';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { codes, fixtureText, harness, uriOf } from './support';
import { nth } from '../support/nth';

const PLANTED = fixtureText('planted.prd.md');
const MESSAGING = { line: 23, character: 4 };

describe('editor service: a spec', () => {
  it('shows the planted mistake with rule, range, source and doc link, and the status bar count', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const ds = await h.until(() => h.published.get(uriOf('planted.prd.md')), (d) => !!d?.length, 'diagnostics');
    assert.deepEqual(codes(ds), ['section-owner-mismatch']);
    const d = nth(ds!, 0);
    assert.deepEqual(d.range, { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } });
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'specroles');
    assert.ok(d.codeDescription?.href.endsWith('/docs/rules/section-owner-mismatch.md'));
    assert.deepEqual(h.statuses.get(uriOf('planted.prd.md')), { text: 'PM 4 · PMM 1', skipped: false });
    assert.deepEqual(h.caught, []);
  });

  it('leaves a README alone unless asked ("Lint this file")', async () => {
    const h = harness();
    h.open('README.md', fixtureText('README.md'));
    await h.until(() => h.statuses.has(uriOf('README.md')), (v) => v, 'the decision');
    assert.deepEqual(h.published.get(uriOf('README.md')) ?? [], []);
    assert.equal(h.statuses.get(uriOf('README.md')), null);
    const n = await h.service.lintFile(uriOf('README.md'));
    assert.ok(n && n > 0);
    assert.ok(codes(h.published.get(uriOf('README.md'))).includes('section-owner-mismatch'));
  });

  it('hovers: the heading\'s kind, owners and guideline; the owner annotation\'s role', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const catalogue = catalogueFor({});
    const kind = catalogue.kinds.get('messaging')!;
    const guideline = catalogue.guidelines.get(nth(kind.guidelines, 0))!;
    const heading = await h.service.hover(uriOf('planted.prd.md'), MESSAGING);
    const text = heading && typeof heading.contents === 'object' && 'value' in heading.contents ? heading.contents.value : '';
    assert.match(text, /\*\*Messaging\*\* — owned by the product marketing manager \(PMM · message\)/);
    assert.match(text, /Declared owner: product manager/);
    // Without a docs command from the client, the citation links to the guideline on the web page.
    assert.ok(text.includes(`${guideline.statement} — [${citeSource(guideline.source)}](${guidelineDocUrl(guideline.id)})`), text);
    const owner = await h.service.hover(uriOf('planted.prd.md'), { line: 23, character: 26 });
    const ownerText = owner && typeof owner.contents === 'object' && 'value' in owner.contents ? owner.contents.value : '';
    assert.ok(ownerText.includes(catalogue.roles.get('pm')!.owns), ownerText);
    assert.ok(ownerText.includes(`**[section-owner-mismatch](${ruleDocUrl('section-owner-mismatch')})** cites:`), ownerText);
    assert.doesNotMatch(ownerText, /specroles explain/);
  });

  it('with the client\'s docs command, citations and "Show documentation" open the bundled docs (path and anchor), not the web', async () => {
    const h = harness({}, {}, { docsCommand: 'client.openDocs' });
    h.open('planted.prd.md', PLANTED);
    const hover = await h.service.hover(uriOf('planted.prd.md'), { line: 23, character: 26 });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    const link = (...args: string[]) => `command:client.openDocs?${encodeURIComponent(JSON.stringify(args))}`;
    assert.ok(text.includes(`**[section-owner-mismatch](${link('docs/rules/section-owner-mismatch.md')})** cites:`), text);
    // The finding's first guideline is its section kind's.
    const guideline = nth(catalogueFor({}).kinds.get('messaging')!.guidelines, 0);
    assert.ok(text.includes(`](${link('docs/guidelines.md', guideline)})`), text);
    assert.doesNotMatch(text, /https:/);
    const range = { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } };
    const docs = (await h.service.codeActions(uriOf('planted.prd.md'), range, ['quickfix'])).find((a) => a.title === 'Show documentation for section-owner-mismatch');
    assert.deepEqual(docs?.command, { title: 'Show documentation for section-owner-mismatch', command: 'client.openDocs', arguments: ['docs/rules/section-owner-mismatch.md'] });
    const ds = await h.until(() => h.published.get(uriOf('planted.prd.md')), (d) => !!d?.length, 'diagnostics');
    assert.equal(nth(ds!, 0).codeDescription?.href, link('docs/rules/section-owner-mismatch.md'), 'the rule id links to the bundled page');
  });

  it('code actions: the fix (preferred), disable for the section, the docs; fix-all applies the safe ones', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const range = { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } };
    const actions = await h.service.codeActions(uriOf('planted.prd.md'), range, ['quickfix']);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set owner to PMM', 'Disable section-owner-mismatch for this section', 'Show documentation for section-owner-mismatch'],
    );
    const fix = nth(actions, 0);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit?.changes?.[uriOf('planted.prd.md')], [{ range: { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } }, newText: 'pmm' }]);
    assert.deepEqual(nth(actions, 1).edit?.changes?.[uriOf('planted.prd.md')], [
      { range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } }, newText: '<!-- specroles-disable-next-section section-owner-mismatch -- reason -->\n' },
    ]);
    assert.deepEqual(nth(actions, 2).command?.arguments, ['section-owner-mismatch']);
    const all = await h.service.codeActions(uriOf('planted.prd.md'), range, [FIX_ALL]);
    assert.deepEqual(all.map((a) => a.kind), [FIX_ALL]);
    assert.equal(nth(all, 0).edit?.changes?.[uriOf('planted.prd.md')]?.[0]?.newText, 'pmm');
  });

  it('a drift finding sits on its first cue word, lists the others as related information, and offers its fixes from any of them', async () => {
    const h = harness();
    const text = '## Requirements\n\nThe API answers in 200 ms.\n\n- Launch with a tagline on the landing page.\n- Run a campaign and send a press release.\n';
    h.open('drift.prd.md', text);
    const ds = await h.until(() => h.published.get(uriOf('drift.prd.md')), (d) => !!d?.some((x) => x.code === 'content-owner-drift'), 'the drift diagnostic');
    const d = ds!.find((x) => x.code === 'content-owner-drift')!;
    assert.deepEqual(d.range, { start: { line: 4, character: 16 }, end: { line: 4, character: 23 } }, 'on "tagline", not on the heading');
    const related = (d.relatedInformation ?? []).map((r) => ({ uri: r.location.uri, line: r.location.range.start.line, message: r.message }));
    assert.deepEqual(related.map((r) => r.message.replace(/:.*/, '')), ['"tagline"', '"landing page"', '"campaign"', '"press release"']);
    assert.ok(related.every((r) => r.uri === uriOf('drift.prd.md')));
    // The cursor on "campaign" (a related location, not the finding's range) still gets the fixes.
    const actions = await h.service.codeActions(uriOf('drift.prd.md'), { start: { line: 5, character: 10 }, end: { line: 5, character: 10 } }, ['quickfix']);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Move the paragraph to a new ')), titles.join(' | '));
    assert.ok(titles.includes('Hand the section over to the PMM'), titles.join(' | '));
  });

  it('code actions without `only` (as Neovim asks): the finding\'s quick fixes first, fix-all last', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const range = { start: { line: 23, character: 25 }, end: { line: 23, character: 25 } };
    const actions = await h.service.codeActions(uriOf('planted.prd.md'), range, undefined);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set owner to PMM', 'Disable section-owner-mismatch for this section', 'Show documentation for section-owner-mismatch', 'Fix all safe specroles problems'],
    );
  });

  it('CodeLens per heading; none when the setting is off', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const lenses = await h.service.codeLenses(uriOf('planted.prd.md'));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [8, 'PM · why'],
        [13, 'PM · why'],
        [18, 'PM · what'],
        [23, `PMM · ${catalogueFor({}).kinds.get('messaging')!.aspect}`],
        [27, 'PM · when'],
      ],
    );
    h.settings.codeLens = false;
    await h.service.settingsChanged();
    assert.deepEqual(await h.service.codeLenses(uriOf('planted.prd.md')), []);
  });

  it('CodeLens past codeLensMaxSections: none (any lens costs the editor a redraw of its minimap on every keystroke)', async () => {
    const h = harness({}, { codeLensMaxSections: 4 });
    h.open('planted.prd.md', PLANTED);
    assert.deepEqual(await h.service.codeLenses(uriOf('planted.prd.md')), []);
    h.settings.codeLensMaxSections = 5;
    await h.service.settingsChanged();
    assert.equal((await h.service.codeLenses(uriOf('planted.prd.md'))).length, 5);
  });

  it('the ownership summary lists the headings with their owners', async () => {
    const h = harness();
    h.open('planted.prd.md', PLANTED);
    const summary = await h.service.summary(uriOf('planted.prd.md'));
    assert.match(summary!.title, /^Ownership: PM 4 · PMM 1 — document owner PM \(declared\)$/);
    assert.deepEqual(summary!.items.find((i) => i.line === 23), { label: '  Messaging', description: 'PMM · Messaging', detail: 'declared: product manager', line: 23 });
  });
});

describe('editor service: when it lints', () => {
  const SPEC = '# Checkout\n\n## Problem\n\nSlow checkout.\n\n## Messaging <!-- owner: pmm -->\n\nOne checkout.\n';

  it('a burst of edits is linted once, after the debounce, and ends in the last text\'s diagnostics', async () => {
    const h = harness({}, { debounceMs: 40 });
    const doc = h.open('burst.prd.md', SPEC);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    const before = h.service.stats.lints;
    for (let i = 0; i < 10; i++) h.edit(doc, SPEC.replace('pmm', i % 2 ? 'pmm' : 'pm'));
    h.edit(doc, SPEC.replace('pmm', 'pm'));
    // A light-bulb request meanwhile waits for that lint instead of running its own.
    await h.service.codeActions(doc.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, undefined);
    await h.until(() => codes(h.published.get(doc.uri)), (c) => c.includes('section-owner-mismatch'), 'the mismatch');
    assert.equal(h.service.stats.lints - before, 1);
  });

  it('a request made mid-burst is answered when the burst\'s lint runs, not left waiting on a superseded one', async () => {
    const h = harness({}, { debounceMs: 40 });
    const doc = h.open('mid-burst.prd.md', SPEC);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    const before = h.service.stats.lints;
    const lenses: Promise<unknown>[] = [];
    for (let i = 0; i < 5; i++) {
      h.edit(doc, SPEC.replace('pmm', i % 2 ? 'pmm' : 'pm'));
      lenses.push(h.service.codeLenses(doc.uri));
    }
    const answered = await Promise.race([
      Promise.all(lenses).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    assert.equal(answered, true, 'every request made during the burst is answered');
    assert.equal(h.service.stats.lints - before, 1);
  });

  it('a lint that finds what is shown publishes nothing while the edits since kept it in place', async () => {
    const h = harness({}, { debounceMs: 5 });
    const doc = h.open('same.prd.md', PLANTED);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    const shown = h.published.get(doc.uri);
    assert.ok(shown?.some((d) => d.range.start.line === 23), 'the mismatch on line 23');
    /** One didChange replacing lines/characters [l1:c1, l2:c2) with `text`, and its lint. */
    const change = async ([l1, c1, l2, c2]: number[], text: string) => {
      const lints = h.service.stats.lints;
      const from = doc.version;
      const range = { start: { line: l1!, character: c1! }, end: { line: l2!, character: c2! } };
      doc.text = TextDocument.applyEdits(TextDocument.create(doc.uri, 'markdown', from, doc.text), [{ range, newText: text }]);
      doc.version = from + 1;
      h.service.change(doc, { from, changes: [{ range, text }] });
      await h.until(() => h.service.stats.lints, (n) => n > lints, 'the lint');
      await h.service.diagnostics(doc.uri);
    };
    // Typing in a paragraph no diagnostic is on: the same diagnostics, not published again.
    await change([25, 27, 25, 27], ' Every card.');
    assert.equal(h.publishes.get(doc.uri), 1);
    // On the line of a diagnostic, the editor may have moved its squiggle: the same ones are published again.
    await change([23, 31, 23, 31], ' ');
    await change([23, 31, 23, 32], '');
    assert.equal(h.publishes.get(doc.uri), 3);
    // A line break typed and deleted moves the lines below meanwhile: published again too.
    await change([25, 0, 25, 0], '\n');
    await change([25, 0, 26, 0], '');
    assert.deepEqual(h.published.get(doc.uri), shown);
    assert.equal(h.publishes.get(doc.uri), 5);
  });

  it('run = onSave: typing changes nothing until the save', async () => {
    const h = harness({}, { run: 'onSave' });
    const doc = h.open('save.prd.md', SPEC);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    h.edit(doc, SPEC.replace('pmm', 'pm'));
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(!codes(h.published.get(doc.uri)).includes('section-owner-mismatch'));
    h.service.save(doc);
    await h.until(() => codes(h.published.get(doc.uri)), (c) => c.includes('section-owner-mismatch'), 'the mismatch after saving');
  });

  it('a U+FFFD in the text: an error only where the file on disk is not valid UTF-8, asked again after a save', async () => {
    const text = '---\ntype: prd\n---\n## Problem\n\nUnreadable bytes show as \ufffd.\n\n## Goals\n\nFewer.\n\n## Scope\n\nAll.\n\n## Release plan\n\nMay.\n';
    const h = harness({ 'own.prd.md': text, 'latin1.prd.md': text });
    h.bytes.set(uriOf('latin1.prd.md'), Buffer.from(text.replace('\ufffd', '\u00e9'), 'latin1'));
    h.open('own.prd.md', text);
    const latin1 = h.open('latin1.prd.md', text);
    await h.until(() => codes(h.published.get(latin1.uri)), (c) => c.includes('invalid-spec'), 'the error on the file that is not UTF-8');
    await h.until(() => h.published.get(uriOf('own.prd.md')), (d) => d !== undefined, 'the lint of the file that holds U+FFFD');
    assert.deepEqual(codes(h.published.get(uriOf('own.prd.md'))), []);
    // Saved by the editor as UTF-8: the file is valid now, and the error goes (the same version, linted again).
    h.bytes.delete(latin1.uri);
    h.service.save(latin1);
    await h.until(() => codes(h.published.get(latin1.uri)), (c) => !c.includes('invalid-spec'), 'the error gone after the save');
    assert.deepEqual(h.caught, []);
  });

  it('severity overrides from the settings; a misspelt rule id there is a problem at its key in .vscode/settings.json', async () => {
    const settingsFile = '{\n  "specRoles.severityOverrides": {\n    "section-owner-mismatch": "error",\n    "missing-sectoin": "off"\n  }\n}\n';
    const h = harness({ '.vscode/settings.json': settingsFile }, { severityOverrides: { 'section-owner-mismatch': 'error', 'missing-sectoin': 'off' } });
    await h.service.start();
    const problem = (h.published.get(uriOf('.vscode/settings.json')) ?? [])[0];
    assert.equal(problem?.message, 'specRoles.severityOverrides: unknown rule "missing-sectoin"; did you mean "missing-section"?');
    assert.deepEqual(problem?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 21 } });
    assert.ok(h.logs.some((l) => l.startsWith('warn: specRoles.severityOverrides: unknown rule')));
    h.open('planted.prd.md', PLANTED);
    const ds = await h.until(() => h.published.get(uriOf('planted.prd.md')), (d) => !!d?.length, 'diagnostics');
    assert.equal(nth(ds!, 0).severity, 1);
    h.settings.severityOverrides = {};
    await h.service.settingsChanged();
    assert.deepEqual(h.published.get(uriOf('.vscode/settings.json')), []);
  });

  it('maxFileSize from the settings: one notice and the status says so', async () => {
    const h = harness({}, { maxFileSize: '1 KB' });
    h.open('big.prd.md', `# Import\n\n## Messaging <!-- owner: pm -->\n\n${'Import a whole catalogue in one step. '.repeat(60)}\n`);
    const [notice] = (await h.until(() => h.published.get(uriOf('big.prd.md')), (d) => !!d?.length, 'the notice')) ?? [];
    assert.equal(notice!.code, 'maxFileSize');
    assert.match(String(notice!.message), /^Not linted: the file is 2.\d KB, over maxFileSize \(1 KB\)/);
    assert.deepEqual(h.statuses.get(uriOf('big.prd.md')), { text: 'not linted: over maxFileSize', skipped: true });
  });
});

describe('editor service: incremental re-lint (didChange with LSP content changes)', () => {
  type Change = TextDocumentContentChangeEvent;
  const at = (line: number, character: number) => ({ line, character });
  const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });
  // Each step is one didChange; `settle` waits for its lint before the next (else they come in a burst).
  const steps: { changes: Change[]; settle?: boolean }[] = [
    { changes: [{ range: range(26, 0, 26, 0), text: 'Launch campaign and press release copy. ' }], settle: true },
    // typing a word one key at a time, in a burst
    ...[...'tagline'].map((ch, i) => ({ changes: [{ range: range(21, 44 + i, 21, 44 + i), text: ch }] })),
    { changes: [{ range: range(23, 12, 23, 30), text: '' }], settle: true }, // the wrong owner annotation goes
    { changes: [{ range: range(17, 0, 17, 0), text: '## Positioning\n\nFor busy shoppers, the fastest checkout.\n\n' }] },
    // two changes in one event, the later one first in the text (as VS Code sends multi-cursor edits)
    { changes: [{ range: range(30, 0, 30, 4), text: 'Alpha' }, { range: range(8, 3, 8, 10), text: 'Problem statement' }], settle: true },
    { changes: [{ range: range(0, 0, 6, 0), text: '---\nspecroles: 1\ntype: prd\ntitle: Checkout v3\n---\n' }], settle: true }, // front matter
    { changes: [{ range: range(13, 0, 18, 0), text: '' }] }, // a whole section removed
    { changes: [{ text: PLANTED.replace('Timeline', 'Launch plan') }], settle: true }, // the whole text
    { changes: [{ range: range(2, 0, 2, 0), text: '```\n' }] }, // an unclosed fence swallows the rest
    { changes: [{ range: range(2, 0, 3, 0), text: '' }], settle: true },
  ];

  it('gives, after every step, the diagnostics a fresh open of the same text gives; most lints are incremental', async () => {
    const h = harness({}, { debounceMs: 5 });
    const mirror = TextDocument.create(uriOf('incremental.prd.md'), 'markdown', 1, PLANTED);
    const doc = h.open('incremental.prd.md', PLANTED);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    for (const step of steps) {
      const from = doc.version;
      TextDocument.update(mirror, step.changes, from + 1);
      doc.text = mirror.getText();
      doc.version = from + 1;
      h.service.change(doc, { from, changes: step.changes });
      if (!step.settle && step !== steps.at(-1)) continue;
      const fresh = harness({}, { debounceMs: 5 });
      fresh.open('incremental.prd.md', doc.text);
      const expected = await fresh.until(() => fresh.published.get(doc.uri), (d) => d !== undefined, 'the fresh lint');
      const shown = await h.service.diagnostics(doc.uri);
      assert.deepEqual(shown, expected, `after the change to version ${doc.version}`);
      assert.deepEqual(h.published.get(doc.uri), expected, `shown at version ${doc.version}`);
    }
    assert.ok(h.service.stats.incremental >= 4, `incremental lints: ${h.service.stats.incremental} of ${h.service.stats.lints}`);
    assert.deepEqual(h.caught, []);
  });

  it('a change without its content changes, or one that skips a version, is linted anew, not incrementally', async () => {
    const h = harness({}, { debounceMs: 5 });
    const doc = h.open('anew.prd.md', PLANTED);
    await h.until(() => h.published.get(doc.uri), (d) => d !== undefined, 'the first lint');
    h.edit(doc, PLANTED.replace('pm -->', 'pmm -->')); // no content changes
    await h.until(() => codes(h.published.get(doc.uri)), (c) => !c.includes('section-owner-mismatch'), 'the fix');
    // A change said to come from a version that was never linted (one was lost): a full lint, and right.
    doc.text = PLANTED;
    doc.version += 2;
    h.service.change(doc, { from: doc.version - 1, changes: [{ range: range(23, 15, 23, 18), text: 'pm' }] });
    await h.until(() => codes(h.published.get(doc.uri)), (c) => c.includes('section-owner-mismatch'), 'the mismatch again');
    assert.equal(h.service.stats.incremental, 0);
  });
});

describe('editor service: stubs, templates, workspace', () => {
  it('inserts Markdown stubs at the cursor, with a blank line above after a paragraph', async () => {
    const h = harness();
    const doc = h.open('launch.md', '---\nspecroles: 1\ntype: positioning\n---\n# Launch\n\n');
    const hint = catalogueFor({}).kinds.get('positioning')!.hint;
    const edit = await h.service.stubEdit(doc.uri, { line: 6, character: 0 }, ['positioning']);
    assert.deepEqual(edit, { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: `## Positioning <!-- owner: pmm -->\n\n<!-- ${hint} -->\nTODO\n` });
    const doc2 = h.open('b.md', '# Launch\nText');
    const after = await h.service.stubEdit(doc2.uri, { line: 1, character: 4 }, ['positioning']);
    assert.ok(after!.newText.startsWith('\n\n## Positioning'));
  });

  it('inserts YAML section items at the indentation of the item above', async () => {
    const h = harness();
    const doc = h.open('a.spec.yaml', 'specroles: 1\ntype: prd\nsections:\n  - title: Problem\n    body: |\n      Slow.\n');
    const edit = await h.service.stubEdit(doc.uri, { line: 6, character: 0 }, ['positioning']);
    const hint = catalogueFor({}).kinds.get('positioning')!.hint;
    assert.equal(edit!.newText, `  - title: Positioning\n    kind: positioning\n    owner: pmm\n    # ${hint}\n    body: |\n      TODO\n`);
  });

  it('a template per document type, and the kinds to pick from grouped by owner', async () => {
    const h = harness();
    const text = await h.service.template('prd');
    assert.ok(text!.startsWith('---\nspecroles: 1\ntype: prd\n'));
    const { kinds, docTypes } = await h.service.catalogue(undefined);
    assert.deepEqual(kinds.map((g) => g.group), ['PM', 'PMM', 'Shared', 'Others'].filter((g) => kinds.some((k) => k.group === g)));
    assert.ok(kinds.find((g) => g.group === 'PMM')!.kinds.some((k) => k.id === 'positioning'));
    assert.ok(docTypes.some((t) => t.id === 'prd'));
  });

  it('workspace lint: every spec, by name, marker or content, read from disk; findings stay', async () => {
    const h = harness({
      'planted.prd.md': PLANTED,
      'notes/marked.md': '---\nspecroles: 1\ntype: prd\n---\n# Notes\n\n## Problem\n\nStale copies.\n',
      'README.md': fixtureText('README.md'),
      'node_modules/x/a.prd.md': PLANTED,
    });
    const { files } = await h.service.lintWorkspace();
    assert.equal(files, 2);
    assert.deepEqual(codes(h.published.get(uriOf('planted.prd.md'))), ['section-owner-mismatch']);
    assert.ok(h.published.has(uriOf('notes/marked.md')));
    assert.ok(!h.published.has(uriOf('README.md')));
    // Opened and closed again: the workspace lint's findings stay.
    h.open('planted.prd.md', PLANTED);
    h.service.close(uriOf('planted.prd.md'));
    await h.until(() => codes(h.published.get(uriOf('planted.prd.md'))), (c) => c.length === 1, 'findings after close');
  });
});
