// The extension-host side of `npm run test:host` (and of `npm run test:electron`): VS Code loads this
// module (extensionTestsPath = dist/test/host/suite/index.js) inside the extension host and calls run().
// It runs every *.host.test.js bundled next to it with mocha, inside the real extension host, with the real
// `vscode` API.
//
// `mocha` is external to the bundle: it resolves at run time from the project's node_modules, walking up from
// dist/test/host/suite/. Mocha 12 is an ES module; require() of it works on Node >= 20.19, which is what the
// extension host runs on (code-server runs on the machine's Node).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import MochaImport from 'mocha';

/**
 * Printed before and after the mocha run. The workbench hands the extension host's console to the driver
 * (codeAutomationLog) mixed with its own log; run-extension-tests.ts streams what lies between the two
 * markers and reads the counts from the last one.
 */
export const BEGIN_MARKER = 'SPECROLES_HOST_BEGIN';
export const RESULT_MARKER = 'SPECROLES_HOST_RESULT';

// Depending on how the ES module is required, the default import is the Mocha class or the module namespace;
// both carry the class as the named export `Mocha` as well.
const Mocha: typeof MochaImport = (MochaImport as unknown as { Mocha?: typeof MochaImport }).Mocha ?? MochaImport;

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 20_000,
    // SPECROLES_HOST_GREP reaches the extension host through code-server's environment.
    ...(process.env.SPECROLES_HOST_GREP ? { grep: process.env.SPECROLES_HOST_GREP } : {}),
  });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.host.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.host.test.js next to ${__filename}; build with node esbuild.mjs --tests`);
  for (const file of files) mocha.addFile(join(__dirname, file));

  console.log(BEGIN_MARKER);
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const counts = { passed: stats?.passes ?? 0, failed: stats?.failures ?? failures, pending: stats?.pending ?? 0 };
        console.log(`${RESULT_MARKER} ${JSON.stringify(counts)}`);
        if (failures > 0) reject(new Error(`${failures} host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading.
      console.error('failed to load the host tests:', error);
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: 0, failed: 1, pending: 0 })}`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
