// maxFileSize (issue #7): past it a file is not linted, and the result says so in a notice.
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, formatFileSize, lint, parseConfig, parseFileSize } from '../../src/core';

const spec = (bytes: number) => `## Messaging <!-- owner: pm -->\n\n${'x'.repeat(Math.max(0, bytes - 33))}\n`;

describe('maxFileSize', () => {
  it('reads sizes as bytes or with a binary unit, and refuses anything else', () => {
    const cases: [number | string, number | undefined][] = [
      [2048, 2048], ['300', 300], ['300 B', 300], ['2 KB', 2048], ['2KB', 2048], ['1.5 MB', 1572864], ['10 mb', 10485760], ['1 GB', 1073741824],
      ['10 megabytes', undefined], ['-1', undefined], [0, undefined], ['0 KB', undefined], ['', undefined], [Number.NaN, undefined], [' 1 KB', undefined],
    ];
    for (const [value, bytes] of cases) assert.equal(parseFileSize(value), bytes, JSON.stringify(value));
  });

  it('writes sizes the way people read them', () => {
    assert.deepEqual([12, 2048, 1536, 12.34 * 1024 * 1024].map(formatFileSize), ['12 bytes', '2 KB', '1.5 KB', '12.3 MB']);
  });

  it('a file over the config\'s maxFileSize is not linted: no findings, one notice with both sizes', () => {
    const config = parseConfig('maxFileSize: 1 KB\n', '/r/.specroles.yaml').config!;
    const over = lint(spec(2000), { path: 'a.prd.md', config });
    assert.deepEqual(over.findings, []);
    assert.equal(over.skipped, 'not linted: the file is 2 KB, over maxFileSize (1 KB). Raise maxFileSize in .specroles.yaml (in the editor, the specRoles.maxFileSize setting) to lint it.');
    const under = lint(spec(1000), { path: 'a.prd.md', config });
    assert.equal(under.skipped, undefined);
    assert.ok(under.findings.some((f) => f.ruleId === 'section-owner-mismatch'));
  });

  it('counts UTF-8 bytes, not characters: 600 "é" are 1,200 bytes', () => {
    const config = parseConfig('maxFileSize: 1000\n', '/r/.specroles.yaml').config!;
    assert.match(lint('é'.repeat(600), { config }).skipped ?? '', /the file is 1.2 KB/);
    assert.equal(lint('e'.repeat(600), { config }).skipped, undefined);
    assert.match(lint('😀'.repeat(251), { config }).skipped ?? '', /1004 bytes/);
  });

  it('a front end\'s setting wins over the config, either way', () => {
    const config = parseConfig('maxFileSize: 1 KB\n', '/r/.specroles.yaml').config!;
    assert.equal(lint(spec(2000), { config, maxFileSize: 4096 }).skipped, undefined);
    assert.match(lint(spec(2000), { maxFileSize: 1024 }).skipped ?? '', /over maxFileSize \(1 KB\)/);
  });

  it('defaults to 10 MB', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
    assert.match(lint(`## Problem\n\n${'x'.repeat(DEFAULT_MAX_FILE_SIZE)}`).skipped ?? '', /over maxFileSize \(10 MB\)/);
  });

  it('a config with a size that is not one says where and what would do', () => {
    const parsed = parseConfig('root: true\nmaxFileSize: 10 megabytes\n', '/r/.specroles.yaml');
    assert.deepEqual(parsed.problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`), [
      '2:14 Config: "maxFileSize": a size such as "10 MB", "512 KB" or a number of bytes',
    ]);
  });
});
