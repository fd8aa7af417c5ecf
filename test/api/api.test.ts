// The Node API (src/api): its results are the CLI's, its config handling the CLI's, and its public types
// are exactly the engine's schemas (checked at compile time below, by `npm run typecheck`).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import * as api from '../../src/api';
import type { FormatName as CliFormatName } from '../../src/cli/formatters/registry';
import type { DocumentSummary as EngineDocumentSummary } from '../../src/core';
import type { CatalogueSchemas } from '../../src/core/catalogue/schema';
import type { configSchemas } from '../../src/core/config/schema';
import type { Fix as EngineFix, Severity as EngineSeverity } from '../../src/core/model';
import { runCli } from '../cli/support';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

// ---- the public types are the schemas' types ------------------------------------------------------
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesMatch: [
  Same<api.Config, z.input<ReturnType<typeof configSchemas>['configSchema']>>,
  Same<api.Kind, z.output<CatalogueSchemas['kindSchema']>>,
  Same<api.Role, z.output<CatalogueSchemas['roleSchema']>>,
  Same<api.DocType, z.output<CatalogueSchemas['docTypeSchema']>>,
  Same<api.Guideline, z.output<CatalogueSchemas['guidelineSchema']>>,
  Same<api.Cue, z.input<CatalogueSchemas['cueSchema']>>,
  Same<api.Fix, EngineFix>,
  Same<api.Severity, EngineSeverity>,
  Same<api.FormatName, CliFormatName>,
  Same<api.DocumentSummary, EngineDocumentSummary>,
] = [true, true, true, true, true, true, true, true, true, true];

describe('Node API', function () {
  this.timeout(60000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'specroles-api-'));
    cpSync(join(projectRoot, 'examples'), join(dir, 'examples'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('declares types that match the engine (compile-time check)', () => {
    assert.ok(typesMatch.every(Boolean));
  });

  for (const name of api.formats) {
    it(`format(lintFiles(…), "${name}") is what \`specroles --format ${name}\` prints`, async () => {
      const results = await api.lintFiles(['examples'], { cwd: dir });
      const cli = runCli(['examples', '--format', name], { cwd: dir });
      assert.equal(cli.code, 1);
      assert.equal(await api.format(results, name, { cwd: dir }), cli.stdout);
    });
  }

  it('counts errors, warnings, infos and fixable messages', async () => {
    const [checkout, onboarding] = (await api.lintFiles(['examples/checkout.prd.md', 'examples/onboarding.spec.yaml'], { cwd: dir }))!;
    assert.equal(checkout!.filePath, join(dir, 'examples', 'checkout.prd.md'));
    assert.deepEqual([checkout!.errorCount, checkout!.warningCount, checkout!.infoCount], [0, 4, 0]);
    assert.equal(checkout!.fixableCount, checkout!.messages.filter((m) => m.fix?.safe).length);
    assert.equal(onboarding!.errorCount, 1);
    assert.deepEqual(Object.keys(nth(checkout!.messages, 0)).slice(0, 8), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'guidelines']);
  });

  it('fixes as `specroles --fix` does, and writes only through outputFixes', async () => {
    const file = join(dir, 'examples', 'checkout.prd.md');
    const original = readFileSync(file, 'utf8');
    const [result] = await api.lintFiles([file], { cwd: dir, fix: true });
    assert.ok(result!.output && result!.output !== original);
    assert.equal(readFileSync(file, 'utf8'), original, 'lintFiles writes nothing');
    assert.equal(api.fixText(original, { filePath: file }).output, result!.output);
    assert.equal(runCli(['examples/checkout.prd.md', '--fix'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(file, 'utf8'), result!.output);
    writeFileSync(file, original);
    await api.outputFixes([result!]);
    assert.equal(readFileSync(file, 'utf8'), result!.output);
  });

  it('lintFiles tells a file that holds U+FFFD from one whose bytes are not UTF-8', async () => {
    const own = join(dir, 'own.prd.md');
    const latin1 = join(dir, 'latin1.prd.md');
    writeFileSync(own, '## Problem\n\nUnreadable bytes show as \ufffd.\n', 'utf8');
    writeFileSync(latin1, '## Problem\n\nCaf\u00e9 au lait.\n', 'latin1');
    const [ownResult, latin1Result] = (await api.lintFiles([own, latin1], { cwd: dir }))!;
    assert.deepEqual(ownResult!.messages.filter((m) => m.ruleId === 'invalid-spec'), []);
    assert.deepEqual(latin1Result!.messages.filter((m) => m.ruleId === 'invalid-spec').map((m) => [m.line, m.column]), [[3, 4]]);
    rmSync(own);
    rmSync(latin1);
  });

  it('lintText finds the config for filePath, unless a config is given', () => {
    writeFileSync(join(dir, 'examples', '.specroles.yaml'), 'root: true\nrules:\n  content-owner-drift: off\n');
    const text = readFileSync(join(dir, 'examples', 'checkout.prd.md'), 'utf8');
    const rulesOf = (r: api.LintResult) => new Set(r.messages.map((m) => m.ruleId));
    assert.ok(!rulesOf(api.lintText(text, { filePath: 'examples/checkout.prd.md', cwd: dir })).has('content-owner-drift'));
    assert.ok(rulesOf(api.lintText(text, { filePath: 'examples/checkout.prd.md', cwd: dir, config: {} })).has('content-owner-drift'));
    assert.deepEqual(api.loadConfig('examples/checkout.prd.md', { cwd: dir }).config.rules, { 'content-owner-drift': 'off' });
    assert.equal(api.lintText('# x\n', { config: {} }).filePath, '<text>');
  });

  it('throws a ConfigError naming the file, line and column of a broken config', () => {
    writeFileSync(join(dir, 'examples', '.specroles.yaml'), 'root: true\nrules:\n  empty-section: loud\n');
    assert.throws(
      () => api.lintText('# x\n', { filePath: 'examples/a.md', cwd: dir }),
      (e: unknown) => e instanceof api.ConfigError && /^examples\/\.specroles\.yaml:3:18: /.test(nth(e.problems, 0)),
    );
    assert.throws(() => api.lintText('# x\n', { config: { rules: { 'no-such-rule': 'off' } } }), api.ConfigError);
  });

  it('rejects a pattern that matches nothing', async () => {
    await assert.rejects(api.lintFiles(['nowhere/*.md'], { cwd: dir }), /nowhere\/\*\.md: no files match/);
  });

  it('applyFixes applies what it is given, never two overlapping fixes', () => {
    const fix = (start: number, newText: string): api.Fix => ({ title: newText, safe: true, edits: [{ start, end: start + 1, newText }] });
    const out = api.applyFixes('abc', [fix(0, 'X'), fix(0, 'Y'), fix(2, 'Z')]);
    assert.equal(out.output, 'XbZ');
    assert.deepEqual(out.skipped.map((f) => f.title), ['Y']);
  });

  it('lists the catalogue: rules with their doc pages, kinds, guidelines, and what a config adds', () => {
    assert.deepEqual(api.rules.map((r) => r.id).sort(), readdirRules());
    assert.ok(api.kinds.every((k) => !('regexes' in k)));
    const cited = new Set([...api.rules.flatMap((r) => r.guidelines), ...api.kinds.flatMap((k) => k.guidelines)]);
    for (const id of cited) assert.ok(api.guidelines.some((g) => g.id === id), id);
    const extended = api.catalogue({ kinds: [{ id: 'pricing_packaging', synonyms: ['monetisation'] }] });
    assert.ok(extended.kinds.find((k) => k.id === 'pricing_packaging')!.synonyms.includes('monetisation'));
    assert.equal(api.version, JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  });
});

function readdirRules(): string[] {
  return readdirSync(join(projectRoot, 'docs', 'rules'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
}
