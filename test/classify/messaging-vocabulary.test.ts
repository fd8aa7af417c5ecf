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

  it('reads marketing copy, talking points and campaign pieces as the PMM\'s, and a bare "Copy" or a Shape Up pitch as neither', () => {
    assert.deepEqual(kindsOf(['Website copy', 'Key talking points', "Do's and don'ts", 'About us', 'Copy', 'Shape Up pitch', 'Whitepapers and infographics', 'Webinar', 'Sales deck', 'Customer quotes']), {
      'Website copy': 'messaging',
      'Key talking points': 'messaging',
      "Do's and don'ts": 'messaging',
      'About us': 'messaging',
      Copy: '-',
      'Shape Up pitch': '-',
      'Whitepapers and infographics': 'gtm_channels',
      Webinar: 'gtm_channels',
      'Sales deck': 'sales_enablement',
      'Customer quotes': 'proof_points',
    });
  });

  it('reads the headings of product-marketing templates: buyers, battlecards, channel plans, references', () => {
    assert.deepEqual(kindsOf(['Buying committee', 'Why we lose', 'Landmines', 'Earned media', 'Paid channels', 'Customer references', 'Value pillars', 'Win rate']), {
      'Buying committee': 'personas_audience',
      'Why we lose': 'competitive_landscape',
      Landmines: 'competitive_landscape',
      'Earned media': 'gtm_channels',
      'Paid channels': 'gtm_channels',
      'Customer references': 'proof_points',
      'Value pillars': 'value_proposition',
      'Win rate': 'gtm_metrics',
    });
  });
});
