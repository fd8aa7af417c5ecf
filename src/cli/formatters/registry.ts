// The report formats, by name: the one table that `--format` validation, `--help`, `renderReport` and the
// Node API's `format()` read. A new format is a module in this folder exporting `render: Formatter`
// (types.ts) and one line here. Tiny and free of imports that run code: args.ts loads it on every run.
import type { FormatterEntry } from './types';

export const FORMATTERS = {
  stylish: { description: 'people: findings by file, a summary line (the default)', load: () => import('./stylish') },
  json: { description: 'scripts: files and their messages', load: () => import('./json') },
  sarif: { description: 'SARIF 2.1.0, for GitHub code scanning', load: () => import('./sarif') },
  github: { description: 'GitHub Actions workflow commands (annotations)', load: () => import('./github') },
  gitlab: { description: 'GitLab Code Quality JSON (artifacts: reports: codequality)', load: () => import('./gitlab') },
  junit: { description: 'JUnit XML test reports (GitLab, Jenkins, Azure Pipelines)', load: () => import('./junit') },
  summary: { description: 'Markdown for a CI job summary: sections by role, what each owes', sections: true, load: () => import('./summary') },
} as const satisfies Record<string, FormatterEntry>;

export type FormatName = keyof typeof FORMATTERS;

/** Every format, in the order `--help` lists them. */
export const FORMATS = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

/** Whether the chosen format needs each file's sections collected. */
export function needsSections(name: FormatName): boolean {
  return !!(FORMATTERS[name] as FormatterEntry).sections;
}
