// `specroles [lint] [paths or globs…]`: find the specs, load their configs, lint them (in parallel when
// there are many), fix them with --fix, write the report, and decide the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { catalogueFor, lint, rulesById } from '../core';
import type { FormatName, ParsedArgs } from './args';
import { colors, useColor } from './colors';
import { Configs, type ResolvedConfig } from './configs';
import { discover } from './files';
import { needsSections, renderReport } from './formatters';
import type { Io } from './io';
import { processFile, type FileTask } from './process-file';
import { progress } from './progress';
import { count, type FileResult } from './report';
import { CliError, closest, displayPath, plural } from './util';

/**
 * Above this many files, worker threads help. Each new thread pays to start (bundle, catalogue) and to
 * warm up (its first ~100 files lint 2-3× slower than later ones), so below this the gain is nil.
 */
export const PARALLEL_THRESHOLD = 50;

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
  const run = await runLint(args, io, { sections: needsSections((args.format ?? 'stylish') as FormatName) });
  if (typeof run === 'number') return run;
  const { results, lateProblems } = run;

  // 4. Report.
  const shown = args.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  if (!lateProblems.size) {
    const report = await format(args, shown, io, run.configs, version);
    if (args.output) writeReport(resolve(io.cwd, args.output), report, args.output);
    else if (report) io.stdout.write(report);
  }
  writeNotices(run, io);
  return exitCode(run, args, io);
}

/** Writes a report file, creating its folder. */
export function writeReport(path: string, report: string, shown: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } catch (e) {
    throw new CliError(`${shown}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Steps 1 to 3 of a lint: find the specs, check the configs, lint (and fix). A number is the exit code of a
 * run that ended early (config problems, already written to standard error).
 */
export async function runLint(args: ParsedArgs, io: Io, options: { sections: boolean }): Promise<LintRun | number> {
  const { cwd } = io;
  const { sections } = options;
  const ruleSettings: Record<string, string> = {};
  for (const { id, severity } of args.rules) {
    if (!rulesById.has(id)) {
      const guess = closest(id, rulesById.keys());
      throw new CliError(`--rule: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (see \`specroles explain rules\`)`);
    }
    ruleSettings[id] = severity;
  }
  const configs = new Configs({ cwd, rules: ruleSettings, ...(args.config ? { explicit: resolve(cwd, args.config) } : {}) });
  const catalogueOf = (c: ResolvedConfig) => catalogueFor(c.config);

  // 1. What to lint.
  const tasks: FileTask[] = [];
  const notices: string[] = [];
  // Folders and globs were searched and held no spec: exit 2 (ESLint's convention for unmatched patterns).
  let noSpecs = false;
  if (args.stdin) {
    const text = await io.readStdin();
    const name = args.stdinFilename;
    const abs = name ? resolve(cwd, name) : '';
    const resolved = configs.forDirectory(name ? dirname(abs) : cwd);
    tasks.push({ index: 0, abs, filePath: name ? displayPath(cwd, abs) : '<stdin>', configIndex: resolved.index, fix: false, text, sections });
  } else {
    const found = discover(args.positionals, cwd, configs, catalogueOf, { onlySpecs: args.onlySpecs });
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
  // Many files: start the workers now, so they load and warm up while this thread checks the configs.
  // This thread lints too, so one worker per core but one.
  const threads = args.concurrency ?? (tasks.length > PARALLEL_THRESHOLD ? Math.max(1, Math.min(availableParallelism() - 1, 7)) : 0);
  const pool = threads > 0 && tasks.length > 1 ? (await import('./pool')).startPool(configs.all.map((c) => c.config), threads) : undefined;
  let results: FileResult[];
  try {
    const engineProblems = new Set<string>();
    for (const resolved of configs.all) {
      for (const message of lint('', { config: resolved.config }).configProblems) engineProblems.add(configs.describeEngineProblem(resolved, message));
    }
    if (engineProblems.size) {
      for (const p of engineProblems) io.stderr.write(`specroles: ${p}\n`);
      return 2;
    }

    // 3. Lint (and fix).
    const bar = progress(io.stderr, tasks.length, io.env);
    try {
      const here = (task: FileTask) => processFile(task, configs.all[task.configIndex]!.config);
      results = pool
        ? await pool.run(tasks, here, (done) => bar.update(done))
        : tasks.map((task, i) => {
            const r = here(task);
            bar.update(i + 1);
            return r;
          });
    } finally {
      bar.end();
    }
  } finally {
    await pool?.close();
  }

  // Problems only an override's rules show (bad options for one folder): still a config error.
  const lateProblems = new Set<string>();
  for (const r of results) {
    const resolved = configs.all[tasks[r.index]!.configIndex]!;
    for (const message of r.configProblems) lateProblems.add(configs.describeEngineProblem(resolved, message));
  }

  return { results, configs, notices, lateProblems, noSpecs };
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

async function format(args: ParsedArgs, results: FileResult[], io: Io, configs: Configs, version: string): Promise<string> {
  const tty = !args.output && !!io.stdout.isTTY;
  const name = (args.format ?? 'stylish') as FormatName;
  return renderReport(name, results, { version, configs: configs.all.map((r) => r.config), colors: colors(useColor(args.color, io.env, tty)) });
}
