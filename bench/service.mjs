// The editor service's re-lint as the language server runs it on didChange, on a generated ~1 MB spec:
// per keystroke, the time from change() to the diagnostics it publishes, with the keystroke's LSP content
// change (incremental: lintIncremental on the last lint) and without it (a full lint, as before), the two
// interleaved keystroke by keystroke in one process. Not part of npm test.
//   node esbuild.mjs && node bench/service.mjs [keystrokes=30] [kb=1024]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { generateMarkdown, hashSeed, paragraphLetterOffsets } from './generate.mjs';

const require = createRequire(import.meta.url);
const { EditorService } = require('../dist/tools/bench-service.js');
const keystrokes = Number(process.argv[2] ?? 30);
const kb = Number(process.argv[3] ?? 1024);
const text = generateMarkdown({ seed: hashSeed('service', 1, kb), targetBytes: kb * 1024, salt: 'service' });

const lintMs = { incremental: [], full: [] };
function makeService(name) {
  let waiting;
  const service = new EditorService({
    host: { readFile: async () => undefined, findFiles: async () => [] },
    log: (level, message) => {
      const m = /^linted .* in ([\d.]+) ms/.exec(message);
      if (m) lintMs[name].push(Number(m[1]));
    },
    settings: async () => ({ debounceMs: 0 }),
    workspaceFolders: () => ['file:///ws'],
    publish: (uri, diagnostics, version) => {
      if (waiting && version === waiting.version) waiting.resolve(diagnostics);
    },
  });
  const doc = { uri: `file:///ws/${name}.prd.md`, languageId: 'markdown', version: 1, text, getText() { return this.text; } };
  const next = (version) => new Promise((resolve) => (waiting = { version, resolve }));
  return { service, doc, next };
}

const modes = { incremental: makeService('incremental'), full: makeService('full') };
for (const m of Object.values(modes)) {
  const shown = m.next(1);
  m.service.open(m.doc);
  await shown;
}
// Type a word into a paragraph in the middle, a key at a time (the same keys in both).
const offsets = paragraphLetterOffsets(text);
const at = offsets[Math.floor(offsets.length / 2)];
const before = text.slice(0, at);
const line = before.split('\n').length - 1;
const character = at - before.lastIndexOf('\n') - 1;
const times = { incremental: [], full: [] };
const load = [loadavg()[0]];
const warmup = 3;
for (let i = 0; i < keystrokes + warmup; i++) {
  for (const [mode, m] of (i % 2 ? Object.entries(modes).reverse() : Object.entries(modes))) {
    const from = m.doc.version;
    const change = { range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: 'abcdefghij'[i % 10] };
    m.doc.text = m.doc.text.slice(0, at + i) + change.text + m.doc.text.slice(at + i);
    m.doc.version = from + 1;
    const shown = m.next(m.doc.version);
    const t = performance.now();
    m.service.change(m.doc, mode === 'incremental' ? { from, changes: [change] } : undefined);
    await shown;
    if (i >= warmup) times[mode].push(performance.now() - t);
  }
}
load.push(loadavg()[0]);
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const a = (await modes.incremental.service.diagnostics(modes.incremental.doc.uri));
const b = (await modes.full.service.diagnostics(modes.full.doc.uri));
console.log(`editor service, didChange → diagnostics published, ${(text.length / 1024).toFixed(0)} KB Markdown, ${keystrokes} keystrokes each (after ${warmup} warm-up), interleaved; load ${load.map((l) => l.toFixed(2)).join(' → ')}`);
for (const mode of ['incremental', 'full']) console.log(`  ${mode.padEnd(11)} median ${q(times[mode], 0.5).toFixed(1)} ms  p95 ${q(times[mode], 0.95).toFixed(1)} ms  max ${Math.max(...times[mode]).toFixed(1)} ms`);
for (const mode of ['incremental', 'full']) console.log(`  ${mode.padEnd(11)} of which the lint (service's compute): median ${q(lintMs[mode].slice(-keystrokes), 0.5).toFixed(1)} ms`);
console.log(`  incremental lints ${modes.incremental.service.stats.incremental} of ${modes.incremental.service.stats.lints}; full ${modes.full.service.stats.incremental} of ${modes.full.service.stats.lints}`);
console.log(`  same diagnostics at the end: ${JSON.stringify(a.map((d) => [d.code, d.range])) === JSON.stringify(b.map((d) => [d.code, d.range]))} (${a.length} vs ${b.length})`);
