// `npm run eval`: the accuracy report against the corpus labels, with every miss and false alarm.
import { resolve } from 'node:path';
import { evaluate, loadLabels, summary } from '../../test/corpus/evaluate';

const root = process.cwd();
const corpus = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? resolve(root, '..', 'shared', 'corpus', 'real');
const e = evaluate(loadLabels(root), corpus);
const verbose = process.argv.includes('--verbose');
console.log(summary(e));
console.log('\nfalse alarms:');
for (const f of e.falseAlarms) console.log(`  ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
console.log('\nmissed reviewer flags:');
for (const f of e.missedFlags) console.log(`  ${f.file}:${f.line} ${f.heading}`);
if (verbose) {
  console.log('\nmisses:');
  for (const m of e.misses) console.log(`  ${m.file}:${m.line} [${m.what}] "${m.heading}" expected ${m.expected}, got ${m.got}`);
}

