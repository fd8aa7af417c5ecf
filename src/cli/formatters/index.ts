// Renders a report in a named format: the table in registry.ts says which module renders it.
import type { FileResult } from '../report';
import { FORMATTERS, type FormatName } from './registry';
import type { ReportContext } from './types';

export { FORMATS, FORMATTERS, isFormatName, needsSections, type FormatName } from './registry';
export type { Formatter, ReportContext } from './types';

export async function renderReport(name: FormatName, results: readonly FileResult[], ctx: ReportContext): Promise<string> {
  const { render } = await FORMATTERS[name].load();
  return render(results, ctx);
}
