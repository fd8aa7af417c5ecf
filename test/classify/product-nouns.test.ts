// Issue 12: the product's own nouns are not marketing or pricing work. A cue word that names a part of the
// product ("the pricing API", "the landing page component", "a webhook's subscription endpoint") says
// what the product is made of, not who should write the section; a user scenario that mentions a
// marketing artefact is still a scenario.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

function read(text: string) {
  const { analysis, findings } = lint(text, { path: 'spec.md' });
  return {
    kinds: Object.fromEntries(analysis.sections.map((s) => [s.section.title, s.kind?.id ?? '-'])),
    readsAs: Object.fromEntries(analysis.sections.map((s) => [s.section.title, s.readsAs?.kind?.id ?? s.readsAs?.role ?? '-'])),
    drift: findings.filter((f) => f.ruleId === 'content-owner-drift').map((f) => f.message.split('"')[1]),
  };
}

const PRD_START = '# Checkout\n\n## Problem\n\nCheckout fails for large carts.\n\n## Goals\n\nNo failed checkouts.\n\n';

describe("the product's own nouns", () => {
  it('does not read parts of the product named with marketing or pricing words as that work', () => {
    const text = `${PRD_START}## Requirements\n\n- The landing page component and the website builder load the campaign widget.\n- The tagline field and the audience filter are saved by the persona service.\n- The pricing API returns the discount from the subscription endpoint.\n`;
    const { readsAs, drift } = read(text);
    assert.equal(readsAs.Requirements, '-');
    assert.deepEqual(drift, []);
  });

  it('still reads marketing and pricing words that are not parts of the product', () => {
    const text = `${PRD_START}## Requirements\n\nA campaign on the landing page and the website, with a tagline for the target audience and our persona.\n`;
    assert.deepEqual(read(text).drift, ['Requirements']);
  });

  it('reads a user scenario that mentions a newsletter or a landing page as a scenario', () => {
    const text = `${PRD_START}## User scenarios\n\nA marketer writes a newsletter, builds a landing page for a campaign and schedules a blog post and social media posts for the launch.\n`;
    const { kinds, drift } = read(text);
    assert.ok(['users_use_cases', 'user_stories'].includes(kinds['User scenarios'] ?? '-'), kinds['User scenarios']);
    assert.deepEqual(drift, []);
  });

  it('reads a software package, a binary\'s distribution and a content delivery network as no pricing or channel', () => {
    const kinds = read(['Package structure', 'Packaging and distribution', 'Distribution', 'Content distribution network', 'Revision history', 'Provisioning'].map((h) => `## ${h}\n\nSome text.\n`).join('\n')).kinds;
    assert.deepEqual(Object.values(kinds).filter((k) => ['pricing_packaging', 'gtm_channels', 'vision'].includes(k)), [], JSON.stringify(kinds));
    const commercial = read('## Product packages\n\nText.\n\n## Distribution channels\n\nText.\n').kinds;
    assert.deepEqual(commercial, { 'Product packages': 'pricing_packaging', 'Distribution channels': 'gtm_channels' });
  });

  it("reads the product's features named like a spec's parts as no such part: discounts, billing, guardrails, values, insights", () => {
    const kinds = read(['Discounts', 'Billing', 'Guardrails', 'Values', 'Insights', 'Synthesis'].map((h) => `## ${h}\n\nSome text.\n`).join('\n')).kinds;
    assert.deepEqual(Object.values(kinds).filter((k) => k !== '-'), [], JSON.stringify(kinds));
  });
});
