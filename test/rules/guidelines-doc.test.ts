// docs/guidelines.md is generated from the guidelines data (issue 16, item 9): it must be up to date, give
// every guideline its own anchor, and every rule page must link each guideline it cites there, so a
// citation opened in VS Code's Markdown preview (bundled, offline) is one click from its source.
// UPDATE_SNAPSHOTS=1 rewrites the page from the data (review the diff before committing).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueFor, GUIDELINES_DOC, renderGuidelinesPage, rules } from '../../src/core';
import { projectRoot } from '../support/paths';

const update = process.env.UPDATE_SNAPSHOTS === '1';
const path = join(projectRoot, GUIDELINES_DOC);

describe('docs/guidelines.md', () => {
  const catalogue = catalogueFor({});

  it('is generated from the guidelines data (UPDATE_SNAPSHOTS=1 rewrites it)', () => {
    const page = renderGuidelinesPage(catalogue);
    if (update) writeFileSync(path, page);
    assert.equal(readFileSync(path, 'utf8'), page);
  });

  it('gives every guideline a heading of its id, its source and who cites it; no source is "Unattributed"', () => {
    const page = readFileSync(path, 'utf8');
    for (const g of catalogue.guidelines.values()) {
      const at = page.indexOf(`\n### ${g.id}\n`);
      assert.ok(at >= 0, `a heading for ${g.id}`);
      const entry = page.slice(at, page.indexOf('\n### ', at + 1) >>> 0 || undefined);
      assert.ok(entry.includes(g.statement), `${g.id}: its statement`);
      assert.match(entry, new RegExp(`Source: .*\\*${g.source.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*`), `${g.id}: its source`);
    }
    assert.doesNotMatch(page, /unattributed/i);
  });

  it('every rule page links each guideline it cites to its anchor there', () => {
    for (const rule of rules) {
      const doc = readFileSync(join(projectRoot, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8');
      for (const g of rule.meta.guidelines) assert.ok(doc.includes(`[\`${g}\`](../guidelines.md#${g})`), `docs/rules/${rule.meta.id}.md links ${g}`);
    }
  });
});
