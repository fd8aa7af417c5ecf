// Makes a deliberately broken copy of the VSIX, to show that the UI test (run-e2e.ts) catches a broken
// extension: unpacks it into a temp folder, unregisters one provider in extension/dist/web/extension.js
// (the language client, which the desktop entry runs too; the registration call becomes a function
// returning an empty disposable), and packs it again. src/ and the original VSIX are untouched. Needs the
// `unzip` and `zip` commands.
//
//   node dist/test/host/e2e/patch-vsix.js <in.vsix> <out.vsix> --without hover|codeActions|codeLens
//   node dist/test/host/e2e/run-e2e.js --vsix <out.vsix>      # the matching step must fail
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REGISTRATIONS: Record<string, string> = {
  hover: 'registerHoverProvider',
  codeActions: 'registerCodeActionsProvider',
  codeLens: 'registerCodeLensProvider',
};

function main(): void {
  const [input, output, flag, what] = process.argv.slice(2);
  const api = what ? REGISTRATIONS[what] : undefined;
  if (!input || !output || flag !== '--without' || !api) {
    console.error(`usage: node dist/test/host/e2e/patch-vsix.js <in.vsix> <out.vsix> --without ${Object.keys(REGISTRATIONS).join('|')}`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'specroles-patch-vsix-'));
  try {
    execFileSync('unzip', ['-q', resolve(input), '-d', dir]);
    const bundle = join(dir, 'extension', 'dist', 'web', 'extension.js');
    const code = readFileSync(bundle, 'utf8');
    // Minified or not: `<ns>.languages.registerHoverProvider(` → `((..._)=>({dispose(){}}))(`.
    const pattern = new RegExp(`[\\w$]+\\.languages\\.${api}\\(`, 'g');
    const hits = code.match(pattern) ?? [];
    if (hits.length !== 1) throw new Error(`expected one call of languages.${api} in ${bundle}, found ${hits.length}`);
    writeFileSync(bundle, code.replace(pattern, '((..._)=>({dispose(){}}))('));
    rmSync(resolve(output), { force: true });
    execFileSync('zip', ['-q', '-r', '-X', resolve(output), '.'], { cwd: dir });
    console.log(`${output}: ${input} with languages.${api} unregistered (was: ${hits[0]}…)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
