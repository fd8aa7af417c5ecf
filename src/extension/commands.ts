// The "Spec Roles: …" commands.
import * as vscode from 'vscode';
import { logCaught } from './caught';
import type { Catalogue, CompiledKind } from '../core';
import { engine } from './engine';
import { ownerCounts } from './features';
import { DEFAULT_SPEC_FILES } from '../core/spec-files';
import { Linter } from './linter';

type Group = 'PM' | 'PMM' | 'Shared' | 'Others';

function groupOf(kind: CompiledKind, catalogue: Catalogue): Group {
  const roles = new Set(kind.owner.flatMap((r) => catalogue.roles.get(r)?.members ?? [r]));
  if (roles.size === 1 && roles.has('pm')) return 'PM';
  if (roles.size === 1 && roles.has('pmm')) return 'PMM';
  if (roles.has('pm') && roles.has('pmm')) return 'Shared';
  return 'Others';
}

interface KindItem extends vscode.QuickPickItem {
  sectionKind?: CompiledKind;
}

export function registerCommands(context: vscode.ExtensionContext, linter: Linter): void {
  const log = linter.log;
  const wrap =
    <A extends unknown[]>(name: string, run: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        logCaught(log, name, error);
        void vscode.window.showErrorMessage(`Spec Roles: ${name} failed; see the "Spec Roles" output.`);
        return undefined;
      }
    };

  const register = <A extends unknown[]>(id: string, run: (...args: A) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, wrap(id, run)));

  register('specroles.generateStub', async (kindIds?: string[]) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('Spec Roles: open a Markdown or YAML spec first.');
    const doc = editor.document;
    const { config } = await linter.configFor(doc.uri);
    const catalogue = engine().catalogueFor(config);
    let kinds: CompiledKind[];
    if (Array.isArray(kindIds)) {
      kinds = kindIds.map((id) => catalogue.kinds.get(id)).filter((k): k is CompiledKind => !!k);
    } else {
      const groups: Record<Group, KindItem[]> = { PM: [], PMM: [], Shared: [], Others: [] };
      for (const kind of catalogue.kinds.values()) {
        groups[groupOf(kind, catalogue)].push({ label: kind.name, description: engine().describeRoles(catalogue, kind.owner), detail: kind.hint, sectionKind: kind });
      }
      const items: KindItem[] = [];
      for (const [group, list] of Object.entries(groups)) {
        if (!list.length) continue;
        items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
        items.push(...list);
      }
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Generate PM/PMM section stub', matchOnDetail: true });
      if (!picked?.length) return;
      kinds = picked.map((p) => p.sectionKind).filter((k): k is CompiledKind => !!k);
    }
    if (!kinds.length) return;
    const format = doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri.path) ? 'yaml' : 'markdown';
    const position = editor.selection.active;
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    let depth = 2;
    let indent = '  ';
    for (let line = position.line; line >= 0; line--) {
      const text = doc.lineAt(line).text;
      const heading = format === 'markdown' ? /^(#{1,6})\s/.exec(text) : /^(\s*)- title\s*:/.exec(text);
      if (heading) {
        if (format === 'markdown') depth = Math.max(2, heading[1]!.length);
        else indent = heading[1]!;
        break;
      }
    }
    let text = engine().renderStubs(kinds, format, { depth, indent, eol });
    const lineText = doc.lineAt(position.line).text;
    if (format === 'yaml') {
      // YAML items start at column 0 with their indentation; insert at the line start.
      const at = lineText.trim() ? doc.lineAt(position.line).range.end : new vscode.Position(position.line, 0);
      if (lineText.trim()) text = eol + text.replace(/\r?\n$/, '');
      await editor.edit((b) => b.insert(at, text));
    } else {
      // A heading needs a blank line above it: after text on this line, or right below a paragraph.
      if (position.character > 0) text = eol + eol + text;
      else if (position.line > 0 && doc.lineAt(position.line - 1).text.trim()) text = eol + text;
      await editor.edit((b) => b.insert(position, text));
    }
  });

  register('specroles.newFromTemplate', async (typeId?: string) => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const { config } = folder ? await linter.configFor(vscode.Uri.joinPath(folder.uri, 'x')) : { config: {} };
    const catalogue = engine().catalogueFor(config);
    let type = typeof typeId === 'string' ? catalogue.docTypes.get(typeId) : undefined;
    if (!type) {
      const picked = await vscode.window.showQuickPick(
        [...catalogue.docTypes.values()].map((t) => ({ label: t.name, description: `${t.id} · ${engine().describeRoles(catalogue, t.owner)}`, type: t })),
        { title: 'New spec from template' },
      );
      if (!picked) return;
      type = picked.type;
    }
    // The empty file in front of the user is filled; otherwise the template opens in a new tab.
    const active = vscode.window.activeTextEditor;
    if (active && !active.document.getText().trim() && active.document.languageId === 'markdown') {
      const eol = active.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const content = engine().renderTemplate(catalogue, type, { eol });
      await active.edit((b) => b.replace(new vscode.Range(0, 0, active.document.lineCount, 0), content));
      return active.document;
    }
    const content = engine().renderTemplate(catalogue, type);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    return doc;
  });

  register('specroles.lintFile', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return;
    const linted = await linter.lintDocument(doc, true);
    if (linted) log.info(`${doc.uri.toString()}: ${linted.result.findings.length} finding(s)`);
    return linted?.result.findings.length;
  });

  register('specroles.lintWorkspace', async () => {
    const include = vscode.workspace.getConfiguration('specroles').get<string[]>('files.include') ?? DEFAULT_SPEC_FILES;
    const uris = new Map<string, vscode.Uri>();
    for (const glob of include) for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', 2000)) uris.set(uri.toString(), uri);
    let findings = 0;
    let files = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Spec Roles: linting specs' }, async () => {
      for (const uri of uris.values()) {
        const doc = await vscode.workspace.openTextDocument(uri);
        const linted = await linter.lintDocument(doc);
        if (linted) {
          files++;
          findings += linted.result.findings.length;
        }
      }
    });
    void vscode.window.showInformationMessage(`Spec Roles: ${files} spec(s) linted, ${findings} finding(s). See the Problems panel.`);
    return { files, findings };
  });

  register('specroles.showSummary', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const linted = await linter.current(editor.document);
    if (!linted) return void vscode.window.showInformationMessage('Spec Roles: this file is not a spec (run "Lint this file" to lint it anyway).');
    const { analysis } = linted.result;
    const catalogue = analysis.catalogue;
    const items = analysis.sections.map((s) => ({
      label: `${'  '.repeat(s.section.depth - 1)}${s.section.title}`,
      description: s.kind ? `${engine().describeRoles(catalogue, s.expected)} · ${s.kind.name}` : 'unknown kind',
      detail: s.declared && s.kind && s.declared.roles.join() !== s.expected.join() ? `declared: ${engine().spellRoles(catalogue, s.declared.roles)}` : undefined,
      line: s.section.headingRange.start.line - 1,
    }));
    const docOwner = analysis.docOwner.roles.length ? `${engine().describeRoles(catalogue, analysis.docOwner.roles)} (${analysis.docOwner.via})` : 'unknown';
    const picked = await vscode.window.showQuickPick(items, { title: `Ownership: ${ownerCounts(linted) || 'no known sections'} — document owner ${docOwner}` });
    if (picked) {
      const at = new vscode.Position(picked.line, 0);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    }
  });
}
