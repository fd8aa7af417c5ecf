// The npm package as a user gets it: `npm pack` (prepack builds the production bundles and the API's
// declarations), installed into an empty folder with the network off and an empty npm cache (so the
// package must need nothing else), then its `specroles` command, `require('specroles')`,
// `import('specroles')` and its TypeScript declarations are used from that folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { projectRoot } from '../support/paths';

/** The budget for the packed tarball. */
const MAX_PACKED_BYTES = 400 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const SPEC = `---
type: prd
---
# Checkout

## Problem

Shoppers abandon carts at the payment step.

## Requirements

1. Offer Apple Pay and Google Pay on the payment step.

## Timeline

Beta in May, general availability in June.

## Messaging <!-- owner: pm -->

Our tagline: pay in one tap.
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('npm package: packed, installed offline, used', function () {
  this.timeout(300000);
  let root = '';
  let consumer = '';
  let env: NodeJS.ProcessEnv = {};
  let packed: { filename: string; size: number; files: { path: string }[] };
  const run = (command: string, args: string[], options: SpawnSyncOptions = {}): Run => {
    const r = spawnSync(command, args, { cwd: consumer, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    if (r.error) throw r.error;
    return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const ok = (r: Run, what: string) => assert.equal(r.code, 0, `${what} exited with ${r.code}:\n${r.stderr}${r.stdout}`);

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'specroles-package-'));
    consumer = join(root, 'consumer');
    mkdirSync(consumer);
    mkdirSync(join(root, 'pack'));
    // An empty cache: an install that needs anything from a registry fails offline.
    env = { ...process.env, npm_config_cache: join(root, 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (/^npm_(lifecycle|package)_/.test(key)) delete env[key];

    const pack = run(npm, ['pack', '--json', '--pack-destination', join(root, 'pack')], { cwd: projectRoot });
    ok(pack, 'npm pack');
    packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    ok(run(npm, ['install', '--offline', '--no-audit', '--no-fund', join(root, 'pack', packed.filename)]), 'npm install --offline');
    writeFileSync(join(consumer, 'checkout.prd.md'), SPEC);
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    // prepack left production bundles in dist/; the rest of the suite expects the development build.
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it(`is at most ${MAX_PACKED_BYTES / 1024} KB packed and ships the CLI, the language server, the API and its declarations only`, () => {
    assert.ok(packed.size <= MAX_PACKED_BYTES, `${packed.size} bytes packed`);
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['dist/cli.js', 'dist/server.js', 'dist/api.js', 'dist/api.mjs', 'dist/api.d.ts', 'dist/api.d.mts', 'dist/types/api/index.d.ts', 'schemas/config.schema.json', 'docs/api.md', 'docs/editors.md', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(files.includes(f), `ships ${f}`);
    }
    assert.deepEqual(files.filter((f) => /\.map$|extension\.js$|^src\/|^test\//.test(f)), []);
  });

  it('has no runtime dependencies: nothing but itself is installed', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'specroles', 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages).filter(Boolean), ['node_modules/specroles']);
  });

  it('runs the installed `specroles` command (npx --offline and node_modules/.bin)', () => {
    const version = run(npx, ['--offline', 'specroles', '--version']);
    ok(version, 'npx specroles --version');
    assert.equal(version.stdout.trim(), packed.filename.replace(/^specroles-|\.tgz$/g, ''));
    const lint = run(join(consumer, 'node_modules', '.bin', 'specroles'), ['checkout.prd.md']);
    assert.equal(lint.code, 0, lint.stderr); // warnings only
    assert.match(lint.stdout, /^checkout\.prd\.md\n {2}18:26 +warning +Section "Messaging" is declared as owned by PM.*section-owner-mismatch/m);
    assert.match(lint.stdout, /1 problem \(0 errors, 1 warning, 0 infos\)/);
    const strict = run(npx, ['--offline', 'specroles', 'checkout.prd.md', '--max-warnings', '0', '--format', 'json']);
    assert.equal(strict.code, 1);
    assert.equal(JSON.parse(strict.stdout)[0].messages[0].ruleId, 'section-owner-mismatch');
  });

  it('runs the installed `specroles-ls` language server: initialize over stdio, diagnostics for a file', async () => {
    const bin = join(consumer, 'node_modules', '.bin', 'specroles-ls');
    const child = spawn(bin, ['--stdio'], { cwd: consumer, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          if (p.diagnostics.length) resolve(p);
        });
      });
      connection.onRequest('workspace/configuration', () => [null]);
      connection.listen();
      const root = pathToFileURL(consumer).href;
      const init = await connection.sendRequest<{ serverInfo?: { name: string; version: string } }>('initialize', { processId: process.pid, rootUri: root, capabilities: {} });
      assert.equal(init.serverInfo?.name, 'specroles-ls');
      assert.equal(init.serverInfo?.version, packed.filename.replace(/^specroles-|\.tgz$/g, ''));
      await connection.sendNotification('initialized', {});
      const uri = `${root}/checkout.prd.md`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SPEC } });
      const published = await diagnostics;
      assert.equal(published.uri, uri);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]), [['section-owner-mismatch', 18, 26]]);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
      assert.equal(code, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it("require('specroles') and import('specroles') give the API", () => {
    const script = (load: string) => `${load}
  const r = api.lintText(require('node:fs').readFileSync('checkout.prd.md', 'utf8'), { filePath: 'checkout.prd.md' });
  console.log(JSON.stringify({ ids: r.messages.map((m) => m.ruleId), warnings: r.warningCount, rules: api.rules.length, kinds: api.kinds.length > 30, fns: ['lintFiles', 'loadConfig', 'fixText', 'applyFixes', 'format'].every((f) => typeof api[f] === 'function') }));
`;
    writeFileSync(join(consumer, 'use.cjs'), script("const api = require('specroles');"));
    writeFileSync(join(consumer, 'use.mjs'), script("import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst api = await import('specroles');"));
    const expected = { ids: ['section-owner-mismatch'], warnings: 1, rules: 12, kinds: true, fns: true };
    for (const file of ['use.cjs', 'use.mjs']) {
      const r = run(process.execPath, [file]);
      ok(r, file);
      assert.deepEqual(JSON.parse(r.stdout), expected, file);
    }
  });

  it("type-checks against the package's declarations (ESM and CommonJS, without @types/node)", () => {
    const uses = `
const result: LintResult = lintText('# Spec\\n', { filePath: 'a.prd.md', config: { rules: { 'empty-section': 'off' } } });
const first: LintMessage | undefined = result.messages[0];
const severity: 'error' | 'warning' | 'info' | undefined = first?.severity;
const fixed: string = fixText('# Spec\\n').output;
const rule: RuleInfo | undefined = rules[0];
const owners: string[] | undefined = kinds[0]?.owner;
const config: Config = loadConfig('a.prd.md').config;
async function report(): Promise<string> {
  return format(await lintFiles(['.'], { cwd: '.' }), 'sarif');
}
// @ts-expect-error: a number is not a text
lintText(1);
// @ts-expect-error: no such format
void format([], 'xml');
export { severity, fixed, rule, owners, config, report };
`;
    writeFileSync(join(consumer, 'esm.mts'), `import { fixText, format, kinds, lintFiles, lintText, loadConfig, rules, type Config, type LintMessage, type LintResult, type RuleInfo } from 'specroles';\n${uses}`);
    writeFileSync(join(consumer, 'cjs.cts'), `import specroles = require('specroles');\nimport { fixText, format, kinds, lintFiles, lintText, loadConfig, rules, type Config, type LintMessage, type LintResult, type RuleInfo } from 'specroles';\nvoid specroles.version;\n${uses}`);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['esm.mts', 'cjs.cts'] }),
    );
    const tsc = run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    ok(tsc, 'tsc');
  });
});
