// Runs the extension-host suite (dist/test/host/suite/index.js, the same one `npm run test:host` runs in
// code-server) in desktop VS Code through @vscode/test-electron: for developers and CI machines that can
// download VS Code (from update.code.visualstudio.com, on first use, into the same cache folder as
// .ci/install-host.sh uses: ${SPECROLES_CACHE:-~/.cache/specroles}/vscode-test, not the project tree).
//
//   npm run test:electron [-- <workspace-folder>]
//
// Environment: SPECROLES_VSCODE_VERSION ('stable', 'insiders' or e.g. '1.100.3'; default: the minimum from
// package.json engines.vscode), SPECROLES_HOST_GREP (mocha grep inside the extension host).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { engines } from '../../package.json';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const workspace = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'test', 'fixtures', 'workspace'));
  const version = process.env.SPECROLES_VSCODE_VERSION || engines.vscode.replace(/^[\^~>=\s]+/, '');
  return runTests({
    version,
    cachePath: join(process.env.SPECROLES_CACHE || join(homedir(), '.cache', 'specroles'), 'vscode-test'),
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
