// The VSIX's README: the project README cut to the VS Code user's sections, links to the rest kept working.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorOf, EXTENSION_SECTIONS, extensionReadme, FULL_README, sectionsOf } from '../../src/tools/vsix/extension-readme';
import { projectRoot } from '../support/paths';

const README = readFileSync(join(projectRoot, 'README.md'), 'utf8');

describe('the extension README (VSIX)', () => {
  const page = extensionReadme(README);
  const headings = sectionsOf(page).slice(1).map((s) => s.title);

  it('keeps the intro and the VS Code user\'s sections, in order, and drops the others', () => {
    assert.ok(page.startsWith('# specroles\n'));
    assert.deepEqual(headings, [...EXTENSION_SECTIONS, 'More']);
    assert.ok(page.length < README.length / 2, `${page.length} of ${README.length} characters`);
  });

  it('sends links to the sections left out to the full README; links to kept ones stay on the page', () => {
    assert.ok(page.includes('(https://github.com/specroles/specroles#pre-commit)'), 'the intro\'s pre-commit link');
    assert.ok(page.includes(FULL_README));
    const dropped = sectionsOf(README).slice(1).filter((s) => !EXTENSION_SECTIONS.includes(s.title));
    assert.ok(dropped.length >= 5);
    for (const s of dropped) assert.ok(!page.includes(`](#${anchorOf(s.title)})`), `a link to #${anchorOf(s.title)} left on the page`);
  });

  it('keeps headings inside code fences as text (an example spec in the annotations section)', () => {
    assert.ok(page.includes('## Pricing <!-- owner: pm, pmm -->'));
  });

  it('says which section it misses when the README renames one', () => {
    assert.throws(() => extensionReadme(README.replace('## In VS Code', '## In the editor')), /no "## In VS Code" section/);
  });
});
