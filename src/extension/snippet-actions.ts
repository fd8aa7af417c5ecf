// Quick fixes the server marks as snippets (SnippetData in their `data`): "Disable … for this section" with
// its reason selected, "Add a … section" with the cursor in the new section's body. The server's plain edit
// is what other clients (Neovim) apply; here it becomes the same text as a snippet edit, which VS Code
// inserts in the active editor in snippet mode: the placeholder selected and revealed.
import * as vscode from 'vscode';
import type { SnippetData } from '../server/protocol';

function snippetOf(action: vscode.CodeAction): SnippetData['snippet'] | undefined {
  // vscode-languageclient keeps the protocol's `data` on the code action it converts.
  const data = (action as { data?: unknown }).data as Partial<SnippetData> | undefined;
  const snippet = data?.snippet;
  return snippet && typeof snippet.text === 'string' && typeof snippet.uri === 'string' && snippet.range ? snippet : undefined;
}

/** The action with its edit as a snippet edit, where the server offers one; otherwise as it came. */
export function withSnippetEdit<T extends vscode.CodeAction | vscode.Command>(action: T): T {
  if (!(action instanceof vscode.CodeAction) || !action.edit) return action;
  const snippet = snippetOf(action);
  if (!snippet) return action;
  const { start, end } = snippet.range;
  const edit = new vscode.SnippetTextEdit(new vscode.Range(start.line, start.character, end.line, end.character), new vscode.SnippetString(snippet.text));
  // The server's text is indented as it must be (YAML): VS Code must not indent it again.
  edit.keepWhitespace = true;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(vscode.Uri.parse(snippet.uri), [edit]);
  return action;
}
