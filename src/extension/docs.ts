// The docs the VSIX bundles (docs/rules/*.md, docs/guidelines.md), opened in VS Code's Markdown preview
// from the extension's own files: offline, and on the web host too (the extension's URI, not a path).
// The server's hover citations and "Show documentation" action run OPEN_DOCS with [path, anchor?].
import * as vscode from 'vscode';

export const OPEN_DOCS = 'specroles.openDocs';

/** Only the bundled Markdown docs: a hover's command link names a path, and nothing else may be opened by it. */
const BUNDLED_DOC = /^docs\/(?:rules\/)?[a-z0-9-]+\.md$/;

/** The bundled doc's URI, its anchor as the fragment (the preview scrolls to it); undefined for anything else. */
export function bundledDoc(extensionUri: vscode.Uri, path: string, anchor?: string): vscode.Uri | undefined {
  if (!BUNDLED_DOC.test(path)) return undefined;
  const uri = vscode.Uri.joinPath(extensionUri, ...path.split('/'));
  return anchor ? uri.with({ fragment: anchor }) : uri;
}

export async function openBundledDoc(extensionUri: vscode.Uri, path: unknown, anchor?: unknown): Promise<vscode.Uri | undefined> {
  const uri = typeof path === 'string' ? bundledDoc(extensionUri, path, typeof anchor === 'string' ? anchor : undefined) : undefined;
  if (!uri) return undefined;
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

/** Hovers may run OPEN_DOCS from their links, and nothing else. */
export function trustDocLinks(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
  for (const content of hover?.contents ?? []) if (content instanceof vscode.MarkdownString) content.isTrusted = { enabledCommands: [OPEN_DOCS] };
  return hover;
}
