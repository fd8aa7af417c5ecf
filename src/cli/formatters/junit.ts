// `--format junit`: a test suite per file and a test case per finding, for CI systems that show test
// reports (GitLab, Jenkins, Azure Pipelines).
import type { FileResult } from '../report';
import type { Formatter } from './types';

export const render: Formatter = (results) => junit(results);

/** Escapes text for XML and drops characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * One test suite per file (its name the file), one test case per finding: classname the file, name
 * `rule-id line N`. Errors and warnings are failures; an info is a passing test case whose finding is in
 * its `<system-out>`, so infos never fail a report. A file without findings is one passing test case.
 */
export function junit(results: readonly FileResult[]): string {
  const cases = results.map((file) => (file.messages.length ? file.messages.length : 1));
  const failures = results.map((file) => file.messages.filter((m) => m.severity !== 'info').length);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specroles" tests="${sum(cases)}" failures="${sum(failures)}" errors="0">`,
  ];
  results.forEach((file, i) => {
    const path = xml(file.filePath);
    out.push(`  <testsuite name="${path}" tests="${cases[i]}" failures="${failures[i]}" errors="0" skipped="0">`);
    if (!file.messages.length) out.push(`    <testcase classname="${path}" name="${file.skipped || file.error ? 'not linted' : 'no findings'}" file="${path}" />`);
    for (const m of file.messages) {
      const where = `${file.filePath}:${m.line}:${m.column}`;
      const body = [`${m.severity} ${m.ruleId} at ${where}`, m.message, ...(m.guidelines.length ? [`Guidelines: ${m.guidelines.join(', ')}`] : [])].join('\n');
      out.push(`    <testcase classname="${path}" name="${xml(`${m.ruleId} line ${m.line}`)}" file="${path}" line="${m.line}">`);
      if (m.severity === 'info') out.push(`      <system-out>${xml(body)}</system-out>`);
      else out.push(`      <failure type="${xml(m.ruleId)}" message="${xml(`${m.severity}: ${m.message}`)}">${xml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
