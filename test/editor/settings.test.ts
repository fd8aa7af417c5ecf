// The editor's settings: what VS Code's settings UI offers (package.json) is what the server assumes when a
// setting is unset, and a value it cannot use is a problem at its key.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../../src/editor';
import { projectRoot } from '../support/paths';

interface Contributed {
  properties: Record<string, { default?: unknown }>;
}

function contributedDefaults(): Map<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { contributes: { configuration: Contributed | Contributed[] } };
  const sections = [manifest.contributes.configuration].flat();
  return new Map(sections.flatMap((s) => Object.entries(s.properties).map(([key, p]) => [key.replace(/^specRoles\./, ''), p.default] as const)));
}

describe('editor settings', () => {
  it('package.json offers the defaults the server assumes (every plain setting)', () => {
    const offered = contributedDefaults();
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      if (typeof value === 'object') continue; // files and overrides: globs written for people, checked by use
      assert.ok(offered.has(key), `specRoles.${key} is not in package.json`);
      assert.deepEqual(offered.get(key), value, `specRoles.${key}`);
    }
  });

  it('codeLensMaxSections: a whole number, 0 or more; anything else is a problem and the default is used', () => {
    assert.equal(readSettings({ codeLensMaxSections: 20 }).settings.codeLensMaxSections, 20);
    for (const bad of [-1, 1.5, '20']) {
      const { settings, problems } = readSettings({ codeLensMaxSections: bad });
      assert.equal(settings.codeLensMaxSections, DEFAULT_SETTINGS.codeLensMaxSections);
      assert.deepEqual(problems.map((p) => p.key), ['codeLensMaxSections']);
    }
  });
});
