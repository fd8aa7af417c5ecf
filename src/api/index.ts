// The Node API: what `require('specroles')` and `import('specroles')` give (docs/api.md). A thin layer over
// the engine (src/core) and the CLI's own file discovery, config loading and report formats, so a script
// sees exactly what `specroles` on the command line sees.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { version as packageVersion } from '../../package.json';
import {
  applyFixes as applyEngineFixes,
  catalogueFor,
  decodeUtf8,
  parseConfig,
  ruleDocUrl,
  fixAll,
  lint,
  maxFileSizeFor,
  ownershipSummary,
  rules as engineRules,
  engineConfigProblems,
  tooLargeNotice,
  type Config as EngineConfig,
  type ConfigProblem,
  type Finding,
  type LintResult as EngineResult,
} from '../core';
import { colors } from '../cli/colors';
import { Configs, type ResolvedConfig } from '../cli/configs';
import { discover } from '../cli/files';
import { FORMATS, renderReport } from '../cli/formatters';
import { toMessage as reportMessage, writeAtomically } from '../cli/process-file';
import type { FileResult } from '../cli/report';
import { displayPath } from '../cli/util';
import type { CatalogueInfo, Config, DocType, Fix, FormatName, Guideline, Kind, LintMessage, LintResult, Role, RuleInfo } from './types';

export type * from './types';

/** The version of specroles. */
export const version: string = packageVersion;

/** A config that cannot be used: it does not parse, breaks the schema, or names unknown rules or roles. */
export class ConfigError extends Error {
  /** One line per problem: `file:line:column: message` where the problem is in a config file. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface ConfigOptions {
  /** Relative paths are relative to this folder. Default: `process.cwd()`. */
  cwd?: string;
  /** Use this config file instead of looking for `.specroles.yaml` files (the CLI's `--config`). */
  configFile?: string;
}

export interface LintTextOptions extends ConfigOptions {
  /**
   * The file the text is (or would be): decides Markdown or YAML, the document type by name, which
   * `overrides` apply, and where config files are looked for. Need not exist.
   */
  filePath?: string;
  /** Lint with this config; no config files are read. Validated as a `.specroles.yaml` would be. */
  config?: Config;
  /** Apply safe fixes, pass after pass: the result's `output` is the fixed text, its messages what remains. */
  fix?: boolean;
}

export interface LintFilesOptions extends ConfigOptions {
  /** Apply safe fixes: each result's `output` is the fixed text. Nothing is written (see `outputFixes`). */
  fix?: boolean;
  /** Files named explicitly must be specs too (the CLI's `--only-specs`, for hooks given every staged file). */
  onlySpecs?: boolean;
}

/**
 * Lints a text. The config comes from `config` when given, else from the config files found from the
 * folder of `filePath` (or `cwd`) upwards, or from `configFile`.
 * @throws ConfigError when the config cannot be used.
 */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const abs = options.filePath ? resolve(cwd, options.filePath) : undefined;
  const config = options.config ? checkedConfig(options.config) : discovered(cwd, options.configFile, abs ? dirname(abs) : cwd);
  return lintOne(text, abs, config.config, options.fix ?? false, config.describe);
}

/** Applies every safe fix to a text, pass after pass, as `specroles --fix` does; `lintText` with `fix: true`. */
export function fixText(text: string, options: Omit<LintTextOptions, 'fix'> = {}): { output: string; fixed: boolean; result: LintResult } {
  const result = lintText(text, { ...options, fix: true });
  return { output: result.output ?? text, fixed: result.output !== undefined, result };
}

/**
 * Lints the specs that files, folders and globs name, found as the CLI finds them: folders and globs are
 * searched for specs (`files.include`, front matter markers, Markdown that reads as a spec) and
 * .gitignore'd files are left out; each file gets the config nearest to it. No pattern means `cwd`.
 * @throws ConfigError when a config cannot be used; an Error when a pattern matches nothing or a file cannot be read.
 */
export async function lintFiles(patterns: string | readonly string[] = [], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configs = new Configs({ cwd, rules: {}, ...(options.configFile ? { explicit: resolve(cwd, options.configFile) } : {}) });
  const found = discover(typeof patterns === 'string' ? [patterns] : patterns, cwd, configs, (c) => catalogueFor(c.config), { onlySpecs: options.onlySpecs ?? false });
  const targets = found.targets.map((target) => ({ target, resolved: configs.forFile(target.abs) }));
  throwProblems(configs, targets.map((t) => t.resolved));
  return targets.map(({ target, resolved }) => {
    const config = resolved.config;
    const limit = maxFileSizeFor(config);
    let text: string;
    let validUtf8: boolean;
    try {
      const size = statSync(target.abs).size;
      if (size > limit) return { ...counts([]), filePath: target.abs, messages: [], skipped: `${target.display}: ${tooLargeNotice(size, limit)}` };
      ({ text, validUtf8 } = decodeUtf8(readFileSync(target.abs)));
    } catch (e) {
      throw new Error(`${target.display}: cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return lintOne(text, target.abs, config, options.fix ?? false, (m) => configs.describeEngineProblem(resolved, m), validUtf8);
  });
}

/** Writes the `output` of results from `lintFiles(…, { fix: true })` to their files (atomically, keeping their modes). */
export async function outputFixes(results: readonly LintResult[]): Promise<void> {
  for (const r of results) if (r.output !== undefined && isAbsolute(r.filePath)) writeAtomically(r.filePath, r.output);
}

/**
 * The config that applies to a file (or, with a trailing "/" or an existing folder, to files in a
 * folder): `.specroles.yaml`/`.specroles.json` files from its folder up to the first `root: true`, merged.
 * @throws ConfigError when a config file does not parse or breaks the schema.
 */
export function loadConfig(filePath: string, options: ConfigOptions = {}): { config: Config; files: string[] } {
  const cwd = options.cwd ?? process.cwd();
  const abs = resolve(cwd, filePath);
  let dir = dirname(abs);
  try {
    if (/[/\\]$/.test(filePath) || statSync(abs).isDirectory()) dir = abs;
  } catch {
    // A file that does not exist yet: its folder.
  }
  const { configs, resolved } = configsFor(cwd, options.configFile, dir);
  throwProblems(configs, [resolved]);
  return { config: resolved.config, files: [...resolved.files] };
}

/**
 * Applies fixes to a text: every edit of a fix or none, never two that overlap (a fix that would is left
 * out; lint the result again and it is offered again). E.g. `applyFixes(text, result.messages.flatMap((m) => m.fix ?? []))`.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: Fix[]; skipped: Fix[] } {
  const out = applyEngineFixes(text, fixes);
  return { output: out.text, applied: out.applied, skipped: out.skipped.map((s) => s.fix) };
}

export interface FormatOptions {
  /** File paths in the report are shown relative to this folder. Default: `process.cwd()`. */
  cwd?: string;
  /** Colours in the stylish report. Default: false. */
  color?: boolean;
  /** The config the results were linted with, where it adds guidelines or roles (SARIF describes them). */
  config?: Config;
}

/** The report formats: the CLI's `--format` values. */
export const formats: readonly FormatName[] = FORMATS;

/** Renders results as the CLI's `--format` would: `stylish` (the default), `json`, `sarif`, `github`, `gitlab`, `junit` or `summary`. */
export async function format(results: readonly LintResult[], name: FormatName = 'stylish', options: FormatOptions = {}): Promise<string> {
  if (!FORMATS.includes(name)) throw new Error(`unknown format "${String(name)}"; use one of ${FORMATS.join(', ')}`);
  const cwd = options.cwd ?? process.cwd();
  const files: FileResult[] = results.map((r, index) => ({
    index,
    filePath: isAbsolute(r.filePath) ? displayPath(cwd, r.filePath) : r.filePath,
    messages: r.messages.map((m) => ({ ...pick(m), fixable: !!m.fix })),
    configProblems: [],
    ...(r.document ? { document: r.document } : {}),
    ...(r.skipped ? { skipped: r.skipped } : {}),
  }));
  const configs = options.config ? [checkedConfig(options.config).config] : [];
  return renderReport(name, files, { version, configs, colors: colors(options.color ?? false) });
}

/** The rules, in the order they run. */
export const rules: readonly RuleInfo[] = engineRules.map(({ meta }) => ({
  id: meta.id,
  description: meta.description,
  defaultSeverity: meta.defaultSeverity,
  fixable: meta.fixable,
  guidelines: [...meta.guidelines],
  docs: ruleDocUrl(meta.id),
}));

/** The built-in catalogue, or the built-in one with what `config` adds (kinds, roles, document types, guidelines). */
export function catalogue(config: Config = {}): CatalogueInfo {
  const c = catalogueFor(checkedConfig(config).config);
  if (c.problems.length) throw new ConfigError(c.problems.map((p) => p.message));
  return {
    kinds: [...c.kinds.values()].map(({ regexes: _regexes, contextFreeRegexes: _contextFree, ...kind }): Kind => kind),
    guidelines: [...c.guidelines.values()] as Guideline[],
    roles: [...c.roles.values()] as Role[],
    docTypes: [...c.docTypes.values()] as DocType[],
  };
}

const builtin = catalogue();
/** The built-in section kinds, with their owners and the headings that name them. */
export const kinds: readonly Kind[] = builtin.kinds;
/** The guidelines findings cite, each with its published source. */
export const guidelines: readonly Guideline[] = builtin.guidelines;
/** The built-in roles. */
export const roles: readonly Role[] = builtin.roles;
/** The built-in document types. */
export const docTypes: readonly DocType[] = builtin.docTypes;

// ---- inside ---------------------------------------------------------------------------------------

interface UsableConfig {
  config: EngineConfig;
  /** Says where in the config files a problem the engine finds is (`file:line:column: message`). */
  describe: (problem: ConfigProblem) => string;
}

/** A config given as an object, validated as a config file would be (the same messages). */
function checkedConfig(config: Config): UsableConfig {
  const parsed = parseConfig(JSON.stringify(config), 'config');
  if (!parsed.config) throw new ConfigError(parsed.problems.map((p) => p.message));
  return { config: parsed.config, describe: (p) => p.message };
}

function configsFor(cwd: string, configFile: string | undefined, dir: string): { configs: Configs; resolved: ResolvedConfig } {
  const configs = new Configs({ cwd, rules: {}, ...(configFile ? { explicit: resolve(cwd, configFile) } : {}) });
  return { configs, resolved: configs.forDirectory(dir) };
}

function discovered(cwd: string, configFile: string | undefined, dir: string): UsableConfig {
  const { configs, resolved } = configsFor(cwd, configFile, dir);
  throwProblems(configs, [resolved]);
  return { config: resolved.config, describe: (m) => configs.describeEngineProblem(resolved, m) };
}

/** Config files that do not parse or fit the schema, then what the engine finds wrong with the configs. */
function throwProblems(configs: Configs, used: readonly ResolvedConfig[]): void {
  const fileProblems = configs.fileProblems();
  if (fileProblems.length) throw new ConfigError(fileProblems);
  const problems = new Set<string>();
  for (const r of new Set(used)) for (const p of engineConfigProblems(r.config)) problems.add(configs.describeEngineProblem(r, p));
  if (problems.size) throw new ConfigError([...problems]);
}

/** `validUtf8`: the text was read from a file whose bytes are valid UTF-8 (decodeUtf8). */
function lintOne(text: string, abs: string | undefined, config: EngineConfig, fix: boolean, describe: (problem: ConfigProblem) => string, validUtf8 = false): LintResult {
  const path = abs?.replace(/\\/g, '/');
  const lintIt = (t: string): EngineResult => lint(t, { ...(path ? { path } : {}), config, ...(validUtf8 ? { validUtf8 } : {}) });
  let result = lintIt(text);
  // Problems only an override's rules show (bad options for one folder).
  if (result.configProblems.length) throw new ConfigError([...new Set(result.configProblems.map(describe))]);
  const filePath = abs ?? '<text>';
  if (result.skipped) return { ...counts([]), filePath, messages: [], skipped: result.skipped };
  let output: string | undefined;
  if (fix) {
    const fixed = fixAll(text, result, lintIt);
    if (fixed.text !== text) {
      output = fixed.text;
      result = fixed.result;
    }
  }
  const messages = result.findings.map(toMessage);
  return { filePath, messages, ...counts(messages), ...(output !== undefined ? { output } : {}), document: ownershipSummary(result) };
}

function toMessage(f: Finding): LintMessage {
  // The CLI's message, which says only whether a fix exists; the API gives the fixes.
  const { fixable: _fixable, ...m }: LintMessage & { fixable?: boolean } = reportMessage(f);
  // The fix --fix takes is a finding's first safe fix with edits (see safeFixes in the engine).
  const fix = f.fixes.find((x) => x.safe && x.edits.length);
  if (fix) m.fix = fix;
  const others = f.fixes.filter((x) => x !== fix);
  if (others.length) m.suggestions = others;
  return m;
}

function counts(messages: readonly LintMessage[]): Pick<LintResult, 'errorCount' | 'warningCount' | 'infoCount' | 'fixableCount'> {
  const c = { errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
  for (const m of messages) {
    if (m.severity === 'error') c.errorCount++;
    else if (m.severity === 'warning') c.warningCount++;
    else c.infoCount++;
    if (m.fix) c.fixableCount++;
  }
  return c;
}

/** The keys of the CLI's JSON messages, the formatters' input. */
function pick(m: LintMessage) {
  const { ruleId, severity, message, line, column, endLine, endColumn, guidelines, section } = m;
  return { ruleId, severity, message, line, column, endLine, endColumn, guidelines, ...(section !== undefined ? { section } : {}) };
}
