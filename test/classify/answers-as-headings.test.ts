// Issue 12: answers written as headings of their own, under or after the question they answer, leave the
// question's section without text; it is not an empty section.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

function emptySections(text: string): string[] {
  return lint(text, { path: 'spec.md' }).findings.filter((f) => f.ruleId === 'empty-section' && f.severity !== 'info').map((f) => f.message.split('"')[1] ?? '');
}

describe('answers written as headings', () => {
  it('does not report a question whose answers are deeper headings', () => {
    assert.deepEqual(emptySections('# Export\n\n## Problem\n\nSlow.\n\n## How will we fix it?\n\n### Queue the work\n\nA queue.\n\n### Stream the file\n\nStreams.\n'), []);
  });

  it('does not report a question whose answers follow as headings at its own level', () => {
    assert.deepEqual(emptySections('# Export\n\n## Problem\n\nSlow.\n\n## How will we fix it?\n\n## Queue the work\n\nA queue.\n\n## Stream the file\n\nStreams.\n'), []);
  });

  it('still reports a question left empty at the end, or holding only placeholders, and an empty statement heading', () => {
    const filled = '## Problem\n\nSlow.\n\n## Requirements\n\nFast.\n\n## Design\n\nA queue.\n\n## Metrics\n\nExports a week.\n\n';
    const text = `# Export\n\n${filled}## Goals\n\n## Who is it for?\n\nTBD\n\n## Rollout plan\n\nFlags.\n\n## What could go wrong?\n`;
    assert.deepEqual(emptySections(text), ['Goals', 'Who is it for?', 'What could go wrong?']);
  });
});

describe("a release post's parts", () => {
  it('are the post: keyword matches under release notes are release notes, not the PM\'s rollout or requirements', () => {
    const text = '# Kubernetes 1.30\n\n## Release notes\n\nWhat ships in this release.\n\n### New features in beta\n\nSidecars.\n\n### Deprecations and removals\n\nThe old API.\n\n### Availability\n\nDownload it today.\n';
    const { analysis } = lint(text, { path: 'announcement.md' });
    const kinds = Object.fromEntries(analysis.sections.map((s) => [s.section.title, s.kind?.id]));
    assert.deepEqual(kinds, { 'Release notes': 'release_notes', 'New features in beta': 'release_notes', 'Deprecations and removals': 'release_notes', Availability: 'release_notes' });
  });
});
