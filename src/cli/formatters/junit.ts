// `--format junit`: one test case per file, one failure per finding, for CI systems that show test
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

export function junit(results: readonly FileResult[]): string {
  const failed = results.filter((r) => r.messages.length).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specroles" tests="${results.length}" failures="${failed}" errors="0">`,
    `  <testsuite name="specroles" tests="${results.length}" failures="${failed}" errors="0" skipped="0">`,
  ];
  for (const file of results) {
    const open = `    <testcase classname="specroles" name="${xml(file.filePath)}" file="${xml(file.filePath)}"`;
    if (!file.messages.length) {
      out.push(`${open} />`);
      continue;
    }
    out.push(`${open}>`);
    for (const m of file.messages) {
      const where = `${file.filePath}:${m.line}:${m.column}`;
      const body = [`${m.severity} ${m.ruleId} at ${where}`, m.message, ...(m.guidelines.length ? [`Guidelines: ${m.guidelines.join(', ')}`] : [])].join('\n');
      out.push(`      <failure type="${xml(m.ruleId)}" message="${xml(`${m.line}:${m.column} ${m.message}`)}">${xml(body)}</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
