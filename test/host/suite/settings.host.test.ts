// Settings and timing in the real extension host: run on save, CodeLens off, and a burst of edits that
// must end in the diagnostics of the last text (stale lints are dropped, never shown).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, fixture, open, ruleOf, sleep } from './support';

const FOLDER = 'settings-tmp';
const SPEC = '# Checkout\n\n## Problem\n\nSlow checkout.\n\n## Messaging <!-- owner: pmm -->\n\nOne checkout.\n';

/** Sets workspace settings for one test and puts everything back (including a .vscode folder it made). */
async function withSettings(values: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const settingsDir = fixture('.vscode').fsPath;
  const hadSettings = existsSync(settingsDir);
  const config = vscode.workspace.getConfiguration('specroles');
  try {
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    await body();
  } finally {
    for (const key of Object.keys(values)) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    if (!hadSettings) rmSync(settingsDir, { recursive: true, force: true });
  }
}

const mismatches = (ds: vscode.Diagnostic[]) => ds.filter((d) => ruleOf(d) === 'section-owner-mismatch');

describe('settings and timing', function () {
  this.timeout(60_000);
  const folder = () => fixture(FOLDER).fsPath;
  before(() => mkdirSync(folder(), { recursive: true }));
  after(() => rmSync(folder(), { recursive: true, force: true }));
  afterEach(closeAll);

  it('specroles.run = onSave: typing changes nothing until the file is saved', async () => {
    const uri = fixture(`${FOLDER}/on-save.prd.md`);
    writeFileSync(uri.fsPath, SPEC);
    await withSettings({ run: 'onSave' }, async () => {
      const editor = await open(uri);
      await diagnosticsWhen(uri, (ds) => mismatches(ds).length === 0 && ds.length > 0, 'the first lint, on open');
      const at = editor.document.getText().indexOf('pmm -->');
      await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 3)), 'pm'));
      await sleep(800); // well past the debounce: on type it would have linted by now
      assert.equal(mismatches(vscode.languages.getDiagnostics(uri)).length, 0, 'not linted while typing');
      await editor.document.save();
      await diagnosticsWhen(uri, (ds) => mismatches(ds).length === 1, 'the mismatch, after saving');
    });
  });

  it('specroles.codeLens = false: no lenses; back on: lenses again', async () => {
    const uri = fixture(`${FOLDER}/lens.prd.md`);
    writeFileSync(uri.fsPath, SPEC);
    await open(uri);
    await diagnosticsWhen(uri, (ds) => ds.length > 0, 'diagnostics');
    const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).filter((l) => l.command?.command === 'specroles.showSummary');
    assert.ok((await lenses()).length >= 2);
    await withSettings({ codeLens: false }, async () => {
      assert.equal((await lenses()).length, 0);
    });
    assert.ok((await lenses()).length >= 2);
  });

  it('a burst of edits faster than the debounce ends in the diagnostics of the last text', async () => {
    const uri = fixture(`${FOLDER}/burst.prd.md`);
    writeFileSync(uri.fsPath, SPEC);
    const editor = await open(uri);
    await diagnosticsWhen(uri, (ds) => ds.length > 0, 'diagnostics');
    // Flip the Messaging owner between pm and pmm twenty times, 20 ms apart; it ends as pm (a mismatch).
    for (let i = 0; i < 20; i++) {
      const text = editor.document.getText();
      const from = text.indexOf('<!-- owner: ') + '<!-- owner: '.length;
      const to = text.indexOf(' -->', from);
      await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(from), editor.document.positionAt(to)), i % 2 ? 'pmm' : 'pm'));
      await sleep(20);
    }
    // 20 edits: the last (i = 19) wrote pmm, so no mismatch; then one more to end on pm.
    const text = editor.document.getText();
    const from = text.indexOf('<!-- owner: pmm') + '<!-- owner: '.length;
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(from), editor.document.positionAt(from + 3)), 'pm'));
    const ds = await diagnosticsWhen(uri, (d) => mismatches(d).length === 1, 'the mismatch of the last text', 8000, 600);
    assert.equal(mismatches(ds)[0]!.range.start.line, 6);
  });
});
