// The "Spec Roles: …" commands: the quick picks, editors and messages are here; what to offer and what to
// insert come from the server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient/browser';
import { COMMANDS, type OwnershipSummary } from '../server/protocol';
import type { DocTypeChoice, KindChoice, OwnerGroup } from '../editor';
import { logCaught } from './caught';
import { OPEN_DOCS, openBundledDoc } from './docs';

interface Catalogue {
  kinds: { group: OwnerGroup; kinds: KindChoice[] }[];
  docTypes: DocTypeChoice[];
}

interface KindItem extends vscode.QuickPickItem {
  id?: string;
}

/** `workspaceLinted`: told when "Lint workspace specs" is done (the readiness view lists the specs it read). */
export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, log: vscode.LogOutputChannel, workspaceLinted: () => void = () => {}): void {
  const server = <T>(command: string, ...args: unknown[]) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
  const register = <A extends unknown[]>(id: string, run: (...args: A) => Promise<unknown>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: A) => {
        try {
          return await run(...args);
        } catch (error) {
          logCaught(log, id, error);
          void vscode.window.showErrorMessage(`Spec Roles: ${id} failed; see the "Spec Roles" output.`);
          return undefined;
        }
      }),
    );

  // [path, anchor?]: a bundled doc in the Markdown preview (hover citations and "Show documentation" run it).
  register(OPEN_DOCS, (path: unknown, anchor?: unknown) => openBundledDoc(context.extensionUri, path, anchor));

  register('specroles.generateStub', async (kindIds?: string[]) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('Spec Roles: open a Markdown or YAML spec first.');
    const uri = editor.document.uri.toString();
    let ids: string[];
    if (Array.isArray(kindIds)) ids = kindIds.map(String);
    else {
      const catalogue = await server<Catalogue>(COMMANDS.catalogue, uri);
      const items: KindItem[] = catalogue.kinds.flatMap(({ group, kinds }) => [
        { label: group, kind: vscode.QuickPickItemKind.Separator },
        ...kinds.map((k) => ({ label: k.name, description: k.owner, detail: k.hint, id: k.id })),
      ]);
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Generate PM/PMM section stub', matchOnDetail: true });
      if (!picked?.length) return;
      ids = picked.map((p) => p.id).filter((id): id is string => id !== undefined);
    }
    if (!ids.length) return;
    const { line, character } = editor.selection.active;
    await server<boolean>(COMMANDS.insertStubs, uri, { line, character }, ids);
  });

  register('specroles.newFromTemplate', async (typeId?: string) => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    let type = typeof typeId === 'string' ? typeId : undefined;
    if (!type) {
      const { docTypes } = await server<Catalogue>(COMMANDS.catalogue, folder ? `${folder}/` : undefined);
      const picked = await vscode.window.showQuickPick(
        docTypes.map((t) => ({ label: t.name, description: `${t.id} · ${t.owner}`, id: t.id })),
        { title: 'New spec from template' },
      );
      if (!picked) return;
      type = picked.id;
    }
    const content = await server<string | null>(COMMANDS.template, type, folder);
    if (content === null) return void vscode.window.showInformationMessage(`Spec Roles: no document type "${type}".`);
    // The empty file in front of the user is filled; otherwise the template opens in a new tab.
    const active = vscode.window.activeTextEditor;
    if (active && !active.document.getText().trim() && active.document.languageId === 'markdown') {
      const text = active.document.eol === vscode.EndOfLine.CRLF ? content.replace(/\n/g, '\r\n') : content;
      await active.edit((b) => b.replace(new vscode.Range(0, 0, active.document.lineCount, 0), text));
      return active.document;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    return doc;
  });

  register('specroles.lintFile', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return undefined;
    return (await server<number | null>(COMMANDS.lintFile, doc.uri.toString())) ?? undefined;
  });

  register('specroles.lintWorkspace', async () => {
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Spec Roles: linting specs' }, () =>
      server<{ files: number; findings: number }>(COMMANDS.lintWorkspace),
    );
    workspaceLinted();
    void vscode.window.showInformationMessage(`Spec Roles: ${outcome.files} spec(s) linted, ${outcome.findings} finding(s). See the Problems panel.`);
    return outcome;
  });

  register('specroles.showSummary', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const summary = await server<OwnershipSummary | null>(COMMANDS.summary, editor.document.uri.toString());
    if (!summary) return void vscode.window.showInformationMessage('Spec Roles: this file is not a spec (run "Lint this file" to lint it anyway).');
    const picked = await vscode.window.showQuickPick(summary.items, { title: summary.title });
    if (picked) {
      const at = new vscode.Position(picked.line, 0);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    }
  });
}
