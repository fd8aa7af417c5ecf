import assert from 'node:assert/strict';
import { lint, loadConfigFor, parseConfig, type ConfigHost } from '../../src/core';
import { nth } from '../support/nth';

function host(files: Record<string, string>): ConfigHost {
  return { readFile: (path) => files[path] };
}

describe('config', () => {
  it('merges the nearest config over its parents, up to root: true', () => {
    const loaded = loadConfigFor('/repo/specs/team/a.prd.md', host({
      '/.specroles.yaml': 'glossary: [ignored above root]\n',
      '/repo/.specroles.yaml': 'root: true\nrules:\n  empty-section: off\n  unowned-section: warning\nglossary: [pipeline]\n',
      '/repo/specs/team/.specroles.json': '{ "rules": { "unowned-section": "error" }, "glossary": ["feature flags"] }',
    }));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, ['/repo/.specroles.yaml', '/repo/specs/team/.specroles.json']);
    assert.deepEqual(loaded.config.rules, { 'empty-section': 'off', 'unowned-section': 'error' });
    assert.deepEqual(loaded.config.glossary, ['pipeline', 'feature flags']);
  });

  it('reports errors with file, line, column and key: one per unknown key, allowed values spelled out', () => {
    const { problems } = parseConfig('rules:\n  empty-section: loud\nrulez: {}\nalsoUnknown: 1\n', '/repo/.specroles.yaml');
    const shown = problems.map((p) => `${p.file}:${p.range.start.line}:${p.range.start.column} ${p.message}`).sort();
    assert.deepEqual(shown, [
      '/repo/.specroles.yaml:2:18 Config: "rules.empty-section": expected "off", "info", "warning", "error" or a list, found string "loud"',
      '/repo/.specroles.yaml:3:1 Config: unknown key "rulez"',
      '/repo/.specroles.yaml:4:1 Config: unknown key "alsoUnknown"',
    ]);
  });

  it('reports a config that does not parse', () => {
    const { problems, config } = parseConfig('rules: [unclosed\n', '/r/.specroles.yaml');
    assert.equal(config, undefined);
    assert.match(nth(problems, 0).message, /^YAML does not parse/);
  });

  it('changes severities, turns rules off and validates rule options', () => {
    const text = '## Pricing <!-- owner: pm -->\n\nWe charge per seat.\n';
    const defaults = lint(text, { path: 'x.md' });
    assert.equal(defaults.findings.find((f) => f.ruleId === 'shared-section-owners')?.severity, 'info');
    const raised = lint(text, { path: 'x.md', config: { rules: { 'shared-section-owners': 'error' } } });
    assert.equal(raised.findings.find((f) => f.ruleId === 'shared-section-owners')?.severity, 'error');
    const off = lint(text, { path: 'x.md', config: { rules: { 'shared-section-owners': 'off' } } });
    assert.equal(off.findings.find((f) => f.ruleId === 'shared-section-owners'), undefined);
    const bad = lint(text, { path: 'x.md', config: { rules: { 'duplicate-section': ['warning', { allow: 'goals' }] } } });
    assert.match(nth(bad.configProblems, 0).message, /^rules\.duplicate-section: allow/);
  });

  it('applies overrides by glob and adds kinds and synonyms', () => {
    const config = {
      overrides: [{ files: 'legal/**', rules: { 'unowned-section': 'off' as const } }],
      kinds: [{ id: 'legal_review', name: 'Legal review', owner: ['pm'], aspect: 'legal', synonyms: ['legal sign-off'] }],
    };
    const text = '## Legal sign-off\n\nApproved.\n\n## Zebra crossings\n\nStripes.\n';
    const elsewhere = lint(text, { path: 'specs/a.md', config });
    assert.equal(nth(elsewhere.analysis.sections, 0).kind?.id, 'legal_review');
    assert.ok(elsewhere.findings.some((f) => f.ruleId === 'unowned-section'));
    const legal = lint(text, { path: 'legal/a.md', config });
    assert.ok(!legal.findings.some((f) => f.ruleId === 'unowned-section'));
  });
});
