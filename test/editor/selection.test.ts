// Which open documents the editor takes as specs: the path the globs see is the one inside the workspace.
import assert from 'node:assert/strict';
import { catalogueFor } from '../../src/core';
import { DEFAULT_SETTINGS } from '../../src/editor';
import { selectDocument } from '../../src/editor/selection';

const NOTES = '# Team notes\n\nWhat we talked about on Monday.\n';

function select(path: string, workspaceFolders: string[]) {
  return selectDocument({
    path,
    languageId: 'markdown',
    text: NOTES,
    loaded: { config: {}, files: [], problems: [] },
    config: {},
    catalogue: catalogueFor({}),
    settings: DEFAULT_SETTINGS,
    workspaceFolders,
  });
}

describe('editor spec selection', () => {
  it('matches the globs against the path inside the workspace, not the folders above it', () => {
    // A workspace that happens to live under a folder named specs/ does not make every note a spec…
    assert.equal(select('/home/ana/specs/checkout/notes.md', ['/home/ana/specs/checkout']).spec, false);
    // …while its own specs/ folder does.
    assert.deepEqual(select('/home/ana/checkout/specs/notes.md', ['/home/ana/checkout']), { spec: true, via: 'include' });
  });

  it('matches a file outside every workspace folder by its whole path', () => {
    assert.deepEqual(select('/tmp/specs/notes.md', ['/home/ana/checkout']), { spec: true, via: 'include' });
  });
});
