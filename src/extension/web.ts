// The extension's `browser` entry (dist/web/extension.js, for VS Code's web worker extension host), and
// the client code the desktop entry (main.ts, dist/extension.js) loads from this same file: the VSIX
// carries the language client once.
import type * as vscode from 'vscode';
import { activateWith, deactivate, type SpecRolesApi } from './extension';
import { workerServer } from './server-web';

export function activate(context: vscode.ExtensionContext): SpecRolesApi {
  return activateWith(context, (log) => workerServer(context, log));
}

export { activateWith, deactivate };
