// Where does a full lint spend its time? CPU-profiles the engine (or a peer) linting fresh variants of
// one generated spec and prints the top functions by self time. Also writes the .cpuprofile to
// bench/.work/ (open it in Chrome DevTools → Performance, or VS Code) — the same data `node --cpu-prof`
// gives, limited to the lint calls.
//   npm run bench:profile                          # specroles, 100 KB, 10 fresh variants
//   PROFILE_KB=1024 PROFILE_RUNS=3 PROFILE_TOOL=markdownlint node bench/profile.mjs
//   PROFILE_MODE=relint node bench/profile.mjs     # lintIncremental after one-character edits of a linted spec
//   PROFILE_MODE=yaml PROFILE_KB=1024 PROFILE_RUNS=3 node bench/profile.mjs   # full lint of a YAML spec
//   node bench/profile.mjs FILE.cpuprofile         # summarise a profile from `node --cpu-prof …` (e.g. of the CLI)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire, SourceMap } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editOneChar, generateMarkdown, generateYaml, hashSeed, paragraphLetterOffsets } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const kb = Number(process.env.PROFILE_KB ?? 100);
const runs = Number(process.env.PROFILE_RUNS ?? 10);
const tool = process.env.PROFILE_TOOL ?? 'specroles';
const mode = process.env.PROFILE_MODE ?? 'full';
const top = Number(process.env.PROFILE_TOP ?? 25);

const given = process.argv[2];
const { lint, lintIncremental } = given ? {} : require('../dist/tools/bench-engine.js');
const { lint: markdownlint } = await import('markdownlint/sync');
// One config object, as the CLI, the editor and the benchmark use: caches are per config object.
const engineConfig = {};
const yaml = mode === 'yaml';
const path = yaml ? `spec-${kb}kb.spec.yaml` : `spec-${kb}kb.prd.md`;
const run =
  tool === 'markdownlint'
    ? (text) => markdownlint({ strings: { spec: text } })
    : (text) => lint(text, { path, config: engineConfig });
// The same specs as bench/run.mjs makes for this size.
const seed = hashSeed(yaml ? 'yaml' : 'markdown', Number(process.env.BENCH_SEED ?? 20250601), kb);
// Flat, as read from a file (bench/run.mjs, asReadFromFile).
const make = (salt) => Buffer.from((yaml ? generateYaml : generateMarkdown)({ seed, targetBytes: kb * 1024, salt })).toString();

let profile;
let wall = 0;
let out = given;
if (given) {
  profile = JSON.parse(readFileSync(given, 'utf8'));
  wall = (profile.endTime - profile.startTime) / 1000;
} else {
  // Warm up the JIT outside the profile, on variants the profiled runs do not reuse.
  for (let i = 0; i < 2; i++) run(make(`profile-warm-${i}`));
  let texts;
  let steps;
  if (mode === 'relint') {
    // As an editor re-lints: lintIncremental on the previous result and a one-character change.
    let text = make('profile-relint');
    let result = run(text);
    const offsets = paragraphLetterOffsets(text);
    const changes = Array.from({ length: runs }, (_, k) => {
      const offset = offsets[Math.floor(((k + 0.5) * offsets.length) / runs)];
      const change = oneCharChange(text, offset);
      text = editOneChar(text, offset);
      return change;
    });
    const options = { path: `spec-${kb}kb.prd.md`, config: engineConfig };
    steps = changes.map((change) => () => (result = lintIncremental(result, [change], options)));
  } else {
    texts = Array.from({ length: runs }, (_, i) => make(`profile-${i}`));
    steps = texts.map((text) => () => run(text));
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const start = performance.now();
  for (const step of steps) step();
  wall = performance.now() - start;
  ({ profile } = await session.post('Profiler.stop'));
  session.disconnect();
  out = join(here, '.work', `profile-${tool}-${mode}-${kb}kb.cpuprofile`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(profile));
}
const per = given ? 1 : runs;

/** The LSP change that editOneChar(text, offset) makes: the letter at `offset` replaced. */
function oneCharChange(text, offset) {
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: editOneChar(text, offset)[offset] };
}

// The engine is one bundle: map its positions back to src/… and node_modules/… with its source map.
const maps = new Map();
function locate(f) {
  if (!f.url) return '';
  if (/\/dist\/.*\.js$/.test(f.url)) {
    if (!maps.has(f.url)) {
      const file = (f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url) + '.map';
      maps.set(f.url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    const entry = maps.get(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    if (entry?.originalSource) return `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1}`;
  }
  return `${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}`;
}
const area = (where) => (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? /^(src\/[^:]+)/.exec(where)?.[1] ?? (where ? where.replace(/:\d+$/, '') : '(native / GC / idle)'));

// Self time per function: samples are attributed to the node on top of the stack.
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byFunction = new Map();
const byArea = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  const f = node.callFrame;
  const where = locate(f);
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byArea.set(area(where), (byArea.get(area(where)) ?? 0) + us);
}
const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(given ? `${given}: ${wall.toFixed(1)} ms profiled` : `${tool}, ${mode}, ${kb} KB × ${runs}: ${(wall / runs).toFixed(1)} ms per lint (profiled, so slower than the bench)`);
console.log(`self ms${given ? '' : '/lint'}   self %   function`);
for (const [key, us] of rows) console.log(`${(us / 1000 / per).toFixed(1).padStart(11)}  ${((us / total) * 100).toFixed(1).padStart(6)}%   ${key}`);
console.log(`\nself ms${given ? '' : '/lint'}   self %   package or source file`);
for (const [key, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(us / 1000 / per).toFixed(1).padStart(11)}  ${((us / total) * 100).toFixed(1).padStart(6)}%   ${key}`);
console.log(`\nprofile: ${out}`);
