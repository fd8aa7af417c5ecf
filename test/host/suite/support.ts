// What the host test files share: the fixture workspace, waiting for diagnostics, opening and closing editors.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { name, publisher } from '../../../package.json';

export const EXTENSION_ID = `${publisher}.${name}`;
export const root = () => vscode.workspace.workspaceFolders![0]!.uri;
export const fixture = (path: string) => vscode.Uri.joinPath(root(), path);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specroles');
export const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Waits until `test` holds for specroles' diagnostics on `uri` and they stay the same for `settleMs`. */
export async function diagnosticsWhen(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 8000, settleMs = 250): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  let stableSince = 0;
  let last = '';
  for (;;) {
    const ds = ours(uri);
    const key = JSON.stringify(ds.map((d) => [ruleOf(d), d.range, d.severity, d.message]));
    if (test(ds)) {
      if (key !== last) stableSince = Date.now();
      if (Date.now() - stableSince >= settleMs) return ds;
    }
    last = key;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what} on ${uri.toString()}; have ${key}`);
    await sleep(50);
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/**
 * A new untitled document holding `content`, under a name of its own. openTextDocument({ content }) names
 * it Untitled-N, reusing the name of one a test just closed; code-server then told the extension host
 * (and so the server) of the new one as empty, with no change to follow, about 3 runs in 4 once lints got
 * faster (the drift test, right after the docs tests). A fresh name and the content as an edit avoid it.
 */
export async function openUntitled(language: 'markdown' | 'yaml', content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `test-${++untitledCount}.${language === 'yaml' ? 'yaml' : 'md'}` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (editor.document.languageId !== language) await vscode.languages.setTextDocumentLanguage(editor.document, language);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), content));
  return editor;
}

let untitledCount = 0;

export async function closeAll(): Promise<void> {
  // Untitled test documents are thrown away unsaved.
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled || editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

