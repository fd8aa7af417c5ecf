// `--format gitlab`: GitLab Code Quality (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format),
// for `artifacts: reports: codequality`, which shows the findings in the merge request widget and the diff.
// The fingerprint is how GitLab tells a finding that is new from one that was already there: it hashes
// the file, the rule, the section and the message, never line numbers, so editing another part of the
// document does not make old findings look new. Identical findings in one file are told apart by their
// order.
import type { Severity } from '../../core';
import type { FileResult } from '../report';
import { sha256 } from '../util';
import type { Formatter } from './types';

export const render: Formatter = (results) => gitlab(results);

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = { info: 'info', warning: 'minor', error: 'major' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function fingerprint(parts: readonly string[]): string {
  return sha256(parts.join('\0')).slice(0, 32);
}

export function gitlab(results: readonly FileResult[]): string {
  const issues: CodeQualityIssue[] = [];
  for (const file of results) {
    const seen = new Map<string, number>();
    for (const m of file.messages) {
      const key = [file.filePath, m.ruleId, m.section ?? '', m.message];
      const base = key.join('\0');
      const nth = (seen.get(base) ?? 0) + 1;
      seen.set(base, nth);
      issues.push({
        description: m.message,
        check_name: m.ruleId,
        fingerprint: fingerprint(nth > 1 ? [...key, String(nth)] : key),
        severity: SEVERITY[m.severity],
        location: { path: file.filePath, lines: { begin: m.line, end: Math.max(m.line, m.endLine) } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
