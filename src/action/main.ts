// The GitHub Action (action.yml; bundled to dist/action.js by esbuild.mjs). It lints in this process with
// the CLI's own code (runLint: discovery, configs, workers), then, from that one run:
// - annotations as workflow commands on standard output, within GitHub's caps (ANNOTATION_CAPS), and one
//   notice saying how many more there are and where to see them;
// - the `--format summary` Markdown appended to $GITHUB_STEP_SUMMARY (input `summary`);
// - SARIF written to the `sarif-file` input, when given, for github/codeql-action/upload-sarif;
// - outputs `errors`, `warnings`, `infos` in $GITHUB_OUTPUT;
// - the CLI's exit code: 1 on errors or more warnings than `max-warnings` (ESLint's rule), 2 on a config,
//   usage or I/O error, or no spec in the paths.
// Started as a worker thread by the lint pool (which starts this same bundle), it runs the worker loop.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { parseArgs, UsageError } from '../cli/args';
import { colors } from '../cli/colors';
import { renderReport } from '../cli/formatters';
import { annotation, COMMAND, escapeData } from '../cli/formatters/github';
import type { Io } from '../cli/io';
import { exitCode, runLint, writeNotices, writeReport } from '../cli/lint-command';
import { count, type FileResult, type Message } from '../cli/report';
import { CliError, plural, WORKER_TAG } from '../cli/util';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, and 50 per job
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions and the annotation limits
 * of the checks API). The Action stays within the per-step caps, keeping one notice for the "N more"
 * message, so one step writes at most 30 annotations, within the job's 50 too.
 */
export const ANNOTATION_CAPS: Record<Message['severity'], number> = { error: 10, warning: 10, info: 9 };

/** An input as the runner passes it: `INPUT_<NAME>`, upper-cased, spaces as underscores (hyphens kept). */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `paths`: one per line, or separated by spaces on one line. */
export function splitPaths(value: string): string[] {
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length === 1 ? lines.flatMap((line) => line.split(/\s+/)) : lines;
}

function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = input(env, name).toLowerCase();
  if (!v) return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new UsageError(`input ${name} expects true or false, got "${v}"`);
}

/** GitHub's limit for one step's summary is 1 MiB; a longer one is cut at a line, with a note. */
export const SUMMARY_LIMIT = 1024 * 1024;

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n\n_The summary is cut here: GitHub keeps 1 MiB of a step summary. The log and the SARIF report have every finding._\n';
  let cut = Buffer.from(markdown).subarray(0, limit - Buffer.byteLength(note)).toString('utf8');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return `${cut}${note}`;
}

/** The annotations within the caps, and the notice about the rest (empty when nothing was left out). */
export function annotations(results: readonly FileResult[], sarifFile: string | undefined, summary: boolean): string[] {
  const used: Record<Message['severity'], number> = { error: 0, warning: 0, info: 0 };
  const left: Record<Message['severity'], number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  // Errors first, then warnings, then infos, each in file order.
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const file of results) {
      for (const m of file.messages) {
        if (m.severity !== severity) continue;
        if (used[severity] < ANNOTATION_CAPS[severity]) {
          used[severity]++;
          lines.push(annotation(file.filePath, m));
        } else left[severity]++;
      }
    }
  }
  const more = left.error + left.warning + left.info;
  if (more) {
    const where = [summary ? 'the job summary' : undefined, sarifFile ? `the SARIF report ${sarifFile} (code scanning, once uploaded)` : undefined, 'the log below'].filter(Boolean);
    const counts = [plural(left.error, 'error'), plural(left.warning, 'warning'), plural(left.info, 'info')].join(', ');
    const message = `${plural(more, 'more finding')} (${counts}) not annotated: GitHub shows at most ${ANNOTATION_CAPS.error} annotations of each severity per step. See ${where.join(', ')}.`;
    lines.push(`::${COMMAND.info} title=${'specroles'}::${escapeData(message)}`);
  }
  return lines;
}

export async function runAction(io: Io): Promise<number> {
  const { env } = io;
  let args;
  let sarifFile: string | undefined;
  let summary: boolean;
  try {
    const options = ['--no-color'];
    const config = input(env, 'config');
    const maxWarnings = input(env, 'max-warnings');
    if (config) options.push('--config', config);
    if (maxWarnings) options.push('--max-warnings', maxWarnings);
    // The CLI's own parsing and checks; after `--`, a path that starts with "-" is still a path.
    args = parseArgs([...options, '--', ...splitPaths(input(env, 'paths'))]);
    sarifFile = input(env, 'sarif-file') || undefined;
    summary = booleanInput(env, 'summary', true);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stdout.write(`::error title=specroles::${escapeData(e.message)}\n`);
    return 2;
  }

  const run = await runLint(args, io, { sections: summary });
  if (typeof run === 'number') {
    io.stdout.write(`::error title=specroles::${escapeData('The config could not be used; the reasons are in the log.')}\n`);
    return run;
  }
  const { results } = run;
  const ctx = { version, configs: run.configs.all.map((r) => r.config), colors: colors(false) };
  if (!run.lateProblems.size) {
    for (const line of annotations(results, sarifFile, summary)) io.stdout.write(`${line}\n`);
    // Every finding, in the log.
    io.stdout.write(await renderReport('stylish', results, ctx));
    if (sarifFile) writeReport(resolve(io.cwd, sarifFile), await renderReport('sarif', results, ctx), sarifFile);
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    if (summary && summaryFile) appendFileSync(summaryFile, fitSummary(await renderReport('summary', results, ctx)));
  }
  writeNotices(run, io);
  const n = count(results);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `errors=${n.errors}\nwarnings=${n.warnings}\ninfos=${n.infos}\n`);
  const code = exitCode(run, args, io);
  if (code === 1) {
    const max = args.maxWarnings ?? -1;
    const why = n.errors ? plural(n.errors, 'error') : `${plural(n.warnings, 'warning')}, more than max-warnings (${max}) allows`;
    io.stdout.write(`::error title=specroles::${escapeData(`specroles failed: ${why}.`)}\n`);
  }
  return code;
}

if (!isMainThread && (workerData as { specroles?: string } | undefined)?.specroles === WORKER_TAG) {
  void import('../cli/worker').then((m) => m.runWorker());
} else if (require.main === module) {
  void import('../cli/io').then(({ processIo }) =>
    runAction(processIo()).then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        const message = e instanceof CliError ? e.message : `internal error: ${(e as Error).stack ?? String(e)}`;
        process.stdout.write(`::error title=specroles::${escapeData(message)}\n`);
        process.exitCode = 2;
      },
    ),
  );
}
