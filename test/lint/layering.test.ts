// The lint of the project's own code (eslint.config.mjs) on small in-memory files: each layering ban
// fires where it should and stays quiet where the layer allows the import. `npm run lint` runs the same
// config over src/ and test/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

const eslint = new ESLint({ cwd: projectRoot });

/** The messages of the lint of `code` as if it were the file at `path` (from the project root), as `line:column rule`. */
async function lintAs(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, path) });
  assert.ok(result, `no lint result for ${path}`);
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'}: ${m.message}`);
}

async function assertBanned(path: string, code: string, reason: RegExp): Promise<void> {
  const messages = await lintAs(path, code);
  assert.equal(messages.length, 1, `${path}: expected one message for ${code}, got ${JSON.stringify(messages)}`);
  assert.match(nth(messages, 0), / layering\/imports: /);
  assert.match(nth(messages, 0), reason);
}

async function assertAllowed(path: string, code: string): Promise<void> {
  assert.deepEqual(await lintAs(path, code), [], `${path}: ${code}`);
}

describe('lint: the layering of the project (eslint.config.mjs)', function () {
  this.timeout(60_000);

  describe('vscode only in src/extension and test/host', () => {
    const code = "import * as vscode from 'vscode';\nvoid vscode;\n";
    for (const folder of ['core', 'cli', 'api', 'action', 'remark', 'tools', 'editor', 'server', 'some-new-folder']) {
      it(`is banned in src/${folder}`, () => assertBanned(`src/${folder}/x.ts`, code, /only src\/extension\/ .* may import vscode/));
    }
    it('is banned in tests outside test/host', () => assertBanned('test/parse/x.test.ts', code, /may import vscode/));
    it('is allowed in src/extension and test/host', async () => {
      await assertAllowed('src/extension/x.ts', code);
      await assertAllowed('test/host/suite/x.host.test.ts', code);
    });
    it('is banned however the module is named: require, import(), a type', async () => {
      await assertBanned('src/cli/x.ts', "export const v = import('vscode');\n", /may import vscode/);
      await assertBanned('src/cli/x.ts', "export type T = typeof import('vscode');\n", /may import vscode/);
      await assertBanned('src/cli/x.ts', "import type { Uri } from 'vscode';\nexport type T = Uri;\n", /may import vscode/);
      // A lazy require() with its disable comment is still held to the layers.
      const lazy = "// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy\nexport const v = require('vscode');\n";
      await assertBanned('src/core/x.ts', lazy, /may import vscode/);
    });
  });

  describe('the engine only through src/core/index.ts', () => {
    const internal = /import the engine from src\/core\/index\.ts/;
    it('bans an import from inside src/core, at any depth, in every form', async () => {
      await assertBanned('src/remark/x.ts', "import { ruleDocUrl } from '../core/rules/doc-url';\nvoid ruleDocUrl;\n", internal);
      await assertBanned('src/cli/formatters/x.ts', "import type { Severity } from '../../core/model';\nexport type S = Severity;\n", internal);
      await assertBanned('src/cli/x.ts', "export * from '../core/rules';\n", internal);
      await assertBanned('src/api/x.ts', "export const r = import('../core/engine/lint');\n", internal);
      await assertBanned('src/editor/x.ts', "import { lint } from '../core/engine/lint.ts';\nvoid lint;\n", internal);
      await assertBanned('src/server/x.ts', "import kinds from '../core/data/kinds.yaml';\nvoid kinds;\n", internal);
    });
    it('allows the index, and lets the engine import its own parts', async () => {
      await assertAllowed('src/cli/x.ts', "import { lint } from '../core';\nvoid lint;\n");
      await assertAllowed('src/cli/formatters/x.ts', "import { lint } from '../../core/index';\nvoid lint;\n");
      await assertAllowed('src/core/rules/x.ts', "import { ruleDocUrl } from './doc-url';\nimport type { Severity } from '../model';\nexport const x: Severity | string = ruleDocUrl('a');\n");
    });
    it("allows the extension the modules it reads at activation, and nothing else inside", async () => {
      await assertAllowed('src/extension/x.ts', "import { DEFAULT_SPEC_FILES } from '../core/spec-files';\nimport { ruleDocUrl } from '../core/rules/doc-url';\nvoid DEFAULT_SPEC_FILES; void ruleDocUrl;\n");
      await assertBanned('src/extension/x.ts', "import { lint } from '../core/engine/lint';\nvoid lint;\n", internal);
    });
    it('lets tests reach inside the engine', () => assertAllowed('test/rules/x.test.ts', "import { ruleDocUrl } from '../../src/core/rules/doc-url';\nvoid ruleDocUrl;\n"));
  });

  describe('nothing in src imports from test', () => {
    it('bans it in every folder of src, the engine included', async () => {
      await assertBanned('src/tools/x.ts', "import { scoreAll } from '../../test/corpus/evaluate';\nvoid scoreAll;\n", /test\/ does not/);
      await assertBanned('src/core/x.ts', "import { projectRoot } from '../../test/support/paths';\nvoid projectRoot;\n", /test\/ does not/);
      await assertBanned('src/extension/x.ts', "export const paths = import('../../test/support/paths');\n", /test\/ does not/);
    });
    it('allows src/ to read package.json, and tests to import src/', async () => {
      await assertAllowed('src/cli/x.ts', "import { version } from '../../package.json';\nvoid version;\n");
      await assertAllowed('test/cli/x.test.ts', "import { lint } from '../../src/core';\nvoid lint;\n");
    });
  });

  describe('the engine runs without Node and without front ends', () => {
    const node = /runs in a browser web worker/;
    it('bans Node built-in modules in src/core, with or without node:', async () => {
      await assertBanned('src/core/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n", node);
      await assertBanned('src/core/parse/x.ts', "import { join } from 'path';\nvoid join;\n", node);
      await assertBanned('src/core/x.ts', "import { readFile } from 'fs/promises';\nvoid readFile;\n", node);
    });
    it('bans them in the editor service too (it runs in the browser build of the language server)', () =>
      assertBanned('src/editor/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n", node));
    it('allows them in the other front ends', async () => {
      await assertAllowed('src/cli/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n");
      await assertAllowed('src/server/node.ts', "import { readFile } from 'node:fs/promises';\nvoid readFile;\n");
    });
    it('allows packages in src/core (the bundler takes them)', () => assertAllowed('src/core/x.ts', "import { parse } from 'yaml';\nvoid parse;\n"));
    it('bans front ends in src/core', () => assertBanned('src/core/x.ts', "import { CliError } from '../cli/util';\nvoid CliError;\n", /depends on no front end/));
  });

  it('bans require() but where a disable comment marks a lazy load', async () => {
    const messages = await lintAs('src/cli/x.ts', "export const m = require('./util');\n");
    assert.deepEqual(messages, ['1:18 @typescript-eslint/no-require-imports: A `require()` style import is forbidden.']);
  });
});
