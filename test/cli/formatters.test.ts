// The formatter table (src/cli/formatters/registry.ts) is the one list of formats: every entry loads a
// module exporting `render`, and `--help`, `--format` validation and `renderReport` all follow it.
import assert from 'node:assert/strict';
import { colors } from '../../src/cli/colors';
import { helpText } from '../../src/cli/help';
import { parseArgs, UsageError } from '../../src/cli/args';
import { FORMATS, FORMATTERS, renderReport } from '../../src/cli/formatters';
import type { FileResult } from '../../src/cli/report';
import { nth } from '../support/nth';

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

describe('CLI: --format summary', () => {
  it('puts sections in the PM, PMM, shared and others rows by their expected owners', async () => {
    const { roleBucket } = await import('../../src/core');
    assert.deepEqual([roleBucket(['pm']), roleBucket(['pmm']), roleBucket(['pm', 'pmm']), roleBucket(['eng']), roleBucket([])], ['PM', 'PMM', 'shared', 'others', 'others']);
  });

  it('escapes Markdown in titles and messages', async () => {
    const { md } = await import('../../src/cli/formatters/summary');
    assert.equal(md('a | b <img> *c* [d](e)\n`f` & g'), 'a \\| b \\<img\\> \\*c\\* \\[d\\](e) \\`f\\` &amp; g');
  });

  it('lists what each role still owes, empty sections, and findings linked to their rule pages', async () => {
    const results: FileResult[] = [
      {
        ...nth(RESULTS, 0),
        document: {
          type: { id: 'prd', name: 'Product requirements document' },
          owner: ['pm'],
          ownerLabel: 'PM',
          sections: [
            { title: 'Problem', line: 3, depth: 2, kind: { id: 'problem', name: 'Problem' }, expected: ['pm'], expectedLabel: 'PM', placeholderOnly: false },
            { title: 'Positioning', line: 9, depth: 2, kind: { id: 'positioning', name: 'Positioning' }, expected: ['pmm'], expectedLabel: 'PMM', placeholderOnly: true },
            { title: 'Architecture', line: 12, depth: 2, expected: ['eng'], expectedLabel: 'Eng', placeholderOnly: false },
          ],
          owes: [{ line: 1, requirement: 'a when', kinds: ['Roadmap and milestones'], roles: ['pm'] }],
        },
      },
    ];
    const text = await renderReport('summary', results, { version: '0.0.0', configs: [], colors: colors(false) });
    assert.match(text, /^\| PM \| Problem \(Problem, line 3\) \| — \| a when: “Roadmap and milestones” \|$/m);
    assert.match(text, /^\| PMM \| — \| Positioning \(Positioning, line 9\) \| — \|$/m);
    assert.match(text, /^\| others \| Architecture \(no known kind, Eng, line 12\) \| — \| — \|$/m);
    assert.match(text, /^- line 1: Lacks a timeline\. \(\[missing-section\]\(https:\/\/github\.com\/specroles\/specroles\/blob\/main\/docs\/rules\/missing-section\.md\)\)$/m);
  });

  it('only summary makes the CLI collect sections', async () => {
    const { needsSections } = await import('../../src/cli/formatters');
    assert.deepEqual(FORMATS.filter(needsSections), ['summary']);
  });
});
