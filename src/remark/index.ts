// remarkSpecroles: specroles as a unified (remark) plugin, for remark-cli and unified-language-server.
// Each file's text is linted by the engine, as the CLI lints it: format and document type from the file
// name, the config discovered for the file's folder (.specroles.yaml up to `root: true`, `extends`
// included) or the one named in the options. Findings become the file's messages with the same
// positions, `ruleId`, `source: 'specroles'`, the rule's documentation page as `url`, and the guidelines
// cited as `note`; errors are fatal (remark-cli exits 1), warnings are warnings (exit 1 with --frail),
// infos are infos. Like `specroles --only-specs`, files that are no specs (a README, a changelog) are
// left alone unless `onlySpecs: false`.
// No vscode, no child process, nothing from the config executed: it reads files and lints text.
import { dirname, resolve } from 'node:path';
import { catalogueFor, lint, ruleDocUrl, rulesById, specDecision, type Finding, type Severity } from '../core';
import { Configs, type ResolvedConfig } from '../cli/configs';
import { SpecSelector } from '../cli/files';
import { displayPath } from '../cli/util';

export interface RemarkSpecrolesOptions {
  /** Lint only files that are specs (by name, config `files`, front matter or content), as `--only-specs`. Default true. */
  onlySpecs?: boolean;
  /** A config file to use instead of discovery (relative to the working folder), as `--config`. */
  config?: string;
}

/** The parts of a VFile (vfile 6, unified 11) the plugin uses. */
interface FileLike {
  value: unknown;
  path?: string;
  cwd: string;
  message(reason: string, options?: { place?: { start: Point; end: Point }; ruleId?: string; source?: string }): MessageLike;
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface MessageLike {
  fatal?: boolean | null | undefined;
  url?: string;
  note?: string;
}

const SOURCE = 'specroles';

/** unified attacher: `unified().use(remarkSpecroles, options)`, `.remarkrc`: `plugins: ['specroles/remark']`. */
export default function remarkSpecroles(options: RemarkSpecrolesOptions | null | undefined = {}) {
  const settings = options ?? {};
  const onlySpecs = settings.onlySpecs ?? true;
  // One discovery cache per processor: remark-cli freezes one processor for all the files of a run.
  let state: { configs: Configs; selector: SpecSelector; cwd: string } | undefined;
  const setup = (cwd: string) => {
    if (!state || state.cwd !== cwd) {
      const configs = new Configs({ cwd, rules: {}, ...(settings.config ? { explicit: resolve(cwd, settings.config) } : {}) });
      state = { configs, selector: new SpecSelector(cwd, configs, (c: ResolvedConfig) => catalogueFor(c.config)), cwd };
    }
    return state;
  };

  return function transformer(_tree: unknown, file: FileLike): void {
    const text = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    const cwd = file.cwd || process.cwd();
    const abs = file.path ? resolve(cwd, file.path) : undefined;
    const { configs, selector } = setup(cwd);
    let resolved: ResolvedConfig;
    try {
      resolved = configs.forDirectory(abs ? dirname(abs) : cwd);
    } catch (e) {
      // An unreadable config file (permissions): one fatal message, as the CLI's exit 2.
      fatal(file, (e as Error).message);
      return;
    }
    if (resolved.problems.length) {
      for (const p of resolved.problems) fatal(file, `${displayPath(cwd, p.file)}:${p.range.start.line}:${p.range.start.column}: ${p.message}`);
      return;
    }
    if (onlySpecs) {
      const spec = abs ? selector.isSpec(abs, undefined, text) : specDecision(text, { isYaml: false, catalogue: catalogueFor(resolved.config) }).spec;
      if (!spec) return;
    }
    const result = lint(text, abs ? { path: abs.replace(/\\/g, '/'), config: resolved.config } : { config: resolved.config });
    for (const problem of result.configProblems) fatal(file, configs.describeEngineProblem(resolved, problem));
    if (result.configProblems.length) return;
    if (result.skipped) {
      const m = file.message(result.skipped, { source: SOURCE, ruleId: 'max-file-size' });
      m.fatal = undefined;
      return;
    }
    for (const finding of result.findings) report(file, finding);
  };
}

function report(file: FileLike, f: Finding): void {
  const point = (p: Finding['range']['start']): Point => ({ line: p.line, column: p.column, offset: p.offset });
  const message = file.message(f.message, { place: { start: point(f.range.start), end: point(f.range.end) }, ruleId: f.ruleId, source: SOURCE });
  message.fatal = FATAL[f.severity];
  if (rulesById.has(f.ruleId)) message.url = ruleDocUrl(f.ruleId);
  if (f.guidelines.length) message.note = `Guidelines: ${f.guidelines.join(', ')} (\`specroles explain GUIDELINE\`).`;
}

/** vfile's levels: fatal true is an error, false a warning, undefined an info. */
const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined };

function fatal(file: FileLike, reason: string): void {
  const m = file.message(reason, { source: SOURCE, ruleId: 'config' });
  m.fatal = true;
}

export { remarkSpecroles };
