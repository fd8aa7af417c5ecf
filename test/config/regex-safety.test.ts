// An untrusted workspace's config cannot hang the linter: kind patterns and globs that backtrack badly
// are rejected where they are written (config/schema.ts, text/regex-safety.ts).
import assert from 'node:assert/strict';
import { catalogueFor, DEFAULT_SPEC_FILES, parseConfig } from '../../src/core';
import { globRisk, regexRisk } from '../../src/core/text/regex-safety';

describe('config: patterns and globs that could hang the linter are rejected', () => {
  it('flags nested repeats, repeated alternatives, backreferences and more than two unbounded repeats', () => {
    for (const risky of ['^(a+)+$', '(a*)*b', '(?:a|ab)*c', '(a|a)+', '(?:\\w+\\s?)+$', '(\\w)\\1', '(?<x>a)\\k<x>', '.*a.*a.*b', 'a+b+c+', '\\p{L}+ \\p{L}+ \\p{L}+', 'x{2,}y{3,}z{1,}', 'a{0,50}b{0,50}c{0,50}']) {
      assert.ok(regexRisk(risky), `${risky} should be flagged`);
    }
    for (const fine of ['pric', '^release notes$', '(?<!(launch|announcement|marketing) )\\btiers?\\b(?! ?[1-4]\\b)', 'how is .* different', 'next \\d+ months', '[(]+x', '\\(+a', 'a{1,3}b{2,}c', '^(?:what|which) .* buyer', '\\p{L}+-\\p{L}+']) {
      assert.equal(regexRisk(fine), undefined, `${fine} should pass`);
    }
  });

  it('every built-in heading pattern passes the check', () => {
    const flagged = catalogueFor({}).kindOrder.flatMap((k) => k.regexes.map((r) => [k.id, r.source, regexRisk(r.source)] as const)).filter(([, , risk]) => risk);
    assert.deepEqual(flagged, []);
  });

  it('flags globs with many wildcards in one name, many ** parts, or repeating extglobs; the defaults pass', () => {
    for (const risky of ['**/*a*a*a*b', '*-*-*-*.md', '**/a/**/b/**/c/**/d.md', '+(a*)b', 'docs/*(x|y).md']) assert.ok(globRisk(risky), `${risky} should be flagged`);
    for (const fine of [...DEFAULT_SPEC_FILES, 'docs/**', '**/*-*-*.md', '{a,b}/**/*.md', 'specs/*.prd.md']) assert.equal(globRisk(fine), undefined, `${fine} should pass`);
  });

  it('a config with a risky pattern or glob is rejected with the error at the value', () => {
    const { config, problems } = parseConfig('kinds:\n  - id: problem\n    patterns: [pric, "(a|ab)*c"]\noverrides:\n  - files: ["**/*.md", "**/*a*a*a*a"]\n    rules: {}\n', '/r/.specroles.yaml');
    assert.equal(config, undefined);
    assert.deepEqual(problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message.replace(/ could make.*/, '')}`), [
      '3:22 Config: "kinds[0].patterns[1]": pattern "(a|ab)*c"',
      '5:24 Config: "overrides[0].files[1]": glob "**/*a*a*a*a"',
    ]);
  });
});
