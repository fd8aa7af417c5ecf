// Issue 18: a pasted fragment must never freeze an editor or a language server, whoever's code is slow.
// cmark's and markdown-it's pathological inputs, those other CommonMark readers added and specroles' own
// (test/support/pathological.ts) are linted at two sizes, n and 8n, in a heading, a paragraph, a list
// item and a quote (inline ones) or as a body (block ones). Nothing is timed absolutely: t(8n) must stay
// under 3 × 8 × t(n) (linear is 8×, quadratic 64×), plus SLACK_MS so that a garbage collection pause on a
// run of a millisecond cannot fail it. A first measurement that fails is confirmed on the median of
// three runs at each size, after a warm-up. Each run starts with the parse cache cleared.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { INTERNAL_ERROR } from '../../src/core/engine/lint';
import { clearParseCache } from '../../src/core/parse/markdown';
import { pathological } from '../support/pathological';
import { nth } from '../support/nth';

const N = 10_000;
const RATIO = 3 * 8;
const SLACK_MS = 20;

const contexts: Record<'inline' | 'block', Record<string, (s: string) => string>> = {
  inline: {
    heading: (s) => `# Spec\n\n## ${s.replace(/[\r\n]+/g, ' ')}\n\ntext\n`,
    paragraph: (s) => `# Spec\n\n## Goals\n\ntext\n\n${s}\n`,
    'list item': (s) => `# Spec\n\n## Goals\n\n- ${s}\n`,
    quote: (s) => `# Spec\n\n## Goals\n\n> ${s}\n`,
  },
  block: {
    body: (s) => `# Spec\n\n## Goals\n\n${s}\n## Next\n\ntext\n`,
  },
};

function time(text: string): number {
  clearParseCache();
  const t0 = process.hrtime.bigint();
  const result = lint(text, { path: 'spec.prd.md' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const internal = result.findings.find((f) => f.message.startsWith(INTERNAL_ERROR));
  assert.equal(internal, undefined, internal?.message);
  return ms;
}

function median(times: number[]): number {
  return nth([...times].sort((a, b) => a - b), Math.floor(times.length / 2));
}

/** t(n) and t(8n), confirmed on medians where the first try looks superlinear. */
function measure(small: string, large: string): { small: number; large: number } {
  time(small); // warm-up: the first run of a code path pays for compiling it
  let result = { small: time(small), large: time(large) };
  if (result.large >= RATIO * result.small + SLACK_MS) {
    time(large);
    result = { small: median([time(small), time(small), time(small)]), large: median([time(large), time(large), time(large)]) };
  }
  return result;
}

describe('pathological Markdown: lint time linear in the input (issue 18)', function () {
  this.timeout(300_000);
  let slowest = { name: '', msPerKb: 0 };

  after(() => console.log(`    slowest at 8n: ${slowest.name}, ${slowest.msPerKb.toFixed(2)} ms per KB`));

  for (const shape of pathological) {
    it(`${shape.name} (${shape.from})`, () => {
      const failures: string[] = [];
      for (const [where, wrap] of Object.entries(contexts[shape.kind])) {
        const small = wrap(shape.make(N));
        const large = wrap(shape.make(8 * N));
        const t = measure(small, large);
        const msPerKb = t.large / (large.length / 1024);
        if (msPerKb > slowest.msPerKb) slowest = { name: `${shape.name} (${where})`, msPerKb };
        if (t.large >= RATIO * t.small + SLACK_MS) {
          failures.push(`${where}: t(${small.length}) = ${t.small.toFixed(1)} ms, t(${large.length}) = ${t.large.toFixed(1)} ms (×${(t.large / t.small).toFixed(0)}, allowed ×${RATIO})`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
