// Ownership accuracy on the real corpus against reviewer labels (issue 8). Prints the figures on every
// run; `npm run eval` prints the full list of misses and false alarms.
import assert from 'node:assert/strict';
import { corpusOrSkip, projectRoot } from '../support/paths';
import { evaluate, loadLabels, summary } from './evaluate';

describe('real corpus: accuracy against reviewer labels', function () {
  let dir: string | undefined;
  before(function () {
    dir = corpusOrSkip(this);
  });

  it('labels every corpus document and reports accuracy figures', () => {
    const labels = loadLabels(projectRoot);
    assert.equal(labels.length, 40);
    const e = evaluate(labels, dir!);
    console.log(summary(e).replace(/^/gm, '      '));
    assert.ok(e.kindTotal > 400);
  });
});
