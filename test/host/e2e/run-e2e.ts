// UI end-to-end test of the packaged extension: builds nothing (`npm run test:e2e` packages the VSIX and
// bundles this file first). Installs specroles.vsix into a fresh code-server, opens a throw-away copy of
// test/fixtures/workspace, and drives headless chromium with playwright-core, asserting only what a person
// sees on the page: squiggles, Problems panel rows, hovers, CodeLens, the status bar, the command palette and
// quick pick, the light bulb and its quick fix, notification toasts, and which extension host runs it.
//
// The same VSIX runs twice, each time in fresh code-server folders: once as VS Code picks by default, its
// `main` entry in the Node extension host; once with "remote.extensionKind": {"specroles.specroles": ["web"]}
// in the user settings, its `browser` entry in the browser's web worker extension host (as on vscode.dev),
// with the language server in a Web Worker of its own. Every step runs in both.
//
//   node dist/test/host/e2e/run-e2e.js [--vsix <file>] [--host node|web|both] [--only <step slug or name part>]
//
// Prints each step as it passes or fails and a last line "N passed, N failed" (both hosts); exits 1 when a
// step failed, 2 when the harness itself failed. A failing step does not stop the run: later steps reopen
// what they need. Screenshots of every step (and *-FAIL.png for failures) go to test-results/e2e/ (Node
// host) and test-results/e2e-web/ (web worker host), with the code-server log.
// To see it catch a broken extension: patch-vsix.ts makes a VSIX with a provider unregistered.
//
// Environment: SPECROLES_E2E_VSIX (instead of --vsix); SPECROLES_E2E_HOST (instead of --host);
// SPECROLES_E2E_STEP_TIMEOUT (seconds per step, default 25); SPECROLES_E2E_TIMEOUT (seconds per host after
// which steps not yet started fail, default 150);
// SPECROLES_KEEP_TMP=1 (keep the temp profile and workspace copy); SPECROLES_CODE_SERVER and
// SPECROLES_CHROMIUM (executables, see ../code-server.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { name as extensionName, publisher } from '../../../package.json';
import { catalogueFor, citeSource } from '../../../src/core';
import { startCodeServer, stoppingSignal, type CodeServerHost } from '../code-server';

/** dist/test/host/e2e → project root. */
const PROJECT_ROOT = resolve(__dirname, '..', '..', '..', '..');
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'workspace');
// The folder the fixture is copied to, and the name of the Explorer's folder pane.
const WORKSPACE_NAME = 'checkout-team';
const EXTENSION_ID = `${publisher}.${extensionName}`;

/** The extension hosts the VSIX is tested in: VS Code's default (Node, `main`) and the browser's web worker (`browser`). */
type HostKind = 'node' | 'web';
const HOSTS: Record<HostKind, { label: string; artifacts: string; settings: Record<string, unknown> }> = {
  node: { label: 'Node extension host (main)', artifacts: join(PROJECT_ROOT, 'test-results', 'e2e'), settings: {} },
  // VS Code runs `main` where an extension has both entries; this setting makes it pick `browser` (a web
  // extension), as a browser-only VS Code (vscode.dev, github.dev) has to.
  web: { label: 'web worker extension host (browser)', artifacts: join(PROJECT_ROOT, 'test-results', 'e2e-web'), settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } },
};
const STEP_TIMEOUT_MS = Number(process.env.SPECROLES_E2E_STEP_TIMEOUT || 25) * 1000;
/** Steps not started by then count as failed, so the whole run stays well under 3 minutes. */
const RUN_TIMEOUT_MS = Number(process.env.SPECROLES_E2E_TIMEOUT || 150) * 1000;
/** Short waits inside a step (an element that should already be there). */
const SHORT = 10_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const info = (message: string) => console.log(`[e2e ${elapsed()}] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv: string[]): { vsix: string; only: string | undefined; hosts: HostKind[] } {
  let vsix = process.env.SPECROLES_E2E_VSIX || join(PROJECT_ROOT, 'specroles.vsix');
  let only: string | undefined;
  let host = process.env.SPECROLES_E2E_HOST || 'both';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--vsix') vsix = argv[++i]!;
    else if (arg === '--only') only = argv[++i];
    else if (arg === '--host') host = argv[++i]!;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node dist/test/host/e2e/run-e2e.js [--vsix <file>] [--host node|web|both] [--only <step-substring>]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (host !== 'node' && host !== 'web' && host !== 'both') throw new Error(`--host takes node, web or both, not ${host}`);
  return { vsix: resolve(vsix), only, hosts: host === 'both' ? ['node', 'web'] : [host] };
}

// ---- what the page shows ----------------------------------------------------------------------------------------

/** Minimal shape of the DOM elements read in the page (the project's tsconfig has no DOM lib). */
interface El {
  textContent: string | null;
  style: { top: string };
  getAttribute(name: string): string | null;
  scrollHeight: number;
  clientHeight: number;
}

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const oneLine = (s: string) => nbsp(s).replace(/\s+/g, ' ').trim();

class Workbench {
  /** File name prefix of the running step's screenshots, e.g. "07-quick-fix". */
  prefix = 'setup';

  /** `self.name` of every worker the page started (the extension host worker, a language server's worker…). */
  readonly workers: Promise<string>[] = [];

  constructor(readonly page: Page, readonly workspace: string, readonly host: HostKind) {}

  /** Saves a screenshot of the whole window as test-results/e2e[-web]/<step>[-<what>].png. */
  async shot(what?: string): Promise<string> {
    const file = join(HOSTS[this.host].artifacts, `${this.prefix}${what ? `-${what}` : ''}.png`);
    await this.page.screenshot({ path: file, timeout: 5000 });
    return file;
  }

  get editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  /** The active editor's rendered lines, top to bottom (only those scrolled into view). */
  async lines(): Promise<string[]> {
    const rows = await this.editor.locator('.view-lines .view-line').evaluateAll((els) =>
      (els as unknown as El[]).map((el) => ({ top: parseFloat(el.style.top), text: el.textContent ?? '' })),
    );
    return rows.sort((a, b) => a.top - b.top).map((r) => nbsp(r.text));
  }

  line(hasText: string | RegExp): Locator {
    return this.editor.locator('.view-line', { hasText }).first();
  }

  /** Opens a workspace file with Quick Open (F1, then the name without the ">" prefix), as a person would. */
  /** Opens a workspace file by quick open; `waitForText`: a line it shows once open (none for an empty file). */
  async open(relativePath: string, waitForText?: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    await this.escape();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: SHORT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: SHORT });
    if (waitForText !== undefined) await this.line(waitForText).waitFor({ timeout: SHORT });
  }

  /** Closes quick inputs, hovers, widgets; moves the mouse out of the editor. */
  async escape(): Promise<void> {
    await this.page.mouse.move(2, 2);
    for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
  }

  async runCommand(title: string): Promise<void> {
    await this.escape();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: SHORT });
  }

  /** Shows an output channel (F1 › "Output: Show Output Channels..." › its name), scrolled to its top. */
  async showOutput(channel: string): Promise<Locator> {
    await this.runCommand('Output: Show Output Channels...');
    await this.page.keyboard.press('Enter');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.fill(channel);
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: channel }).first().waitFor({ timeout: SHORT });
    await this.page.keyboard.press('Enter');
    const view = this.page.locator('.panel .output-view .monaco-editor').first();
    await view.locator('.view-lines').click();
    await this.page.keyboard.press('Control+Home');
    return view;
  }

  /** The entries of a log output channel on screen, each on one line again ("2026-… [info] …"), top to bottom. */
  async logEntries(view: Locator): Promise<string[]> {
    const rows = await view.locator('.view-lines .view-line').evaluateAll((els) =>
      (els as unknown as El[]).map((el) => ({ top: parseFloat(el.style.top), text: el.textContent ?? '' })),
    );
    // Long entries wrap onto several view lines; each entry starts with its time stamp.
    const text = rows.sort((a, b) => a.top - b.top).map((r) => nbsp(r.text)).join('');
    return text.split(/(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[)/).map((e) => e.trim()).filter(Boolean);
  }

  squiggles(kind: 'warning' | 'error' | 'info' | 'any' = 'any'): Locator {
    const sel = kind === 'any' ? '.squiggly-warning, .squiggly-error, .squiggly-info' : `.squiggly-${kind}`;
    return this.editor.locator(sel);
  }

  /** The Problems panel, opened with Ctrl+Shift+M (a toggle: only pressed when it is not showing). */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: SHORT });
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  async problemTexts(): Promise<string[]> {
    const rows = await this.problems();
    return (await rows.allInnerTexts()).map(oneLine);
  }

  async closePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (await panel.isVisible()) await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: SHORT }).catch(() => undefined);
  }

  /** Moves the mouse onto the squiggle in the line `lineText`; returns the hover that shows `expect`. */
  async hoverOnSquiggle(lineText: string, expect: string | RegExp): Promise<Locator> {
    await this.escape();
    const line = await boxOf(this.line(lineText));
    const hovers = this.page.locator('.monaco-hover').filter({ hasText: expect });
    for (let attempt = 0; attempt < 3; attempt++) {
      const boxes = await Promise.all((await this.squiggles().all()).map((sq) => boxOf(sq).catch(() => undefined)));
      const s = boxes.find((b) => b && b.y >= line.y - 1 && b.y + b.height <= line.y + line.height + 1);
      if (!s) throw new Error(`no squiggle on "${lineText}"`);
      if (attempt) await this.page.mouse.move(2, 2);
      await this.page.mouse.move(s.x + s.width / 2, line.y + line.height / 2);
      if (await hovers.first().waitFor({ timeout: 4000 }).then(() => true, () => false)) return hovers.first();
    }
    throw new Error(`no hover showing ${String(expect)} on the squiggle in "${lineText}"`);
  }

  /** The text of the first `selector` in a webview's page (the Markdown preview), or "" when none shows it yet. */
  async previewText(selector: string): Promise<string> {
    for (const frame of this.page.frames()) {
      const text = await frame.locator(selector).first().textContent({ timeout: 200 }).catch(() => null);
      if (text && frame !== this.page.mainFrame()) return oneLine(text);
    }
    return '';
  }

  /** Moves the mouse onto `token` in the line containing `lineText`; returns the hover that shows `expect`. */
  async hoverOn(lineText: string, token: string, expect: string | RegExp): Promise<Locator> {
    await this.escape();
    const span = this.line(lineText).locator('span > span', { hasText: token }).first();
    const box = await boxOf(span);
    const y = box.y + box.height / 2;
    const hovers = this.page.locator('.monaco-hover .hover-contents, .monaco-hover .monaco-hover-content');
    const hover = hovers.filter({ hasText: expect }).first();
    // Like a person whose first hover came up empty: move off and back on, up to three times.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt) await this.page.mouse.move(2, 2);
      await this.page.mouse.move(box.x + 3, y);
      await this.page.mouse.move(box.x + Math.min(12, box.width / 2), y);
      if (await hover.waitFor({ state: 'visible', timeout: SHORT / 3 }).then(() => true, () => false)) return hover;
    }
    const shown = (await hovers.allInnerTexts()).map(oneLine).filter(Boolean);
    throw new Error(`no hover showing ${JSON.stringify(String(expect))} appeared over "${token}" in three tries; hovers on screen: ${shown.length ? JSON.stringify(shown) : 'none'}`);
  }

  statusItem(hasText: string | RegExp): Locator {
    return this.page.locator('.statusbar .statusbar-item', { hasText });
  }

  /** The CodeLens labels of the active editor with the text of the line right below each one. */
  async codeLenses(): Promise<Array<{ label: string; lineBelow: string }>> {
    const lenses = await this.editor.locator('.codelens-decoration').evaluateAll((els) =>
      (els as unknown as Array<El & { getBoundingClientRect(): { top: number; bottom: number } }>).map((el) => ({
        text: el.textContent ?? '',
        bottom: el.getBoundingClientRect().bottom,
      })),
    );
    const lines = await this.editor.locator('.view-lines .view-line').evaluateAll((els) =>
      (els as unknown as Array<El & { getBoundingClientRect(): { top: number } }>).map((el) => ({ text: el.textContent ?? '', top: el.getBoundingClientRect().top })),
    );
    return lenses.map((lens) => {
      const below = lines.filter((l) => l.top >= lens.bottom - 2).sort((a, b) => a.top - b.top)[0];
      return { label: oneLine(lens.text), lineBelow: nbsp(below?.text ?? '') };
    });
  }

  /** Text of every notification toast ever shown (recorded by an init script, see main()). */
  async toastsSeen(): Promise<string[]> {
    return this.page.evaluate('window.__specrolesToasts || []') as Promise<string[]>;
  }

  async generateStub(label: string, unfilteredShot?: string): Promise<void> {
    await this.runCommand('Spec Roles: Generate PM/PMM section stub');
    await this.page.keyboard.press('Enter');
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Generate PM/PMM section stub' }).waitFor({ timeout: SHORT });
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: SHORT });
    if (unfilteredShot) await this.shot(unfilteredShot);
    // Type to filter, arrow to the row, toggle its checkbox with Space.
    await this.page.keyboard.type(label);
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const row = rows.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row.waitFor({ timeout: SHORT });
    const count = await rows.count();
    for (let i = 0; i <= count && !(await row.evaluate((el) => (el as unknown as El).getAttribute('class')!.includes('focused'))); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Space');
    // The row is the checkbox (role="checkbox"); its toggle shows the tick.
    await waitUntil(`"${label}" checked`, () => row.getAttribute('aria-checked'), (v) => v === 'true');
    await row.locator('.monaco-checkbox.checked').waitFor({ timeout: SHORT });
    await widget.locator('.quick-input-count', { hasText: '1 Selected' }).waitFor({ timeout: SHORT });
  }
}

// ---- steps ------------------------------------------------------------------------------------------------------

interface Step {
  /** Short name for the screenshot files. */
  slug: string;
  name: string;
  run(wb: Workbench): Promise<string | void>;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitUntil<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = SHORT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

/**
 * The box of an element on screen, waiting for it: Monaco re-renders view lines (a CodeLens arriving, a
 * decoration update) and a box taken at that moment is null, though the element is back a frame later.
 */
async function boxOf(locator: Locator, timeoutMs = 3000): Promise<{ x: number; y: number; width: number; height: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const box = await locator.boundingBox().catch(() => null);
    if (box) return box;
    if (Date.now() > deadline) throw new Error(`${locator.toString()} has no box on screen`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Why the hover showing `hasText` is not wholly readable (outside the window, or clipped), or undefined. */
async function unreadable(wb: Workbench, hasText: string): Promise<string | undefined> {
  const widget = wb.page.locator('.monaco-hover').filter({ hasText }).first();
  const box = await boxOf(widget);
  const view = wb.page.viewportSize()!;
  if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) return `hover is outside the window: ${JSON.stringify(box)}`;
  const clipped = await widget.locator('.monaco-hover-content').evaluateAll((els) =>
    (els as unknown as El[]).filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => `${el.scrollHeight}px of content in a ${el.clientHeight}px hover`),
  );
  return clipped.length ? `the hover is clipped (${clipped.join(', ')}): the rest shows only when you scroll inside it` : undefined;
}

/**
 * Files some steps open, written into the workspace copy before code-server starts (Quick Open does not
 * find files made later), and kept out of test/fixtures/workspace, which the host tests read whole.
 */
const STEP_FILES: Record<string, string> = {
  // One section heading among notes: not taken as a spec by its content, so offered as one.
  'draft.md': '# Checkout notes\n\n## Messaging <!-- owner: pm -->\n\nOne click.\n\n## Monday\n\nLunch.\n\n## Tuesday\n\nStand-up.\n',
  'typed.md': '---\nspecroles: 1\ntype: prd\n---\n# Typed checkout\n\n## Problem\n\nSlow checkout.\n',
  // Empty: "New spec from template" fills the file in front of you.
  'new-spec.md': '',
};

const PLANTED_LINE = '## Messaging <!-- owner: pm -->';
const MISMATCH_MESSAGE = 'Section "Messaging" is declared as owned by PM, but the PMM owns it. It is a messaging section';
const RULE = 'section-owner-mismatch';

const DRIFT_LINE = '- Launch with a tagline on the landing page.';
/** A PRD whose "Requirements" carry launch copy: content-owner-drift, on the words (issue 16, item 8). */
const DRIFT_SPEC = `# Checkout wallets\n\n## Requirements\n\nThe API answers in 200 ms.\n\n${DRIFT_LINE}\n- Run a campaign and send a press release.\n`;

function steps(workspace: string, host: HostKind): Step[] {
  const catalogue = catalogueFor({});
  const messaging = catalogue.kinds.get('messaging')!;
  const guideline = catalogue.guidelines.get(messaging.guidelines[0]!)!;
  const positioningHint = catalogue.kinds.get('positioning')!.hint;
  const pmOwns = catalogue.roles.get('pm')!.owns;

  return [
    {
      slug: 'workbench',
      name: 'workbench opens the workspace copy',
      async run(wb) {
        await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'planted.prd.md' }).first().waitFor({ timeout: 60_000 });
        await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'onboarding.spec.yaml' }).first().waitFor({ timeout: SHORT });
      },
    },
    {
      slug: 'host',
      name: host === 'web'
        ? 'runs in the web worker extension host (Running Extensions, its log), its server in a Web Worker of its own'
        : 'runs in the Node extension host (Running Extensions, its log), its server in a child process',
      async run(wb) {
        // Developer: Show Running Extensions: the row says which host runs it and how long activation took.
        await wb.closePanel();
        await wb.runCommand('Developer: Show Running Extensions');
        await wb.page.keyboard.press('Enter');
        const row = wb.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Spec Roles' }).first();
        await row.waitFor({ timeout: SHORT });
        const rowText = await waitUntil('the activation time in the row', async () => oneLine(await row.innerText()), (t) => /Activation/.test(t));
        await wb.shot('1-running-extensions');
        assert(host === 'web' ? /web worker/i.test(rowText) : !/web worker/i.test(rowText), `Running Extensions row: "${rowText}"`);
        // Its log ("Spec Roles" output channel): where it runs, where the server runs, how long each took.
        const want = [/activated in [\d.]+ ms in the (Node|web worker) extension host/, /specroles-ls runs in /, /answered initialize \d+ ms after it started/, /specroles-ls started in \d+ ms/];
        const view = await wb.showOutput('Spec Roles');
        const log = await waitUntil('the start-up lines at the top of the "Spec Roles" log', () => wb.logEntries(view), (ls) => want.every((re) => ls.some((l) => re.test(l))));
        await wb.shot('2-log');
        const lineOf = (re: RegExp) => log.find((l) => re.test(l))!.replace(/^[\d-]+ [\d:.]+ \[\w+\] /, '');
        const [activated, runsIn, answered, ready] = want.map(lineOf);
        const refused = log.find((l) => /new Worker\(.*refused/.test(l))?.replace(/^[\d-]+ [\d:.]+ \[\w+\] /, '');
        let workers: string | undefined;
        if (host === 'web') {
          assert(/in the web worker extension host \(extensionKind UI/.test(activated!), activated!);
          assert(/a Web Worker/.test(runsIn!), runsIn!);
          assert(/\(web worker\) answered/.test(answered!), answered!);
          // The server's own worker, as the page sees it: started by the extension host worker.
          const names = await Promise.all(wb.workers);
          assert(names.some((n) => /specroles-ls/.test(n)), `no worker named specroles-ls among the page's workers: ${JSON.stringify(names)}`);
          workers = `page workers (self.name): ${names.join(', ')}`;
        } else {
          assert(/in the Node extension host \(extensionKind Workspace/.test(activated!), activated!);
          assert(/a child process/.test(runsIn!), runsIn!);
          assert(/\(node v[\d.]+, IPC\) answered/.test(answered!), answered!);
        }
        await wb.closePanel();
        await wb.runCommand('View: Close Editor');
        await wb.page.keyboard.press('Enter');
        return [`Running Extensions: "${rowText}"`, activated, refused, runsIn, answered, ready, workers].filter(Boolean).join('\n      ');
      },
    },
    {
      slug: 'squiggle',
      name: 'planted mistake: a warning squiggle under the owner annotation',
      async run(wb) {
        await wb.open('planted.prd.md', 'Checkout v2');
        const squiggle = wb.squiggles('warning').first();
        await squiggle.waitFor({ timeout: SHORT });
        assert((await wb.squiggles().count()) === 1, `expected 1 squiggle, saw ${await wb.squiggles().count()}`);
        // CodeLens arriving moves the lines down: measure both again until the layout has settled.
        const onLine = async () => {
          const [sq, ln] = [await boxOf(squiggle), await boxOf(wb.line(PLANTED_LINE))];
          return { s: sq, line: ln, on: sq.y >= ln.y - 1 && sq.y + sq.height <= ln.y + ln.height + 1 };
        };
        const { s, line, on } = await waitUntil(`the squiggle on the line "${PLANTED_LINE}"`, onLine, (m) => m.on).catch(onLine);
        assert(on, `squiggle (y ${s.y}) is not on the line "${PLANTED_LINE}" (y ${line.y})`);
        // It sits under "pm" in "<!-- owner: pm -->": columns 26-27 of a monospace line.
        const text = wb.line(PLANTED_LINE).locator('> span');
        const t = await boxOf(text);
        const cw = t.width / PLANTED_LINE.length;
        const col = PLANTED_LINE.indexOf(' pm ') + 1;
        assert(Math.abs(s.x - (t.x + col * cw)) < cw / 2 && Math.abs(s.width - 2 * cw) < cw / 2, `squiggle at x ${s.x}, ${s.width}px wide; "pm" is at x ${t.x + col * cw}, ${2 * cw}px wide`);
        return `at x ${Math.round(s.x)}, ${Math.round(s.width)}px wide, on "${PLANTED_LINE}"`;
      },
    },
    {
      slug: 'problems-panel',
      name: 'Problems panel (Ctrl+Shift+M) lists the finding with its message and rule id',
      async run(wb) {
        await wb.open('planted.prd.md', 'Checkout v2');
        const rows = await wb.problems();
        const row = rows.filter({ hasText: MISMATCH_MESSAGE }).first();
        await row.waitFor({ timeout: SHORT });
        const text = oneLine(await row.innerText());
        assert(text.includes(RULE), `row has no rule id: ${text}`);
        assert(text.includes('specroles'), `row has no source: ${text}`);
        assert(/\[Ln 24, Col 26\]/.test(text), `row has no position [Ln 24, Col 26]: ${text}`);
        const fileRow = rows.filter({ hasText: 'planted.prd.md' }).first();
        await fileRow.waitFor({ timeout: SHORT });
        return text;
      },
    },
    {
      slug: 'hover',
      name: 'hover on the "Messaging" heading shows the owner and the guideline source',
      async run(wb) {
        await wb.closePanel();
        await wb.open('planted.prd.md', 'Checkout v2');
        await wb.statusItem('PM 4 · PMM 1').first().waitFor(); // the extension has linted the file
        const hover = await wb.hoverOn(PLANTED_LINE, 'Messaging', 'owned by the');
        const text = oneLine(await hover.innerText());
        for (const part of [
          'Messaging — owned by the product marketing manager (PMM · message)',
          'Declared owner: product manager',
          guideline.statement,
          `— ${citeSource(guideline.source)}`,
        ]) {
          assert(text.includes(part), `hover lacks "${part}": ${text}`);
        }
        const problem = await unreadable(wb, 'owned by the');
        assert(!problem, problem!);
        return text;
      },
    },
    {
      slug: 'hover-squiggle',
      name: 'hover on the squiggle shows the problem, its rule, and what the annotated role owns',
      async run(wb) {
        await wb.open('planted.prd.md', 'Checkout v2');
        await wb.squiggles('warning').first().waitFor();
        await wb.hoverOn(PLANTED_LINE, 'pm', MISMATCH_MESSAGE);
        // The problem hover offers the quick fix (VS Code asks the extension's code actions for it).
        await wb.page.locator('.monaco-hover .hover-row.status-bar', { hasText: 'Quick Fix' }).first().waitFor();
        // The problem and the extension's hover are separate parts of one widget: read the whole widget.
        const text = oneLine(await wb.page.locator('.monaco-hover').filter({ hasText: MISMATCH_MESSAGE }).first().innerText());
        for (const part of [MISMATCH_MESSAGE, RULE, 'Owner annotation', pmOwns, `${RULE} cites:`]) {
          assert(text.includes(part), `hover lacks "${part}": ${text}`);
        }
        // The whole hover must be readable without scrolling inside it.
        const problem = await unreadable(wb, MISMATCH_MESSAGE);
        if (problem) throw new Error(`squiggle hover: ${problem}`);
        return text;
      },
    },
    {
      slug: 'codelens',
      name: 'CodeLens labels above each section heading',
      async run(wb) {
        await wb.open('planted.prd.md', 'Checkout v2');
        const lenses = await waitUntil('5 CodeLens', () => wb.codeLenses(), (l) => l.length >= 5);
        const expected = [
          ['PM · why', '## Problem'],
          ['PM · why', '## Goals'],
          ['PM · what', '## Requirements'],
          ['PMM · message', PLANTED_LINE],
          ['PM · when', '## Timeline'],
        ];
        const seen = lenses.map((l) => [l.label, l.lineBelow]);
        assert(JSON.stringify(seen) === JSON.stringify(expected), `CodeLens: ${JSON.stringify(seen)}`);
        return lenses.map((l) => `${l.label} ⟶ ${l.lineBelow}`).join('; ');
      },
    },
    {
      slug: 'status-bar',
      name: 'status bar item counts sections by owner: "PM 4 · PMM 1"',
      async run(wb) {
        await wb.open('planted.prd.md', 'Checkout v2');
        const item = wb.statusItem('PM 4 · PMM 1').first();
        await item.waitFor({ timeout: SHORT });
        const label = (await item.getAttribute('aria-label')) ?? '';
        return `${oneLine(await item.innerText())} (aria-label "${label}")`;
      },
    },
    {
      slug: 'readiness-view',
      name: 'readiness view "Spec Roles" in the Explorer: per role its sections, findings and what it owes; a click goes to the section; filter by role',
      async run(wb) {
        await wb.closePanel();
        await wb.open('planted.prd.md', 'Checkout v2');
        await wb.runCommand('Explorer: Focus on Spec Roles View');
        await wb.page.keyboard.press('Enter');
        // The workspace's folder pane collapsed, so the whole tree fits on screen (the list draws only the rows in view).
        const folders = wb.page.locator('.pane-header', { hasText: WORKSPACE_NAME }).first();
        await folders.click();
        const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Spec Roles' }) }).first();
        const rows = pane.locator('.monaco-list-row');
        const row = (hasText: string) => rows.filter({ hasText }).first();
        // Each row as "label — description".
        const texts = () =>
          rows.evaluateAll((els) =>
            (els as unknown as Array<El & { querySelector(s: string): El | null }>).map((el) => {
              const part = (s: string) => el.querySelector(s)?.textContent?.trim() ?? '';
              return `${part('.label-name')} — ${part('.label-description')}`;
            }),
          );
        const want = [
          'planted.prd.md — Product requirements document · owner PM · 1 finding',
          'PM — 4 sections',
          'Problem — written',
          'PMM — 1 section · 1 finding',
          'Messaging — with 1 finding',
        ];
        const tree = await waitUntil('the planted spec in the readiness view', texts, (ts) => want.every((w) => ts.includes(w)));
        await wb.shot('1-tree');
        // The view redraws by itself: a spec opened joins it.
        await wb.open('clean.prd.md', 'Saved carts');
        await waitUntil('clean.prd.md in the readiness view', texts, (ts) => ts.some((t) => t.startsWith('clean.prd.md — ')));
        // A click on the Messaging row puts the cursor on its heading (line 24), from another editor.
        await row('Messaging').click();
        await wb.page.locator('.tabs-container .tab.active', { hasText: 'planted.prd.md' }).waitFor({ timeout: SHORT });
        await wb.statusItem('Ln 24, Col 1').first().waitFor({ timeout: SHORT });
        // Filter by role (the title bar's filter, from the palette here): PMM only, then every role again.
        await wb.runCommand('Spec Roles: Filter readiness by role');
        await wb.page.keyboard.press('Enter');
        const picks = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
        await picks.filter({ hasText: 'PMM' }).first().waitFor({ timeout: SHORT });
        await wb.page.keyboard.type('PMM');
        await wb.page.keyboard.press('Enter');
        const filtered = await waitUntil('PMM only', texts, (ts) => ts.includes('PMM — 1 section · 1 finding') && !ts.includes('PM — 4 sections'));
        await pane.locator('.pane-header', { hasText: 'PMM only' }).first().waitFor({ timeout: SHORT });
        await wb.shot('2-pmm-only');
        await wb.runCommand('Spec Roles: Show all roles');
        await wb.page.keyboard.press('Enter');
        await waitUntil('every role again', texts, (ts) => ts.includes('PM — 4 sections'));
        await folders.click();
        return `tree: ${tree.join(' / ')}; filtered to PMM: ${filtered.join(' / ')}`;
      },
    },
    {
      slug: 'quick-fix',
      name: 'light bulb and Ctrl+. quick fix "Set owner to PMM"; the squiggle goes away',
      async run(wb) {
        await wb.closePanel();
        await wb.open('planted.prd.md', 'Checkout v2');
        const squiggle = wb.squiggles('warning').first();
        await squiggle.waitFor({ timeout: SHORT });
        const s = await boxOf(squiggle);
        // Put the cursor inside the squiggle, on "pm", as a person would; the light bulb shows for the line.
        await wb.page.mouse.click(s.x + s.width / 2, s.y + s.height / 2);
        await wb.page.mouse.move(2, 2);
        const bulb = wb.page.locator('.lightBulbWidget .codicon, .lightBulbWidget');
        await bulb.first().waitFor({ state: 'visible', timeout: SHORT });
        await wb.shot('1-light-bulb');
        await wb.page.keyboard.press('Control+.');
        const menu = wb.page.locator('.action-widget');
        const fix = menu.locator('.monaco-list-row', { hasText: 'Set owner to PMM' }).first();
        await fix.waitFor({ timeout: SHORT });
        const actions = (await menu.locator('.monaco-list-row').allInnerTexts()).map(oneLine).filter(Boolean);
        await wb.shot('2-menu');
        // Pick it with the keyboard: arrow to it (Ctrl+. focuses the preferred fix first), then Enter.
        const focused = menu.locator('.monaco-list-row.focused');
        for (let i = 0; i < actions.length && !(await focused.filter({ hasText: 'Set owner to PMM' }).count()); i++) await wb.page.keyboard.press('ArrowDown');
        assert(await focused.filter({ hasText: 'Set owner to PMM' }).count(), `could not focus "Set owner to PMM" in the menu`);
        await wb.page.keyboard.press('Enter');
        await wb.line('## Messaging <!-- owner: pmm -->').waitFor({ timeout: SHORT });
        await waitUntil('the squiggle to go away', () => wb.squiggles().count(), (n) => n === 0);
        const rows = await wb.problems();
        await waitUntil('the Problems row to go away', () => rows.filter({ hasText: MISMATCH_MESSAGE }).count(), (n) => n === 0);
        return `menu: ${actions.join(' | ')}`;
      },
    },
    {
      slug: 'clean-spec',
      name: 'clean specs (Markdown, YAML): no squiggles, not in the Problems panel',
      async run(wb) {
        await wb.open('clean.prd.md', 'Saved carts');
        // Linted: its CodeLens and status bar item are there.
        await wb.statusItem('PM 4').first().waitFor({ timeout: SHORT });
        await waitUntil('CodeLens', () => wb.codeLenses(), (l) => l.length === 4);
        await sleep(1000);
        const n = await wb.squiggles().count();
        assert(n === 0, `${n} squiggles in clean.prd.md`);
        await wb.shot('1-markdown');
        // The clean YAML spec too.
        await wb.open('onboarding.spec.yaml', 'Team onboarding');
        await wb.statusItem('PM 3').first().waitFor();
        await waitUntil('CodeLens', () => wb.codeLenses(), (l) => l.length === 3);
        await sleep(1000);
        const m = await wb.squiggles().count();
        assert(m === 0, `${m} squiggles in onboarding.spec.yaml`);
        const texts = await wb.problemTexts();
        assert(!texts.some((t) => /clean\.prd\.md|onboarding\.spec\.yaml/.test(t)), `Problems panel lists a clean spec: ${texts.join(' / ')}`);
        return `Problems panel: ${texts.join(' / ')}`;
      },
    },
    {
      slug: 'stub-markdown',
      name: 'palette "Spec Roles: Generate PM/PMM section stub" → Positioning inserts a Markdown stub at the cursor',
      async run(wb) {
        await wb.closePanel();
        await wb.open('clean.prd.md', 'Saved carts');
        await wb.editor.click();
        await wb.page.keyboard.press('Control+End');
        await wb.runCommand('Spec Roles: Generate PM/PMM section stub');
        await wb.shot('1-palette');
        await wb.page.keyboard.press('Escape');
        await wb.generateStub('Positioning', '2-quick-pick');
        await wb.shot('3-positioning-checked');
        await wb.page.keyboard.press('Enter');
        await wb.line('## Positioning <!-- owner: pmm -->').waitFor({ timeout: SHORT });
        // Linted again after the edit: the new section gets its CodeLens and is counted in the status bar.
        await wb.statusItem('PM 4 · PMM 1').first().waitFor({ timeout: SHORT });
        await waitUntil('a CodeLens above "## Positioning"', () => wb.codeLenses(), (l) => l.some((x) => x.label === 'PMM · position' && x.lineBelow.startsWith('## Positioning')));
        const lines = await wb.lines();
        const at = lines.indexOf('## Positioning <!-- owner: pmm -->');
        assert(at > lines.indexOf('Beta in March, general availability in May.'), `stub is not after the last line: ${JSON.stringify(lines)}`);
        await wb.page.keyboard.press('Control+S');
        const onDisk = await waitUntil('save', async () => readFileSync(join(workspace, 'clean.prd.md'), 'utf8'), (t) => t.includes('Positioning'));
        const stub = `\n## Positioning <!-- owner: pmm -->\n\n<!-- ${positioningHint} -->\nTODO\n`;
        assert(onDisk.endsWith(`Beta in March, general availability in May.\n${stub}`), `file ends with: ${JSON.stringify(onDisk.slice(-300))}`);
        return lines.slice(at - 1, at + 4).join(' ⏎ ');
      },
    },
    {
      slug: 'stub-yaml',
      name: 'same command in a YAML spec inserts a YAML section item at the cursor',
      async run(wb) {
        await wb.open('onboarding.spec.yaml', 'Team onboarding');
        await wb.editor.click();
        await wb.page.keyboard.press('Control+End');
        await wb.generateStub('Positioning');
        await wb.shot('1-positioning-checked');
        await wb.page.keyboard.press('Enter');
        await wb.line('- title: Positioning').waitFor({ timeout: SHORT });
        await wb.statusItem('PM 3 · PMM 1').first().waitFor({ timeout: SHORT });
        const lines = await wb.lines();
        const at = lines.indexOf('  - title: Positioning');
        assert(at >= 0, `no "  - title: Positioning" line: ${JSON.stringify(lines)}`);
        assert(JSON.stringify(lines.slice(at + 1, at + 3)) === JSON.stringify(['    kind: positioning', '    owner: pmm']) && lines[at + 3]!.startsWith('    # ') && lines[at + 4] === '    body: |', `stub lines: ${JSON.stringify(lines.slice(at, at + 6))}`);
        await wb.page.keyboard.press('Control+S');
        const onDisk = await waitUntil('save', async () => readFileSync(join(workspace, 'onboarding.spec.yaml'), 'utf8'), (t) => t.includes('Positioning'));
        const stub = `  - title: Positioning\n    kind: positioning\n    owner: pmm\n    # ${positioningHint}\n    body: |\n      TODO\n`;
        assert(onDisk.endsWith(`Beta in March, general availability in May.\n${stub}`), `file ends with: ${JSON.stringify(onDisk.slice(-300))}`);
        return lines.slice(at, at + 5).join(' ⏎ ');
      },
    },
    {
      slug: 'template-prd',
      name: 'palette "Spec Roles: New spec from template" → Product requirements document fills the empty file with every PRD section, and no warning',
      async run(wb) {
        await wb.closePanel();
        await wb.open('new-spec.md');
        await wb.editor.click();
        await wb.runCommand('Spec Roles: New spec from template');
        await wb.page.keyboard.press('Enter');
        const type = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Product requirements document' }).first();
        await type.waitFor({ timeout: SHORT });
        await wb.shot('1-types');
        await type.click();
        await wb.line('## Problem <!-- owner: pm -->').waitFor({ timeout: SHORT });
        // Linted as the spec it now is: counted in the status bar, and a fresh template raises no warning.
        const status = await waitUntil('the status bar count', () => wb.statusItem(/PM \d+/).first().textContent(), (t) => !!t && /PM \d+/.test(t));
        assert((await wb.squiggles('warning').count()) === 0 && (await wb.squiggles('error').count()) === 0, 'a fresh template has warnings or errors');
        const lines = await wb.lines();
        assert(lines[0] === '---' && lines.includes('type: prd'), `template: ${JSON.stringify(lines.slice(0, 12))}`);
        // Every section of a PRD (the editor draws only the lines in view; the status bar counts them all).
        const sections = [...(status ?? '').matchAll(/(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
        assert(sections >= 12, `${sections} sections counted: ${status}`);
        await wb.shot('2-template');
        // Undone, so the steps after this one see the workspace's findings as before.
        await wb.editor.click();
        await wb.page.keyboard.press('Control+Z');
        await waitUntil('the file empty again', () => wb.lines(), (l) => !l.some((x) => x.startsWith('## ')));
        const headings = lines.filter((l) => l.startsWith('## '));
        return `status "${status?.trim()}" (${sections} sections); in view: ${headings.join(' / ')}`;
      },
    },
    {
      slug: 'drift-words',
      name: 'wrong role\'s text: the drift squiggle sits under the cue word "tagline", not the heading; the Problems panel lists every cue word',
      async run(wb) {
        await wb.open('drift.prd.md', DRIFT_LINE);
        // The squiggle on the launch-copy line (the document has others: its missing sections).
        const onDriftLine = async () => {
          const line = await boxOf(wb.line(DRIFT_LINE));
          const boxes = await Promise.all((await wb.squiggles().all()).map((sq) => boxOf(sq).catch(() => undefined)));
          return { line, s: boxes.find((b) => b && b.y >= line.y - 1 && b.y + b.height <= line.y + line.height + 1) };
        };
        const { s } = await waitUntil(`a squiggle on "${DRIFT_LINE}"`, onDriftLine, (m) => m.s !== undefined);
        const t = await boxOf(wb.line(DRIFT_LINE).locator('> span'));
        const cw = t.width / DRIFT_LINE.length;
        const col = DRIFT_LINE.indexOf('tagline');
        assert(s && Math.abs(s.x - (t.x + col * cw)) < cw / 2 && Math.abs(s.width - 'tagline'.length * cw) < cw / 2, `squiggle at x ${s?.x}, ${s?.width}px wide; "tagline" is at x ${t.x + col * cw}, ${'tagline'.length * cw}px wide`);
        const heading = await boxOf(wb.line('## Requirements'));
        const onHeading = (await Promise.all((await wb.squiggles().all()).map((sq) => boxOf(sq).catch(() => undefined)))).some((b) => b && Math.abs(b.y - heading.y) < heading.height / 2);
        assert(!onHeading, 'a squiggle on the "## Requirements" heading');
        await wb.shot('1-on-the-word');
        const rows = await wb.problems();
        const finding = rows.filter({ hasText: 'Section "Requirements" (PM) reads like' }).first();
        await finding.waitFor({ timeout: SHORT });
        const related = rows.filter({ hasText: 'PMM cue word' });
        const cues = await waitUntil('the cue words under the problem', async () => (await related.allInnerTexts()).map(oneLine), (r) => r.length >= 4);
        const row = oneLine(await finding.innerText());
        await wb.shot('2-problems');
        await wb.closePanel();
        return `squiggle at x ${Math.round(s.x)}, ${Math.round(s.width)}px wide, under "tagline" in "${DRIFT_LINE}"; none on the heading; Problems panel: ${row} / ${cues.join(' / ')}`;
      },
    },
    {
      slug: 'docs-offline',
      name: 'the drift hover\'s rule and guideline links open the bundled docs in the Markdown preview (the VSIX\'s files, offline)',
      async run(wb) {
        await wb.open('drift.prd.md', DRIFT_LINE);
        const hover = await wb.hoverOnSquiggle(DRIFT_LINE, 'content-owner-drift cites:');
        await wb.shot('1-hover');
        // The rule id (the problem's code) is a link to its page: a command link to the bundled file, not a web address.
        await hover.locator('a', { hasText: 'content-owner-drift' }).first().click();
        const ruleTab = wb.page.locator('.tabs-container .tab', { hasText: 'Preview content-owner-drift.md' }).first();
        await ruleTab.waitFor({ timeout: SHORT });
        const heading = await waitUntil('the rule page rendered in the preview', () => wb.previewText('h1'), (t) => t.includes('content-owner-drift'));
        await wb.shot('2-rule-page');
        // The guideline cited in the hover is a link to its entry on the bundled guidelines page.
        await wb.page.locator('.tabs-container .tab', { hasText: 'drift.prd.md' }).first().click();
        const again = await wb.hoverOnSquiggle(DRIFT_LINE, 'content-owner-drift cites:');
        const citation = again.locator('a', { hasText: /Pragmatic|Brian de Haaff|Haughwout|Product/ }).first();
        const cited = oneLine(await citation.innerText());
        await citation.click();
        await wb.page.locator('.tabs-container .tab', { hasText: 'Preview guidelines.md' }).first().waitFor({ timeout: SHORT });
        const guidelines = await waitUntil('the guidelines page rendered in the preview', () => wb.previewText('h1'), (t) => t.includes('Guidelines'));
        await wb.shot('3-guidelines-page');
        // Back to the spec, the previews closed: a focused preview (a webview) would take the later steps' keys.
        await wb.page.locator('.tabs-container .tab', { hasText: 'drift.prd.md' }).first().click();
        await wb.runCommand('View: Close Other Editors in Group');
        await wb.page.keyboard.press('Enter');
        return `rule link → "Preview content-owner-drift.md" (h1 "${heading}"); citation "${cited}" → "Preview guidelines.md" (h1 "${guidelines}")`;
      },
    },
    {
      slug: 'broken-config',
      name: 'broken .specroles.yaml: errors in the Problems panel and squiggles in the file',
      async run(wb) {
        // Nothing under broken/ has been opened yet: the extension found the config at start-up.
        const configRows = async () => (await wb.problemTexts()).filter((t) => t.startsWith('Config:'));
        const before = await waitUntil('the config problems', configRows, (t) => t.some((x) => x.includes('unknownKey')) && t.some((x) => x.includes('rules.section-owner-mismatch')));
        assert(before.length === 2, `expected 2 config rows, saw ${JSON.stringify(before)}`);
        assert(await (await wb.problems()).filter({ hasText: '.specroles.yaml' }).first().isVisible(), 'no .specroles.yaml file row');
        // Opening a spec that uses the config loads it again: still the same two rows, not duplicates.
        await wb.open('broken/notes.prd.md', 'Teams cannot find');
        const rows = await wb.problems();
        await rows.filter({ hasText: 'notes.prd.md' }).first().waitFor();
        await sleep(500);
        const after = await configRows();
        assert(JSON.stringify(after) === JSON.stringify(before), `config rows changed after opening notes.prd.md: ${JSON.stringify(after)}`);
        await wb.shot('1-problems');
        await wb.closePanel();
        // The config file itself: red squiggles; editing it re-validates as you type, saving re-lints, no toasts.
        await wb.open('broken/.specroles.yaml', 'unknownKey');
        await waitUntil('2 error squiggles', () => wb.squiggles('error').count(), (n) => n === 2);
        // Fix one of the two problems: double-click "loud", type "warning".
        await wb.line('section-owner-mismatch: loud').locator('span > span', { hasText: 'loud' }).first().dblclick();
        await wb.page.keyboard.type('warning');
        await wb.line('section-owner-mismatch: warning').waitFor();
        await waitUntil('1 error squiggle left', () => wb.squiggles('error').count(), (n) => n === 1);
        await wb.page.keyboard.press('Control+S');
        await waitUntil('save', async () => readFileSync(join(workspace, 'broken', '.specroles.yaml'), 'utf8'), (t) => t.includes('warning'));
        await sleep(1000);
        const saved = await waitUntil('1 config row after saving', configRows, (t) => t.length === 1 && t[0]!.includes('unknownKey'));
        assert((await wb.squiggles('error').count()) === 1, 'squiggles changed after saving');
        await wb.shot('2-fixed-one');
        return `before: ${before.join(' / ')}; after fixing "loud" and saving: ${saved.join(' / ')}`;
      },
    },
    {
      slug: 'spec-offer',
      name: 'a near-miss Markdown file: CodeLens "Check this file as a spec" over line 1 adds front matter, and it is linted',
      async run(wb) {
        await wb.open('draft.md', 'Checkout notes');
        // The lens can be drawn a frame before the line under it is (a web worker host under load): wait for both.
        const lenses = await waitUntil('the offer', () => wb.codeLenses(), (l) => l.some((x) => x.label.includes('Check this file as a spec') && x.lineBelow !== ''));
        const offer = lenses.find((x) => x.label.includes('Check this file as a spec'))!;
        assert(offer.lineBelow === '# Checkout notes', `the offer is above "${offer.lineBelow}", not the first line`);
        assert((await wb.squiggles().count()) === 0, 'squiggles before it is a spec');
        await wb.shot('1-offer');
        await wb.editor.locator('.codelens-decoration a', { hasText: 'Check this file as a spec' }).first().click();
        await wb.line('specroles: 1').waitFor({ timeout: SHORT });
        await waitUntil('the squiggle of the spec it now is', () => wb.squiggles('warning').count(), (n) => n >= 1);
        // VS Code asks for lenses again a little after the edit, not when the diagnostics come.
        const after = await waitUntil('the offer gone once it is a spec', () => wb.codeLenses(), (l) => !l.some((x) => x.label.includes('Check this file as a spec')));
        await wb.shot('2-marked');
        return `${offer.label}; then ${(await wb.lines()).slice(0, 3).join(' ⏎ ')}; lenses ${after.map((x) => x.label).join(' / ')}`;
      },
    },
    {
      slug: 'completion-heading',
      name: 'typing "## " in a spec opens the suggestions with the section kinds (no Ctrl+Space)',
      async run(wb) {
        await wb.open('typed.md', 'Typed checkout');
        // Once the server answers (its lint's CodeLens): until it has started, the trigger characters are not registered.
        await waitUntil('its lint (a CodeLens)', () => wb.codeLenses(), (l) => l.length > 0);
        await wb.editor.click();
        await wb.page.keyboard.press('Control+End');
        await wb.page.keyboard.press('Enter');
        await wb.page.keyboard.type('## ');
        // The PM's kinds first, as in the stub picker.
        const first = wb.page.locator('.suggest-widget .monaco-list-row').first();
        await first.waitFor({ timeout: SHORT });
        assert(oneLine(await first.innerText()).startsWith('## ') && /PM/.test(await first.innerText()), `first suggestion: ${await first.innerText()}`);
        const rows = (await wb.page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).map(oneLine);
        await wb.shot('1-suggestions');
        await wb.page.keyboard.type('Pos');
        await wb.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: '## Positioning' }).waitFor({ timeout: SHORT });
        await wb.page.keyboard.press('Enter');
        await wb.line('## Positioning <!-- owner: pmm -->').waitFor({ timeout: SHORT });
        await wb.shot('2-accepted');
        return `suggested: ${rows.slice(0, 4).join(' / ')} …; accepted "## Positioning <!-- owner: pmm -->"`;
      },
    },
    {
      slug: 'no-toasts',
      name: 'no notification storm: no Spec Roles toast during the whole run',
      async run(wb) {
        const toasts = await wb.toastsSeen();
        const ours = toasts.filter((t) => /spec ?roles|\.specroles/i.test(t));
        const now = await wb.page.locator('.notifications-toasts .notification-toast').count();
        assert(ours.length === 0, `Spec Roles toasts: ${JSON.stringify(ours)}`);
        return `${toasts.length} toast(s) in the whole run${toasts.length ? `: ${JSON.stringify(toasts)}` : ''}; ${now} showing now`;
      },
    },
  ];
}

// ---- main -------------------------------------------------------------------------------------------------------

/** Records the text of every notification toast the workbench shows, from before it loads. */
const TOAST_RECORDER = `(() => {
window.__specrolesToasts = [];
const seen = new WeakSet();
new MutationObserver((mutations) => {
  for (const m of mutations) for (const n of m.addedNodes) {
    if (n.nodeType !== 1) continue;
    const toasts = n.matches('.notification-toast') ? [n] : [...n.querySelectorAll('.notification-toast')];
    for (const t of toasts) {
      if (seen.has(t)) continue;
      seen.add(t);
      setTimeout(() => window.__specrolesToasts.push((t.innerText || t.textContent || '').replace(/\\s+/g, ' ').trim()), 200);
    }
  }
}).observe(document, { childList: true, subtree: true });
})();`;

/** One host's run: fresh code-server folders, the VSIX installed, a fresh workspace copy, every step. */
async function runHost(kind: HostKind, args: ReturnType<typeof parseArgs>): Promise<{ passed: number; failed: number }> {
  const hostStarted = Date.now();
  const artifacts = HOSTS[kind].artifacts;
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  const keep = process.env.SPECROLES_KEEP_TMP === '1';
  const wsRoot = mkdtempSync(join(tmpdir(), 'specroles-e2e-ws-'));
  const workspace = join(wsRoot, WORKSPACE_NAME);
  cpSync(FIXTURE, workspace, { recursive: true });
  for (const [name, text] of Object.entries(STEP_FILES)) writeFileSync(join(workspace, name), text);
  // Only in the copy: the editor tests count what the fixture holds. Before start-up, so quick open finds it.
  writeFileSync(join(workspace, 'drift.prd.md'), DRIFT_SPEC);
  // Also on Ctrl+C (../code-server.ts stops code-server and chromium, then exits).
  const removeWorkspace = () => rmSync(wsRoot, { recursive: true, force: true });
  if (!keep) process.on('exit', removeWorkspace);

  let passed = 0;
  let failed = 0;
  let host: CodeServerHost | undefined;
  try {
    info(`${HOSTS[kind].label}: installing ${args.vsix} into a fresh code-server; workspace copy ${workspace}`);
    host = await startCodeServer({ workspace, vsix: [args.vsix], settings: HOSTS[kind].settings });
    const installed = readdirSync(host.profile.extensionsDir).filter((d) => d.startsWith('specroles.'));
    if (!installed.length) throw new Error(`the VSIX did not install: ${readdirSync(host.profile.extensionsDir).join(', ')}`);
    info(`code-server listening on ${host.baseUrl}; installed ${installed.join(', ')}`);
    const page = await host.openPage();
    // Playwright actions (click, fill) fail with their call log well before the step's own timeout.
    page.setDefaultTimeout(SHORT);
    await page.addInitScript(TOAST_RECORDER);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const wb = new Workbench(page, workspace, kind);
    page.on('worker', (worker) => wb.workers.push(worker.evaluate('self.name').then(String, () => '?')));
    await page.goto(host.workbenchUrl({ folder: workspace }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    if (!(await page.evaluate('Array.isArray(window.__specrolesToasts)'))) throw new Error('the toast recorder did not load');
    info('workbench loaded');

    const all = steps(workspace, kind);
    for (const [i, step] of all.entries()) {
      if (args.only && !step.slug.includes(args.only) && !step.name.includes(args.only) && i !== 0) continue;
      if (stoppingSignal()) break;
      if (Date.now() - hostStarted > RUN_TIMEOUT_MS) {
        failed++;
        console.log(`  ✗ ${step.name}\n      not run: the run passed its ${RUN_TIMEOUT_MS / 1000} s limit`);
        continue;
      }
      const t = Date.now();
      wb.prefix = `${String(i + 1).padStart(2, '0')}-${step.slug}`;
      try {
        let timer: NodeJS.Timeout | undefined;
        const detail = await Promise.race([
          step.run(wb),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`step timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS))),
        ]).finally(() => clearTimeout(timer));
        await wb.shot();
        passed++;
        console.log(`  ✓ ${step.name} (${((Date.now() - t) / 1000).toFixed(1)}s)${detail ? `\n      ${detail}` : ''}`);
      } catch (error) {
        failed++;
        const shot = await wb.shot('FAIL').catch(() => '(no screenshot)');
        // Playwright's call logs carry ANSI colours; keep the report plain.
        const text = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, '');
        const message = text.split('\n').slice(0, 6).join('\n      ');
        console.log(`  ✗ ${step.name} (${((Date.now() - t) / 1000).toFixed(1)}s)\n      ${message}\n      screenshot: ${shot}`);
      }
    }
    if (pageErrors.length) writeFileSync(join(artifacts, 'page-errors.log'), pageErrors.join('\n') + '\n');
  } finally {
    if (host) writeFileSync(join(artifacts, 'code-server.log'), host.serverOutput());
    await host?.dispose();
    if (!keep) {
      removeWorkspace();
      process.off('exit', removeWorkspace);
    } else info(`kept workspace copy ${workspace}`);
  }
  info(`${HOSTS[kind].label}: ${passed} passed, ${failed} failed in ${((Date.now() - hostStarted) / 1000).toFixed(1)} s; screenshots in ${artifacts}/`);
  return { passed, failed };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.vsix)) throw new Error(`${args.vsix} is missing: run npm run package (or npm run test:e2e)`);
  let passed = 0;
  let failed = 0;
  let harnessFailed = false;
  for (const kind of args.hosts) {
    if (stoppingSignal()) break;
    try {
      const r = await runHost(kind, args);
      passed += r.passed;
      failed += r.failed;
    } catch (error) {
      // One host's harness failing does not keep the other from running.
      harnessFailed = true;
      failed++;
      console.log(`[e2e ${elapsed()}] ${HOSTS[kind].label}: harness error:`, error instanceof Error ? error.message : error);
    }
  }
  const signal = stoppingSignal();
  if (signal) info(`interrupted by ${signal}`);
  info(`done (${args.hosts.map((k) => HOSTS[k].label).join(', ')})`);
  console.log(`${passed} passed, ${failed} failed`);
  return harnessFailed ? 2 : failed || signal ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(`[e2e ${elapsed()}] harness error:`, error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(2);
  },
);
