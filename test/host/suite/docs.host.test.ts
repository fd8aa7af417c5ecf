// The docs the extension bundles, opened offline in VS Code's Markdown preview (issue 16, item 9): "Show
// documentation for RULE" opens the rule's page from the extension's own files, not a web address, and
// hover citations are trusted command links to the guideline's entry on the bundled guidelines page.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, EXTENSION_ID, openUntitled, ruleOf, sleep } from './support';

const DRIFTING_SPEC = '## Requirements\n\nThe API answers in 200 ms.\n\n- Launch with a tagline on the landing page.\n- Run a campaign and send a press release.\n';

/** The Markdown preview tabs open now, by label ("Preview content-owner-drift.md"). */
function previewTabs(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType))
    .map((t) => t.label);
}

async function previewOpened(label: string): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!previewTabs().includes(label)) {
    if (Date.now() > deadline) assert.fail(`no Markdown preview "${label}"; preview tabs: ${JSON.stringify(previewTabs())}`);
    await sleep(50);
  }
}

describe('Spec Roles extension: bundled docs, offline', function () {
  afterEach(closeAll);

  it('"Show documentation" opens the bundled rule page in the Markdown preview', async () => {
    const editor = await openUntitled('markdown', DRIFTING_SPEC);
    const uri = editor.document.uri;
    const [d] = (await diagnosticsWhen(uri, (ds) => ds.some((x) => ruleOf(x) === 'content-owner-drift'), 'the drift')).filter((x) => ruleOf(x) === 'content-owner-drift');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
    const docs = actions.find((a) => a.title === 'Show documentation for content-owner-drift');
    assert.ok(docs?.command, actions.map((a) => a.title).join(' | '));
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>(docs.command.command, ...(docs.command.arguments ?? []));
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(opened?.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'content-owner-drift.md').toString(), 'the extension\'s own file, not a web address');
    await previewOpened('Preview content-owner-drift.md');
  });

  it('hover citations are trusted links that open the guideline on the bundled guidelines page', async () => {
    const editor = await openUntitled('markdown', DRIFTING_SPEC);
    const uri = editor.document.uri;
    const [d] = (await diagnosticsWhen(uri, (ds) => ds.some((x) => ruleOf(x) === 'content-owner-drift'), 'the drift')).filter((x) => ruleOf(x) === 'content-owner-drift');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d!.range.start);
    const markdown = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const citing = markdown.find((m) => m.value.includes('cites:'));
    assert.ok(citing, JSON.stringify(markdown.map((m) => m.value)));
    const link = /\]\((command:specroles\.openDocs\?[^)]+)\)/.exec(citing.value.slice(citing.value.indexOf('cites:')))?.[1];
    assert.ok(link, `a command link in: ${citing.value}`);
    const trusted = citing.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.includes('specroles.openDocs'), `isTrusted: ${JSON.stringify(trusted)}`);
    // What clicking the link runs.
    const args = JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))) as string[];
    assert.equal(args[0], 'docs/guidelines.md');
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('specroles.openDocs', ...args);
    assert.equal(opened?.fragment, args[1]);
    await previewOpened('Preview guidelines.md');
  });

  it('never lints the bundled docs, opened in an editor (they read like specs, but are not the user\'s)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'guidelines.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    // A user's spec opened after it is linted: the server has had its chance at the page too.
    const spec = await openUntitled('markdown', DRIFTING_SPEC);
    await diagnosticsWhen(spec.document.uri, (ds) => ds.some((x) => ruleOf(x) === 'content-owner-drift'), 'the spec\'s drift');
    await sleep(500);
    assert.deepEqual(vscode.languages.getDiagnostics(page).map((x) => x.message), []);
  });

  it('opens nothing outside the bundled docs', async () => {
    assert.equal(await vscode.commands.executeCommand('specroles.openDocs', '../package.json'), undefined);
    assert.equal(await vscode.commands.executeCommand('specroles.openDocs', 'dist/extension.js'), undefined);
  });
});
