// specDecision: is a file a spec by its content (issue 12)? The heading scans and the rule on small texts;
// test/corpus/spec-detection.test.ts measures it on real documents.
import assert from 'node:assert/strict';
import { catalogueFor, lint, markdownHeadings, markedAsSpec, specDecision, yamlHeadings } from '../../src/core';
import { isCodeHeading } from '../../src/core/classify/code-heading';
import { MIN_DENSITY_WEAK_STRUCTURE, MIN_DENSITY_WITH_HEADINGS } from '../../src/core/detect/spec-decision';

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

  it('leaves a README or a changelog, and says which genre its headings are', function () {
    const readme = md('# Widget\n\n## Installation\n\nnpm install widget\n\n## Usage\n\nCall it.\n\n## License\n\nMIT\n');
    assert.equal(readme.spec, false);
    assert.equal(readme.because, 'other-genre');
    assert.equal(readme.reason, '3 of 4 headings are those of a README ("Installation", "Usage", "License"); no headings of known section kinds');
    const changelog = md('# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- Export.\n\n### Fixed\n\n- Import.\n');
    assert.equal(changelog.spec, false);
    assert.equal(changelog.because, 'other-genre');
    // release-please's linked versions, over "Features" and "Bug Fixes" that name kinds
    const versions = [3, 2, 1].map((v) => `## [1.${v}.0](https://github.com/acme/widget/compare/v1.${v - 1}.0...v1.${v}.0) (2024-0${v}-01)\n\n### Features\n\n* export for users\n\n### Bug Fixes\n\n* import\n`).join('\n');
    const released = md(`# Changelog\n\n${versions}`);
    assert.equal(released.because, 'other-genre', released.reason);
  });

  it('leaves a postmortem or minutes that talk product work, by their own headings', function () {
    const words = 'Customers on the enterprise plan saw the pricing page of the launch; users and buyers asked sales for the roadmap, the release and the beta. ';
    const postmortem = md(`# Postmortem: export outage\n\n## Summary\n\n${words}\n\n## Impact\n\n${words}\n\n## Goals\n\n${words}\n\n## Root causes\n\n${words}\n\n## Lessons learned\n\n${words}\n\n## Action items\n\n${words}\n`);
    assert.equal(postmortem.spec, false, postmortem.reason);
    assert.match(postmortem.reason, /are those of a postmortem \("Postmortem: export outage", "Root causes", "Lessons learned", …\)/);
    const minutes = md(`# Release team\n\n## Date: 3/26/2018\n\n${words.repeat(3)}\n\n## Date: 3/23/2018\n\n${words.repeat(3)}\n`);
    assert.equal(minutes.spec, false, minutes.reason);
    assert.equal(minutes.because, 'other-genre');
  });

  it('leaves a code of conduct and a security policy by their customary headings', function () {
    const coc = md('# Code of Conduct\n\n## Our Pledge\n\nWe pledge to make participation harassment-free for users and customers.\n\n## Our Standards\n\nBe kind.\n\n## Scope\n\nAll spaces.\n\n## Enforcement\n\nReport it.\n\n## Attribution\n\nContributor Covenant.\n');
    assert.equal(coc.because, 'other-genre', coc.reason);
    assert.match(coc.reason, /those of a code of conduct/);
    const security = md('# Security Policy\n\n## Supported Versions\n\nThe latest release for all users and customers.\n\n## Reporting a Vulnerability\n\nEmail us; we answer within a week and announce the fix in the release notes.\n');
    assert.equal(security.because, 'other-genre', security.reason);
  });

  it("a heading another genre claims by name does not name a section kind ('Decision outcome' is no goal)", function () {
    const adr = md('# Use signed commits\n\n## Considered alternatives\n\nSSH keys, GPG keys.\n\n## Decision outcome\n\nGPG keys.\n\n## Pros and cons of the alternatives <!-- optional -->\n\nBoth work.\n');
    assert.deepEqual(adr.kinds.map((k) => k.id), ['alternatives_considered']);
    assert.equal(adr.because, 'other-genre');
  });

  it('reads a heading without its HTML comments', function () {
    assert.deepEqual(markdownHeadings('## Messaging <!-- owner: pmm -->\n\n## Pros <!-- a --> and cons <!-- b\n'), ['Messaging', 'Pros  and cons <!-- b']);
  });

  it('takes fewer headings in dense product vocabulary: two kinds, or one topic section after section', function () {
    const words = 'Customers and buyers choose the plan; the launch, the pricing and the positioning speak to the market and to users. ';
    const twoKinds = md(`# Finding users\n\n## Know your audience\n\n${words}\n\n## Messaging that lands\n\n${words}\n\n## Go where they are\n\n${words}\n\n## Say thanks\n\n${words}\n`);
    assert.equal(twoKinds.spec, true, twoKinds.reason);
    assert.match(twoKinds.reason, /, in product vocabulary from \d+ cue groups/);
    const oneTopic = md(`# Marketing roadmap\n\n## Roadmap for Q1\n\n${words}\n\n## Roadmap for Q2\n\n${words}\n\n## Roadmap for Q3\n\n${words}\n\n## Questions\n\n${words}\n`);
    assert.equal(oneTopic.spec, true, oneTopic.reason);
    const plain = 'Write it down, read it again the next morning, and keep the parts that still make sense to you then. '.repeat(3);
    const sparse = md(`# Finding users\n\n## Know your audience\n\n${plain}\n\n## Messaging that lands\n\n${plain}\n\n## Go where they are\n\n${plain}\n\n## Say thanks\n\n${plain}\n`);
    assert.equal(sparse.spec, false, sparse.reason);
  });

  it('reads the headings of a template carried in a ```markdown fence, where the reader reads them as sections', function () {
    const template = '```md\n# {Date} Project proposal\n\n## Goals\n\n## Requirements\n\n## Success\n```\n';
    assert.deepEqual(markdownHeadings(`# Template: Project proposal\n\n${template}`), ['Template: Project proposal', '{Date} Project proposal', 'Goals', 'Requirements', 'Success']);
    assert.deepEqual(markdownHeadings(`# Guide\n\n## Release blog template\n\n${template}`), ['Guide', 'Release blog template', '{Date} Project proposal', 'Goals', 'Requirements', 'Success']);
    // Under any other heading a fenced document is an example, and stays code.
    assert.deepEqual(markdownHeadings(`# Guide\n\n## Setup\n\n## Example\n\n${template}`), ['Guide', 'Setup', 'Example']);
    assert.deepEqual(markdownHeadings('# T\n\n~~~markdown\n## A\n\n```md\n## B\n```\n## C\n~~~\n'), ['T', 'A', 'C']);
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

  it("leaves a package README in the common template (\"What is this?\", \"Use\", \"API\", \"Related\", \"Contribute\")", function () {
    const words = 'It turns a string into a list of tokens for users who need it, and back. ';
    const readme = md(`# tokens\n\n## Contents\n\n* [What is this?](#what-is-this)\n\n## What is this?\n\n${words}\n\n## When should I use this?\n\n${words}\n\n## Install\n\nnpm install tokens\n\n## Use\n\n${words}\n\n## API\n\n${words}\n\n## Types\n\n${words}\n\n## Compatibility\n\n${words}\n\n## Security\n\n${words}\n\n## Related\n\n${words}\n\n## Contribute\n\n${words}\n\n## License\n\nMIT\n`);
    assert.equal(readme.spec, false, readme.reason);
    assert.equal(readme.because, 'other-genre');
  });

  it('reads no kind from a heading written as code: an API reference is no spec', function () {
    for (const code of ['`pool.close()`', 'deprecate(fn, message[, code])', "git.clone(repo, ref = 'HEAD')", 'close()', 'enterAlternativeScreen', 'config.drawHorizontalLine', '## `message`', '**`timeout`**:',
      '<a name="api-compile"></a>.compileAsync(Object schema) -&gt; Promise', '`undici.request([url, options]): Promise`']) assert.equal(isCodeHeading(code), true, code);
    for (const prose of ['Use case(s)', 'Primary persona(s)', 'Feature flags (optional)', 'Node.js support', 'What does the `--fix` flag change?', 'Goals / OKRs', 'Success metrics', 'GitHub vs. GitLab', 'LinkedIn', '## Goals', '**Audience:**'])
      assert.equal(isCodeHeading(prose), false, prose);
    const reference = md('# Pool\n\n## `new Pool(url[, options])`\n\nMakes a pool.\n\n## `pool.request(options)`\n\nSends.\n\n## deprecate(fn, message[, code])\n\nWraps.\n\n## enterAlternativeScreen\n\nSwitches.\n');
    assert.deepEqual(reference.kinds, [], reference.reason);
    assert.equal(reference.spec, false);
  });

  it('wants more product vocabulary where the structure is weak: two kinds, or a few kinds among many headings', function () {
    // A four-heading package README: "Tests" and "Security" name two kinds, half its headings.
    const readme = md('# weak-store\n\n## Example\n\nStore a value against an object key.\n\n## Tests\n\nClone the repo, `npm install`, and run `npm test`.\n\n## Security\n\nPlease email reports to the maintainer.\n');
    assert.equal(readme.kinds.length, 2, readme.reason);
    assert.equal(readme.spec, false, readme.reason);
    assert.equal(readme.because, 'no-vocabulary');
    // Three kinds that are most of the headings need no more vocabulary than before (MIN_DENSITY_WITH_HEADINGS).
    const plain = 'The export writes each row to a file in the folder the person picks, one after the other. '.repeat(6);
    const strong = md(`# Export\n\n## Problem\n\n${plain}\n\n## Goals\n\n${plain}\n\n## Requirements\n\n${plain}\n`);
    assert.ok(strong.density < MIN_DENSITY_WEAK_STRUCTURE && strong.density >= MIN_DENSITY_WITH_HEADINGS, String(strong.density));
    assert.equal(strong.spec, true, strong.reason);
    // Three kinds among many headings are incidental, however much the text talks product work.
    const words = 'Users and customers on every plan get the features of the release. ';
    const other = Array.from({ length: 12 }, (_, i) => `## Option ${i + 1}\n\n${words}\n`).join('\n');
    const incidental = md(`# widget\n\n## Features\n\n${words}\n\n## API\n\n${words}\n\n## Security\n\n${words}\n\n${other}`);
    assert.equal(incidental.spec, false, incidental.reason);
    assert.equal(incidental.because, 'incidental-headings');
    assert.match(incidental.reason, /^3 of 16 headings name 3 known section kinds: .*, too few of the 16 to be its outline, and product vocabulary/);
  });

  it('takes a YAML file whose section titles name kinds', function () {
    const d = yaml('title: Search\nsections:\n  - title: Problem\n    body: Users and customers lose time.\n  - title: Goals\n    body: Save time for every user.\n  - title: Requirements\n    body: A user can save a search.\n');
    assert.equal(d.spec, true, d.reason);
  });

  it('leaves a CI workflow', function () {
    assert.equal(yaml('name: build\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n').spec, false);
  });

  it('takes `specroles:` for the marker only with a value: a CI job named after the tool is no spec', function () {
    const gitlabCi = 'specroles:\n  stage: test\n  script:\n    - npx specroles\n';
    assert.equal(markedAsSpec(gitlabCi, true, () => false), false);
    assert.equal(yaml(gitlabCi).spec, false);
    for (const marked of ['specroles: 1\ntitle: x\n', 'title: x\nspecroles: "1"\n']) assert.equal(markedAsSpec(marked, true, () => false), true, marked);
    assert.equal(markedAsSpec('---\nspecroles:\n  job: x\n---\n# x\n', false, () => false), false);
    assert.equal(markedAsSpec('---\nspecroles: 1 # checked\n---\n# x\n', false, () => false), true);
    // Named explicitly, it is linted as the YAML it is, not validated as a spec.
    assert.deepEqual(lint(gitlabCi, { path: '/repo/.gitlab-ci.yml' }).findings, []);
  });
});
