// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
// pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { FileResult } from '../report';
import type { Formatter } from './types';

export const render: Formatter = (results) => github(results);

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** In a command's message: `%`, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property value: also `:` and `,`, which would end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const file of results) {
    for (const m of file.messages) {
      const properties = [
        `file=${escapeProperty(file.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`specroles ${m.ruleId}`)}`,
      ];
      const cites = m.guidelines.length ? `\nGuidelines: ${m.guidelines.join(', ')}` : '';
      lines.push(`::${COMMAND[m.severity]} ${properties.join(',')}::${escapeData(`${m.message}${cites}`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
