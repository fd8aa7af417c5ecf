// Properties of the engine over generated and mutated Markdown specs, YAML specs and configs (issue #7).
// `npm test` runs them with a fixed seed and a small budget (about 10 s); `npm run fuzz` with FUZZ_RUNS
// runs (default 20000; the costlier properties take a share of it: YAML ½, mutated corpus documents ¼)
// and a random seed, printed for replay: FUZZ_SEED=<seed> npm run fuzz.
//
// - no exception escapes lint or parseConfig, and no finding stands in for one (INTERNAL_ERROR);
// - every range is inside the text and its offset agrees with its line and column (a byte-order mark
//   counts in offsets, not in columns);
// - linting twice, or a fresh copy with the chunk cache warm, gives deep-equal results;
// - the safe fixes of a pass never overlap, remove what they fix, break nothing and converge;
// - every other fix applies on its own without breaking the document.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, parseConfig, type LintOptions } from '../../src/core';
import { checkEachFix, checkRange, checkResult, checkSafeFixes, comparable, freshCopy, lintChecked } from '../support/invariants';
import { configText, markdownDoc, mutatedSeed, seeds, yamlDoc, type GeneratedDoc } from '../support/generators';
import { nth } from '../support/nth';

const fuzzing = process.env.FUZZ_RUNS !== undefined || process.env.FUZZ_SEED !== undefined;
const RUNS = fuzzing ? Number(process.env.FUZZ_RUNS ?? 20000) : 0;
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : fuzzing ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : 20251125;

/** Runs for one property: the small fixed budget of `npm test`, or FUZZ_RUNS scaled by the property's cost. */
function params(testRuns: number, fuzzShare = 1): fc.Parameters<unknown> {
  return { numRuns: fuzzing ? Math.max(1, Math.round(RUNS * fuzzShare)) : testRuns, seed: SEED, endOnFailure: false };
}

const options = (doc: GeneratedDoc): LintOptions => (doc.path ? { path: doc.path } : {});

/** Everything the properties check about one document. */
function checkDocument(doc: GeneratedDoc, { fixes = true } = {}): void {
  const first = lintChecked(doc.text, options(doc));
  // Twice, and from a copy sharing no memory: the chunk cache is warm now, the results must not change.
  const again = lint(doc.text, options(doc));
  const copy = lint(freshCopy(doc.text), options(doc));
  assert.deepEqual(comparable(again.findings), comparable(first.findings), 'second lint differs');
  assert.deepEqual(comparable(copy.findings), comparable(first.findings), 'lint of a fresh copy (warm cache) differs');
  assert.deepEqual(JSON.parse(JSON.stringify(copy.document)), JSON.parse(JSON.stringify(first.document)), 'parsed document differs with a warm cache');
  if (fixes) {
    checkSafeFixes(doc.text, options(doc), first);
    checkEachFix(doc.text, options(doc), first);
  }
}

describe('fuzz: engine properties (fast-check)', function () {
  this.timeout(fuzzing ? 0 : 60000);
  const { markdown: markdownSeeds, yaml: yamlSeeds, corpusPresent } = seeds();

  before(function () {
    if (fuzzing) {
      this.timeout(0);
      console.log(`    fuzz: FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED} (replay with FUZZ_SEED=${SEED} npm run fuzz)`);
    }
    if (!corpusPresent) console.warn('    notice: ../shared/corpus/real is absent; mutations start from examples/ only');
  });
  beforeEach(function () {
    if (fuzzing) this.timeout(0);
  });

  it('generated Markdown specs: invariants, determinism, fixes', () => {
    fc.assert(fc.property(markdownDoc, (doc) => checkDocument(doc)), params(800, 1));
  });

  it('mutated examples and corpus specs (Markdown): invariants, determinism, fixes', () => {
    fc.assert(fc.property(mutatedSeed(markdownSeeds), (doc) => checkDocument(doc)), params(200, 0.25));
  });

  it('generated YAML specs: invariants, determinism, fixes', () => {
    fc.assert(fc.property(yamlDoc, (doc) => checkDocument(doc)), params(250, 0.5));
  });

  it('mutated YAML specs: invariants, determinism, fixes', () => {
    fc.assert(fc.property(mutatedSeed(yamlSeeds), (doc) => checkDocument(doc)), params(120, 0.5));
  });

  it('an edit re-lints the same as a cold lint of the edited text (chunk cache reuse)', () => {
    // Lint the original, then the edited text: its unchanged chunks come from the cache. The result must
    // equal linting the edited text again after unrelated work has churned the cache.
    fc.assert(
      fc.property(mutatedSeed(markdownSeeds), markdownDoc, (edited, other) => {
        const before = lint(edited.text, options(edited));
        lint(other.text, options(other));
        const after = lint(freshCopy(edited.text), options(edited));
        assert.deepEqual(comparable(after.findings), comparable(before.findings));
      }),
      params(80, 0.25),
    );
  });

  it('BOM and CRLF change offsets only: same findings at the same lines and columns', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDoc, yamlDoc), (doc) => {
        const plain = doc.text.replace(/^\ufeff+/, '').replace(/\r\n?/g, '\n');
        const where = (text: string) =>
          lint(text, options(doc)).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`);
        const lf = where(plain);
        assert.deepEqual(where(`\ufeff${plain}`), lf, 'with a byte-order mark');
        const crlf = where(plain.replace(/\n/g, '\r\n'));
        assert.deepEqual(crlf, lf, 'with CRLF line ends');
      }),
      params(300, 0.5),
    );
  });

  it('configs: parseConfig never throws, problems point into the text, and lint runs with what it returns', () => {
    const sample = markdownSeeds.find((s) => s.path === 'checkout.prd.md') ?? nth(markdownSeeds, 0);
    fc.assert(
      fc.property(configText, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ':', '"', '[', '{', '\t', '- ', '  ')), { maxLength: 2 }), (cfg, damage) => {
        let text = cfg.text;
        for (const [at, piece] of damage) text = text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1));
        const parsed = parseConfig(text, cfg.file);
        for (const p of parsed.problems) {
          checkRange(text, p.range, `config problem "${p.message}"`);
          assert.equal(p.file, cfg.file);
          assert.ok(p.message.length > 0);
        }
        if (parsed.config) {
          const result = lint(sample.text, { path: sample.path, config: parsed.config });
          checkResult(sample.text, result, 'with generated config: ');
          for (const problem of result.configProblems) assert.equal(typeof problem.message, 'string');
        } else {
          assert.ok(parsed.problems.length > 0, 'a config that is rejected says why');
        }
      }),
      params(500, 1),
    );
  });

  it('the examples and every corpus document: invariants, determinism and the fix contract', function () {
    if (fuzzing) return;
    for (const s of [...markdownSeeds, ...yamlSeeds]) {
      try {
        checkDocument({ text: s.text, path: s.path });
      } catch (e) {
        (e as Error).message = `${s.name}: ${(e as Error).message}`;
        throw e;
      }
    }
  });
});
