// Builds everything that runs: the CLI, the VS Code extension, the remark plugin, tools, and (with --tests) the test
// bundles. One build for code and tests keeps the data-file loaders identical everywhere.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
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
 * start cost ~150 ms, more than the rest of a one-file CLI run. They are validated when loaded.
 */
const yamlAsJson = {
  name: 'yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => ({
      contents: JSON.stringify(parseYaml(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  plugins: [yamlAsJson],
  logLevel: 'warning',
  // The unified ecosystem is ESM-only; bundling it into CJS needs import.meta shimmed away.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The remark plugin (remark-cli, unified-language-server): CommonJS whose module.exports is the plugin.
  { ...common, entryPoints: { remark: 'src/remark/bundle.ts' }, outdir: 'dist' },
  { ...common, entryPoints: filesUnder('src/tools', '.ts'), outdir: 'dist/tools' },
];
if (args.has('--tests')) {
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test', '.test.ts'), ...filesUnder('test/host', '.ts')],
    outbase: 'test',
    outdir: 'dist/test',
    external: ['vscode', 'mocha', 'playwright-core'],
  });
}

const present = builds
  .map((b) => ({ ...b, entryPoints: Array.isArray(b.entryPoints) ? b.entryPoints : Object.fromEntries(Object.entries(b.entryPoints).filter(([, p]) => existsSync(p))) }))
  .filter((b) => (Array.isArray(b.entryPoints) ? b.entryPoints.length : Object.keys(b.entryPoints).length) > 0);

if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
