// PLACEHOLDER, to be replaced by the real extension: just enough for the extension host to load and
// activate the bundle (dist/extension.js) so the host test harness (test/host/) has something to run.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Registers nothing yet.
}

export function deactivate(): void {
  // Nothing to release.
}
