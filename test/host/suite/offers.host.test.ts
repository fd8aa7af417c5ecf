// What the extension offers as you write, in a real VS Code (issue 16): to check a Markdown file the
// content decision just missed as a spec (item 5), completion of sections on `##` and of whole specs in an
// empty file only (item 7).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, EXTENSION_ID, fixture, open, ruleOf, sleep } from './support';

const FOLDER = 'offers-tmp';
const SPEC = '---\nspecroles: 1\ntype: prd\n---\n# Checkout\n\n## Problem\n\nSlow checkout.\n\n';
/** A PRD without front matter, in a file named like any note: its headings and words make it a spec. */
const PLAIN_PRD =
  '# Checkout\n\n## Problem\n\nReturning customers abandon checkout: it takes nine steps, and users say so in every review.\n\n' +
  '## Goals\n\n- Cut checkout to three steps for every user.\n\n## Requirements\n\n- A user can pay with a saved card.\n\n' +
  '## Release and rollout\n\nBeta in May.\n\n## Messaging <!-- owner: pm -->\n\nOne click.\n';
/** One section heading among others: the content decision does not take it; the editor offers to. */
const NEAR_MISS = '# Checkout notes\n\n## Messaging <!-- owner: pm -->\n\nOne click.\n\n## Monday\n\nLunch.\n\n## Tuesday\n\nStand-up.\n';
const OFFER = 'Check this file as a spec';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

/** What the completion item inserts, whichever provider made it (the language server's or a static snippet). */
const inserted = (item: vscode.CompletionItem) =>
  item.insertText instanceof vscode.SnippetString ? item.insertText.value : (item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label));
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completions(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list.items;
}

/** Polls `probe` until it gives something (lenses come once the server has decided). */
async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('offers as you write', function () {
  this.timeout(60_000);
  const path = (name: string) => fixture(`${FOLDER}/${name}`);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    mkdirSync(fixture(FOLDER).fsPath, { recursive: true });
  });
  after(() => rmSync(fixture(FOLDER).fsPath, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  afterEach(closeAll);

  it('a plain PRD named notes.md, without front matter, is linted; a README is not, and gets no offer', async () => {
    const uri = path('notes.md');
    writeFileSync(uri.fsPath, PLAIN_PRD);
    await open(uri);
    const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'the findings of a plain PRD');
    assert.ok(ds.map(ruleOf).includes('section-owner-mismatch'));
    // Not the fixture README: another suite lints it on request ("Lint this file"), and that lasts.
    const readme = path('README.md');
    writeFileSync(readme.fsPath, '# Tool\n\nA command line tool.\n\n## Installation\n\nnpm i tool\n\n## Usage\n\ntool --help\n');
    await open(readme);
    await sleep(300);
    await diagnosticsWhen(readme, (d) => d.length === 0, 'nothing on the README');
    assert.deepEqual((await lenses(readme)).map((l) => l.command?.title), []);
  });

  it('a near miss: "Check this file as a spec" over line 1 adds `specroles: 1` front matter, and it is linted', async () => {
    const uri = path('draft.md');
    writeFileSync(uri.fsPath, NEAR_MISS);
    const editor = await open(uri);
    const offer = await until(async () => (await lenses(uri)).find((l) => l.command?.title === OFFER), 'the offer');
    assert.equal(offer.range.start.line, 0);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specroles'), [], 'not linted before');
    await vscode.commands.executeCommand(offer.command!.command, ...(offer.command!.arguments ?? []));
    assert.ok(editor.document.getText().startsWith('---\nspecroles: 1\n---\n# Checkout notes'), editor.document.getText());
    const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'the findings once marked');
    assert.ok(ds.map(ruleOf).includes('section-owner-mismatch'));
    assert.ok(!(await lenses(uri)).some((l) => l.command?.title === OFFER), 'no offer once it is a spec');
  });

  it('a near miss: "Not a spec" takes the offer away, and the file stays unlinted', async () => {
    const uri = path('draft-2.md');
    writeFileSync(uri.fsPath, NEAR_MISS);
    await open(uri);
    const dismiss = await until(async () => (await lenses(uri)).find((l) => l.command?.title === 'Not a spec'), 'the offer');
    await vscode.commands.executeCommand(dismiss.command!.command, ...(dismiss.command!.arguments ?? []));
    await until(async () => ((await lenses(uri)).some((l) => l.command?.title === OFFER) ? undefined : true), 'no offer after "Not a spec"');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specroles'), []);
  });

  it('completion: `##` typed in a spec offers sections with their owner annotation', async () => {
    const uri = path('sections.prd.md');
    writeFileSync(uri.fsPath, `${SPEC}##`);
    await open(uri);
    const items = await completions(uri, new vscode.Position(10, 2), '#');
    const messaging = items.find((i) => labelOf(i) === '## Messaging');
    assert.ok(messaging, `no "## Messaging" among ${items.map(labelOf).join(', ')}`);
    assert.match(inserted(messaging), /^## Messaging <!-- owner: pmm -->/);
  });

  it('completion: a skeleton prefix mid-document offers no whole spec (no front matter pasted mid-spec)', async () => {
    const uri = path('middle.prd.md');
    writeFileSync(uri.fsPath, `${SPEC}specroles-pos`);
    await open(uri);
    const items = await completions(uri, new vscode.Position(10, 13));
    const skeletons = items.filter((i) => /specroles: 1/.test(inserted(i)));
    assert.deepEqual(skeletons.map(labelOf), []);
  });

  it('completion: an empty Markdown file offers a whole spec per document type', async () => {
    const uri = path('empty.md');
    writeFileSync(uri.fsPath, '');
    await open(uri);
    const items = await completions(uri, new vscode.Position(0, 0));
    const positioning = items.find((i) => labelOf(i) === 'specroles-positioning');
    assert.ok(positioning, `no "specroles-positioning" among ${items.map(labelOf).join(', ')}`);
    assert.match(inserted(positioning), /^---\nspecroles: 1\ntype: positioning\n/);
  });
});
