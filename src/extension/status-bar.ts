// The status bar item: the active spec's sections counted by expected owner ("PM 4 · PMM 1"), as the
// server says after each lint; a click shows the ownership summary.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../server/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specroles.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, DocumentStatus | null>();

  constructor() {
    this.item.name = 'Spec Roles';
    this.item.command = 'specroles.showSummary';
    this.item.tooltip = 'Spec Roles: sections by expected owner — click for the summary';
  }

  /** The server linted `uri` (or found it is not a spec: null). */
  set(uri: string, status: DocumentStatus | null): void {
    if (status) this.statuses.set(uri, status);
    else this.statuses.delete(uri);
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri) this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && this.statuses.get(doc.uri.toString());
    if (!status) return this.item.hide();
    this.item.text = `$(organization) ${status.text}`;
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
