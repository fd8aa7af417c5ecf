// What every report format is: one function from the run's results to the report's text.
import type { Config } from '../../core';
import type { Colors } from '../colors';
import type { FileResult } from '../report';

export interface ReportContext {
  /** The specroles version (SARIF names the tool with it). */
  version: string;
  /** The configs the files were linted with: their guidelines and roles are described in SARIF. */
  configs: readonly Config[];
  /** For stylish. */
  colors: Colors;
}

/** A formatter module's `render`: the same signature for every format. */
export type Formatter = (results: readonly FileResult[], ctx: ReportContext) => string | Promise<string>;

/** What the table in registry.ts holds for each format. */
export interface FormatterEntry {
  /** One line for `--help` and docs: who the format is for. */
  description: string;
  /**
   * The format reads each file's sections (FileResult.sections), not only its findings: the CLI collects
   * them only when such a format is chosen, and the Node API's `format()` (which has findings only)
   * does not offer it.
   */
  sections?: true;
  /** Loads the module on demand, so that `--help` and `--version` never load a formatter. */
  load(): Promise<{ render: Formatter }>;
}
