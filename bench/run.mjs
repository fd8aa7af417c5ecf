// specroles benchmark: the engine and the CLI side by side with markdownlint, remark-lint and
// markdownlint-cli2 on the same generated specs, in one run; checks the bars of SPEC.md ("Bars").
// `npm run bench` builds first, then runs this file with --expose-gc. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editOneChar, generateMarkdown, generateYaml, hashSeed, paragraphLetterOffsets } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------------------------------ settings

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const num = (v, d) => (v === undefined || v === '' ? d : Number(v));
const nums = (v, d) => (v ? v.split(',').map(Number) : d);
const cfg = {
  quick: QUICK,
  seed: num(env.BENCH_SEED, 20250601),
  sizesKB: nums(env.BENCH_SIZES_KB, QUICK ? [5, 100, 256] : [5, 100, 1024]),
  yamlSizesKB: nums(env.BENCH_YAML_SIZES_KB, QUICK ? [5, 256] : [5, 1024]),
  /** Sizes from this many KB up use the "large" warm-up/run counts. */
  largeFromKB: num(env.BENCH_LARGE_FROM_KB, 500),
  /** Sizes up to this many KB use the "small" counts: a few ms per lint, so more runs are cheap and needed. */
  smallToKB: num(env.BENCH_SMALL_TO_KB, 20),
  smallWarmup: num(env.BENCH_SMALL_WARMUP, QUICK ? 5 : 15),
  smallRuns: num(env.BENCH_SMALL_RUNS, QUICK ? 10 : 30),
  warmup: num(env.BENCH_WARMUP, QUICK ? 1 : 3),
  runs: num(env.BENCH_RUNS, QUICK ? 3 : 10),
  largeWarmup: num(env.BENCH_LARGE_WARMUP, QUICK ? 0 : 1),
  largeRuns: num(env.BENCH_LARGE_RUNS, QUICK ? 1 : 3),
  edits: num(env.BENCH_EDITS, QUICK ? 5 : 10),
  editWarmup: num(env.BENCH_EDIT_WARMUP, 3),
  relintJitWarmup: num(env.BENCH_RELINT_JIT_WARMUP, QUICK ? 10 : 30),
  procWarmup: Math.max(1, num(env.BENCH_PROC_WARMUP, 1)),
  procRuns: num(env.BENCH_PROC_RUNS, QUICK ? 2 : 5),
  folderCount: num(env.BENCH_FOLDER_COUNT, QUICK ? 100 : 1000),
  folderSpecKB: num(env.BENCH_FOLDER_SPEC_KB, 5),
  peers: env.BENCH_PEERS !== '0',
  only: env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',')) : undefined, // inprocess,yaml,relint,rss,cli
  workDir: env.BENCH_WORK_DIR ?? join(here, '.work'),
  // The CLI skips .gitignore'd files, and bench/.work/ is ignored: the spec folder lives outside the repo.
  cliDir: env.BENCH_CLI_DIR ?? join(os.tmpdir(), 'specroles-bench'),
  out: env.BENCH_OUT ?? (QUICK ? join(here, '.work', 'results-quick.json') : join(here, 'results.json')),
};
const wants = (part) => !cfg.only || cfg.only.has(part);
const countsFor = (kb) =>
  kb >= cfg.largeFromKB ? { warmup: cfg.largeWarmup, runs: cfg.largeRuns } : kb <= cfg.smallToKB ? { warmup: cfg.smallWarmup, runs: cfg.smallRuns } : { warmup: cfg.warmup, runs: cfg.runs };
const failures = [];
/** Runs one part of the bench; a failure is logged and recorded, and the other parts still run. */
async function part(name, fn) {
  if (!wants(name)) return;
  try {
    await fn();
  } catch (e) {
    log(`${name} FAILED: ${e.stack ?? e}`);
    failures.push({ part: name, error: String(e.message ?? e) });
  }
}
const KB = 1024;
const started = performance.now();
const log = (msg) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) log('note: run with --expose-gc for steadier numbers (npm run bench does)');

// ------------------------------------------------------------------------------------------- tools

const enginePath = join(root, 'dist/tools/bench-engine.js');
if (!existsSync(enginePath)) {
  console.error(`${relative(root, enginePath)} is missing: run "node esbuild.mjs" first (npm run bench does).`);
  process.exit(2);
}
const { lint, lintIncremental } = require(enginePath);
const { lint: markdownlint } = await import('markdownlint/sync');
const { remark } = await import('remark');
const { default: remarkPresetLintRecommended } = await import('remark-preset-lint-recommended');
const YAML = (await import('yaml')).default;
const remarkLint = remark().use(remarkPresetLintRecommended).freeze();
const engineConfig = {}; // one config object, as the CLI and the editor reuse theirs (its settings are cached per object)

const tools = {
  specroles: (text, path) => lint(text, { path, config: engineConfig }).findings.length,
  markdownlint: (text) => markdownlint({ strings: { spec: text } }).spec.length,
  'remark-lint': async (text) => (await remarkLint.process(text)).messages.length,
  'yaml.parseDocument': (text) => YAML.parseDocument(text).errors.length,
};

/** The LSP change (range + text) that editOneChar(text, offset) makes: the letter at `offset` replaced. */
function oneCharChange(text, offset) {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: editOneChar(text, offset)[offset] };
}

// ------------------------------------------------------------------------------------------- stats

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n ? (n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) : NaN;
  const round = (x) => Math.round(x * 100) / 100;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[n - 1]), runs: samples.map(round), n };
}

const ratio = (a, b) => (a && b ? Math.round((a.median / b.median) * 1000) / 1000 : undefined);

// -------------------------------------------------------------------------------------- in-process

/**
 * The text as a tool gets it from a file (readFileSync) or an editor: one flat string. The generator's
 * template literals make a rope, which the first tool to search it flattens (about 7 ms for 1 MB), and
 * that was always specroles, as it runs first; the tools after it got the flat string.
 */
function asReadFromFile(text) {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Times `toolNames` on fresh text variants: text i is the spec with salt i, so the engine never meets
 * a chunk it has seen, and every tool lints the very same texts. Each tool runs as one block (its
 * warm-up texts, then the timed ones), with a full GC between blocks but none between runs: a forced GC
 * before every call slows the next call down (markdownlint's 5 KB lint takes 3–4× longer after one),
 * and interleaving the tools charges one tool's garbage to the next.
 */
async function timeInProcess({ name, make, path, toolNames, warmup, runs }) {
  const texts = Array.from({ length: warmup + runs }, (_, i) => asReadFromFile(make(`${name}-${i}`)));
  const bytes = Buffer.byteLength(texts[texts.length - 1]);
  const result = { bytes, path, warmup, tools: {}, findings: {} };
  for (const tool of toolNames) {
    const samples = [];
    const cpu = [];
    gc();
    for (let i = 0; i < texts.length; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const found = await tools[tool](texts[i], path);
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      if (i >= warmup) {
        samples.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
      result.findings[tool] ??= found;
    }
    result.tools[tool] = { ...stats(samples), cpu: stats(cpu) };
  }
  return result;
}

/** The engine on a text it has already linted (every chunk cached): shows what the cache saves. */
function timeCached(text, path, runs = 5) {
  tools.specroles(text, path);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    tools.specroles(text, path);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

// ------------------------------------------------------------------------------------- processes

function timeProcess({ label, command, args, cwd, validate, warmup = cfg.procWarmup, runs = cfg.procRuns }) {
  const samples = [];
  const cpu = [];
  const rss = [];
  let validation;
  const timeFile = join(cfg.workDir, 'time.out');
  for (let i = 0; i < warmup + runs; i++) {
    const capture = i < warmup; // warm-ups capture output to check the run did what it should
    // GNU time (when installed, and only for timed runs) adds the CPU time and peak RSS of the process;
    // the wall time is ours either way, and it is what the bars use.
    const [cmd, argv] = !capture && gnuTime ? [gnuTime, ['-o', timeFile, '-f', '%U %S %M', command, ...args]] : [command, args];
    const start = performance.now();
    const r = spawnSync(cmd, argv, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'ignore',
      maxBuffer: 1 << 30,
      encoding: capture ? 'utf8' : undefined,
    });
    const ms = performance.now() - start;
    if (r.error) throw new Error(`${label}: ${r.error.message}`);
    if (capture) {
      validation = validate ? validate(r) : { ok: r.status === 0 };
      if (!validation.ok) throw new Error(`${label}: unexpected result (exit ${r.status}): ${validation.why ?? ''}\n${String(r.stderr).slice(0, 2000)}`);
    } else {
      if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: exit ${r.status}`);
      samples.push(ms);
      if (cmd === gnuTime) {
        const [user, sys, maxRss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpu.push((user + sys) * 1000);
        rss.push(maxRss);
      }
    }
  }
  return { ...stats(samples), ...(cpu.length ? { cpu: stats(cpu), maxRSSKB: Math.max(...rss) } : {}), validation };
}

const cliPath = join(root, 'dist/cli.js');
const gnuTime = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p) && spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0);
const mdcli2 = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

function cliAvailable() {
  if (!existsSync(cliPath)) return { ok: false, why: 'dist/cli.js does not exist' };
  const r = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8' });
  return r.status === 0 ? { ok: true, version: r.stdout.trim() } : { ok: false, why: `--version exited ${r.status}: ${r.stderr.slice(0, 300)}` };
}

const specrolesJson = (expectedFiles) => (r) => {
  if (r.status !== 0 && r.status !== 1) return { ok: false, why: `exit ${r.status}` };
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch (e) {
    return { ok: false, why: `output is not JSON: ${e.message}` };
  }
  const files = Array.isArray(report) ? report.length : report?.results?.length;
  const messages = Array.isArray(report) ? report.reduce((n, f) => n + (f.messages?.length ?? 0), 0) : undefined;
  return { ok: files === expectedFiles, why: `expected ${expectedFiles} files in the report, got ${files}`, files, messages, exit: r.status };
};

const markdownlintCli2Output = (expectedFiles) => (r) => {
  const linted = Number(/Linting: (\d+) file/.exec(r.stdout)?.[1]);
  const errors = Number(/Summary: (\d+) error/.exec(r.stdout)?.[1]);
  return { ok: (r.status === 0 || r.status === 1) && linted === expectedFiles, why: `expected ${expectedFiles} files linted, got ${linted}`, files: linted, messages: errors, exit: r.status };
};

/** Peak RSS (KB) of a whole process tree's main process, via GNU time, when installed. */
function peakRssOfCommand(command, args, cwd) {
  if (!gnuTime) return undefined;
  const r = spawnSync(gnuTime, ['-f', '__MAXRSS__%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(/__MAXRSS__(\d+)/.exec(r.stderr)?.[1]);
  return Number.isFinite(kb) ? kb : undefined;
}

function rssChild(tool, file) {
  const r = spawnSync(process.execPath, [join(here, 'rss-child.mjs'), tool, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`rss-child ${tool}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---------------------------------------------------------------------------------------- the run

const results = {
  machine: {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    availableParallelism: os.availableParallelism?.(),
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** Other work on the machine skews every number: the 1/5/15-minute load averages at the start and end. */
    loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  node: process.version,
  date: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || undefined,
  /** Uncommitted changes to tracked files: the numbers are of the working tree, not of `commit`. */
  treeDirty: spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).stdout?.trim().length > 0,
  versions: {
    specroles: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    ...Object.fromEntries(
      ['markdownlint', 'markdownlint-cli2', 'remark', 'remark-preset-lint-recommended'].map((name) => [name, JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version]),
    ),
  },
  config: { ...cfg, only: cfg.only ? [...cfg.only] : undefined },
  measurements: {},
  bars: [],
};
log(`load average ${results.machine.loadAverageStart.join(' ')} on ${results.machine.cores} cores${results.machine.loadAverageStart[0] > results.machine.cores * 0.75 ? ' — busy machine, expect noisy numbers' : ''}`);
mkdirSync(cfg.workDir, { recursive: true });
const largest = Math.max(...cfg.sizesKB);
const mdSeed = (kb) => hashSeed('markdown', cfg.seed, kb);

// 1. Full lint in-process, Markdown, against markdownlint and remark-lint.
await part('inprocess', async () => {
  const group = (results.measurements.fullLint = {});
  for (const kb of cfg.sizesKB) {
    const toolNames = cfg.peers ? ['specroles', 'markdownlint', 'remark-lint'] : ['specroles'];
    const { warmup, runs } = countsFor(kb);
    log(`full lint, ${kb} KB Markdown: ${toolNames.join(', ')}; ${warmup} warm-up + ${runs} runs on fresh variants, one tool at a time`);
    const make = (salt) => generateMarkdown({ seed: mdSeed(kb), targetBytes: kb * KB, salt });
    writeFileSync(join(cfg.workDir, `spec-${kb}kb.prd.md`), make('sample'));
    const r = await timeInProcess({ name: `md${kb}`, make, path: `spec-${kb}kb.prd.md`, toolNames, warmup, runs });
    r.specrolesCachedSameText = timeCached(make(`md${kb}-cached`), r.path);
    r.ratios = { 'specroles/markdownlint': ratio(r.tools.specroles, r.tools.markdownlint), 'specroles/remark-lint': ratio(r.tools.specroles, r.tools['remark-lint']) };
    group[`${kb}KB`] = r;
    log(`  specroles ${r.tools.specroles.median} ms, markdownlint ${r.tools.markdownlint?.median} ms, remark-lint ${r.tools['remark-lint']?.median} ms, cached ${r.specrolesCachedSameText.median} ms`);
  }
});

// 2. Full lint in-process, YAML specs (no peer lints these; yaml.parseDocument alone as a reference).
await part('yaml', async () => {
  const group = (results.measurements.yamlLint = {});
  for (const kb of cfg.yamlSizesKB) {
    const { warmup, runs } = countsFor(kb);
    log(`full lint, ${kb} KB YAML: ${warmup} warm-up + ${runs} runs`);
    const make = (salt) => generateYaml({ seed: hashSeed('yaml', cfg.seed, kb), targetBytes: kb * KB, salt });
    writeFileSync(join(cfg.workDir, `spec-${kb}kb.spec.yaml`), make('sample'));
    const r = await timeInProcess({ name: `yaml${kb}`, make, path: `spec-${kb}kb.spec.yaml`, toolNames: ['specroles', 'yaml.parseDocument'], warmup, runs });
    r.ratios = { 'specroles/yaml.parseDocument': ratio(r.tools.specroles, r.tools['yaml.parseDocument']) };
    group[`${kb}KB`] = r;
    log(`  specroles ${r.tools.specroles.median} ms, yaml.parseDocument ${r.tools['yaml.parseDocument'].median} ms`);
  }
});

// 3. Re-lint after a one-character edit in the largest spec, as an editor or language server does while the
// user types: lintIncremental on the previous result and the change (LSP's range + text), every edit made to
// the text linted just before, at a different place.
await part('relint', async () => {
  log(`re-lint after a one-character edit, ${largest} KB: ${cfg.edits} edits`);
  let text = generateMarkdown({ seed: mdSeed(largest), targetBytes: largest * KB, salt: 'relint' });
  const path = `spec-${largest}kb.prd.md`;
  const options = { path, config: engineConfig };
  // An editor's engine is warm: JIT-warm it on other texts first (when this part runs on its own).
  for (let i = 0; i < cfg.relintJitWarmup; i++) tools.specroles(generateMarkdown({ seed: mdSeed(100), targetBytes: 100 * KB, salt: `relint-warm-${i}` }), path);
  gc();
  let start = performance.now();
  let result = lint(text, options);
  const before = result.findings.length;
  const coldMs = performance.now() - start;
  const offsets = paragraphLetterOffsets(text);
  // Warm-up edits (not timed) near the start, then the timed edits spread over the whole document.
  const warmPlaces = Array.from({ length: cfg.editWarmup }, (_, k) => offsets[k * 7 + 3]);
  const places = Array.from({ length: cfg.edits }, (_, k) => offsets[Math.floor(((k + 0.5) * offsets.length) / cfg.edits)]);
  const samples = [];
  const cpu = [];
  for (const [i, offset] of [...warmPlaces, ...places].entries()) {
    const change = oneCharChange(text, offset);
    text = editOneChar(text, offset);
    const cpuStart = process.cpuUsage();
    start = performance.now();
    result = lintIncremental(result, [change], options);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (i >= warmPlaces.length) {
      samples.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  if (result.document.text !== text) throw new Error('lintIncremental did not arrive at the edited text');
  const after = result.findings.length;
  results.measurements.relint = {
    bytes: Buffer.byteLength(text),
    firstLintMs: Math.round(coldMs * 100) / 100,
    warmupEdits: cfg.editWarmup,
    edits: places.map((offset) => ({ offset, line: text.slice(0, offset).split('\n').length })),
    findingsBefore: before,
    findingsAfter: after,
    specroles: { ...stats(samples), cpu: stats(cpu) },
  };
  log(`  median ${results.measurements.relint.specroles.median} ms (first lint ${results.measurements.relint.firstLintMs} ms)`);
});

// 4. Peak RSS of linting the largest spec, each in a fresh process.
await part('rss', async () => {
  log(`peak RSS, ${largest} KB, fresh child processes`);
  const file = join(cfg.workDir, `rss-${largest}kb.prd.md`);
  writeFileSync(file, generateMarkdown({ seed: mdSeed(largest), targetBytes: largest * KB, salt: 'rss' }));
  const group = (results.measurements.peakRss = { bytes: statSync(file).size });
  group.specroles = rssChild('specroles', file);
  group.baseline = rssChild('baseline', file);
  if (cfg.peers) group.markdownlint = rssChild('markdownlint', file);
  const cli = cliAvailable();
  if (cli.ok) {
    const kb = peakRssOfCommand(process.execPath, [cliPath, file, '--format', 'json'], cfg.workDir);
    if (kb) group.cliSpecroles = { maxRSSKB: kb, note: 'GNU time %M of `node dist/cli.js FILE --format json` (main process, worker threads included)' };
    const kb2 = cfg.peers ? peakRssOfCommand(process.execPath, [mdcli2, file], cfg.workDir) : undefined;
    if (kb2) group.cliMarkdownlintCli2 = { maxRSSKB: kb2 };
  }
  log(`  specroles ${(group.specroles.maxRSSKB / 1024).toFixed(1)} MB (engine loaded, nothing linted: ${(group.baseline.maxRSSKB / 1024).toFixed(1)} MB)`);
});

// 5. The CLI as whole processes against markdownlint-cli2: a folder of specs and one spec.
await part('cli', async () => {
  const cli = cliAvailable();
  results.measurements.cli = { available: cli };
  if (!cli.ok) log(`CLI not measured: ${cli.why}`);
  else {
    const folder = join(cfg.cliDir, `specs-${cfg.folderCount}`);
    rmSync(folder, { recursive: true, force: true });
    let total = 0;
    for (let i = 0; i < cfg.folderCount; i++) {
      const dir = join(folder, `team-${String(Math.floor(i / 100)).padStart(2, '0')}`);
      mkdirSync(dir, { recursive: true });
      const text = generateMarkdown({ seed: hashSeed('folder', cfg.seed, i), targetBytes: cfg.folderSpecKB * KB, salt: `f${i}` });
      total += Buffer.byteLength(text);
      writeFileSync(join(dir, `spec-${String(i).padStart(4, '0')}.prd.md`), text);
    }
    const oneDir = join(cfg.cliDir, 'one');
    rmSync(oneDir, { recursive: true, force: true });
    mkdirSync(oneDir, { recursive: true });
    const one = generateMarkdown({ seed: mdSeed(cfg.folderSpecKB), targetBytes: cfg.folderSpecKB * KB, salt: 'one' });
    writeFileSync(join(oneDir, 'checkout.prd.md'), one);
    const group = results.measurements.cli;
    group.folder = { path: folder, files: cfg.folderCount, bytes: total };
    group.one = { path: join(oneDir, 'checkout.prd.md'), bytes: Buffer.byteLength(one) };

    log(`CLI, ${cfg.folderCount} specs: specroles (${cfg.procWarmup} warm-up + ${cfg.procRuns} runs)`);
    group.folder.specroles = timeProcess({ label: 'specroles folder', command: process.execPath, args: [cliPath, '.', '--format', 'json'], cwd: folder, validate: specrolesJson(cfg.folderCount) });
    if (cfg.peers) {
      log(`CLI, ${cfg.folderCount} specs: markdownlint-cli2`);
      group.folder['markdownlint-cli2'] = timeProcess({ label: 'markdownlint-cli2 folder', command: process.execPath, args: [mdcli2, '**/*.md'], cwd: folder, validate: markdownlintCli2Output(cfg.folderCount) });
      group.folder.ratio = ratio(group.folder.specroles, group.folder['markdownlint-cli2']);
    }
    log(`  specroles ${group.folder.specroles.median} ms, markdownlint-cli2 ${group.folder['markdownlint-cli2']?.median} ms`);

    // The same folder, unchanged, with --cache: the warm-up run fills the cache (outside the folder, so
    // it is not a file of the run), the timed runs read it. Against the uncached run above.
    const cacheFile = join(cfg.cliDir, `specs-${cfg.folderCount}.specrolescache`);
    rmSync(cacheFile, { force: true });
    log(`CLI, ${cfg.folderCount} unchanged specs with --cache`);
    group.folder.cached = timeProcess({
      label: 'specroles folder --cache',
      command: process.execPath,
      args: [cliPath, '.', '--format', 'json', '--cache', '--cache-location', cacheFile],
      cwd: folder,
      validate: specrolesJson(cfg.folderCount),
    });
    group.folder.cachedRatio = ratio(group.folder.cached, group.folder.specroles);
    log(`  specroles --cache ${group.folder.cached.median} ms (${group.folder.cachedRatio}× the uncached run)`);

    log('CLI, one spec');
    group.one.specroles = timeProcess({ label: 'specroles one', command: process.execPath, args: [cliPath, 'checkout.prd.md', '--format', 'json'], cwd: oneDir, validate: specrolesJson(1) });
    if (cfg.peers) {
      group.one['markdownlint-cli2'] = timeProcess({ label: 'markdownlint-cli2 one', command: process.execPath, args: [mdcli2, 'checkout.prd.md'], cwd: oneDir, validate: markdownlintCli2Output(1) });
      group.one.ratio = ratio(group.one.specroles, group.one['markdownlint-cli2']);
    }
    group.nodeStartup = timeProcess({ label: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: oneDir });
    log(`  specroles ${group.one.specroles.median} ms, markdownlint-cli2 ${group.one['markdownlint-cli2']?.median} ms, node -e 0 ${group.nodeStartup.median} ms`);
  }
});

// 6. Measured elsewhere: extension activation (test-results/activation.json) and the VSIX size.
function readActivation() {
  const file = join(root, 'test-results/activation.json');
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const pick = (o) => {
      if (typeof o === 'number') return o;
      if (!o || typeof o !== 'object') return undefined;
      for (const key of ['median', 'medianMs', 'activationMs', 'activateMs', 'ms', 'value', 'activation']) {
        const v = pick(o[key]);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    return { ms: pick(data), source: 'test-results/activation.json', raw: data };
  } catch (e) {
    return { error: e.message, source: 'test-results/activation.json' };
  }
}
const vsixPath = join(root, 'specroles.vsix');
results.measurements.elsewhere = {
  activation: readActivation(),
  vsix: existsSync(vsixPath) ? { bytes: statSync(vsixPath).size, mtime: statSync(vsixPath).mtime.toISOString(), source: 'specroles.vsix' } : undefined,
};

// ------------------------------------------------------------------------------------------- bars

const m = results.measurements;
const bar = (source, id, text, value, limit, unit, detail) =>
  results.bars.push({ source, id, bar: text, value, limit, unit, met: value === undefined ? null : value <= limit, ...detail });
const sizeName = (kb) => (kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`);
const mb = (kb) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);

// Issue 17 ("near the floor"): its table, bar by bar.
{
  const smallest = Math.min(...cfg.sizesKB);
  const md = (kb) => m.fullLint?.[`${kb}KB`];
  bar('issue 17', 'relint-largest', `re-lint after a 1-char edit, ${sizeName(largest)} ≤ 3 ms median`, m.relint?.specroles.median, 3, 'ms', { specroles: m.relint?.specroles.median });
  const cached = md(largest)?.specrolesCachedSameText?.median;
  bar('issue 17', 'same-text-largest', `lint the same ${sizeName(largest)} text again ≤ 0.5 ms`, cached, 0.5, 'ms', { specroles: cached });
  bar('issue 17', `full-lint-${smallest}KB-17`, `full lint ${sizeName(smallest)} ≤ 0.25× markdownlint`, md(smallest)?.ratios['specroles/markdownlint'], 0.25, '×', {
    specroles: md(smallest)?.tools.specroles.median,
    peer: md(smallest)?.tools.markdownlint?.median,
    peerName: 'markdownlint',
  });
  bar('issue 17', `full-lint-${largest}KB-17`, `full lint ${sizeName(largest)} (cold) ≤ 0.05× markdownlint`, md(largest)?.ratios['specroles/markdownlint'], 0.05, '×', {
    specroles: md(largest)?.tools.specroles.median,
    peer: md(largest)?.tools.markdownlint?.median,
    peerName: 'markdownlint',
    remarkLint: md(largest)?.tools['remark-lint']?.median,
  });
  const yamlLargest = Math.max(...cfg.yamlSizesKB);
  const y = m.yamlLint?.[`${yamlLargest}KB`];
  bar('issue 17', `yaml-${yamlLargest}KB`, `full lint ${sizeName(yamlLargest)} YAML ≤ 2× yaml.parseDocument`, y?.ratios['specroles/yaml.parseDocument'], 2, '×', {
    specroles: y?.tools.specroles.median,
    peer: y?.tools['yaml.parseDocument']?.median,
    peerName: 'yaml.parseDocument',
  });
  bar('issue 17', 'cli-folder-17', `CLI, ${cfg.folderCount} specs of ${cfg.folderSpecKB} KB ≤ 0.25× markdownlint-cli2`, m.cli?.folder?.ratio, 0.25, '×', {
    specroles: m.cli?.folder?.specroles?.median,
    peer: m.cli?.folder?.['markdownlint-cli2']?.median,
    peerName: 'markdownlint-cli2',
  });
  const one = m.cli?.one?.specroles?.median;
  const node = m.cli?.nodeStartup?.median;
  bar('issue 17', 'cli-one-17', 'CLI, one spec ≤ `node -e 0` + 40 ms', one !== undefined && node !== undefined ? Math.round((one - node) * 10) / 10 : undefined, 40, 'ms over node', {
    specroles: one,
    peer: node,
    peerName: 'node -e 0',
  });
  const cliRss = mb(m.peakRss?.cliSpecroles?.maxRSSKB);
  bar('issue 17', 'cli-peak-rss', `peak RSS, CLI on a ${sizeName(largest)} spec ≤ 90 MB`, cliRss, 90, 'MB', {
    specroles: cliRss,
    peer: mb(m.peakRss?.cliMarkdownlintCli2?.maxRSSKB),
    peerName: 'markdownlint-cli2',
    ...(cliRss === undefined ? { note: 'needs GNU time (/usr/bin/time)' } : {}),
  });
}

// SPEC.md ("Bars").
for (const kb of cfg.sizesKB) {
  const r = m.fullLint?.[`${kb}KB`];
  bar('SPEC.md', `full-lint-${kb}KB`, `full lint ${sizeName(kb)} ≤ 0.4× markdownlint`, r?.ratios['specroles/markdownlint'], 0.4, '×', {
    specroles: r?.tools.specroles.median,
    peer: r?.tools.markdownlint?.median,
    peerName: 'markdownlint',
  });
}
bar('SPEC.md', 'relint', `re-lint after 1-char edit, ${sizeName(largest)} ≤ 30 ms`, m.relint?.specroles.median, 30, 'ms', { specroles: m.relint?.specroles.median });
bar('SPEC.md', 'cli-folder', `CLI ${cfg.folderCount} specs ≤ 0.3× markdownlint-cli2`, m.cli?.folder?.ratio, 0.3, '×', { specroles: m.cli?.folder?.specroles?.median, peer: m.cli?.folder?.['markdownlint-cli2']?.median, peerName: 'markdownlint-cli2' });
bar('SPEC.md', 'cli-one', 'CLI one spec ≤ 0.5× markdownlint-cli2', m.cli?.one?.ratio, 0.5, '×', { specroles: m.cli?.one?.specroles?.median, peer: m.cli?.one?.['markdownlint-cli2']?.median, peerName: 'markdownlint-cli2' });
const rssMB = mb(m.peakRss?.specroles.maxRSSKB);
bar('SPEC.md', 'peak-rss', `peak RSS, ${sizeName(largest)} spec ≤ 200 MB`, rssMB, 200, 'MB', { specroles: rssMB, peer: mb(m.peakRss?.markdownlint?.maxRSSKB), peerName: 'markdownlint' });
const act = m.elsewhere.activation?.ms;
bar('SPEC.md', 'activation', 'extension activation ≤ 50 ms', act, 50, 'ms', { specroles: act, elsewhere: true });
const vsixKB = m.elsewhere.vsix ? Math.round((m.elsewhere.vsix.bytes / 1024) * 10) / 10 : undefined;
bar('SPEC.md', 'vsix', 'VSIX ≤ 400 KB', vsixKB, 400, 'KB', { specroles: vsixKB, elsewhere: true });

if (failures.length) results.failures = failures;
results.machine.loadAverageEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
mkdirSync(dirname(cfg.out), { recursive: true });
writeFileSync(cfg.out, `${JSON.stringify(results, null, 2)}\n`);

// ------------------------------------------------------------------------------------------ report

const fmt = (v, unit) => (v === undefined ? '—' : unit === '×' ? `${v.toFixed(2)}×` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`);
const ms = (s) => (s === undefined ? '—' : s >= 1000 ? `${(s / 1000).toFixed(2)} s` : `${s >= 100 ? s.toFixed(0) : s.toFixed(1)} ms`);
const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}, n=${s.n})` : '—');
const cpuOf = (s) => (s?.cpu ? ms(s.cpu.median) : '');
const table = (head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
};

const out = [];
out.push(`specroles benchmark${QUICK ? ' (BENCH_QUICK: smaller sizes, fewer runs — not the bars)' : ''} — ${results.date}`);
out.push(`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGB} GB, node ${results.node}, commit ${results.commit ?? '?'}${results.treeDirty ? ' + uncommitted changes' : ''}`);
const busy = results.machine.loadAverageStart[0] > results.machine.cores * 0.75;
out.push(`load average (1 min) at start ${results.machine.loadAverageStart[0]}${busy ? ' — the machine was busy: numbers are pessimistic, run again on a quiet machine' : ''}; at end ${results.machine.loadAverageEnd[0]} (includes the bench's own CLI runs)`);
out.push('');
const load = `load average ${results.machine.loadAverageStart.join(' ')} at start, ${results.machine.loadAverageEnd.join(' ')} at end (1, 5, 15 min; ${results.machine.cores} cores)`;
for (const source of ['issue 17', 'SPEC.md']) {
  out.push(`Bars (${source}); ${load}:`);
  out.push(
    table(
      ['bar', 'specroles', 'peer', 'value', 'limit', 'met'],
      results.bars
        .filter((b) => b.source === source)
        .map((b) => [
          b.bar,
          b.unit === '×' || b.unit === 'ms over node' ? ms(b.specroles) : b.specroles === undefined ? '—' : fmt(b.specroles, b.unit),
          b.peer === undefined ? '' : `${b.unit === '×' || b.unit === 'ms over node' ? ms(b.peer) : fmt(b.peer, b.unit)}${b.peerName ? ` (${b.peerName})` : ''}`,
          b.value === undefined ? (b.elsewhere ? 'not measured here' : `not measured${b.note ? ` (${b.note})` : ''}`) : b.unit === 'ms over node' ? `+${ms(b.value)}` : fmt(b.value, b.unit),
          b.unit === '×' ? `${b.limit}×` : b.unit === 'ms over node' ? `+${b.limit} ms` : `${b.limit} ${b.unit}`,
          b.met === null ? '—' : b.met ? 'yes' : 'NO',
        ]),
    ),
  );
  out.push('');
}
out.push('All measurements: wall time median (min–max, runs); cpu time median (user + system of the process, all its threads):');
const rows = [];
for (const [key, r] of Object.entries(m.fullLint ?? {})) {
  for (const [tool, s] of Object.entries(r.tools)) rows.push([`full lint ${key} md (${(r.bytes / 1024).toFixed(0)} KB)`, tool, spread(s), cpuOf(s), tool === 'specroles' ? '' : `${ratio(r.tools.specroles, s)?.toFixed(2)}×`, r.findings[tool]]);
  rows.push([`  same text again (cached)`, 'specroles', spread(r.specrolesCachedSameText), cpuOf(r.specrolesCachedSameText), '', '']);
}
for (const [key, r] of Object.entries(m.yamlLint ?? {})) {
  for (const [tool, s] of Object.entries(r.tools)) rows.push([`full lint ${key} yaml (${(r.bytes / 1024).toFixed(0)} KB)`, tool, spread(s), cpuOf(s), tool === 'specroles' ? '' : `${ratio(r.tools.specroles, s)?.toFixed(2)}×`, r.findings[tool]]);
}
if (m.relint) rows.push([`re-lint, 1-char edit (${(m.relint.bytes / 1024).toFixed(0)} KB)`, 'specroles', spread(m.relint.specroles), cpuOf(m.relint.specroles), `first lint ${ms(m.relint.firstLintMs)}`, m.relint.findingsAfter]);
if (m.cli?.folder) for (const tool of ['specroles', 'markdownlint-cli2']) if (m.cli.folder[tool]) rows.push([`CLI ${m.cli.folder.files} specs (${(m.cli.folder.bytes / 1024 / 1024).toFixed(1)} MB)`, tool, spread(m.cli.folder[tool]), cpuOf(m.cli.folder[tool]), tool === 'specroles' ? '' : `${m.cli.folder.ratio?.toFixed(2)}×`, m.cli.folder[tool].validation?.messages]);
if (m.cli?.folder?.cached) rows.push([`CLI, ${m.cli.folder.files} unchanged specs with --cache`, 'specroles', spread(m.cli.folder.cached), cpuOf(m.cli.folder.cached), `${m.cli.folder.cachedRatio?.toFixed(2)}× uncached`, m.cli.folder.cached.validation?.messages]);
if (m.cli?.one) for (const tool of ['specroles', 'markdownlint-cli2']) if (m.cli.one[tool]) rows.push([`CLI one spec (${(m.cli.one.bytes / 1024).toFixed(1)} KB)`, tool, spread(m.cli.one[tool]), cpuOf(m.cli.one[tool]), tool === 'specroles' ? '' : `${m.cli.one.ratio?.toFixed(2)}×`, m.cli.one[tool].validation?.messages]);
if (m.cli?.nodeStartup) rows.push(['node -e 0', 'node', spread(m.cli.nodeStartup), cpuOf(m.cli.nodeStartup), '', '']);
if (m.peakRss) {
  const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
  rows.push([`peak RSS, lint ${(m.peakRss.bytes / 1024).toFixed(0)} KB (fresh process)`, 'specroles', mb(m.peakRss.specroles.maxRSSKB), '', `lint ${ms(m.peakRss.specroles.ms)} cold`, m.peakRss.specroles.findings]);
  rows.push(['  engine loaded, nothing linted', 'specroles', mb(m.peakRss.baseline.maxRSSKB), '', '', '']);
  if (m.peakRss.markdownlint) rows.push(['', 'markdownlint', mb(m.peakRss.markdownlint.maxRSSKB), '', `lint ${ms(m.peakRss.markdownlint.ms)} cold`, m.peakRss.markdownlint.findings]);
  if (m.peakRss.cliSpecroles) rows.push(['  whole CLI process', 'specroles CLI', mb(m.peakRss.cliSpecroles.maxRSSKB), '', '', '']);
  if (m.peakRss.cliMarkdownlintCli2) rows.push(['', 'markdownlint-cli2', mb(m.peakRss.cliMarkdownlintCli2.maxRSSKB), '', '', '']);
}
out.push(table(['measurement', 'tool', 'wall time', 'cpu time', 'vs specroles', 'findings'], rows));
if (m.cli && !m.cli.available?.ok) out.push(`CLI: not measured (${m.cli.available?.why})`);
if (!m.elsewhere.activation) out.push('Extension activation: not measured here (no test-results/activation.json).');
if (!m.elsewhere.vsix) out.push('VSIX size: not measured here (no specroles.vsix; run npm run package).');
else out.push(`VSIX: specroles.vsix as found (${m.elsewhere.vsix.mtime}); rebuild with npm run package for a current size.`);
out.push('');
out.push(`Wrote ${relative(process.cwd(), cfg.out)} in ${results.durationSeconds} s.`);
if (failures.length) out.push('', `FAILED parts: ${failures.map((f) => `${f.part} (${f.error.split('\n')[0]})`).join('; ')}`);
console.log(out.join('\n'));
if (failures.length) process.exitCode = 1;
