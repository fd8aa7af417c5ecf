// `specroles [lint] [paths or globs…]`: find the specs, load their configs, lint them (in parallel when
// there are many), fix them with --fix, write the report, and decide the exit code.
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { catalogueFor, configForPath, decodeUtf8, engineConfigProblems, maxFileSizeFor, rulesById, runSettings, type Config } from '../core';
import { cachePath, DEFAULT_CACHE_FILE, ResultCache } from './cache';
import type { FormatName, ParsedArgs } from './args';
import { colors, useColor } from './colors';
import { Configs, type ResolvedConfig } from './configs';
import { discover } from './files';
import { needsSections, renderReport, type ReportContext } from './formatters';
import type { Io } from './io';
import { processFile, type FileTask } from './process-file';
import { progress } from './progress';
import { count, type FileResult } from './report';
import { addSuppressions, applySuppressions, DEFAULT_SUPPRESSIONS_FILE, pruneSuppressions, readSuppressions, serialiseSuppressions } from './suppressions';
import { byIndex, CliError, closest, displayPath, plural, sha256 } from './util';

/**
 * Above this many files, worker threads help. Each new thread pays to start (bundle, catalogue) and to
 * warm up (its first ~100 files lint 2-3× slower than later ones), so below this the gain is nil.
 */
export const PARALLEL_THRESHOLD = 50;

/**
 * Worker threads for `files` files with `--concurrency auto`: one per core but one (this thread lints
 * too), at most 7; none for few files (PARALLEL_THRESHOLD), none on 2 cores or fewer, and none when the
 * machine has no idle core (its 1-minute load average `load` is at least its number of cores). A lint
 * thread keeps V8's helper threads (optimising compiler, garbage collector) busy on another core: one
 * thread linting 1,000 specs used ~1.6 cores (3.3 s of CPU in 2.1 s), one worker beside it ~1.8 (4.5 s in
 * 2.5 s), as each thread warms up on its own. So on 2 cores a worker never had a core to itself: 1,000
 * specs took ~1.2× as long with it (at a load of 2.3; ~1.15× at 4-5, 200 specs ~1.25×). Where the OS
 * reports no load (Windows: 0), only the core count counts.
 */
export function autoThreads(files: number, cores: number, load: number): number {
  if (files <= PARALLEL_THRESHOLD || cores <= 2 || load >= cores) return 0;
  return Math.min(cores - 1, 7);
}

/** A lint run's outcome, before it is reported: what `specroles` and the GitHub Action both report from. */
export interface LintRun {
  results: FileResult[];
  configs: Configs;
  /** Notices for standard error (files skipped and why). */
  notices: string[];
  /** Config problems that only showed when files were linted: the run is a config error (exit 2). */
  lateProblems: Set<string>;
  /** Folders and globs were searched and held no spec. */
  noSpecs: boolean;
}

export async function lintCommand(args: ParsedArgs, io: Io, version: string): Promise<number> {
  if (args.printConfig !== undefined) return printConfig(args, io);
  const mainFormat = (args.format ?? 'stylish') as FormatName;
  const sections = [mainFormat, ...args.outputs.map((o) => o.format)].some(needsSections);
  const run = await runLint(args, io, { sections });
  if (typeof run === 'number') return run;
  const { results, lateProblems } = run;

  // --stdin --fix: the fixed text (or the text as it was) on standard output, like a formatter; the
  // report of what is left then goes to standard error (or its --output file).
  const fixedText = args.stdin && args.fix ? results[0]?.fixedText : undefined;
  if (fixedText !== undefined) io.stdout.write(fixedText);
  const reportStream = fixedText !== undefined ? io.stderr : io.stdout;

  // 4. Report: the --format report to standard output (or --output FILE), and every --output FORMAT=FILE.
  // Each format is rendered once, however many places it goes to.
  const shown = args.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  if (!lateProblems.size) {
    const rendered = new Map<string, Promise<string>>();
    const render = (name: FormatName, color: boolean) => {
      const key = `${name}${color ? ':color' : ''}`;
      let report = rendered.get(key);
      if (!report) {
        const ctx: ReportContext = { version, configs: run.configs.all.map((r) => r.config), colors: colors(color) };
        report = renderReport(name, shown, ctx);
        rendered.set(key, report);
      }
      return report;
    };
    const toTerminal = !args.output && !!reportStream.isTTY;
    const main = await render(mainFormat, useColor(args.color, io.env, toTerminal));
    const files: { path: string; shown: string; report: string }[] = [];
    if (args.output) files.push({ path: resolve(io.cwd, args.output), shown: args.output, report: main });
    for (const o of args.outputs) files.push({ path: resolve(io.cwd, o.path), shown: o.path, report: await render(o.format, false) });
    const paths = new Set<string>();
    for (const f of files) {
      if (paths.has(f.path)) throw new CliError(`${f.shown}: named by more than one --output`);
      paths.add(f.path);
    }
    for (const f of files) writeReport(f.path, f.report, f.shown);
    if (!args.output && main) reportStream.write(main);
  }
  writeNotices(run, io);
  return exitCode(run, args, io);
}

/**
 * Writes a report file, creating its folder: atomically (a temporary file in the same folder, then a
 * rename), so a CI step reading it never sees half a report, nor an old one mixed with a new one.
 */
export function writeReport(path: string, report: string, shown: string): void {
  const temp = join(dirname(path), `.${basename(path)}.specroles-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, report, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    throw new CliError(`${shown}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** The --rule settings, checked: unknown rules end the run with a usage error. */
function ruleSettingsOf(args: ParsedArgs): Record<string, string> {
  const ruleSettings: Record<string, string> = {};
  for (const { id, severity } of args.rules) {
    if (!rulesById.has(id)) {
      const guess = closest(id, rulesById.keys());
      throw new CliError(`--rule: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (see \`specroles explain rules\`)`);
    }
    ruleSettings[id] = severity;
  }
  return ruleSettings;
}

/**
 * --print-config FILE: the config that applies to FILE as JSON: its config files (and --config, --rule)
 * merged, the `overrides` matching FILE applied, and every rule's effective setting. Config problems
 * still exit with 2, one `file:line:column: message` line each.
 */
async function printConfig(args: ParsedArgs, io: Io): Promise<number> {
  const { cwd } = io;
  const configs = new Configs({ cwd, rules: ruleSettingsOf(args), ...(args.config ? { explicit: resolve(cwd, args.config) } : {}) });
  const abs = resolve(cwd, args.printConfig!);
  const resolved = configs.forFile(abs);
  const problems = configs.fileProblems();
  const path = abs.replace(/\\/g, '/');
  if (!problems.length) for (const p of engineConfigProblems(resolved.config, path)) problems.push(configs.describeEngineProblem(resolved, p));
  if (problems.length) {
    for (const p of new Set(problems)) io.stderr.write(`specroles: ${p}\n`);
    return 2;
  }
  io.stdout.write(`${JSON.stringify(effectiveConfig(resolved.config, path), null, 2)}\n`);
  return 0;
}

/** The config for one file, as a config file would say it: overrides applied, every rule's setting spelled out. */
export function effectiveConfig(config: Config, path: string): Config {
  const forFile: Config = { ...configForPath(config, path) };
  delete forFile.overrides;
  const run = runSettings(forFile).rules;
  const rules: Record<string, unknown> = {};
  for (const id of [...rulesById.keys()].sort()) {
    const r = run.get(id);
    const options = r?.options as Record<string, unknown> | undefined;
    rules[id] = !r ? 'off' : options && Object.keys(options).length ? [r.severity, options] : r.severity;
  }
  return { ...forFile, rules: rules as Config['rules'] };
}

/**
 * Steps 1 to 3 of a lint: find the specs, check the configs, lint (and fix). A number is the exit code of a
 * run that ended early (config problems, already written to standard error).
 */
export async function runLint(args: ParsedArgs, io: Io, options: { sections: boolean }): Promise<LintRun | number> {
  const { cwd } = io;
  const { sections } = options;
  const ruleSettings = ruleSettingsOf(args);
  const configs = new Configs({ cwd, rules: ruleSettings, ...(args.config ? { explicit: resolve(cwd, args.config) } : {}) });
  const catalogueOf = (c: ResolvedConfig) => catalogueFor(c.config);

  // 1. What to lint.
  const tasks: FileTask[] = [];
  const notices: string[] = [];
  // Folders and globs were searched and held no spec: exit 2 (ESLint's convention for unmatched patterns).
  let noSpecs = false;
  if (args.stdin) {
    const { text, validUtf8 } = await io.readStdin();
    const name = args.stdinFilename;
    const abs = name ? resolve(cwd, name) : '';
    const resolved = configs.forDirectory(name ? dirname(abs) : cwd);
    tasks.push({ index: 0, abs, filePath: name ? displayPath(cwd, abs) : '<stdin>', configIndex: resolved.index, fix: args.fix, text, validUtf8, sections });
  } else {
    const found = discover(args.positionals, cwd, configs, catalogueOf, {
      onlySpecs: args.onlySpecs,
      ignorePatterns: args.ignorePatterns,
      errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
    });
    notices.push(...found.notices);
    noSpecs = found.searched && !found.targets.length;
    for (const t of found.targets) tasks.push({ index: tasks.length, abs: t.abs, filePath: t.display, configIndex: configs.forFile(t.abs).index, fix: args.fix, sections });
  }
  if (args.config && !configs.all.length) configs.forDirectory(cwd);

  // 2. Config problems end the run before anything is linted or written.
  const fileProblems = configs.fileProblems();
  if (fileProblems.length) {
    for (const p of fileProblems) io.stderr.write(`specroles: ${p}\n`);
    return 2;
  }
  // --cache: look the files up before deciding on workers (an unchanged tree needs none).
  const cache = args.cache && !args.fix && !args.stdin ? openCache(args, cwd, configs, tasks, notices) : undefined;
  const toLint = cache ? cache.misses : tasks;
  // Many files: start the workers now, so they load and warm up while this thread checks the configs.
  const threads = args.concurrency ?? autoThreads(toLint.length, availableParallelism(), loadavg()[0] ?? 0);
  const pool = threads > 0 && toLint.length > 1 ? (await import('./pool')).startPool(configs.all.map((c) => c.config), threads) : undefined;
  let results: FileResult[];
  try {
    const engineProblems = new Set<string>();
    for (const resolved of configs.all) {
      for (const problem of engineConfigProblems(resolved.config)) engineProblems.add(configs.describeEngineProblem(resolved, problem));
    }
    if (engineProblems.size) {
      for (const p of engineProblems) io.stderr.write(`specroles: ${p}\n`);
      return 2;
    }

    // 3. Lint (and fix); with --cache, only the files whose text, config or specroles changed.
    const bar = progress(io.stderr, toLint.length, io.env);
    try {
      const here = (task: FileTask) => processFile(task, byIndex(configs.all, task.configIndex, 'config').config);
      results = pool
        ? await pool.run(toLint, here, (done) => bar.update(done))
        : toLint.map((task, i) => {
            const r = here(task);
            bar.update(i + 1);
            return r;
          });
    } finally {
      bar.end();
    }
    if (cache) results = cache.finish(results);
  } finally {
    await pool?.close();
  }

  // Problems only an override's rules show (bad options for one folder): still a config error.
  const lateProblems = new Set<string>();
  for (const r of results) {
    const resolved = byIndex(configs.all, byIndex(tasks, r.index, 'task').configIndex, 'config');
    for (const problem of r.configProblems) lateProblems.add(configs.describeEngineProblem(resolved, problem));
  }

  if (!lateProblems.size) results = suppress(args, cwd, results, notices);
  return { results, configs, notices, lateProblems, noSpecs };
}

/**
 * --cache: the cached results of the files whose text hash, config hash and specroles version match;
 * the rest to lint. `finish` merges both in task order and writes the cache (atomically).
 */
function openCache(args: ParsedArgs, cwd: string, configs: Configs, tasks: FileTask[], notices: string[]): { misses: FileTask[]; finish(linted: FileResult[]): FileResult[] } {
  const path = cachePath(cwd, args.cacheLocation);
  const shown = args.cacheLocation ?? DEFAULT_CACHE_FILE;
  const { cache, notice } = ResultCache.load(path, shown);
  if (notice) notices.push(notice);
  const configHashes = new Map<number, string>();
  const configHash = (index: number) => {
    let h = configHashes.get(index);
    if (h === undefined) configHashes.set(index, (h = sha256(JSON.stringify(byIndex(configs.all, index, 'config').config))));
    return h;
  };
  const hits: FileResult[] = [];
  const misses: FileTask[] = [];
  const keys = new Map<number, { hash: string; config: string; task: FileTask }>();
  for (const task of tasks) {
    let read: { text: string; validUtf8: boolean };
    try {
      // Over maxFileSize, or unreadable: linted as usual (which reports it), never cached.
      if (statSync(task.abs).size > maxFileSizeFor(byIndex(configs.all, task.configIndex, 'config').config)) throw new Error('too large');
      read = decodeUtf8(readFileSync(task.abs));
    } catch {
      misses.push(task);
      continue;
    }
    // Invalid bytes and a file that holds U+FFFD itself can read as the same text, and lint differently.
    const key = { hash: sha256(read.validUtf8 ? read.text : `invalid UTF-8\u0000${read.text}`), config: configHash(task.configIndex) };
    const hit = cache.get(task.abs, key.hash, key.config, !!task.sections);
    if (hit) hits.push({ ...hit, index: task.index, filePath: task.filePath });
    else {
      keys.set(task.index, { ...key, task });
      misses.push({ ...task, preread: read.text, validUtf8: read.validUtf8 });
    }
  }
  return {
    misses,
    finish(linted) {
      for (const r of linted) {
        const key = keys.get(r.index);
        if (key && !r.error && !r.skipped) cache.set(key.task.abs, key.hash, key.config, !!key.task.sections, r);
      }
      try {
        writeReport(path, cache.serialise(), shown);
      } catch (e) {
        notices.push(`${(e as Error).message.replace('the report', 'the cache')}`);
      }
      return [...hits, ...linted].sort((a, b) => a.index - b.index);
    },
  };
}

/**
 * Baseline suppressions (suppressions.ts): --suppress-all / --suppress-rule write this run's counts to
 * the file, --prune-suppressions lowers them to this run's; then whatever the file suppresses is taken
 * out of the results. Without the file and those flags, the results as they are.
 */
function suppress(args: ParsedArgs, cwd: string, results: FileResult[], notices: string[]): FileResult[] {
  for (const id of args.suppressRules) {
    if (!rulesById.has(id)) {
      const guess = closest(id, rulesById.keys());
      throw new CliError(`--suppress-rule: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (see \`specroles explain rules\`)`);
    }
  }
  const shown = args.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE;
  const path = resolve(cwd, shown);
  const writing = args.suppressAll || args.suppressRules.length > 0;
  let suppressions = readSuppressions(path, shown);
  if (writing) {
    suppressions = addSuppressions(suppressions, results, args.suppressAll ? undefined : new Set(args.suppressRules));
    writeReport(path, serialiseSuppressions(suppressions), shown);
  } else if (args.pruneSuppressions) {
    if (!suppressions) throw new CliError(`${shown}: no suppressions file to prune (write one with --suppress-all)`);
    suppressions = pruneSuppressions(suppressions, results, cwd);
    writeReport(path, serialiseSuppressions(suppressions), shown);
  }
  if (!suppressions) return results;
  const applied = applySuppressions(results, suppressions);
  if (writing) notices.push(`${shown}: ${plural(applied.suppressed, 'finding', 'findings')} suppressed`);
  if (applied.unused.length) {
    const list = applied.unused.length > 3 ? `${applied.unused.slice(0, 3).join('; ')}; and ${applied.unused.length - 3} more` : applied.unused.join('; ');
    notices.push(`${shown}: suppressions left that no longer occur (${list}); run specroles with --prune-suppressions to update the file`);
  }
  return applied.results;
}

/** What --fix did, notices, unreadable files and late config problems, on standard error. */
export function writeNotices(run: LintRun, io: Io): void {
  const { results, notices, lateProblems } = run;
  for (const r of results) {
    if (!r.fix) continue;
    if (r.fix.written) {
      io.stderr.write(`specroles: fixed ${r.filePath}: ${plural(r.fix.applied.length, 'fix', 'fixes')}${r.fix.passes > 1 ? ` in ${r.fix.passes} passes` : ''}\n`);
      for (const a of r.fix.applied) io.stderr.write(`  ${a.line}:${a.column}  ${a.title}  ${a.ruleId}\n`);
    }
    if (r.fix.refused) io.stderr.write(`specroles: did not fix ${r.filePath}: ${r.fix.refused}\n`);
  }
  for (const n of notices) io.stderr.write(`specroles: ${n}\n`);
  for (const r of results) if (r.skipped) io.stderr.write(`specroles: ${r.skipped}\n`);
  const errors = results.flatMap((r) => (r.error ? [r.error] : []));
  for (const e of errors) io.stderr.write(`specroles: ${e}\n`);
  for (const p of lateProblems) io.stderr.write(`specroles: ${p}\n`);
}

/** 0, 1 (errors, or more warnings than --max-warnings allows: ESLint's rule) or 2 (I/O, config, no specs). */
export function exitCode(run: LintRun, args: ParsedArgs, io: Io): number {
  const { results, lateProblems, noSpecs } = run;
  const counts = count(results);
  if (results.some((r) => r.error) || lateProblems.size) return 2;
  if (noSpecs && args.errorOnNoSpecs) return 2;
  if (counts.errors) return 1;
  const max = args.maxWarnings ?? -1;
  if (max >= 0 && counts.warnings > max) {
    io.stderr.write(`specroles: too many warnings (${counts.warnings}); --max-warnings allows ${max}\n`);
    return 1;
  }
  return 0;
}
