// Smoke test, run inside the real extension host: the extension is there and activates.
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../../package.json';

/** publisher.name, the id VS Code knows the extension by. */
const EXTENSION_ID = `${publisher}.${name}`;

describe('extension host smoke', () => {
  it(`${EXTENSION_ID} is present and activates`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // The development copy of this project, not some installed VSIX.
    const projectRoot = join(__dirname, '..', '..', '..', '..');
    assert.equal(realpathSync(extension.extensionUri.fsPath), realpathSync(projectRoot));
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
