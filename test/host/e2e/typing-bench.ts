// Typing benchmark in the real editor (issue 15's bars): not a test, not part of npm test. `npm run bench:editor`
// packages the VSIX, bundles this file and runs it:
//
//   node dist/test/host/e2e/typing-bench.js [--vsix specroles.vsix] [--before other.vsix] [--keys 60] [--rounds 3] [--kb 1024] [--delay 120]
//     [--on-settings '{"specRoles.codeLens":false}'] [--profile] [--per-key]
//
// Two fresh code-servers (Node extension host) on the same generated ~1 MB spec (bench/generate.mjs): one with
// the VSIX installed ("on"), one without ("off"), each with its own headless chromium. Rounds alternate
// between them (on, off, on, off…). With --before, a third code-server with that VSIX (e.g. one built before
// a change) takes its turn in every round too. Each round opens the spec, puts the cursor on a new line in the middle
// and types `--keys` characters with playwright, one key every `--delay` ms, ending in a heading that makes
// one diagnostic ("## Messaging <!-- owner: pm -->": the PMM's section declared PM, shown on the last key's
// `>`). Measured in the page:
//   - per keystroke: keydown (capture, on document) → the next frame's requestAnimationFrame → setTimeout 0,
//     i.e. until the frame after the key was painted;
//   - the longest long task (PerformanceObserver 'longtask') during the round: the longest freeze;
//   - "on" only: the last keydown → the first frame in which a squiggle shows on the typed heading line.
// Then undo all (the file is never saved) for the next round. From the "on" host's log files: the
// extension's activation time and the server's ready time (its own "answered initialize N ms after it
// started"). Prints medians/p95 and the ratio on/off, with the load average at start and end.
// --on-settings adds user settings to the "on" side only (to find what costs: e.g. CodeLens off). --profile
// records the workbench page's CPU profile during each side's first round (Chrome DevTools Protocol) into
// test-results/typing-<side>.cpuprofile and prints the functions with the most self time. --per-key prints
// each heading key's median on every side (which keys of the heading line cost: `#`, the suggest widget's).
// Also printed: the page's main-thread busy time (Chrome's TaskDuration) while the prose and the heading were
// typed, per key: what the keys cost in CPU, steadier than latency when the machine is loaded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startCodeServer, type CodeServerHost } from '../code-server';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..', '..');
const HEADING = '## Messaging <!-- owner: pm -->';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const vsix = resolve(arg('vsix', join(PROJECT_ROOT, 'specroles.vsix')));
/** A second VSIX to compare with (e.g. one built before a change): a third side, "before". */
const before = process.argv.includes('--before') ? resolve(arg('before', '')) : undefined;
const keys = Number(arg('keys', '60'));
const rounds = Number(arg('rounds', '3'));
const kb = Number(arg('kb', '1024'));
const delay = Number(arg('delay', '120'));
const onSettings = JSON.parse(arg('on-settings', '{}')) as Record<string, unknown>;
const profile = process.argv.includes('--profile');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const info = (m: string) => console.log(`[typing ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

/** Installed in the page before typing: per key, keydown → the frame after it; long tasks. */
const RECORDER = `(() => {
  const b = (window.__typing = { keys: [], longtasks: [], lastKeyAt: 0 });
  if (!window.__typingInstalled) {
    window.__typingInstalled = true;
    document.addEventListener('keydown', () => {
      const t = performance.now();
      window.__typing.lastKeyAt = t;
      requestAnimationFrame(() => setTimeout(() => window.__typing.keys.push(performance.now() - t), 0));
    }, true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__typing.longtasks.push(e.duration);
    }).observe({ type: 'longtask' });
  }
  return true;
})()`;

/** Resolves with ms from the last keydown to the first frame showing a squiggle on the line with HEADING, or -1. */
const SETTLE = `new Promise((resolve) => {
  const deadline = performance.now() + 15000;
  const check = () => {
    const now = performance.now();
    const line = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')].find((el) => (el.textContent || '').replace(/\\u00a0/g, ' ').includes(${JSON.stringify(HEADING)}));
    if (line) {
      const top = line.style.top;
      const squiggled = [...document.querySelectorAll('.editor-instance .monaco-editor .view-overlays > div')].some(
        (row) => row.style.top === top && row.querySelector('.squiggly-warning, .squiggly-error, .squiggly-info'),
      );
      if (squiggled) return resolve(now - window.__typing.lastKeyAt);
    }
    if (now > deadline) return resolve(-1);
    requestAnimationFrame(check);
  };
  check();
})`;

interface Side {
  name: 'on' | 'off' | 'before';
  host: CodeServerHost;
  page: Page;
  keys: number[];
  /** The same keys split: those typed in prose, and those of the heading line (where `#` opens completion). */
  proseKeys: number[];
  headingKeys: number[];
  /** The heading's keys by position in HEADING, over the rounds: which of its keys cost (e.g. while the suggest widget is open). */
  byHeadingKey: number[][];
  freezes: number[];
  settle: number[];
  /**
   * The page's main thread busy time (Chrome's Performance.getMetrics TaskDuration, ms) per round, while the
   * prose was typed and while the heading was: CPU spent, less sensitive to the machine's load than latency.
   */
  proseBusy: number[];
  headingBusy: number[];
  metrics?: CDPSession;
  profiled?: boolean;
}

async function openSide(name: 'on' | 'off' | 'before', workspace: string): Promise<Side> {
  // The same settings on both sides; no auto-closing, so that the keys typed are the text typed ("<!--" would close itself).
  const settings = { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoClosingComments': 'never', 'editor.autoSurround': 'never', ...(name === 'on' ? onSettings : {}) };
  const host = await startCodeServer({ workspace, vsix: name === 'on' ? [vsix] : name === 'before' ? [before!] : [], settings });
  const page = await host.openPage();
  page.setDefaultTimeout(30_000);
  await page.goto(host.workbenchUrl({ folder: workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  // Quick Open the spec.
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill('big.prd.md');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'big.prd.md' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'big.prd.md' }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
  info(`${name}: workbench up, spec open`);
  return { name, host, page, keys: [], proseKeys: [], headingKeys: [], byHeadingKey: [...HEADING].map(() => []), freezes: [], settle: [], proseBusy: [], headingBusy: [] };
}

async function round(side: Side, line: number): Promise<void> {
  const { page } = side;
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  // Go to the line (Ctrl+G), to its end, and open a new paragraph below.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input.input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await sleep(1500); // let the editor (and specroles) settle before measuring
  await page.evaluate(RECORDER);
  const cdp = profile && !side.profiled ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    side.profiled = true;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const filler = 'Shoppers pay in two taps on every phone we support today. ';
  const body = (filler.repeat(Math.ceil(keys / filler.length))).slice(0, Math.max(0, keys - HEADING.length - 2));
  const text = body ? `${body}\n\n${HEADING}` : HEADING;
  // Markdown's auto-closing/continuation could alter what is typed; playwright types exactly these keys.
  side.metrics ??= await page.context().newCDPSession(page);
  await side.metrics.send('Performance.enable');
  const busy = async () => ((await side.metrics!.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const marks = [await busy()];
  for (const [i, ch] of [...text].entries()) {
    if (i === text.length - HEADING.length) marks.push(await busy());
    if (ch === '\n') await page.keyboard.press('Enter');
    else await page.keyboard.type(ch);
    await sleep(delay);
  }
  marks.push(await busy());
  side.proseBusy.push(marks.length === 3 ? marks[1]! - marks[0]! : 0);
  side.headingBusy.push(marks.at(-1)! - marks.at(-2)!);
  const settle = side.name !== 'off' ? ((await page.evaluate(SETTLE)) as number) : -1;
  if (cdp) {
    const { profile: recorded } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    const dir = join(PROJECT_ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `typing-${side.name}.cpuprofile`), JSON.stringify(recorded));
    console.log(topSelfTime(recorded, side.name));
  }
  await sleep(500);
  const got = (await page.evaluate('window.__typing')) as { keys: number[]; longtasks: number[] };
  side.keys.push(...got.keys);
  // Keys are recorded in the order typed: the heading's are the last HEADING.length (the Enters between count as prose).
  const headingFrom = Math.max(0, got.keys.length - HEADING.length);
  side.proseKeys.push(...got.keys.slice(0, headingFrom));
  side.headingKeys.push(...got.keys.slice(headingFrom));
  got.keys.slice(headingFrom).forEach((ms, i) => side.byHeadingKey[i]?.push(ms));
  side.freezes.push(got.longtasks.length ? Math.max(...got.longtasks) : 0);
  if (side.name !== 'off') side.settle.push(settle);
  info(`${side.name}: ${got.keys.length} keys, median ${q(got.keys, 0.5).toFixed(1)} ms, longest task ${side.freezes.at(-1)!.toFixed(0)} ms${side.name !== 'off' ? `, diagnostics settled ${settle < 0 ? 'not within 15 s' : `${settle.toFixed(0)} ms`} after the last key` : ''}`);
  // Undo everything typed (never saved), so every round types into the same text.
  await page.keyboard.press('Escape');
  for (let i = 0; i < text.length + 4; i++) await page.keyboard.press('Control+Z');
  await sleep(1000);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The 15 functions with the most self time in a page's CPU profile, as lines to print. */
function topSelfTime(p: CpuProfile, name: string): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').at(-1) ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    if (frame.functionName !== '(idle)' && frame.functionName !== '(program)') total += dt;
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  return [`  ${name}: CPU profile of the first round, ${total.toFixed(0)} ms busy; most self time:`, ...rows].join('\n');
}

function q(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/** The "Spec Roles" log of a host's extension host, from its log files. */
function specRolesLog(host: CodeServerHost): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.log')) {
        const text = readFileSync(p, 'utf8');
        if (/activated in [\d.]+ ms|answered initialize/.test(text)) out.push(text);
      }
    }
  };
  const logs = join(host.profile.userDataDir, 'logs');
  if (existsSync(logs)) walk(logs);
  return out.join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: npm run package`);
  const ws = mkdtempSync(join(tmpdir(), 'specroles-typing-'));
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', `import { generateMarkdown, hashSeed } from ${JSON.stringify(join(PROJECT_ROOT, 'bench', 'generate.mjs'))}; process.stdout.write(generateMarkdown({ seed: hashSeed('typing', 1, ${kb}), targetBytes: ${kb} * 1024, salt: 'typing' }));`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(ws, 'big.prd.md'), text);
  // The middle: a paragraph line (starts with a letter, long) near the middle of the file, 1-based.
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length && !(/^[A-Za-z]/.test(lines[line]!) && lines[line]!.length > 40 && lines[line + 1] === '')) line++;
  info(`spec ${(text.length / 1024).toFixed(0)} KB, ${lines.length} lines; typing ${keys} keys after line ${line + 1}, ${rounds} rounds each side, ${delay} ms between keys`);
  const load = [loadavg().map((l) => l.toFixed(2)).join(' ')];
  const sides: Side[] = [];
  try {
    sides.push(await openSide('on', ws));
    sides.push(await openSide('off', ws));
    if (before) sides.push(await openSide('before', ws));
    await sleep(3000);
    for (let r = 0; r < rounds; r++) for (const side of r % 2 ? [...sides].reverse() : sides) await round(side, line + 1);
    load.push(loadavg().map((l) => l.toFixed(2)).join(' '));
    const [on, off, prior] = sides as [Side, Side, Side | undefined];
    const log = specRolesLog(on.host);
    const activation = /activated in ([\d.]+) ms/.exec(log)?.[1];
    const ready = /answered initialize (\d+) ms after it started \(([\d.]+) ms in initialize(?:; listening since (\d+) ms(?:, (\d+) ms of CPU)?)?\)/.exec(log);
    const serverStarted = /specroles-ls started in (\d+) ms/.exec(log)?.[1];
    const fmt = (xs: number[]) => `median ${q(xs, 0.5).toFixed(1)} ms, p95 ${q(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
    console.log(`\nTyping on a ${(text.length / 1024).toFixed(0)} KB spec in code-server (Node extension host), ${rounds} rounds × ${keys} keys each side, interleaved; load average ${load.join(' → ')}`);
    console.log(`  key → next frame, specroles on : ${fmt(on.keys)}`);
    console.log(`  key → next frame, specroles off: ${fmt(off.keys)}`);
    console.log(`  ratio on/off (median): ${(q(on.keys, 0.5) / q(off.keys, 0.5)).toFixed(2)}; p95: ${(q(on.keys, 0.95) / q(off.keys, 0.95)).toFixed(2)}   (bar: ≤ 1.10)`);
    // Where the difference is: prose typed in a paragraph, or the heading line, where `#` opens the sections'
    // completion list (a feature of the "on" side the editor draws and filters on every key).
    console.log(`  of which prose keys: on median ${q(on.proseKeys, 0.5).toFixed(1)} ms, off ${q(off.proseKeys, 0.5).toFixed(1)} ms, ratio ${(q(on.proseKeys, 0.5) / q(off.proseKeys, 0.5)).toFixed(2)} (n=${on.proseKeys.length}); heading keys: on ${q(on.headingKeys, 0.5).toFixed(1)} ms, off ${q(off.headingKeys, 0.5).toFixed(1)} ms, ratio ${(q(on.headingKeys, 0.5) / q(off.headingKeys, 0.5)).toFixed(2)} (n=${on.headingKeys.length})`);
    const perKey = (xs: number[], n: number) => `${(q(xs, 0.5) / n).toFixed(2)} ms/key`;
    const proseN = keys - HEADING.length;
    console.log(`  main thread busy (median over rounds): ${proseN > 0 ? `prose ${sides.map((s) => `${s.name} ${perKey(s.proseBusy, proseN)}`).join(', ')}; ` : ''}heading ${sides.map((s) => `${s.name} ${perKey(s.headingBusy, HEADING.length)}`).join(', ')}`);
    console.log(`    heading busy per round, ms: ${sides.map((s) => `${s.name} ${s.headingBusy.map((b) => b.toFixed(0)).join(' ')}`).join('; ')}`);
    if (process.argv.includes('--per-key')) {
      console.log(`  heading keys one by one, median ms over the rounds (${sides.map((s) => s.name).join(' / ')}):`);
      [...HEADING].forEach((ch, i) => console.log(`    ${String(i + 1).padStart(2)} ${JSON.stringify(ch).padEnd(4)} ${sides.map((s) => q(s.byHeadingKey[i]!, 0.5).toFixed(1).padStart(6)).join(' ')}`));
    }
    if (prior) {
      console.log(`  before/off ratios: prose ${(q(prior.proseKeys, 0.5) / q(off.proseKeys, 0.5)).toFixed(2)}, heading ${(q(prior.headingKeys, 0.5) / q(off.headingKeys, 0.5)).toFixed(2)}; on/before: all ${(q(on.keys, 0.5) / q(prior.keys, 0.5)).toFixed(2)}, heading ${(q(on.headingKeys, 0.5) / q(prior.headingKeys, 0.5)).toFixed(2)}`);
      console.log(`  key → next frame, before (${before}): ${fmt(prior.keys)}; ratio before/off (median) ${(q(prior.keys, 0.5) / q(off.keys, 0.5)).toFixed(2)}`);
      console.log(`  before: longest freeze per round ${prior.freezes.map((f) => f.toFixed(0)).join(', ')} ms; diagnostics settled ${prior.settle.map((s) => (s < 0 ? 'not within 15 s' : `${s.toFixed(0)} ms`)).join(', ')}`);
    }
    console.log(`  longest freeze per round (long task): on ${on.freezes.map((f) => f.toFixed(0)).join(', ')} ms; off ${off.freezes.map((f) => f.toFixed(0)).join(', ')} ms`);
    console.log(`  diagnostics settled after the last key: ${on.settle.map((s) => (s < 0 ? 'not within 15 s' : `${s.toFixed(0)} ms`)).join(', ')}   (bar: ≤ 300 ms)`);
    console.log(`  extension activation: ${activation ?? '?'} ms (bar ≤ 20); server listening ${ready?.[3] ?? '?'} ms after its start${ready?.[4] ? ` (${ready[4]} ms of it the server's CPU)` : ''} (bar ≤ 150), answered initialize after ${ready?.[1] ?? '?'} ms (${ready?.[2] ?? '?'} ms in initialize)${serverStarted ? `; the client saw it ready ${serverStarted} ms after starting it` : ''}`);
  } finally {
    for (const side of sides) await side.host.dispose();
    rmSync(ws, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.log('typing bench failed:', error instanceof Error ? error.stack ?? error.message : error);
    process.exit(2);
  },
);
