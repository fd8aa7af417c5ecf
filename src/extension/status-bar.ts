// The status bar item: the active spec's sections counted by expected owner ("PM 4 · PMM 1"), as the
// server says after each lint; a click shows the ownership summary.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../server/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specroles.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, DocumentStatus | null>();
  private visible = false;

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

  /**
   * Shows the active document's status. Only what changed is set: each setting is a message to the
   * workbench, which redraws the status bar, and the server sends the status after every lint, while typing too.
   */
  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && this.statuses.get(doc.uri.toString());
    if (!status) {
      if (this.visible) this.item.hide();
      this.visible = false;
      return;
    }
    const text = `$(organization) ${status.text}`;
    if (this.item.text !== text) this.item.text = text;
    if (!this.visible) this.item.show();
    this.visible = true;
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
