// Issue 12: the ways teams write down their messages (short pitches, one-liners, how to describe the company
// or the product, lists of marketing assets) read as the PMM's kinds the taxonomy gives them.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

function kindsOf(headings: readonly string[]): Record<string, string> {
  const text = headings.map((h) => `## ${h}\n\nSome text.\n`).join('\n');
  return Object.fromEntries(lint(text, { path: 'spec.md' }).analysis.sections.map((s) => [s.section.title, s.kind?.id ?? '-']));
}

describe('messaging vocabulary', () => {
  it('reads pitches and one-sentence descriptions as positioning, one-liners and ways to describe the company as messaging', () => {
    assert.deepEqual(kindsOf(['Short pitch', 'The 30-second pitch', 'Describing Acme in one sentence', 'One-liner', 'How to describe the company', 'How we talk about the product', 'Company boilerplate']), {
      'Short pitch': 'positioning',
      'The 30-second pitch': 'positioning',
      'Describing Acme in one sentence': 'positioning',
      'One-liner': 'messaging',
      'How to describe the company': 'messaging',
      'How we talk about the product': 'messaging',
      'Company boilerplate': 'messaging',
    });
  });

  it('reads lists of marketing assets as go-to-market channels', () => {
    assert.deepEqual(kindsOf(['Marketing assets', 'Asset list', 'Assets needed', 'Launch assets', 'Static assets']), {
      'Marketing assets': 'gtm_channels',
      'Asset list': 'gtm_channels',
      'Assets needed': 'gtm_channels',
      'Launch assets': 'gtm_channels',
      'Static assets': '-',
    });
  });
});
