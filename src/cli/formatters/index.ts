// The report formats, by name: what `--format` selects in the CLI and `format()` in the Node API.
import { catalogueFor, describeRoles, rules, type Config, type Guideline } from '../../core';
import type { Colors } from '../colors';
import type { FileResult } from '../report';
import { json } from './json';
import { stylish } from './stylish';

import type { FormatName } from '../args';

export { FORMATS, type FormatName } from '../args';

export interface ReportContext {
  /** The specroles version (SARIF names the tool with it). */
  version: string;
  /** The configs the files were linted with: their guidelines and roles are described in SARIF. */
  configs: readonly Config[];
  /** For stylish. */
  colors: Colors;
}

export async function renderReport(name: FormatName, results: readonly FileResult[], ctx: ReportContext): Promise<string> {
  switch (name) {
    case 'json':
      return json(results);
    case 'sarif': {
      const { sarif } = await import('./sarif');
      const guidelines = new Map<string, Guideline>();
      const catalogues = (ctx.configs.length ? ctx.configs : [{}]).map((c) => catalogueFor(c));
      for (const catalogue of catalogues) for (const [id, g] of catalogue.guidelines) if (!guidelines.has(id)) guidelines.set(id, g);
      const describeRole = (role: string) => describeRoles(catalogues[0]!, [role]);
      return sarif(results, { version: ctx.version, rules: rules.map((r) => r.meta), guidelines, describeRole });
    }
    case 'github': {
      const { github } = await import('./github');
      return github(results);
    }
    case 'junit': {
      const { junit } = await import('./junit');
      return junit(results);
    }
    default:
      return stylish(results, ctx.colors);
  }
}
