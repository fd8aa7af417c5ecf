// Issue 12: is this file a spec, by its content? Every document of ../shared/corpus/real (read in place,
// never copied) should be one and every document of ../shared/corpus/not-specs should not. The rule is
// the engine's specDecision, the same the CLI's folder walk and the editor use; this measures it
// (src/tools/corpus/spec-detection.ts, shared with `npm run eval`) and prints precision, recall and, for
// the development set and the not-specs, every misclassified file with the decision's reason. The locked
// test set's missed specs are counted, not named: they are not to be tuned on.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplit } from '../../src/tools/corpus/evaluate';
import { detectionRates, measurePackageDocs, measureSpecDetection } from '../../src/tools/corpus/spec-detection';
import { corpusOrSkip, projectRoot, sharedRoot } from '../support/paths';

/**
 * Floors: the target is 0.95 for both. Precision meets it; recall does not yet (0.874 on
 * 2026-12-08: the specs missed are release blog posts, pricing tables, issue forms and pages with one or no
 * section heading, which read like the READMEs it must reject), so recall is held at what it measures.
 * Raise it when it improves.
 */
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.86;

const notSpecsDir = join(sharedRoot, 'corpus', 'not-specs');

describe('spec detection by content (corpus/real against corpus/not-specs)', function () {
  let measured: { precision: number; recall: number } | undefined;

  before(function () {
    const real = corpusOrSkip(this);
    if (!real) return;
    if (!existsSync(notSpecsDir)) {
      console.warn(`    notice: ${notSpecsDir} is absent; spec detection not measured`);
      this.skip();
    }
    const detection = measureSpecDetection(real, notSpecsDir, loadSplit(projectRoot));
    const all = detectionRates(detection, ['dev', 'test']);
    measured = all;
    console.log(`    ${all.specs} specs, ${detection.nonSpecs} non-specs: precision ${all.precision.toFixed(3)}, recall ${all.recall.toFixed(3)} (${all.detected}/${all.specs})`);
    for (const set of ['dev', 'test'] as const) {
      const r = detectionRates(detection, [set]);
      console.log(`      ${set === 'dev' ? 'development' : 'locked test'}: recall ${r.recall.toFixed(3)} (${r.detected}/${r.specs})`);
    }
    for (const m of detection.specs.dev.missed) console.log(`      missed spec    real/${m.file}: ${m.reason}`);
    for (const m of detection.falseSpecs) console.log(`      false spec     not-specs/${m.file}: ${m.reason}`);
  });

  it(`precision ≥ ${MIN_PRECISION}`, function () {
    assert.ok(measured!.precision >= MIN_PRECISION, `precision ${measured!.precision.toFixed(3)}`);
  });

  it(`recall ≥ ${MIN_RECALL}`, function () {
    assert.ok(measured!.recall >= MIN_RECALL, `recall ${measured!.recall.toFixed(3)}`);
  });
});

/**
 * Ceiling: the share of the installed packages' Markdown (READMEs, API references, guides) taken for specs.
 * 14.6% before the README headings, code headings and the weak-structure bar of 2026-12-08, 1.9% after;
 * the ceiling leaves room for the packages to change with package-lock.json.
 */
const MAX_PACKAGE_DOCS_TAKEN = 0.03;

describe('spec detection by content (the Markdown of installed packages, none of it a spec)', function () {
  it(`takes at most ${MAX_PACKAGE_DOCS_TAKEN * 100}% of node_modules' Markdown for specs`, function () {
    const docs = measurePackageDocs(join(projectRoot, 'node_modules'));
    const share = docs.falseSpecs.length / docs.files;
    console.log(`    ${docs.falseSpecs.length} of ${docs.files} Markdown files in node_modules taken for specs (${(100 * share).toFixed(1)}%)`);
    assert.ok(docs.files > 100, `only ${docs.files} Markdown files in node_modules`);
    assert.ok(share <= MAX_PACKAGE_DOCS_TAKEN, docs.falseSpecs.map((m) => `${m.file}: ${m.reason}`).join('\n'));
  });
});
