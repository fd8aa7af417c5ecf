// A real VS Code for tests on machines without desktop VS Code: code-server (the VS Code server plus the
// web workbench, from npm) driven by Debian's chromium through playwright-core.
//
//   const host = await startCodeServer({ workspace });
//   const page = await host.openPage();
//   await page.goto(host.workbenchUrl({ folder: workspace, extensionDevelopmentPath: root }));
//   ...
//   await host.dispose();
//
// Every run gets fresh, throw-away user-data, extensions, XDG and browser-profile folders under one temp
// root. code-server and chromium each run in their own process group; dispose() (and, synchronously, the
// process 'exit' handler, so also after an uncaught exception; and SIGINT/SIGTERM/SIGHUP) kills those
// groups plus any descendant that left them, and removes the temp root.
// Install the prerequisites with .ci/install-host.sh.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { alive } from '../support/processes';

/** Version that .ci/install-host.sh installs: the newest code-server (VS Code 1.100.3) that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Flags for Debian's chromium: headless, no sandbox (root), nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings written before code-server starts; `settings` in the options are merged over these. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.hover.delay': 100,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  // The fixture workspace lives inside the project's git repository; scanning it is wasted time.
  'git.enabled': false,
};

/** The cache folder used by .ci/install-host.sh. */
export function cacheDir(): string {
  return process.env.SPECROLES_CACHE || join(homedir(), '.cache', 'specroles');
}

/** Path of the code-server executable: $SPECROLES_CODE_SERVER, else the one .ci/install-host.sh installs. */
export function findCodeServer(): string {
  const fromEnv = process.env.SPECROLES_CODE_SERVER;
  const candidate = fromEnv || join(cacheDir(), 'code-server', 'node_modules', '.bin', 'code-server');
  if (!existsSync(candidate)) {
    throw new Error(
      `code-server not found at ${candidate}` +
        (fromEnv ? ' (from SPECROLES_CODE_SERVER)' : '') +
        `. Install it with .ci/install-host.sh (code-server ${CODE_SERVER_VERSION}), or point SPECROLES_CODE_SERVER at one.`,
    );
  }
  return candidate;
}

/** Path of the chromium executable: $SPECROLES_CHROMIUM, else Debian's /usr/bin/chromium. */
export function findChromium(): string {
  const candidate = process.env.SPECROLES_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`chromium not found at ${candidate}. Install it with .ci/install-host.sh (Debian package chromium), or set SPECROLES_CHROMIUM.`);
  }
  return candidate;
}

/** The folders one code-server instance writes to; all under `root`. */
export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  browserProfileDir: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
}

function createProfile(settings: Record<string, unknown>, env: NodeJS.ProcessEnv): Profile {
  const root = mkdtempSync(join(tmpdir(), 'specroles-host-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const browserProfileDir = join(root, 'chromium-profile');
  const xdg = join(root, 'xdg');
  const runtime = join(root, 'run');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, browserProfileDir, join(xdg, 'config'), join(xdg, 'data'), join(xdg, 'cache')]) {
    mkdirSync(dir, { recursive: true });
  }
  mkdirSync(runtime, { mode: 0o700 });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const configFile = join(root, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  return {
    root,
    userDataDir,
    extensionsDir,
    browserProfileDir,
    configFile,
    env: {
      ...process.env,
      ...env,
      // Without these code-server writes ~/.config/code-server and ~/.local/share/code-server.
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      // The VS Code server leaves a vscode-ipc-*.sock per run in $XDG_RUNTIME_DIR or the temp dir; keep
      // those (and the extension host's temp files) inside the profile. Short path: socket paths max ~107.
      XDG_RUNTIME_DIR: runtime,
      TMPDIR: runtime,
    },
  };
}

/** Installs a VSIX into an extensions folder (code-server --install-extension, about 0.6 s). */
export function installVsix(
  vsix: string,
  target: { extensionsDir: string; userDataDir: string; env?: NodeJS.ProcessEnv; codeServer?: string },
): string {
  const codeServer = target.codeServer ?? findCodeServer();
  return execFileSync(
    codeServer,
    ['--user-data-dir', target.userDataDir, '--extensions-dir', target.extensionsDir, '--install-extension', resolve(vsix)],
    { encoding: 'utf8', env: target.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
  );
}

export interface StartOptions {
  /** Folder given to code-server as the default workspace (the page URL's `folder` wins). */
  workspace?: string;
  /** User settings merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for its extension host (e.g. for the test suite). */
  env?: NodeJS.ProcessEnv;
  /** VSIX files installed into the fresh extensions folder before code-server starts. */
  vsix?: string[];
  /** Default: findCodeServer(). */
  codeServer?: string;
  /** How long to wait for "HTTP server listening"; default 30 s. */
  startTimeoutMs?: number;
  /** Called with every chunk code-server prints (its output is also kept: serverOutput()). */
  onServerOutput?: (text: string) => void;
  /** Keep the temp folder (logs, profiles) after dispose; default: $SPECROLES_KEEP_TMP === '1'. */
  keepTemp?: boolean;
}

export interface WorkbenchUrlOptions {
  /** Absolute path of the folder to open. */
  folder?: string;
  /** Absolute path of an extension folder to load as a development extension. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a module exporting `run(): Promise<void>`, run inside the extension host. */
  extensionTestsPath?: string;
  /** More payload entries, e.g. [['enableProposedApi', '']]. */
  payload?: Array<[string, string]>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Default: findChromium(). */
  chromium?: string;
}

export interface CodeServerHost {
  readonly port: number;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly baseUrl: string;
  readonly profile: Profile;
  /** Everything code-server printed so far (stdout and stderr). */
  serverOutput(): string;
  /** A vscode-remote:// URI for an absolute path on this machine, as the workbench payload wants it. */
  remoteUri(absolutePath: string): string;
  workbenchUrl(options?: WorkbenchUrlOptions): string;
  /** Launches chromium (once; later calls return a new page of the same context). */
  openPage(options?: OpenPageOptions): Promise<Page>;
  /** Resolves when code-server exits (with its exit code or signal). */
  readonly exited: Promise<string>;
  /** Kills every process group started for this host and removes its temp folder. Safe to call twice. */
  dispose(): Promise<void>;
}

// ---- process bookkeeping --------------------------------------------------------------------------------------

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  comm: string;
}

/** All processes, from /proc (Linux). Empty elsewhere. */
function processTable(): ProcInfo[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcInfo[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      out.push({ pid: Number(name), comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), pgid: Number(fields[2]) });
    } catch {
      // Exited meanwhile.
    }
  }
  return out;
}

/** Pids of every descendant of `pid`, and every process in group `pid`. */
function processTree(pid: number): number[] {
  const table = processTable();
  const found = new Set<number>(table.filter((p) => p.pgid === pid).map((p) => p.pid));
  const queue = [pid, ...found];
  while (queue.length) {
    const parent = queue.pop()!;
    for (const p of table) {
      if (p.ppid === parent && !found.has(p.pid)) {
        found.add(p.pid);
        queue.push(p.pid);
      }
    }
  }
  found.delete(process.pid);
  return [...found];
}


function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM a process group (and strays from it), wait up to `graceMs`, then SIGKILL whatever is left. */
async function killGroup(leader: number, graceMs: number): Promise<void> {
  const tree = processTree(leader);
  killQuietly(-leader, 'SIGTERM');
  for (const pid of tree) killQuietly(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && [leader, ...tree].some(alive)) await new Promise((r) => setTimeout(r, 50));
  killGroupSync(leader, tree);
}

function killGroupSync(leader: number, tree: number[] = processTree(leader)): void {
  killQuietly(-leader, 'SIGKILL');
  for (const pid of tree) killQuietly(pid, 'SIGKILL');
}

/** Hosts not yet completely disposed, for the exit and signal handlers. */
const live = new Set<HostImpl>();
let handlersInstalled = false;
let signalReceived: NodeJS.Signals | undefined;

/** The signal (SIGINT, SIGTERM, SIGHUP) that is stopping this process, if any: it exits with 128 + n. */
export function stoppingSignal(): NodeJS.Signals | undefined {
  return signalReceived;
}

function installProcessHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // 'exit' runs on every normal exit, process.exit() and after an uncaught exception: only sync work here.
  process.on('exit', () => {
    for (const host of live) host.disposeSync();
  });
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    signalReceived = signal;
    process.stderr.write(`\n[code-server host] ${signal}: stopping code-server and chromium\n`);
    void Promise.allSettled([...live].map((h) => h.dispose())).finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
}

// ---- the host -------------------------------------------------------------------------------------------------

const MAX_OUTPUT = 4 * 1024 * 1024;

class HostImpl implements CodeServerHost {
  port = 0;
  baseUrl = '';
  readonly exited: Promise<string>;
  private output = '';
  private context: BrowserContext | undefined;
  private browserLeaders: number[] = [];
  /** Set once dispose() starts; the host stays in `live` until it has finished. */
  private disposing: Promise<void> | undefined;
  private done = false;

  constructor(
    readonly profile: Profile,
    private readonly server: ChildProcess,
    private readonly keepTemp: boolean,
    onOutput: ((text: string) => void) | undefined,
  ) {
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-MAX_OUTPUT);
      onOutput?.(text);
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    this.exited = new Promise((res) => {
      server.on('exit', (code, signal) => res(signal ?? `exit code ${code}`));
      server.on('error', (error) => res(`failed to start: ${error.message}`));
    });
  }

  serverOutput(): string {
    return this.output;
  }

  async waitListening(timeoutMs: number): Promise<void> {
    const started = Date.now();
    let exitedWith: string | undefined;
    void this.exited.then((how) => (exitedWith = how));
    for (;;) {
      const match = /HTTP server listening on (https?:\/\/[^\s/]+)/.exec(this.output);
      if (match) {
        this.baseUrl = match[1]!;
        this.port = Number(new URL(this.baseUrl).port);
        return;
      }
      if (exitedWith !== undefined) throw new Error(`code-server exited (${exitedWith}) before listening:\n${this.output}`);
      if (Date.now() - started > timeoutMs) throw new Error(`code-server did not print "HTTP server listening" within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  remoteUri(absolutePath: string): string {
    const path = resolve(absolutePath).split('/').map(encodeURIComponent).join('/');
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  workbenchUrl(options: WorkbenchUrlOptions = {}): string {
    const payload: Array<[string, string]> = [];
    if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', this.remoteUri(options.extensionDevelopmentPath)]);
    if (options.extensionTestsPath) payload.push(['extensionTestsPath', this.remoteUri(options.extensionTestsPath)]);
    payload.push(['skipWelcome', 'true'], ...(options.payload ?? []));
    const query = [];
    if (options.folder) query.push(`folder=${encodeURIComponent(resolve(options.folder))}`);
    query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `${this.baseUrl}/?${query.join('&')}`;
  }

  async openPage(options: OpenPageOptions = {}): Promise<Page> {
    if (this.disposing) throw new Error('host disposed');
    if (!this.context) {
      const executablePath = options.chromium ?? findChromium();
      // Playwright starts chromium detached (its own process group) but does not expose the pid of a
      // persistent context: find the new children of this process to kill their groups in dispose().
      const before = new Set(processTable().filter((p) => p.ppid === process.pid).map((p) => p.pid));
      this.context = await chromium.launchPersistentContext(this.profile.browserProfileDir, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: options.viewport ?? { width: 1400, height: 900 },
        // dispose() and our own signal handlers do this.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.browserLeaders = processTable()
        .filter((p) => p.ppid === process.pid && !before.has(p.pid) && p.pid !== this.server.pid && /chrom/i.test(p.comm))
        .map((p) => p.pid);
      return this.context.pages()[0] ?? (await this.context.newPage());
    }
    return this.context.newPage();
  }

  dispose(): Promise<void> {
    this.disposing ??= this.disposeNow();
    return this.disposing;
  }

  private async disposeNow(): Promise<void> {
    if (this.context) {
      await Promise.race([this.context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    }
    for (const leader of this.browserLeaders) killGroupSync(leader);
    if (this.server.pid) await killGroup(this.server.pid, 3000);
    this.removeTemp();
    this.done = true;
    live.delete(this);
  }

  /** For the 'exit' handler, which cannot wait: also finishes an asynchronous dispose() still under way. */
  disposeSync(): void {
    if (this.done) return;
    this.done = true;
    live.delete(this);
    for (const leader of this.browserLeaders) killGroupSync(leader);
    if (this.server.pid) killGroupSync(this.server.pid);
    this.removeTemp();
  }

  private removeTemp(): void {
    if (this.keepTemp) {
      process.stderr.write(`[code-server host] kept ${this.profile.root}\n`);
      return;
    }
    try {
      rmSync(this.profile.root, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A process may still hold a file open; the folder is in the temp dir anyway.
    }
  }
}

/** Starts code-server on a free 127.0.0.1 port with a fresh profile; resolves once it is listening. */
export async function startCodeServer(options: StartOptions = {}): Promise<CodeServerHost> {
  const codeServer = options.codeServer ?? findCodeServer();
  installProcessHandlers();
  const profile = createProfile(options.settings ?? {}, options.env ?? {});
  const keepTemp = options.keepTemp ?? process.env.SPECROLES_KEEP_TMP === '1';
  try {
    for (const vsix of options.vsix ?? []) installVsix(vsix, { ...profile, codeServer });
  } catch (error) {
    if (!keepTemp) rmSync(profile.root, { recursive: true, force: true });
    throw error;
  }
  const args = [
    '--config', profile.configFile,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    // Port 0: the kernel picks a free port, code-server prints it ("HTTP server listening on ...").
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.workspace) args.push(resolve(options.workspace));
  // detached: code-server leads its own process group (it forks the server, which forks the extension
  // host and the pty host), so dispose() can kill them all with process.kill(-pid).
  const server = spawn(codeServer, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: profile.env });
  const host = new HostImpl(profile, server, keepTemp, options.onServerOutput);
  live.add(host);
  try {
    await host.waitListening(options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await host.dispose();
    throw error;
  }
  return host;
}
