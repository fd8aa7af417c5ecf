// The lint of the project's own code (`npm run lint`): not style, but the layering that keeps the engine
// usable everywhere (issue 15). The engine (src/core) runs in the CLI, the Node API, the remark plugin,
// the Action, a language server and a browser web worker; so it imports nothing of Node and no front end,
// and front ends reach it only through src/core/index.ts. The editor service (src/editor) runs in that
// worker too, so it imports nothing of Node either. Only the VS Code extension imports `vscode`.
// test/lint/layering.test.ts shows each ban firing on a violating example.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import layering from './lint/layering.mjs';

/** What a folder may not import: packages by name (`modules`) or a folder of the project (`under`). */
const ban = {
  vscode: {
    modules: ['vscode'],
    message: 'only src/extension/ (and test/host/, which runs inside VS Code) may import vscode; the engine, the CLI and the language server run without it.',
  },
  nodeBuiltins: {
    modules: ['node:', ...builtinModules],
    message: 'the engine runs in a browser web worker too (the web extension): take files, paths and time from the caller, as ConfigHost does.',
  },
  testCode: {
    under: 'test',
    message: 'src/ is what ships; test/ does not. Move what both need into src/.',
  },
  coreInternals: {
    under: 'src/core',
    // Data files (src/core/data/*.yaml) and types get no exception: front ends read the data through
    // the catalogue, which validates it, and a type imported from deep inside ties the front end to
    // the engine's file layout as much as a value does (the index re-exports the model's types).
    allow: ['src/core'],
    message: 'import the engine from src/core/index.ts (export what a front end needs there), not from its internals.',
  },
  frontEnds: {
    under: 'src',
    allow: ['src/core/**'],
    message: 'the engine (src/core) depends on no front end.',
  },
};

/**
 * The extension reads these at activation, before it loads the engine lazily (src/extension/engine.ts):
 * they import nothing heavy, while a static import of the index would evaluate the whole engine at once.
 */
const activationLight = ['src/core/spec-files', 'src/core/rules/doc-url'];

/**
 * Bans by folder. A file takes the last entry whose pattern matches it (ESLint replaces a rule's options
 * rather than adding to them), so folders go from general to particular. Every folder of src/ that is not
 * listed (src/cli, src/api, src/action, src/remark, src/tools, src/server, and any new one) falls under
 * `src/**`.
 */
const layers = [
  { files: ['src/**/*.ts'], bans: [ban.vscode, ban.testCode, ban.coreInternals] },
  { files: ['src/core/**/*.ts'], bans: [ban.vscode, ban.nodeBuiltins, ban.testCode, ban.frontEnds] },
  // The editor service runs in the language server's browser build too (the web extension's worker).
  { files: ['src/editor/**/*.ts'], bans: [ban.vscode, ban.nodeBuiltins, ban.testCode, ban.coreInternals] },
  { files: ['src/extension/**/*.ts'], bans: [ban.testCode, { ...ban.coreInternals, allow: [...ban.coreInternals.allow, ...activationLight] }] },
  // Tests may reach inside the engine (they test its parts); only the host suite runs inside VS Code.
  { files: ['test/**/*.ts'], bans: [ban.vscode] },
  { files: ['test/host/**/*.ts'], bans: [] },
];

export default [
  // Build output, and scratch scripts (git-excluded, README "Working rules").
  { ignores: ['dist/', 'out/', '.cache/', 'bench/.work/', 'test-results/', 'src/tools/zz-*'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin, layering },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // require() is for the lazy loading of a bundle's parts, each one marked with a disable comment that
      // says so; everything else is an import, which the layering rule and the bundler both see.
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  // No bans is 'off': a severity without options would keep the options of an earlier matching entry.
  ...layers.map(({ files, bans }) => ({ files, rules: { 'layering/imports': bans.length ? ['error', ...bans] : 'off' } })),
];
