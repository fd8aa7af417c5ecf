// What the extension offers as you write, in a real VS Code (issue 16): completion of sections on `##` and
// of whole specs in an empty file only (item 7).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID, fixture, open } from './support';

const FOLDER = 'offers-tmp';
const SPEC = '---\nspecroles: 1\ntype: prd\n---\n# Checkout\n\n## Problem\n\nSlow checkout.\n\n';

/** What the completion item inserts, whichever provider made it (the language server's or a static snippet). */
const inserted = (item: vscode.CompletionItem) =>
  item.insertText instanceof vscode.SnippetString ? item.insertText.value : (item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label));
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completions(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list.items;
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

  it('completion: `## ` typed in a spec offers sections with their owner annotation', async () => {
    const uri = path('sections.prd.md');
    writeFileSync(uri.fsPath, `${SPEC}## `);
    await open(uri);
    const items = await completions(uri, new vscode.Position(10, 3), ' ');
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
