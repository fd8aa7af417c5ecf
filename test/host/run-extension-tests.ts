// Runs the extension-host test suite (test/host/suite/*.host.test.ts) inside a real VS Code: code-server
// plus headless chromium (see code-server.ts). Builds nothing: run `node esbuild.mjs --tests` first, or use
// `npm run test:host`, which does both.
//
//   node dist/test/host/run-extension-tests.js [workspace-folder] [--grep <pattern>] [--timeout <seconds>]
//
// Loads the project root as a development extension, opens the workspace folder (default
// test/fixtures/workspace), and has the workbench run dist/test/host/suite/index.js in the extension host.
// Streams the suite's output, exits with the suite's exit code (2 when the harness itself fails or times
// out), and ends with the line "N passed, N failed".
//
// Environment: SPECROLES_HOST_VERBOSE=1 (all workbench and code-server output), SPECROLES_KEEP_TMP=1 (keep
// the temp profile), SPECROLES_CODE_SERVER / SPECROLES_CHROMIUM (executables), SPECROLES_HOST_TIMEOUT
// (seconds). Logs and, on failure, a screenshot go to test-results/host/.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { startCodeServer, stoppingSignal, type CodeServerHost } from './code-server';

/** dist/test/host → project root. */
const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
const SUITE = join(__dirname, 'suite', 'index.js');
const ARTIFACTS = join(PROJECT_ROOT, 'test-results', 'host');
const VERBOSE = process.env.SPECROLES_HOST_VERBOSE === '1';
/** As in suite/index.ts (not imported from there: that module requires mocha when loaded). */
const BEGIN_MARKER = 'SPECROLES_HOST_BEGIN';
const RESULT_MARKER = 'SPECROLES_HOST_RESULT';
/** Workbench noise on machines without internet access. */
const HARMLESS = /ENOTFOUND|open-vsx\.org|marketplace/;

interface Args {
  workspace: string;
  grep: string | undefined;
  timeoutMs: number;
}

function parseArgs(argv: string[]): Args {
  let workspace: string | undefined;
  let grep: string | undefined;
  let timeoutS = Number(process.env.SPECROLES_HOST_TIMEOUT || 180);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--grep') grep = argv[++i];
    else if (arg === '--timeout') timeoutS = Number(argv[++i]);
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node dist/test/host/run-extension-tests.js [workspace-folder] [--grep <pattern>] [--timeout <seconds>]');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else workspace = arg;
  }
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new Error('--timeout needs a positive number of seconds');
  return { workspace: resolve(workspace ?? join(PROJECT_ROOT, 'test', 'fixtures', 'workspace')), grep, timeoutMs: timeoutS * 1000 };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const info = (message: string) => console.log(`[host ${elapsed()}] ${message}`);

/**
 * Follows the suite's output in the workbench log: `inSuite` between the markers; counts from the suite's
 * RESULT_MARKER line, else from mocha's "N passing" / "N failing".
 */
class Results {
  passed = 0;
  failed = 0;
  pending = 0;
  began = false;
  finished = false;
  private exact = false;

  get inSuite(): boolean {
    return this.began && !this.finished;
  }

  see(line: string): void {
    if (line.includes(BEGIN_MARKER)) {
      this.began = true;
      return;
    }
    const marker = line.indexOf(RESULT_MARKER);
    if (marker >= 0) {
      try {
        const counts = JSON.parse(line.slice(marker + RESULT_MARKER.length));
        this.passed = counts.passed;
        this.failed = counts.failed;
        this.pending = counts.pending;
        this.exact = true;
        this.finished = true;
      } catch {
        // Not ours after all.
      }
      return;
    }
    if (this.exact) return;
    const passing = /^\s*(\d+) passing\b/.exec(line);
    if (passing) this.passed = Number(passing[1]);
    const failing = /^\s*(\d+) failing\b/.exec(line);
    if (failing) this.failed = Number(failing[1]);
    const pending = /^\s*(\d+) pending\b/.exec(line);
    if (pending) this.pending = Number(pending[1]);
  }
}

/** codeAutomationLog's arguments are console arguments; drop styling (%c and its CSS argument). */
function formatLog(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && first.includes('%c')) {
    const css = (first.match(/%c/g) ?? []).length;
    return format(first.replace(/%c/g, ''), ...rest.slice(css));
  }
  return format(...args);
}

/**
 * Rewrites `dist/....js:line:col` in stack traces to the TypeScript source. The extension host replaces
 * Error.prepareStackTrace, so Node's own source-map support (--enable-source-maps) does not apply there.
 */
const sourceMaps = new Map<string, SourceMap | null>();
function mapStackLocations(text: string): string {
  return text.replace(/((?:\/|\b)[\w./@-]*dist\/[\w./@-]+\.js):(\d+):(\d+)/g, (whole, file: string, line: string, column: string) => {
    const js = isAbsolute(file) ? file : resolve(PROJECT_ROOT, file);
    if (!sourceMaps.has(js)) {
      try {
        sourceMaps.set(js, new SourceMap(JSON.parse(readFileSync(`${js}.map`, 'utf8'))));
      } catch {
        sourceMaps.set(js, null);
      }
    }
    const entry = sourceMaps.get(js)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return whole;
    const source = resolve(dirname(js), entry.originalSource.replace(/^file:\/\//, ''));
    return `${relative(PROJECT_ROOT, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

type Outcome =
  | { kind: 'exit'; code: number }
  | { kind: 'timeout' }
  | { kind: 'server-exit'; how: string }
  | { kind: 'page-closed'; why: string };

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  for (const [what, path] of [
    ['extension bundle', join(PROJECT_ROOT, 'dist', 'extension.js')],
    ['host test suite', SUITE],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} ${path} is missing: build first (node esbuild.mjs --tests, or npm run test:host)`);
  }
  if (!existsSync(args.workspace)) throw new Error(`workspace folder ${args.workspace} does not exist`);
  mkdirSync(ARTIFACTS, { recursive: true });
  rmSync(join(ARTIFACTS, 'failure.png'), { force: true }); // from an earlier run

  const results = new Results();
  const workbenchLog: string[] = [];
  let host: CodeServerHost | undefined;
  let page: Page | undefined;
  // Settled once: by the suite (codeAutomationExit), the overall timeout, or the server or page going away.
  let settle: (o: Outcome) => void = () => undefined;
  const settled = new Promise<Outcome>((r) => (settle = r));
  const timer = setTimeout(() => settle({ kind: 'timeout' }), args.timeoutMs);
  /** The step's value, or undefined if the run settles first (so a hung start-up still times out). */
  const step = <T>(work: Promise<T>): Promise<T | undefined> => Promise.race([work, settled.then(() => undefined)]);
  let outcome: Outcome | undefined;
  try {
    host = await step(
      startCodeServer({
        workspace: args.workspace,
        env: args.grep ? { SPECROLES_HOST_GREP: args.grep } : {},
        onServerOutput: VERBOSE ? (text) => process.stdout.write(text.replace(/^/gm, '  [code-server] ')) : undefined,
      }),
    );
    if (host) {
      info(`code-server listening on ${host.baseUrl}`);
      const server = host;
      void server.exited.then((how) => settle({ kind: 'server-exit', how }));
      page = await step(server.openPage());
    }
    if (host && page) {
      info('chromium started');
      // Both must be exposed before the workbench loads: it looks them up when the suite settles.
      await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
        const text = mapStackLocations(formatLog(Array.isArray(logArgs) ? logArgs : [logArgs]));
        workbenchLog.push(`[${type}] ${text}`);
        const wasInSuite = results.inSuite;
        for (const line of text.split('\n')) results.see(line);
        if (VERBOSE) console.log(`  [${type}] ${text}`);
        else if (wasInSuite && results.inSuite) console.log(text);
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => settle({ kind: 'exit', code: Number(code) }));
      page.on('crash', () => settle({ kind: 'page-closed', why: 'the workbench page crashed' }));
      page.on('close', () => settle({ kind: 'page-closed', why: 'the workbench page closed' }));
      info(`opening ${args.workspace}; the extension host runs ${SUITE}`);
      await step(page.goto(host.workbenchUrl({ folder: args.workspace, extensionDevelopmentPath: PROJECT_ROOT, extensionTestsPath: SUITE })));
    }
    outcome = await settled;
  } finally {
    clearTimeout(timer);
    const failed = outcome?.kind !== 'exit' || outcome.code !== 0;
    if (failed && page) await page.screenshot({ path: join(ARTIFACTS, 'failure.png'), timeout: 5000 }).catch(() => undefined);
    writeFileSync(join(ARTIFACTS, 'workbench.log'), workbenchLog.join('\n') + '\n');
    if (host) writeFileSync(join(ARTIFACTS, 'code-server.log'), host.serverOutput());
    await host?.dispose();
  }

  let code: number;
  const signal = stoppingSignal();
  if (signal) {
    // code-server.ts is stopping everything and will exit with 128 + n; say so rather than blame the page.
    console.log(`[host ${elapsed()}] interrupted by ${signal}`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    return SIGNAL_EXIT_CODES[signal] ?? 1;
  }
  switch (outcome.kind) {
    case 'exit':
      info(`suite finished with exit code ${outcome.code}`);
      code = outcome.code;
      break;
    case 'timeout':
      console.log(
        `[host ${elapsed()}] TIMEOUT: the extension-host suite did not finish within ${args.timeoutMs / 1000} s ` +
          `(no codeAutomationExit). See ${ARTIFACTS}/ (workbench.log, code-server.log, failure.png).`,
      );
      code = 2;
      break;
    case 'server-exit':
      console.log(`[host ${elapsed()}] code-server exited (${outcome.how}) before the suite finished. See ${ARTIFACTS}/code-server.log.`);
      code = 2;
      break;
    case 'page-closed':
      console.log(`[host ${elapsed()}] ${outcome.why} before the suite finished. See ${ARTIFACTS}/.`);
      code = 2;
      break;
  }
  if (code !== 0 && !results.began && !VERBOSE) {
    // The suite never started (e.g. it failed to load): show what the workbench reported.
    const errors = workbenchLog.filter((line) => line.startsWith('[error]') && !HARMLESS.test(line));
    if (errors.length) console.log(`workbench errors:\n${errors.slice(-20).join('\n')}`);
  }
  if (code !== 0 && results.failed === 0) results.failed = 1; // failed without a mocha failure: count it
  if (code !== 0) info(`logs: ${ARTIFACTS}/`);
  if (results.pending) info(`${results.pending} pending`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(`[host ${elapsed()}] harness error:`, error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(2);
  },
);
