// `--format json`: one entry per file in the order given, messages by position, exactly these keys.
import type { FileResult } from '../report';
import type { Formatter } from './types';

export const render: Formatter = (results) => json(results);

export function json(results: readonly FileResult[]): string {
  const files = results.map((file) => ({
    filePath: file.filePath,
    messages: file.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      guidelines: m.guidelines,
    })),
  }));
  return `${JSON.stringify(files)}\n`;
}
