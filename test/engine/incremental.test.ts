// Re-linting reuses what it parsed before (chunks, cue scores, placeholder checks). Whatever the edits,
// the findings must be exactly those of a lint from scratch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/core';
import { clearParseCache } from '../../src/core/parse/markdown';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', '\n', '\n\n## Pricing\n\nper seat\n', '<!-- owner: pmm -->', '# ', '```\n', 'tagline campaign press release ', '- **Buyer personas:** CTOs\n', '| **Positioning** | x |\n'];

describe('incremental re-lint', () => {
  it('gives the findings of a lint from scratch after 300 random edits', () => {
    const random = prng(20261125);
    let text = ['checkout.prd.md', 'checkout-positioning.md', 'launch-brief.md'].map((f) => readFileSync(join(projectRoot, 'examples', f), 'utf8')).join('\n');
    for (let step = 0; step < 300; step++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.4 && text.length > 10) {
        text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 20)));
      } else {
        text = text.slice(0, at) + nth(PIECES, Math.floor(random() * PIECES.length)) + text.slice(at);
      }
      const incremental = lint(text, { path: 'spec.prd.md' }).findings;
      if (step % 10 === 0) {
        clearParseCache();
        const scratch = lint(text, { path: 'spec.prd.md' }).findings;
        assert.deepEqual(incremental, scratch, `after edit ${step}`);
      }
    }
  });
});
