// The default report, after ESLint's: findings grouped by file (position and severity aligned, then the
// message, the rule and the guidelines it cites), then a summary line and how many --fix would fix.
import type { Colors } from '../colors';
import { count, type FileResult } from '../report';
import { plural } from '../util';
import type { Formatter } from './types';

export const render: Formatter = (results, ctx) => stylish(results, ctx.colors);

export function stylish(results: readonly FileResult[], c: Colors): string {
  const out: string[] = [];
  for (const file of results) {
    if (!file.messages.length) continue;
    const position = (m: (typeof file.messages)[number]) => `${m.line}:${m.column}`;
    const wPosition = Math.max(...file.messages.map((m) => position(m).length));
    const wSeverity = Math.max(...file.messages.map((m) => m.severity.length));
    out.push(c.underline(file.filePath));
    for (const m of file.messages) {
      const severity = m.severity === 'error' ? c.red : m.severity === 'warning' ? c.yellow : c.blue;
      // Messages are sentences of very different lengths: the rule and its guidelines follow each one
      // rather than sitting in a far-off padded column.
      const cites = m.guidelines.length ? ` [${m.guidelines.join(', ')}]` : '';
      const message = m.message.replace(/\s*\r?\n\s*/g, ' ');
      out.push(`  ${c.dim(position(m).padEnd(wPosition))}  ${severity(m.severity.padEnd(wSeverity))}  ${message}  ${c.dim(`${m.ruleId}${cites}`)}`);
    }
    out.push('');
  }
  const n = count(results);
  const total = n.errors + n.warnings + n.infos;
  if (!total) return '';
  const mark = n.errors ? c.red : n.warnings ? c.yellow : c.blue;
  out.push(
    mark(c.bold(`\u2716 ${plural(total, 'problem')} (${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')})`)),
  );
  if (n.fixable) out.push(mark(c.bold(`  ${plural(n.fixable, 'problem')} potentially fixable with the \`--fix\` option.`)));
  return `${out.join('\n')}\n`;
}
