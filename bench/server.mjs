// specroles-ls as the VS Code extension runs it (dist/web/server.js forked, node IPC), driven over LSP the way
// the editor drives it while someone types: a ~1 MB spec opened, then a burst of keystrokes (one didChange
// each, `delay` ms apart) with a code lens and a code action request after each key, as VS Code sends them.
// Measures, per burst: the time from the last keystroke to the diagnostics of its version (the server's
// share of "diagnostics settle"), the server's CPU time during the burst, how many lints it ran, and the
// time to answer initialize. Not part of npm test.
//   node esbuild.mjs --production && node bench/server.mjs [bursts=3] [keys=30] [delay=120] [kb=1024] [debounceMs]
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { generateMarkdown, hashSeed, paragraphLetterOffsets } from './generate.mjs';

const [bursts = 3, keys = 30, delay = 120, kb = 1024] = process.argv.slice(2, 6).map(Number);
const debounceMs = process.argv[6] === undefined ? undefined : Number(process.argv[6]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const text = generateMarkdown({ seed: hashSeed('server', 1, kb), targetBytes: kb * 1024, salt: 'server' });
const uri = 'file:///ws/big.prd.md';

/** The server's CPU time so far (user + system), from /proc: its own clock, whatever the load. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

const started = performance.now();
const child = fork(new URL('../dist/web/server.js', import.meta.url).pathname, [], { execArgv: process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
let nextId = 1;
const replies = new Map();
const diagnosticsWaiters = [];
let readyLog = '';
child.on('message', (m) => {
  if (m.id !== undefined && replies.has(m.id)) {
    replies.get(m.id)(m.result);
    replies.delete(m.id);
  } else if (m.id !== undefined && m.method) {
    // A request from the server (workspace/configuration, codeLens/refresh…): answer it.
    const result = m.method === 'workspace/configuration' ? m.params.items.map(() => (debounceMs === undefined ? {} : { debounceMs })) : null;
    child.send({ jsonrpc: '2.0', id: m.id, result });
  } else if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) {
    for (const w of diagnosticsWaiters.splice(0)) w(m.params);
  } else if (m.method === 'window/logMessage' && /answered initialize/.test(m.params.message)) readyLog = m.params.message;
});
const request = (method, params) =>
  new Promise((resolve) => {
    const id = nextId++;
    replies.set(id, resolve);
    child.send({ jsonrpc: '2.0', id, method, params });
  });
const notify = (method, params) => child.send({ jsonrpc: '2.0', method, params });
const diagnosticsOf = (version) =>
  new Promise((resolve) => {
    const wait = () => diagnosticsWaiters.push((p) => (p.version === version ? resolve(p) : wait()));
    wait();
  });

await request('initialize', { processId: process.pid, rootUri: 'file:///ws', capabilities: { workspace: { configuration: true } }, initializationOptions: { diagnosticMode: 'push' } });
const readyMs = performance.now() - started;
notify('initialized', {});
let version = 1;
let opened = diagnosticsOf(version);
notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
const t0 = performance.now();
await opened;
const firstLint = performance.now() - t0;

const offsets = paragraphLetterOffsets(text);
const at = offsets[Math.floor(offsets.length / 2)];
const before = text.slice(0, at);
const line = before.split('\n').length - 1;
const character = at - before.lastIndexOf('\n') - 1;
const stats = () => request('workspace/executeCommand', { command: 'specroles.server.stats', arguments: [] });
const rows = [];
const load = [loadavg()[0]];
let typed = 0;
for (let b = 0; b < bursts; b++) {
  const lintsBefore = (await stats()).lints;
  const cpuBefore = cpuMs(child.pid);
  let last = 0;
  for (let k = 0; k < keys; k++) {
    const pos = { line, character: character + typed++ };
    notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] });
    last = performance.now();
    // What VS Code asks after a keystroke: the light bulb's code actions at the cursor, and (debounced on its side) code lenses.
    void request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: pos.character + 1 }, end: { line, character: pos.character + 1 } }, context: { diagnostics: [] } });
    if (k === keys - 1) void request('textDocument/codeLens', { textDocument: { uri } });
    if (k < keys - 1) await sleep(delay);
  }
  // A pull request for the document's diagnostics is answered once the debounced lint of the last version
  // is done. A publish cannot be waited for: the server publishes nothing when the lint finds the
  // diagnostics already shown (typing in a paragraph, as here).
  await request('textDocument/diagnostic', { textDocument: { uri } });
  const settle = performance.now() - last;
  await sleep(300);
  rows.push({ settle, cpu: cpuMs(child.pid) - cpuBefore, lints: (await stats()).lints - lintsBefore });
}
load.push(loadavg()[0]);
child.disconnect();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`specroles-ls (dist/web/server.js, node IPC) on a ${(text.length / 1024).toFixed(0)} KB spec; ${bursts} bursts of ${keys} keys, ${delay} ms apart; debounceMs ${debounceMs ?? 'default'}; load ${load.map((l) => l.toFixed(2)).join(' → ')}`);
console.log(`  initialize answered ${readyMs.toFixed(0)} ms after the fork (${readyLog.replace(/^.*answered initialize /, '')}); first lint ${firstLint.toFixed(0)} ms`);
for (const [i, r] of rows.entries()) console.log(`  burst ${i + 1}: last key → its diagnostics ${r.settle.toFixed(0)} ms; server CPU during the burst ${r.cpu.toFixed(0)} ms (${(r.cpu / keys).toFixed(1)} ms a key); ${r.lints} lint(s)`);
console.log(`  median: settle ${median(rows.map((r) => r.settle)).toFixed(0)} ms, CPU ${(median(rows.map((r) => r.cpu)) / keys).toFixed(1)} ms a key`);
