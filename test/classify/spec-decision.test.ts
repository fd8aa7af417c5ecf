// specDecision: is a file a spec by its content (issue 12)? The heading scans and the rule on small texts;
// test/corpus/spec-detection.test.ts measures it on real documents.
import assert from 'node:assert/strict';
import { catalogueFor, markdownHeadings, specDecision, yamlHeadings } from '../../src/core';

const catalogue = catalogueFor({});
const md = (text: string) => specDecision(text, { isYaml: false, catalogue });
const yaml = (text: string) => specDecision(text, { isYaml: true, catalogue });

const PRD = `# Saved searches

## Problem

Users rebuild the same filters every day; customers ask for it in every review.

## Goals

- Save time for every user.

## Requirements

- A user can save a search.
`;

describe('spec detection by content (specDecision)', function () {
  it('reads ATX and setext headings, not front matter, fenced code or comments', function () {
    const text = `---\ntitle: x\n# not a heading\n---\nIntro\n=====\n\n## Goals ##\n\n\`\`\`md\n## Problem\n\`\`\`\n\n<!--\n## Pricing\n-->\n\nScope\n-----\n`;
    assert.deepEqual(markdownHeadings(text), ['Intro', 'Goals', 'Scope']);
  });

  it('reads YAML section titles, form labels and top-level keys, not block scalars', function () {
    const text = `title: "RFC: search"\nsummary: |\n  problem: not a key\nsections:\n  - title: Problem # why\n  - title: 'Goals'\nbody:\n  - type: textarea\n    attributes:\n      label: Acceptance criteria\n`;
    assert.deepEqual(yamlHeadings(text), ['RFC: search', 'summary', 'sections', 'Problem', 'Goals', 'body', 'Acceptance criteria']);
  });

  it('takes a document whose headings name three kinds and says which', function () {
    const d = md(PRD);
    assert.equal(d.spec, true);
    assert.equal(d.reason, '3 of 4 headings name 3 known section kinds: Problem, Goals, Functional requirements');
  });

  it('takes a marked document whatever its content', function () {
    assert.equal(md('---\nspecroles: 1\n---\n# Notes\n').spec, true);
    assert.equal(md('---\ntype: positioning\n---\n# Notes\n').spec, true);
    assert.equal(yaml('specroles: 1\ntitle: x\n').spec, true);
  });

  it('leaves a README or a changelog, and says why', function () {
    const readme = md('# Widget\n\n## Installation\n\nnpm install widget\n\n## Usage\n\nCall it.\n\n## License\n\nMIT\n');
    assert.equal(readme.spec, false);
    assert.equal(readme.because, 'no-headings');
    assert.match(readme.reason, /^no headings of known section kinds/);
    const changelog = md('# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- Export.\n\n### Fixed\n\n- Import.\n');
    assert.equal(changelog.spec, false);
  });

  it('does not count administrative kinds (summary, metadata, stakeholders)', function () {
    const d = md('# X\n\n## Summary\n\ntext\n\n## Stakeholders\n\ntext\n\n## Glossary\n\ntext\n\n## Appendix\n\ntext\n');
    assert.equal(d.kinds.length, 0);
    assert.equal(d.spec, false);
  });

  it('wants some product vocabulary besides the headings', function () {
    const d = md('# Commit signing\n\n## Why\n\nSigned commits.\n\n## Implementation\n\nGPG keys.\n\n## Alternatives considered\n\nSSH keys.\n\n## Open questions\n\nNone.\n');
    assert.ok(d.kinds.length >= 3, d.reason);
    assert.equal(d.spec, false);
    assert.equal(d.because, 'no-vocabulary');
  });

  it('takes a YAML file whose section titles name kinds', function () {
    const d = yaml('title: Search\nsections:\n  - title: Problem\n    body: Users and customers lose time.\n  - title: Goals\n    body: Save time for every user.\n  - title: Requirements\n    body: A user can save a search.\n');
    assert.equal(d.spec, true, d.reason);
  });

  it('leaves a CI workflow', function () {
    assert.equal(yaml('name: build\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n').spec, false);
  });
});
