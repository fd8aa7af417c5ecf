// Engine config problems as data (problem.ts), located in the config files (locate.ts): the objects the CLI
// prints as file:line:column and editors show at the key.
import assert from 'node:assert/strict';
import { checkConfig, loadConfigFor, locateConfigProblem, selectSpec, type ConfigHost } from '../../src/core';

const tree = (files: Record<string, string>): ConfigHost => ({ readFile: (path) => files[path] });

describe('config problems with file and range', () => {
  it('an unknown rule id: at its key, with the rule meant', () => {
    const host = tree({ '/r/.specroles.yaml': 'root: true\nrules:\n  missing-sectoin: error\n' });
    const loaded = loadConfigFor('/r/a.md', host);
    const [problem, ...rest] = checkConfig(loaded, host);
    assert.equal(rest.length, 0);
    assert.equal(problem?.file, '/r/.specroles.yaml');
    assert.equal(problem?.message, 'rules: unknown rule "missing-sectoin"; did you mean "missing-section"?');
    assert.equal(problem?.suggestion, 'missing-section');
    assert.deepEqual([problem?.range?.start.line, problem?.range?.start.column, problem?.range?.end.column], [3, 3, 18]);
  });

  it('a rule set in an override, and a kind owned by an unknown role: at the key and at the role', () => {
    const host = tree({
      '/r/.specroles.yaml': 'root: true\noverrides:\n  - files: legal/**\n    rules:\n      missing-section: [warning, { nope: 1 }]\nkinds:\n  - id: legal\n    name: Legal\n    owner: [pm, lawyr]\n',
    });
    const loaded = loadConfigFor('/r/legal/a.md', host);
    const problems = checkConfig(loaded, host, '/r/legal/a.md');
    const rule = problems.find((p) => p.message.startsWith('rules.missing-section'));
    assert.deepEqual([rule?.range?.start.line, rule?.range?.start.column], [5, 7]);
    const role = problems.find((p) => p.message.includes('unknown role "lawyr"'));
    assert.deepEqual([role?.range?.start.line, role?.range?.start.column, role?.range?.end.column], [9, 17, 22]);
  });

  it('an unknown role among a kind\'s owners in another role\'s documents: at the role', () => {
    const host = tree({ '/r/.specroles.yaml': 'root: true\nkinds:\n  - id: users_use_cases\n    ownersInDocumentsOf: { pmm: [pm, markting] }\n' });
    const problems = checkConfig(loadConfigFor('/r/a.md', host), host, '/r/a.md');
    const role = problems.find((p) => p.message.includes('unknown role "markting"'));
    assert.equal(role?.range?.start.line, 4);
  });

  it('without config files: the message alone; the key in no file: the nearest file', () => {
    const host = tree({ '/r/.specroles.yaml': 'root: true\n' });
    assert.deepEqual(locateConfigProblem({ message: 'm', at: { list: 'rules', id: 'x' } }, [], host), { message: 'm' });
    assert.deepEqual(locateConfigProblem({ message: 'm', at: { list: 'rules', id: 'x' } }, ['/r/.specroles.yaml'], host), { message: 'm', file: '/r/.specroles.yaml' });
  });

  it('the folder globs are relative to: that of the nearest config setting files', () => {
    const host = tree({ '/r/.specroles.yaml': 'root: true\nfiles: { include: ["docs/**"] }\n', '/r/sub/.specroles.yaml': 'rules: {}\n' });
    assert.equal(loadConfigFor('/r/sub/a.md', host).filesBase, '/r');
    assert.equal(loadConfigFor('/x/a.md', tree({})).filesBase, undefined);
  });
});

describe('selectSpec: which files are specs', () => {
  const config = {};
  const head = (text: string) => () => text;
  it('globs, then markers, then content', () => {
    assert.deepEqual(selectSpec({ paths: ['a.prd.md'], isYaml: false, head: () => assert.fail('not read') }, { config }), { spec: true, via: 'include' });
    assert.deepEqual(selectSpec({ paths: ['notes.md'], isYaml: false, head: head('---\nspecroles: 1\n---\n') }, { config }), { spec: true, via: 'marker' });
    assert.deepEqual(selectSpec({ paths: ['README.md'], isYaml: false, head: head('# Tool\n\n## Install\n\nnpm i\n') }, { config }), { spec: false, because: 'no-headings' });
    assert.deepEqual(selectSpec({ paths: ['a.md'], isYaml: false, head: () => undefined }, { config }), { spec: false, because: 'unreadable' });
  });
  it('excludes win; a config listing its specs takes nothing by content', () => {
    assert.deepEqual(selectSpec({ paths: ['a.prd.md'], isYaml: false, head: head('') }, { config, exclude: ['*.prd.md'] }), { spec: false, because: 'excluded' });
    const listed = { files: { include: ['specs/**'] } };
    const prd = '# Checkout\n\n## Problem\n\nUsers abandon carts.\n\n## Goals\n\nGrow conversion for customers.\n\n## Requirements\n\nThe user MUST pay in one step.\n';
    assert.deepEqual(selectSpec({ paths: ['docs/a.md'], isYaml: false, head: head(prd) }, { config: listed }), { spec: false, because: 'not-included' });
  });
});
