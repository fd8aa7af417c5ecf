// Citations: every built-in guideline is cited by what its source names (author, title, publisher), never
// by a made-up "Unattributed"; Markdown citations link the title where there is a URL.
import assert from 'node:assert/strict';
import { catalogueFor, citeSource } from '../../src/core';

describe('citeSource', () => {
  it('names author, title, publisher (once), section and URL, each only where given', () => {
    assert.equal(
      citeSource({ title: 'The PM vs. the PMM', author: 'Brian de Haaff', publisher: 'Aha!', section: 'Vision' }),
      'Brian de Haaff, "The PM vs. the PMM", Aha!, section "Vision"',
    );
    assert.equal(citeSource({ title: 'Roles Before Titles', author: 'Pragmatic Institute', publisher: 'Pragmatic Institute' }), 'Pragmatic Institute, "Roles Before Titles"');
    assert.equal(citeSource({ title: 'Untitled author', url: 'https://example.com/a' }), '"Untitled author", https://example.com/a');
    assert.equal(citeSource({ title: 'T', url: 'https://example.com/a' }, { markdown: true }), '[T](https://example.com/a)');
    assert.equal(citeSource({ title: 'T' }, { markdown: true }), '*T*');
  });

  it('cites every built-in guideline without "Unattributed"', () => {
    const { guidelines } = catalogueFor({});
    assert.ok(guidelines.size >= 30);
    for (const g of guidelines.values()) {
      const cited = citeSource(g.source);
      assert.ok(!/unattributed/i.test(cited), `${g.id}: ${cited}`);
      assert.ok(cited.includes(g.source.title), `${g.id}: ${cited}`);
    }
  });
});
