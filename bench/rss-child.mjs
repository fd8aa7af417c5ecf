// Run in a FRESH process by bench/run.mjs: lint one file once and report the process's peak resident set
// size, so no other measurement's garbage or caches pollute it.
//   node bench/rss-child.mjs specroles|markdownlint|baseline FILE
// Prints one JSON line: { tool, bytes, ms, maxRSSKB, findings }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

const [tool, file] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const text = readFileSync(file, 'utf8');
let findings = 0;
let ms = 0;

if (tool === 'specroles' || tool === 'baseline') {
  const { lint } = require('../dist/tools/bench-engine.js');
  if (tool === 'specroles') {
    const start = performance.now();
    findings = lint(text, { path: basename(file), config: {} }).findings.length;
    ms = performance.now() - start;
  }
} else if (tool === 'markdownlint') {
  const { lint } = await import('markdownlint/sync');
  const start = performance.now();
  findings = lint({ strings: { [basename(file)]: text } })[basename(file)].length;
  ms = performance.now() - start;
} else {
  console.error(`unknown tool ${tool}`);
  process.exit(2);
}

process.stdout.write(`${JSON.stringify({ tool, bytes: Buffer.byteLength(text), ms, maxRSSKB: process.resourceUsage().maxRSS, findings })}\n`);
