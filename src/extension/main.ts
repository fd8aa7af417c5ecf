// The extension's `main` entry (dist/extension.js, for the Node extension host). The client itself is
// required at run time from dist/web/extension.js (esbuild.mjs), the `browser` entry, so it ships once;
// only how the server starts differs (server-node.ts).
import type * as vscode from 'vscode';
import * as client from './web';
import type { SpecRolesApi } from './extension';
import { processServer } from './server-node';

export function activate(context: vscode.ExtensionContext): SpecRolesApi {
  return client.activateWith(context, (log) => processServer(context, log));
}

export const deactivate = client.deactivate;
