// content-owner-drift points at the words, not the heading, and its fixes put the text where its owner
// sees it (issue 16, item 8): moved to a section the other role owns (an existing one, else a new one from
// the stub), handed over with an owner note, or declared shared only where the kind may be shared.
import assert from 'node:assert/strict';
import { applyFixes, lint, type Finding } from '../../src/core';

const LAUNCH_COPY = [
  '- Launch with the tagline "One checkout, every wallet" on the landing page.',
  '- Run a paid social campaign and send a press release on launch day.',
  '- Announce the feature in the customer newsletter and on the blog.',
].join('\n');

function drift(text: string, path = 'checkout.prd.md'): Finding {
  const found = lint(text, { config: {}, path }).findings.filter((f) => f.ruleId === 'content-owner-drift');
  assert.equal(found.length, 1, `one drift finding in:\n${text}`);
  return found[0]!;
}

function fixed(text: string, f: Finding, title: RegExp): string {
  const fix = f.fixes.find((x) => title.test(x.title));
  assert.ok(fix, `a fix titled ${String(title)} among: ${f.fixes.map((x) => x.title).join(' | ')}`);
  const out = applyFixes(text, [fix]);
  assert.equal(out.applied.length, 1, 'the fix applies (its edits neither overlap nor touch)');
  return out.text;
}

const word = (text: string, r: Finding['range']) => text.slice(r.start.offset, r.end.offset);

describe('content-owner-drift: on the cue words, with fixes that help', () => {
  it('sits on the first cue word and lists every one as a related location', () => {
    const text = `## Requirements\n\nThe API answers in 200 ms.\n\n${LAUNCH_COPY}\n`;
    const f = drift(text);
    assert.equal(word(text, f.range), 'tagline');
    assert.equal(f.range.start.line, 5);
    const related = f.related ?? [];
    assert.deepEqual(related.map((r) => word(text, r.range).toLowerCase()), ['tagline', 'landing page', 'campaign', 'press release', 'announce', 'newsletter', 'blog']);
    assert.match(related[0]!.message, /"tagline": PMM cue word/);
  });

  it('points at the words of a YAML block scalar where they stand', () => {
    const text = `specroles: 1\ntype: prd\nsections:\n  - title: Requirements\n    body: |\n${LAUNCH_COPY.replace(/^/gm, '      ')}\n`;
    const f = drift(text, 'checkout.spec.yaml');
    assert.equal(word(text, f.range), 'tagline');
    assert.ok((f.related ?? []).every((r) => /^[a-z ]+$/i.test(word(text, r.range))), 'every related range holds a word');
  });

  it('moves the paragraph to the end of a section the other role owns', () => {
    const text = `## Requirements\n\nThe API answers in 200 ms.\n\n${LAUNCH_COPY}\n\n## Positioning\n\nFor shoppers who abandon carts.\n\n## Risks\n\nNone.\n`;
    const out = fixed(text, drift(text), /^Move the paragraph to "Positioning" \(PMM\)$/);
    assert.equal(out, `## Requirements\n\nThe API answers in 200 ms.\n\n## Positioning\n\nFor shoppers who abandon carts.\n\n${LAUNCH_COPY}\n\n## Risks\n\nNone.\n`);
    assert.deepEqual(lint(out, { config: {}, path: 'checkout.prd.md' }).findings.filter((x) => x.ruleId === 'content-owner-drift'), []);
  });

  it('moves it into a new section from the stub where the document has none the other role owns', () => {
    const text = `## Requirements\n\nThe API answers in 200 ms.\n\n${LAUNCH_COPY}\n\n## Risks\n\nNone.\n`;
    const out = fixed(text, drift(text), /^Move the paragraph to a new "[^"]+" section \(PMM\)$/);
    assert.match(out, /^## Requirements\n\nThe API answers in 200 ms.\n\n## [^\n]+ <!-- owner: pmm -->\n\n<!-- [^\n]+ -->\n- Launch with the tagline/);
    assert.ok(out.endsWith(`on the blog.\n\n## Risks\n\nNone.\n`), out);
    assert.deepEqual(lint(out, { config: {}, path: 'checkout.prd.md' }).findings.filter((x) => x.ruleId === 'content-owner-drift'), []);
  });

  it('gives the new section the place of a last paragraph that moves', () => {
    const text = `## Requirements\n\n${LAUNCH_COPY}\n`;
    const out = fixed(text, drift(text), /^Move the paragraph to a new /);
    assert.match(out, /^## Requirements\n\n## [^\n]+ <!-- owner: pmm -->\n\n<!-- [^\n]+ -->\n- Launch with the tagline[^]*on the blog\.\n$/);
  });

  it('moves two paragraphs in a row as one cut (the edits of a fix must not touch)', () => {
    const text = '## Requirements\n\nThe API answers in 200 ms.\n\nOur tagline: one tap.\n\n- Send a press release.\n- Run a campaign.\n\n## Positioning\n\nFor shoppers.\n';
    const out = fixed(text, drift(text), /^Move the 2 paragraphs to "Positioning" \(PMM\)$/);
    assert.equal(out, '## Requirements\n\nThe API answers in 200 ms.\n\n## Positioning\n\nFor shoppers.\n\nOur tagline: one tap.\n\n- Send a press release.\n- Run a campaign.\n');
  });

  it('hands the section over with an owner note', () => {
    const text = `## Requirements\n\n${LAUNCH_COPY}\n`;
    assert.equal(fixed(text, drift(text), /^Hand the section over to the PMM$/), `## Requirements <!-- owner: pmm -->\n\n${LAUNCH_COPY}\n`);
  });

  it('names a team as a sentence does: "to engineering", not "to the Eng"', () => {
    const text = '## Requirements\n\n- The endpoint MUST answer in 200 ms.\n- The service MUST cache the endpoint and its API responses.\n- The database schema MUST be migrated with the API.\n';
    const f = drift(text);
    assert.match(f.message, /hand the section over to engineering\.$/);
    assert.ok(f.fixes.some((x) => x.title === 'Hand the section over to engineering'), f.fixes.map((x) => x.title).join(' | '));
  });

  it('offers "mark as shared" only where the kind may be shared', () => {
    const requirements = drift(`## Requirements\n\n${LAUNCH_COPY}\n`);
    assert.ok(!requirements.fixes.some((x) => /shared/i.test(x.title)), 'requirements co-owned with marketing are no fix');
    assert.match(requirements.message, /or hand the section over to the PMM\.$/);
    const stories = 'Acceptance criteria: given a saved card, when the shopper taps Pay, the order is placed.\nAs a user, I want to pay with Apple Pay so that I can skip typing.\n';
    const text = `## Competitive landscape\n\nAcme is cheaper.\n\n${stories}`;
    const competitors = drift(text, 'wallets.md');
    assert.equal(fixed(text, competitors, /^Mark as shared by PMM \+ PM$/), `## Competitive landscape <!-- owner: pmm, pm -->\n\nAcme is cheaper.\n\n${stories}`);
    assert.match(competitors.message, /or declare the section shared\.$/);
  });
});
