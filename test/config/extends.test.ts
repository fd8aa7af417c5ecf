// `extends` beyond the built-in presets: shareable configs from node_modules and relative paths (issue 13).
import assert from 'node:assert/strict';
import { lint, loadConfigFor, type ConfigHost } from '../../src/core';
import { nth } from '../support/nth';

function host(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (path) => {
      reads.push(path);
      return files[path];
    },
  };
}

const where = (loaded: ReturnType<typeof loadConfigFor>) => loaded.problems.map((p) => `${p.file}:${p.range.start.line}:${p.range.start.column}: ${p.message}`);

describe('config extends: shareable configs and relative paths', () => {
  it('reads a package\'s specroles.yaml from the nearest node_modules up the tree, under the config that extends it', () => {
    const loaded = loadConfigFor('/repo/specs/a.prd.md', host({
      '/repo/specs/.specroles.yaml': 'root: true\nextends: "@acme/specroles-config"\nrules:\n  empty-section: error\n',
      '/repo/node_modules/@acme/specroles-config/specroles.yaml': 'extends: specroles:strict\nrules:\n  empty-section: off\n  duplicate-section: off\nglossary: [pipeline]\n',
    }));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.rules, { 'empty-section': 'error', 'duplicate-section': 'off' });
    assert.deepEqual(loaded.config.glossary, ['pipeline']);
    assert.deepEqual(loaded.config.extends, ['specroles:strict'], 'presets reached through a shared config still apply; package names do not stay');
    assert.deepEqual(loaded.files, ['/repo/node_modules/@acme/specroles-config/specroles.yaml', '/repo/specs/.specroles.yaml']);
    assert.deepEqual(loaded.extendedBy, { '/repo/node_modules/@acme/specroles-config/specroles.yaml': '/repo/specs/.specroles.yaml' });
    assert.ok(!loaded.config.root);
  });

  it('takes a list in order, later entries winning, and the config itself over all of them', () => {
    const loaded = loadConfigFor('/repo/a.prd.md', host({
      '/repo/.specroles.yaml': 'root: true\nextends: [specroles:recommended, base-a, ./team.json]\nrules:\n  metric-owner: error\n',
      '/repo/node_modules/base-a/specroles.json': '{ "rules": { "metric-owner": "off", "empty-section": "off", "duplicate-section": "info" } }',
      '/repo/team.json': '{ "rules": { "empty-section": "warning" } }',
    }));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.rules, { 'metric-owner': 'error', 'empty-section': 'warning', 'duplicate-section': 'info' });
  });

  it('finds a package\'s YAML or JSON main, a file inside a package, a folder, and a path up the tree', () => {
    const files = {
      '/repo/.specroles.yaml': 'root: true\nextends: [by-main, "@acme/cfg/strict.yaml", ../shared/, ./sub/../x.yml]\n',
      '/repo/node_modules/by-main/package.json': '{ "name": "by-main", "main": "config/main.json" }',
      '/repo/node_modules/by-main/config/main.json': '{ "glossary": ["one"] }',
      '/node_modules/@acme/cfg/strict.yaml': 'glossary: [two]',
      '/shared/specroles.yml': 'glossary: [three]',
      '/repo/x.yml': 'glossary: [four]',
    };
    const loaded = loadConfigFor('/repo/a.md', host(files));
    assert.deepEqual(where(loaded), []);
    assert.deepEqual(loaded.config.glossary, ['one', 'two', 'three', 'four']);
  });

  it('reports what it cannot find at the entry, and never runs a package\'s JavaScript', () => {
    const loaded = loadConfigFor('/repo/a.md', host({
      '/repo/.specroles.yaml': 'root: true\nextends:\n  - nowhere\n  - js-only\n  - ./none.yaml\n  - js-only/index.js\n',
      '/repo/node_modules/js-only/package.json': '{ "main": "index.js" }',
      '/repo/node_modules/js-only/index.js': 'throw new Error("ran")',
    }));
    assert.deepEqual(where(loaded), [
      '/repo/.specroles.yaml:3:5: Config: extends "nowhere": cannot find package nowhere in node_modules, from the config\'s folder up; is it installed?',
      '/repo/.specroles.yaml:4:5: Config: extends "js-only": package js-only has no specroles.yaml, specroles.yml, specroles.json, and its main is not a YAML or JSON file (a shared config is data only)',
      '/repo/.specroles.yaml:5:5: Config: extends "./none.yaml": no such file',
      '/repo/.specroles.yaml:6:5: Config: extends "js-only/index.js": index.js is not a YAML or JSON file; a shared config is data only',
    ]);
  });

  it('reports a problem inside a shared config at its own file, line and key', () => {
    const loaded = loadConfigFor('/repo/a.md', host({
      '/repo/.specroles.yaml': 'root: true\nextends: shared\n',
      '/repo/node_modules/shared/specroles.yaml': 'rules:\n  empty-section: sometimes\n',
    }));
    assert.equal(loaded.problems.length, 1);
    assert.equal(nth(loaded.problems, 0).file, '/repo/node_modules/shared/specroles.yaml');
    assert.equal(nth(loaded.problems, 0).range.start.line, 2);
  });

  it('reports cycles (also a config extending itself) and merges a config reached twice once', () => {
    const cycle = loadConfigFor('/repo/a.md', host({
      '/repo/.specroles.yaml': 'root: true\nextends: a\n',
      '/repo/node_modules/a/specroles.yaml': 'extends: b\n',
      '/repo/node_modules/b/specroles.yaml': 'extends: [./, a]\n',
    }));
    assert.deepEqual(where(cycle), [
      '/repo/node_modules/b/specroles.yaml:1:11: Config: extends "./": a cycle: b → ./',
      '/repo/node_modules/b/specroles.yaml:1:15: Config: extends "a": a cycle: a → b → a',
    ]);
    const diamond = loadConfigFor('/repo/a.md', host({
      '/repo/.specroles.yaml': 'root: true\nextends: [a, b]\n',
      '/repo/node_modules/a/specroles.yaml': 'extends: c\n',
      '/repo/node_modules/b/specroles.yaml': 'extends: c\n',
      '/repo/node_modules/c/specroles.yaml': 'kinds:\n  - id: goals\n    synonyms: [north star]\n',
    }));
    assert.deepEqual(diamond.problems, []);
    assert.equal(diamond.config.kinds?.length, 1);
  });

  it('rejects an unknown preset', () => {
    const loaded = loadConfigFor('/repo/a.md', host({ '/repo/.specroles.yaml': 'extends: specroles:lenient\n' }));
    assert.match(where(loaded)[0] ?? '', /^\/repo\/\.specroles\.yaml:1:10: Config: "extends": unknown preset "specroles:lenient"/);
  });

  it('lints with what a shared config sets', () => {
    const loaded = loadConfigFor('/repo/a.prd.md', host({
      '/repo/.specroles.yaml': 'extends: acme\n',
      '/repo/node_modules/acme/specroles.yaml': 'rules:\n  section-owner-mismatch: error\n',
    }));
    const text = '---\ntype: positioning\n---\n## Messaging <!-- owner: pm -->\n\nOne checkout, every wallet.\n';
    const finding = lint(text, { path: '/repo/a.prd.md', config: loaded.config }).findings.find((f) => f.ruleId === 'section-owner-mismatch');
    assert.equal(finding?.severity, 'error');
  });

  it('works with Windows paths (discovery joins config names with a slash, which Windows accepts)', () => {
    const loaded = loadConfigFor('C:\\repo\\specs\\a.md', host({
      'C:\\repo\\specs/.specroles.yaml': 'extends: [acme, ..\\team.yaml]\n',
      'C:\\repo\\node_modules\\acme\\specroles.yaml': 'glossary: [one]\n',
      'C:\\repo\\team.yaml': 'glossary: [two]\n',
    }));
    assert.deepEqual(where(loaded), []);
    assert.deepEqual(loaded.config.glossary, ['one', 'two']);
  });
});
