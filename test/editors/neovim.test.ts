// A second, real client of specroles-ls besides VS Code: Debian's Neovim (0.7) headless, with its built-in
// LSP client (vim.lsp.start_client) driven by test/editors/nvim-lsp-client.lua, against the npm package's
// `specroles-ls` (node dist/server.js --stdio) on specs in a temporary folder. The Lua script does what a
// user's keystrokes do (open, hover, code action, apply, :write) and writes down what it saw; the
// assertions are here.
// Skipped with a notice where `nvim` is absent; under CI=true (where .ci/install-host.sh installs it)
// a missing nvim is a failure instead. The times printed are measurements, never assertions.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';
import { alive } from '../support/processes';

const SERVER = join(projectRoot, 'dist', 'server.js');
const SCRIPT = join(projectRoot, 'test', 'editors', 'nvim-lsp-client.lua');
const SPEC = join(projectRoot, 'examples', 'checkout.prd.md');
/** Each wait inside nvim; the whole run is killed (its process group) after HARD_LIMIT_MS. Neither is an assertion. */
const WAIT_MS = 30_000;
const HARD_LIMIT_MS = 150_000;

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
  data?: unknown;
}

/** What nvim-lsp-client.lua writes. */
interface Outcome {
  nvim: string;
  exit: number;
  reason?: string;
  total_ms: number;
  steps: { name: string; ok: boolean; ms: number; detail?: unknown }[];
  published: { ms: number; uri: string; version?: number; diagnostics: LspDiagnostic[] }[];
  logs: { ms: number; type: number; message: string; shown?: boolean }[];
  statuses: { uri: string; status: unknown }[];
  times: { client_started?: number; initialized?: number; first_diagnostics?: number; hover_round_trip?: number; code_action_round_trip?: number };
  server?: { pid: number };
  server_info?: { name: string; version: string };
  /** Whether nvim declares workspace/configuration (0.7 does not: the settings go in didChangeConfiguration). */
  client_declares_configuration?: boolean;
  server_exit?: { code: number; signal: number };
  hover?: { text: string };
  code_actions?: { titles: string[]; ms: number; sent_diagnostics: LspDiagnostic[] }[];
  applied?: { title: string }[];
  executed?: { command: string; result: unknown; ms: number }[];
  written?: Record<string, string>;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  outcome?: Outcome;
  lspLog: string;
}

type Step = Record<string, unknown> & { do: 'open' | 'diagnostic' | 'hover' | 'code_action' | 'execute' | 'write' | 'gone' | 'log' };

/** The nvim on PATH and its version line, or undefined. */
function findNvim(): { version: string } | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return undefined;
  return { version: r.stdout.split('\n')[0] ?? '?' };
}


async function gone(pid: number, within: number): Promise<boolean> {
  const deadline = Date.now() + within;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Runs the Lua client on a plan in `dir` (its own XDG folders, so nvim's lsp.log lands there too). */
async function runNvim(dir: string, steps: Step[], settings: Record<string, unknown>): Promise<Run> {
  const xdg = join(dir, '.xdg');
  const out = join(xdg, 'outcome.json');
  const planFile = join(xdg, 'plan.json');
  mkdirSync(xdg, { recursive: true });
  writeFileSync(planFile, JSON.stringify({ cmd: [process.execPath, SERVER, '--stdio'], root: dir, out, timeout_ms: WAIT_MS, settings, steps }));
  const env = {
    ...process.env,
    SPECROLES_NVIM_PLAN: planFile,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    XDG_STATE_HOME: join(xdg, 'state'),
  };
  const started = performance.now();
  // -u NONE: no init file or plugins; -i NONE: no shada; -n: no swap file. Its own process group (detached),
  // which the server it spawns shares, so that a hung run is killed whole.
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const killer = setTimeout(() => {
    stderr += `\n[test] nvim still running after ${HARD_LIMIT_MS} ms: killed`;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, HARD_LIMIT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(killer);
  const wallMs = performance.now() - started;
  const outcome = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Outcome) : undefined;
  const logFile = join(xdg, 'cache', 'nvim', 'lsp.log');
  const lspLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  return { code, signal, stdout, stderr, wallMs, outcome, lspLog };
}

/** What to read when a run failed: the script's own lines, nvim's stderr and the end of lsp.log. */
function transcript(run: Run): string {
  return [`nvim exit ${run.code} ${run.signal ?? ''}`, run.outcome?.reason ?? '(no outcome written)', run.stdout, run.stderr, run.lspLog.slice(-4000)].join('\n');
}

function atLine(d: LspDiagnostic): string {
  return `${d.code ?? '(config)'}@${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

describe('Neovim (headless, its built-in LSP client) against specroles-ls', function () {
  this.timeout(HARD_LIMIT_MS + 30_000);
  const dirs: string[] = [];
  const servers: number[] = [];

  before(function () {
    const nvim = findNvim();
    if (!nvim) {
      if (process.env.CI === 'true') {
        throw new Error('nvim is not installed, and CI must run this test: .ci/install-host.sh installs Debian\'s neovim (apt-get install -y neovim)');
      }
      console.warn('    notice: `nvim` is not installed (apt-get install neovim); the Neovim client tests are skipped');
      this.skip();
    }
    console.log(`      ${nvim.version}`);
    assert.ok(existsSync(SERVER), `${SERVER} is missing: build first (node esbuild.mjs)`);
  });

  after(() => {
    for (const pid of servers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const workspace = (files: Record<string, string> = {}): string => {
    const dir = mkdtempSync(join(tmpdir(), 'specroles-nvim-'));
    dirs.push(dir);
    copyFileSync(SPEC, join(dir, 'checkout.prd.md'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  /** The run passed, the server was shut down cleanly by nvim (exit code 0), and no process is left. */
  async function expectClean(run: Run): Promise<Outcome> {
    const outcome = run.outcome;
    if (outcome?.server) servers.push(outcome.server.pid);
    assert.ok(outcome, `nvim wrote no outcome:\n${transcript(run)}`);
    assert.equal(run.code, 0, `nvim failed (${outcome.reason}):\n${transcript(run)}`);
    assert.deepEqual(outcome.server_info?.name, 'specroles-ls');
    assert.deepEqual(outcome.server_exit, { code: 0, signal: 0 }, 'the server exits with 0 after shutdown and exit');
    assert.ok(await gone(outcome.server!.pid, 10_000), `the server (pid ${outcome.server!.pid}) is still running after nvim exited`);
    // Errors the server logs are exceptions it caught: each one is a bug.
    assert.deepEqual(outcome.logs.filter((l) => l.type === 1).map((l) => l.message), []);
    return outcome;
  }

  function report(label: string, run: Run, outcome: Outcome): void {
    const t = outcome.times;
    const ready = outcome.logs.find((l) => /answered initialize/.test(l.message))?.message.replace(/^.*answered initialize /, '');
    console.log(
      `      ${label}: initialized ${t.initialized} ms · first diagnostics ${t.first_diagnostics} ms (from the script's start) · ` +
        `hover ${t.hover_round_trip?.toFixed(1) ?? '-'} ms · code action ${t.code_action_round_trip?.toFixed(1) ?? '-'} ms (round trips) · ` +
        `nvim start to exit ${run.wallMs.toFixed(0)} ms${ready ? ` · server: initialize answered ${ready}` : ''}`,
    );
  }

  it('open a spec: diagnostics, hover on a heading, code actions, "Set owner to PMM" applied, :write, re-published without the finding; a stub inserted by command', async () => {
    const dir = workspace();
    const spec = join(dir, 'checkout.prd.md');
    const before = readFileSync(spec, 'utf8');
    const run = await runNvim(
      dir,
      [
        { do: 'open', file: spec },
        { do: 'diagnostic', file: spec, want: { code: 'section-owner-mismatch', line: 25 }, as: 'mismatch' },
        { do: 'diagnostic', file: spec, want: { code: 'missing-section', line: 2 }, as: 'missing' },
        { do: 'hover', file: spec, line: 25, character: 4 },
        // A command the server runs: Neovim 0.7 cannot open a document for it (no window/showDocument).
        { do: 'code_action', file: spec, diagnostic: 'mismatch', title: '^Show documentation for section%-owner%-mismatch$' },
        { do: 'code_action', file: spec, diagnostic: 'mismatch', title: '^Set owner to PMM$' },
        { do: 'write', file: spec },
        { do: 'gone', file: spec, diagnostic: 'mismatch' },
        // The stub command: the server answers with workspace/applyEdit, which nvim applies to the buffer.
        { do: 'execute', file: spec, command: 'specroles.server.insertStubs', arguments: [pathToFileURL(spec).href, { line: 32, character: 0 }, ['roadmap_milestones']] },
        { do: 'write', file: spec },
        { do: 'gone', file: spec, diagnostic: 'missing' },
      ],
      // Settings reach the server as docs/editors.md says: `settings`, sent in on_init with
      // workspace/didChangeConfiguration (0.7 does not declare workspace/configuration, so is never asked).
      { specRoles: { severityOverrides: { 'empty-section': 'off' } } },
    );
    const outcome = await expectClean(run);
    report('spec', run, outcome);
    console.log(`      nvim ${outcome.nvim} declares workspace/configuration: ${outcome.client_declares_configuration}`);

    const uri = pathToFileURL(spec).href;
    const publishes = outcome.published.filter((p) => p.uri === uri);
    // The first publish that had the finding: every finding of the example but empty-section (off in the settings).
    const first = publishes.find((p) => p.diagnostics.some((d) => d.code === 'section-owner-mismatch'))!;
    assert.deepEqual(first.diagnostics.map(atLine), ['missing-section@3:7', 'content-owner-drift@23:3', 'section-owner-mismatch@26:26']);
    const mismatch = first.diagnostics.find((d) => d.code === 'section-owner-mismatch')!;
    assert.equal(mismatch.source, 'specroles');
    assert.equal(mismatch.severity, 2);
    assert.match(mismatch.message, /^Section "Messaging" is declared as owned by PM, but the PMM owns it\. It is a messaging section/);

    assert.match(outcome.hover!.text, /\*\*Messaging\*\* — owned by the product marketing manager/);
    // "Show documentation": 0.7 cannot open a page, so the server says its address (window/showMessage).
    assert.ok(outcome.logs.some((l) => l.shown && /^section-owner-mismatch: https:\S+\/docs\/rules\/section-owner-mismatch\.md$/.test(l.message)), JSON.stringify(outcome.logs));

    // What vim.lsp.buf.code_action() sends: the line's diagnostics, back from vim.diagnostic.
    const [actions] = outcome.code_actions!;
    assert.deepEqual(actions!.sent_diagnostics.map(atLine), ['section-owner-mismatch@26:26']);
    // Numbered in this order in Neovim's menu: the finding's own fixes first, fix-all last.
    assert.deepEqual(actions!.titles, ['Set owner to PMM', 'Disable section-owner-mismatch for this section', 'Show documentation for section-owner-mismatch', 'Fix all safe specroles problems']);

    // The owner fixed, then a stub of the missing "when" section inserted by the command: both on disk.
    const after = readFileSync(spec, 'utf8');
    const fixed = before.replace('## Messaging <!-- owner: pm -->', '## Messaging <!-- owner: pmm -->');
    assert.ok(after.startsWith(fixed), after);
    assert.match(after.slice(fixed.length), /^\n## Roadmap and milestones <!-- owner: pm -->\n\n<!-- .+ -->\nTODO\n$/);
    assert.equal(outcome.written![spec], after.replace(/\n$/, ''));
    assert.deepEqual(outcome.executed!.map((e) => e.result), [true]);
    // Re-published after each: first without the owner finding, then without the missing section.
    const shown = publishes.map((p) => p.diagnostics.map(atLine).join(' '));
    assert.ok(shown.includes('missing-section@3:7 content-owner-drift@23:3'), shown.join('\n'));
    assert.deepEqual(publishes.at(-1)!.diagnostics.map(atLine), ['content-owner-drift@23:3']);
    // specroles/status, the server's own notification, reaches any client that listens (the stub is a fifth PM section).
    assert.deepEqual(outcome.statuses.at(-1)?.status, { text: 'PM 5 · PMM 1', skipped: false });
  });

  it('a misspelt rule id in .specroles.yaml: a diagnostic at its key and a log line, its "did you mean" fix applied and saved, no crash', async () => {
    const dir = workspace({ '.specroles.yaml': 'rules:\n  section-owner-mismach: off\n' });
    const spec = join(dir, 'checkout.prd.md');
    const config = join(dir, '.specroles.yaml');
    const run = await runNvim(
      dir,
      [
        // Published at start-up, before any file is open.
        { do: 'diagnostic', file: config, want: { message: 'unknown rule "section%-owner%-mismach"', line: 1 }, as: 'config' },
        { do: 'log', message: 'unknown rule "section%-owner%-mismach"' },
        { do: 'open', file: spec },
        // The rule meant stays on until the config is fixed.
        { do: 'diagnostic', file: spec, want: { code: 'section-owner-mismatch', line: 25 }, as: 'mismatch' },
        { do: 'open', file: config },
        { do: 'code_action', file: config, diagnostic: 'config', title: '^Change to "section%-owner%-mismatch"$' },
        { do: 'write', file: config },
        { do: 'gone', file: config, diagnostic: 'config' },
        // Saved (didSave): the configs are read again and the open spec linted again, the rule now off.
        { do: 'gone', file: spec, diagnostic: 'mismatch' },
      ],
      {},
    );
    const outcome = await expectClean(run);
    report('config', run, outcome);

    const problem = outcome.published.find((p) => p.uri === pathToFileURL(config).href && p.diagnostics.length)!.diagnostics;
    assert.deepEqual(
      problem.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.source, d.message]),
      [[1, 2, 23, 1, 'specroles', 'rules: unknown rule "section-owner-mismach"; did you mean "section-owner-mismatch"?']],
    );
    assert.ok(
      outcome.logs.some((l) => l.type === 2 && l.message.includes(`${config}:2:3: rules: unknown rule "section-owner-mismach"`)),
      outcome.logs.map((l) => l.message).join('\n'),
    );
    assert.deepEqual(nth(outcome.code_actions!, 0).titles, ['Change to "section-owner-mismatch"']);
    assert.equal(readFileSync(config, 'utf8'), 'rules:\n  section-owner-mismatch: off\n');
    assert.deepEqual(outcome.published.filter((p) => p.uri === pathToFileURL(config).href).at(-1)!.diagnostics, []);
    assert.ok(!outcome.published.filter((p) => p.uri === pathToFileURL(spec).href).at(-1)!.diagnostics.some((d) => d.code === 'section-owner-mismatch'));
  });
});
