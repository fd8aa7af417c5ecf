// Accuracy against the reviewer labels, on the development set (fitted) and the locked test set
// (test/corpus/split.yaml). Nothing in the classifier is learned from the labels (its vocabulary and rules
// are data and code, fitted by hand to the development set), so there is no leave-one-source-out run. Prints the tables `npm run eval` prints, and fails only
// when a figure falls below its committed baseline (test/corpus/baseline.json): raise the baseline when a
// figure improves, never lower it to let a change through. SPECROLES_EVAL_SETS=dev (as `npm run eval --
// --sets dev`) lints, prints and checks the development set only: for runs while the classifier is being
// tuned, so the locked test set's figures are not seen along the way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusOrSkip, projectRoot } from '../support/paths';
import { aggregate, loadLabels, loadSplit, rates, scoreAll, type DocumentScore, type Rates } from '../../src/tools/corpus/evaluate';
import { breakdown, confusionTable, figuresTable } from '../../src/tools/corpus/report';
import { nth } from '../support/nth';

type Baseline = Record<'development' | 'test', Omit<Rates, 'flags'>>;

const indent = (text: string) => text.replace(/^/gm, '      ');
const devOnly = process.env.SPECROLES_EVAL_SETS === 'dev';

describe('real corpus: accuracy against reviewer labels', function () {
  this.timeout(300000);
  let dir: string | undefined;
  before(function () {
    dir = corpusOrSkip(this);
  });

  it('labels every corpus document, each with a source and a split', () => {
    const labels = loadLabels(projectRoot);
    const split = loadSplit(projectRoot);
    assert.equal(labels.length, 103);
    for (const doc of labels) assert.ok(split.has(doc.file), `${doc.file} has no source in split.yaml`);
    // The locked test set: at least 30 documents, and no organisation on both sides.
    const test = labels.filter((d) => split.get(d.file)!.split === 'test');
    assert.ok(test.length >= 30, `only ${test.length} test documents`);
    const org = (source: string) => nth(source.split('/'), 0).toLowerCase();
    const devOrgs = new Set(labels.filter((d) => split.get(d.file)!.split === 'dev').map((d) => org(split.get(d.file)!.source)));
    for (const d of test) assert.ok(!devOrgs.has(org(split.get(d.file)!.source)), `${d.file}: its organisation is also in the development set`);
  });

  it('holds every figure at or above its committed baseline', () => {
    const split = loadSplit(projectRoot);
    const labels = loadLabels(projectRoot).filter((doc) => !devOnly || split.get(doc.file)?.split === 'dev');
    const scores = scoreAll(labels, dir!, split);
    const dev = scores.filter((s) => s.split === 'dev');
    const test = scores.filter((s) => s.split === 'test');
    console.log(indent(figuresTable('set', [
      ['development (fitted)', dev],
      ['  of which tuned on before issue 12', dev.filter((s) => s.tunedBefore)],
      ['locked test', test],
    ])));
    if (!devOnly) {
      console.log(indent(`\nlocked test, per document type\n${breakdown('docType', test, (s) => s.docType)}`));
      console.log(indent(`\nlocked test, owner confusion (rows: labelled, columns: specroles)\n${confusionTable(test)}`));
    }

    const baseline = JSON.parse(readFileSync(join(projectRoot, 'test', 'corpus', 'baseline.json'), 'utf8')) as Baseline;
    const check = (name: keyof Baseline, scores: DocumentScore[]) => {
      const r = rates(aggregate(scores));
      const b = baseline[name];
      const EPS = 1e-9;
      assert.ok(r.found >= b.found - EPS, `${name}: sections found ${r.found} < ${b.found}`);
      assert.ok(r.kind >= b.kind - EPS, `${name}: kind accuracy ${r.kind} < ${b.kind}`);
      assert.ok(r.owner >= b.owner - EPS, `${name}: owner accuracy ${r.owner} < ${b.owner}`);
      assert.ok(r.falseAlarmsPer10 <= b.falseAlarmsPer10 + EPS, `${name}: false alarms per 10 sections ${r.falseAlarmsPer10} > ${b.falseAlarmsPer10}`);
      assert.ok(r.flagsFound >= b.flagsFound, `${name}: reviewer flags found ${r.flagsFound} < ${b.flagsFound}`);
    };
    check('development', dev);
    if (!devOnly) check('test', test);
  });
});
