// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
// pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { FileResult, Message } from '../report';
import type { Formatter } from './types';

export const render: Formatter = (results) => github(results);

export const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** In a command's message: `%`, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property value: also `:` and `,`, which would end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command (`::warning file=…::message`) for a finding. */
export function annotation(filePath: string, m: Message): string {
  const properties = [
    `file=${escapeProperty(filePath)}`,
    `line=${m.line}`,
    `col=${m.column}`,
    `endLine=${m.endLine}`,
    `endColumn=${m.endColumn}`,
    `title=${escapeProperty(`specroles ${m.ruleId}`)}`,
  ];
  const cites = m.guidelines.length ? `\nGuidelines: ${m.guidelines.join(', ')}` : '';
  return `::${COMMAND[m.severity]} ${properties.join(',')}::${escapeData(`${m.message}${cites}`)}`;
}

export function github(results: readonly FileResult[]): string {
  const lines = results.flatMap((file) => file.messages.map((m) => annotation(file.filePath, m)));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
