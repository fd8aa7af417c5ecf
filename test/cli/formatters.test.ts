// The formatter table (src/cli/formatters/registry.ts) is the one list of formats: every entry loads a
// module exporting `render`, and `--help`, `--format` validation and `renderReport` all follow it.
import assert from 'node:assert/strict';
import { colors } from '../../src/cli/colors';
import { helpText } from '../../src/cli/help';
import { parseArgs, UsageError } from '../../src/cli/args';
import { FORMATS, FORMATTERS, renderReport } from '../../src/cli/formatters';
import type { FileResult } from '../../src/cli/report';

const RESULTS: FileResult[] = [
  {
    index: 0,
    filePath: 'specs/a.prd.md',
    configProblems: [],
    messages: [{ ruleId: 'missing-section', severity: 'warning', message: 'Lacks a timeline.', line: 1, column: 1, endLine: 1, endColumn: 5, guidelines: [], fixable: false }],
  },
];

describe('CLI: the formatter table', () => {
  const ctx = { version: '0.0.0', configs: [], colors: colors(false) };

  for (const name of FORMATS) {
    it(`${name}: its module exports render(results, ctx), which renderReport calls`, async () => {
      const mod = await FORMATTERS[name].load();
      assert.equal(typeof mod.render, 'function');
      assert.equal(await renderReport(name, RESULTS, ctx), await mod.render(RESULTS, ctx));
    });
  }

  it('--help lists every format with its description', () => {
    const help = helpText();
    for (const name of FORMATS) assert.match(help, new RegExp(`^  ${name} +${FORMATTERS[name].description.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it('--format accepts every format in the table and nothing else', () => {
    for (const name of FORMATS) assert.equal(parseArgs(['--format', name]).format, name);
    assert.throws(() => parseArgs(['--format', 'nope']), (e: Error) => e instanceof UsageError && e.message.endsWith(`use one of ${FORMATS.join(', ')}`));
    assert.throws(() => parseArgs(['--format', 'toString']), UsageError);
  });
});
