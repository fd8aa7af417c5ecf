// `npm run eval`: accuracy against the corpus labels on the development set (what the classifier was
// fitted on) and the locked test set (sources it was never tuned on); nothing is learned from the labels,
// so there is no leave-one-source-out run; per document type, per source, and
// the owner confusion. `--verbose` lists every miss, `--misses test` the test set's too (to report, never
// to tune). `--sets dev` prints the development figures only (and refuses `--misses test|all` and
// `--write-baseline`): what to run while tuning, so the locked test set's figures are not seen along the
// way. `--write-baseline` records today's figures in test/corpus/baseline.json, the floor the
// accuracy test holds them to: run it when a figure improves, and commit it with the change.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate, loadLabels, loadSplit, rates, scoreAll, type DocumentScore } from './corpus/evaluate';
import { breakdown, confusionTable, figuresTable } from './corpus/report';
import { detectionRates, measurePackageDocs, measureSpecDetection } from './corpus/spec-detection';

const root = process.cwd();
const args = process.argv.slice(2);
const corpus = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--misses' && args[i - 1] !== '--sets') ?? resolve(root, '..', 'shared', 'corpus', 'real');
const verbose = args.includes('--verbose');
const missesOf = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : verbose ? 'dev' : undefined;
const sets = args.includes('--sets') ? args[args.indexOf('--sets') + 1] : 'all';
if (sets !== 'all' && sets !== 'dev') {
  console.error(`--sets takes "dev" or "all", not "${sets}"`);
  process.exit(2);
}
const devOnly = sets === 'dev';
if (devOnly && (missesOf === 'test' || missesOf === 'all' || args.includes('--write-baseline'))) {
  console.error('--sets dev prints the development set only: it cannot be combined with --misses test|all or --write-baseline');
  process.exit(2);
}

const split = loadSplit(root);
// With --sets dev the test documents are not even linted.
const labels = loadLabels(root).filter((doc) => !devOnly || split.get(doc.file)?.split === 'dev');
const scores = scoreAll(labels, corpus, split);
const dev = scores.filter((s) => s.split === 'dev');
const test = scores.filter((s) => s.split === 'test');

console.log(figuresTable('set', [
  ['development (fitted)', dev],
  ['  of which tuned on before issue 12', dev.filter((s) => s.tunedBefore)],
  ['  of which new on 2026-12-07', dev.filter((s) => !s.tunedBefore)],
  ['locked test', test],
]));
for (const [name, scores] of [['development', dev], ['locked test', test]] as const) {
  if (!scores.length) continue;
  console.log(`\n${name}, per document type`);
  console.log(breakdown('docType', scores, (s) => s.docType));
  console.log(`\n${name}, per source`);
  console.log(breakdown('source', scores, (s) => s.source));
  console.log(`\n${name}, owner confusion (rows: labelled, columns: specroles)`);
  console.log(confusionTable(scores));
}

// Spec detection: the real corpus's specs of each split against the not-specs corpus beside it.
const notSpecs = resolve(corpus, '..', 'not-specs');
const detection = measureSpecDetection(corpus, notSpecs, split, devOnly ? 'dev' : 'all');
const detectionRows: [string, ('dev' | 'test')[]][] = devOnly ? [['development', ['dev']]] : [['development', ['dev']], ['locked test', ['test']], ['all', ['dev', 'test']]];
console.log(`\nspec detection by content (${detection.nonSpecs} not-specs; ${detection.falseSpecs.length} taken for specs)`);
console.log('set            specs  recall  precision');
for (const [name, sets] of detectionRows) {
  const r = detectionRates(detection, sets);
  console.log(`${name.padEnd(13)} ${String(r.specs).padStart(6)}  ${r.recall.toFixed(3)}      ${r.precision.toFixed(3)}`);
}

// The same decision on Markdown that is surely no spec, in bulk: the installed packages' docs.
const nodeModules = join(root, 'node_modules');
if (existsSync(nodeModules)) {
  const docs = measurePackageDocs(nodeModules);
  console.log(`package docs   ${String(docs.files).padStart(6)}  taken for specs: ${docs.falseSpecs.length} (${((100 * docs.falseSpecs.length) / docs.files).toFixed(1)}%), the READMEs and references in node_modules`);
  if (verbose) for (const m of docs.falseSpecs) console.log(`  node_modules/${m.file}: ${m.reason}`);
}

function details(name: string, scores: readonly DocumentScore[]): void {
  console.log(`\n${name}: false alarms`);
  for (const s of scores) for (const f of s.falseAlarms) console.log(`  ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
  console.log(`\n${name}: missed reviewer flags`);
  for (const s of scores) for (const f of s.missedFlags) console.log(`  ${f.file}:${f.line} ${f.heading}`);
  console.log(`\n${name}: specs not detected`);
  for (const m of detection.specs[name === 'development' ? 'dev' : 'test'].missed) console.log(`  ${m.file}: ${m.reason}`);
  console.log(`\n${name}: misses`);
  for (const s of scores) for (const m of s.misses) console.log(`  ${m.file}:${m.line} [${m.what}] "${m.heading}" expected ${m.expected}, got ${m.got}`);
}
if (missesOf) {
  console.log('\nnot-specs taken for specs');
  for (const m of detection.falseSpecs) console.log(`  ${m.file}: ${m.reason}`);
}
if (missesOf === 'dev' || missesOf === 'all') details('development', dev);
if (missesOf === 'test' || missesOf === 'all') details('locked test', test);

if (args.includes('--write-baseline')) {
  const floor = (scores: readonly DocumentScore[]) => {
    const { flags: _flags, ...r } = rates(aggregate(scores));
    return r;
  };
  const baseline = { development: floor(dev), test: floor(test) };
  writeFileSync(join(root, 'test', 'corpus', 'baseline.json'), `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nwrote test/corpus/baseline.json');
}
