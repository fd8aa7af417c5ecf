// Runs the extension-host suite (dist/test/host/suite/index.js, the same one `npm run test:host` runs in
// code-server) in desktop VS Code through @vscode/test-electron: for developers and CI machines that can
// download VS Code (this downloads it from update.code.visualstudio.com into .vscode-test/ on first use).
//
//   npm run test:electron [-- <workspace-folder>]
//
// Environment: SPECROLES_VSCODE_VERSION ('stable', 'insiders' or e.g. '1.100.3'; default: the minimum from
// package.json engines.vscode), SPECROLES_HOST_GREP (mocha grep inside the extension host).
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import pkg from '../../package.json';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const workspace = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'test', 'fixtures', 'workspace'));
  const version = process.env.SPECROLES_VSCODE_VERSION || pkg.engines.vscode.replace(/^[\^~>=\s]+/, '');
  return runTests({
    version,
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: process.env.SPECROLES_HOST_GREP ? { SPECROLES_HOST_GREP: process.env.SPECROLES_HOST_GREP } : {},
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('test:electron failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
