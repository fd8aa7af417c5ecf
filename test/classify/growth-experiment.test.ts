// Issue 12: a growth-marketing experiment brief (hypothesis, audience, channels and their metrics) is the
// PMM's, and its channel measures are go-to-market metrics, not the channels themselves.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

const BRIEF = [
  '# Paid social test: developer audience',
  '## Hypothesis\n\nIf we target developers on LinkedIn with a tutorial ad, the conversion rate from click to signup will double.',
  '## Audience\n\nBackend developers at companies with 50-500 employees.',
  '## Channels\n\nLinkedIn and Reddit ads, two creatives each.',
  '## Channel metrics\n\nClick-through rate, cost per click, conversion rate to signup.',
  '## Budget\n\n$5,000 over two weeks.',
].join('\n\n');

describe('growth-marketing experiment briefs', () => {
  it("reads the brief as the PMM's, with its channel measures as go-to-market metrics and no ownership finding", () => {
    const { analysis, findings } = lint(BRIEF, { path: 'growth-experiment.md' });
    assert.deepEqual(analysis.docOwner.roles, ['pmm']);
    const kinds = Object.fromEntries(analysis.sections.map((s) => [s.section.title, s.kind?.id ?? '-']));
    assert.equal(kinds['Channel metrics'], 'gtm_metrics');
    assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId), []);
    assert.deepEqual(findings.filter((f) => ['foreign-section', 'content-owner-drift', 'section-owner-mismatch'].includes(f.ruleId)), []);
  });
});
