// Builds everything that runs: the CLI, the VS Code extension, the remark plugin, tools, and (with --tests) the test
// bundles. One build for code and tests keeps the data-file loaders identical everywhere.
// The CLI's bundle is dist/specroles.js (src/cli/main.ts), with zod beside it in dist/zod.js; the
// `specroles` command, dist/cli.js (src/cli/bin.ts), loads them through a V8 code cache, and is built after
// them, with their hashes.
// The Node API (`require('specroles')`, src/api), the language server and the remark plugin (src/remark)
// live in the CLI's bundle, so the npm package carries one copy of the engine, not three: dist/api.js,
// dist/api.mjs, dist/server.js and dist/remark.js are small entry files written here.
// With --types, the API's declarations are emitted to dist/types (tsconfig.api.json; prepack does this).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/**
 * Data files stay YAML in the source tree (readable, commented) but ship as JSON: parsing YAML at every
 * start cost ~150 ms, more than the rest of a one-file CLI run. The built-in catalogue files
 * (src/core/data) are validated here, against the same zod schemas, and ship as what the schema makes of
 * them (defaults filled in): validating them at every start cost ~20 ms of a one-file run, in every
 * worker too. An invalid data file fails the build.
 */
const DATA_SCHEMAS = { 'roles.yaml': 'rolesFileSchema', 'kinds.yaml': 'kindsFileSchema', 'doc-types.yaml': 'docTypesFileSchema', 'cues.yaml': 'cuesFileSchema', 'guidelines.yaml': 'guidelinesFileSchema', 'other-genres.yaml': 'otherGenresFileSchema' };
const dataDir = resolve('src/core/data');
let dataSchemas;
async function catalogueSchemas() {
  if (!dataSchemas) {
    const built = await esbuild.build({ entryPoints: ['src/core/catalogue/schema.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(resolve('esbuild.mjs')));
    dataSchemas = module.exports;
  }
  return dataSchemas;
}
const yamlAsJson = {
  name: 'yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => {
      let data = parseYaml(await readFile(args.path, 'utf8'));
      const schemaName = dirname(args.path) === dataDir ? DATA_SCHEMAS[relative(dataDir, args.path)] : undefined;
      if (schemaName) {
        const result = (await catalogueSchemas()).catalogueSchemas()[schemaName].safeParse(data);
        if (!result.success) return { errors: [{ text: `Built-in data file ${relative('.', args.path)} is invalid: ${result.error.message}` }] };
        data = result.data;
      }
      return { contents: JSON.stringify(data), loader: 'json' };
    });
  },
};

/**
 * zod's error messages in English only: zod re-exports every locale (`export * as locales`), some 250 KB a
 * bundle could not drop otherwise, parsed by every CLI process at start. Nothing here calls z.locales;
 * English is zod's default. Used for every bundle.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";\n', loader: 'js' }));
  },
};

/**
 * The desktop entry (dist/extension.js) loads the language client from dist/web/extension.js, the browser
 * entry, at run time: the VSIX carries the client once.
 */
const clientFromBrowserEntry = {
  name: 'client-from-browser-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\/web$/ }, (args) => (args.importer.endsWith(join('src', 'extension', 'main.ts')) ? { path: './web/extension.js', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  plugins: [yamlAsJson, englishOnlyZod],
  logLevel: 'warning',
  // The unified ecosystem is ESM-only; bundling it into CJS needs import.meta shimmed away.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The language server the VSIX ships (dist/web/server.js), for both extension hosts: a Web Worker loads it
 * in a browser, the desktop extension forks it as a Node process (src/server/worker.ts). A classic script
 * (iife), as a Web Worker and VS Code's nested-worker shim load it with importScripts. Nothing Node-only may
 * reach it: esbuild fails on a `node:` import here, which is the check that src/editor and src/server/browser.ts
 * stay portable. The editor service and the engine inside it are evaluated only after `initialize` is answered.
 */
const browserServer = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  plugins: [yamlAsJson, englishOnlyZod],
  logLevel: 'warning',
  define: { 'import.meta.url': 'self.location.href' },
  // A worker has no DOM: packages with a DOM build (decode-named-character-reference) give their worker build.
  conditions: ['worker'],
  entryPoints: { 'web/server': 'src/server/worker.ts' },
  outdir: 'dist',
};

/**
 * The extension's `browser` entry (dist/web/extension.js), which is also the language client the desktop
 * entry loads: CommonJS (VS Code's web worker extension host loads extensions as CommonJS modules, with
 * `vscode` the only module it resolves), so everything else is bundled and nothing Node-only may reach it.
 */
const browserExtension = {
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  entryPoints: { 'web/extension': 'src/extension/web.ts' },
  outdir: 'dist',
};

/**
 * dist/cli.js, the `specroles` command: the loader of dist/specroles.js and dist/zod.js (src/cli/bin.ts),
 * which names their code caches after their content. Built once they are written, and again each time one
 * is rebuilt (--watch); one build at a time, each reading both files as they are then.
 */
const LOADED = ['specroles.js', 'zod.js'];
let loaderBuilds = Promise.resolve();
function buildLoader() {
  loaderBuilds = loaderBuilds.then(async () => {
    const hashes = Object.fromEntries(LOADED.filter((name) => existsSync(join('dist', name))).map((name) => [name, createHash('sha256').update(readFileSync(join('dist', name))).digest('hex').slice(0, 16)]));
    await esbuild.build({ ...common, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: 'dist', sourcemap: false, banner: {}, define: { SPECROLES_HASHES: JSON.stringify(hashes) } });
  });
  return loaderBuilds;
}
const loaderAfterBuild = {
  name: 'loader-after-build',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0) await buildLoader();
    });
  },
};

/**
 * zod (src/core/schema/zod-module.ts) is a file of its own beside the CLI's bundle, dist/zod.js, which the
 * bundle requires only when it validates something (src/core/schema/zod.ts): a lint with no config and
 * plain front matter then neither reads nor sets up its ~200 KB (esbuild defines every export of its
 * namespaces when the bundle starts, even where the module itself is evaluated lazily). Other bundles keep
 * zod inside.
 */
const zodApart = {
  name: 'zod-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/zod-module$/ }, (args) => (args.importer.endsWith(join('src', 'core', 'schema', 'zod.ts')) ? { path: './zod.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: { specroles: 'src/cli/main.ts' }, outdir: 'dist', plugins: [zodApart, ...common.plugins, loaderAfterBuild] },
  { ...common, entryPoints: { zod: 'src/core/schema/zod-module.ts' }, outdir: 'dist', plugins: [...common.plugins, loaderAfterBuild] },
  // The VSIX: the language server (both hosts), the browser entry with the client, the desktop entry. The npm
  // package's `specroles-ls` is dist/server.js, an entry into the CLI's bundle (written below).
  browserServer,
  browserExtension,
  { ...common, entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'dist', external: ['vscode'], plugins: [clientFromBrowserEntry], banner: {}, define: {} },
  // The GitHub Action (action.yml): its own bundle, not in the npm package (package.json `files`).
  { ...common, entryPoints: { action: 'src/action/main.ts' }, outdir: 'dist' },
  // Each file directly in src/tools is a script; its subfolders hold what they share (src/tools/corpus).
  { ...common, entryPoints: filesUnder('src/tools', '.ts').filter((p) => dirname(p) === join('src', 'tools')), outdir: 'dist/tools' },
];
if (args.has('--tests')) {
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test', '.test.ts'), ...filesUnder('test/host', '.ts')],
    outbase: 'test',
    outdir: 'dist/test',
    // ESLint loads its config and plugins from node_modules at run time (test/lint); bundling it gains nothing.
    external: ['vscode', 'mocha', 'playwright-core', 'eslint'],
  });
}

const present = builds
  .map((b) => ({ ...b, entryPoints: Array.isArray(b.entryPoints) ? b.entryPoints : Object.fromEntries(Object.entries(b.entryPoints).filter(([, p]) => existsSync(p))) }))
  .filter((b) => (Array.isArray(b.entryPoints) ? b.entryPoints.length : Object.keys(b.entryPoints).length) > 0);

if (watch) {
  const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.rebuild()));
  writeApiEntries();
  for (const c of contexts) await c.watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
  writeApiEntries();
}
if (args.has('--types')) await writeDeclarations();

/** dist/api.js (CommonJS) and dist/api.mjs (ESM, the same objects), with their declarations' entries. */
function writeApiEntries() {
  const header = '// The Node API of specroles (docs/api.md). It lives in the CLI\'s bundle: see src/cli/main.ts.\n';
  writeFileSync('dist/api.js', `'use strict';\n${header}module.exports = require('./specroles.js').api();\n`);
  const require = createRequire(import.meta.url);
  delete require.cache[require.resolve('./dist/specroles.js')];
  delete require.cache[require.resolve('./dist/api.js')];
  const names = Object.keys(require('./dist/api.js')).sort();
  writeFileSync('dist/api.mjs', `${header}import api from './api.js';\n\nexport const { ${names.join(', ')} } = api;\nexport default api;\n`);
  writeFileSync('dist/api.d.ts', `${header}export * from './types/api/index';\n`);
  writeFileSync('dist/api.d.mts', `${header}import * as api from './types/api/index.js';\n\nexport * from './types/api/index.js';\nexport default api;\n`);
  // remark-cli (load-plugin) import()s plugins: a CommonJS module.exports that is the plugin itself is the
  // default export; require('specroles/remark') gives the same function, with .default and .remarkSpecroles.
  writeFileSync(
    'dist/server.js',
    "#!/usr/bin/env node\n'use strict';\n// specroles-ls, the language server (docs/editors.md). It lives in the CLI's bundle: see src/cli/main.ts.\nrequire('./specroles.js').languageServer()();\n",
    { mode: 0o755 },
  );
  writeFileSync(
    'dist/remark.js',
    "'use strict';\n// The remark plugin of specroles (docs/remark.md). It lives in the CLI's bundle: see src/cli/main.ts.\n"
      + "const plugin = require('./specroles.js').remark();\nmodule.exports = plugin;\nmodule.exports.default = plugin;\nmodule.exports.remarkSpecroles = plugin;\n",
  );
}

/**
 * The API's declarations, emitted by tsc from the source (tsconfig.api.json) and kept only where the
 * API's types reach, starting at api/index.d.ts. They must need nothing installed: an import of a
 * package, or a reference to Node's types, fails the build.
 */
async function writeDeclarations() {
  const { default: ts } = await import('typescript');
  const parsed = ts.getParsedCommandLineOfConfigFile('tsconfig.api.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  const emitted = new Map();
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const result = program.emit(undefined, (file, text) => emitted.set(resolve(file), text), undefined, true);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length) fail(diagnostics);
  const outDir = resolve(parsed.options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  const problems = [];
  const queue = [join(outDir, 'api', 'index.d.ts')];
  const seen = new Set();
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = emitted.get(file);
    if (text === undefined) {
      problems.push(`${relative('.', file)}: not emitted`);
      continue;
    }
    if (/\/\/\/\s*<reference/.test(text)) problems.push(`${relative('.', file)}: references other declarations (${/<reference[^>]*>/.exec(text)[0]})`);
    for (const m of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (!spec.startsWith('.')) problems.push(`${relative('.', file)}: imports "${spec}", which the package does not ship`);
      else queue.push(resolve(dirname(file), spec.replace(/\.js$/, '') + '.d.ts'));
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (problems.length) {
    console.error(`The API's declarations need more than the package ships:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  function fail(ds) {
    console.error(ts.formatDiagnosticsWithColorAndContext(ds, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
    process.exit(1);
  }
}
