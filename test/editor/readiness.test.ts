// The readiness view's data: per spec, per role, the sections it owns (empty, with findings) and what it owes,
// worded by the editor service from the engine's ownershipSummary (the CLI's `--format summary`).
import assert from 'node:assert/strict';
import type { DocumentReadiness } from '../../src/editor';
import { harness, uriOf } from './support';
import { checkoutSpec, MISDECLARED_MESSAGING } from '../support/checkout-spec';

// Problem (PM, written), Goals (PM, placeholder only), Messaging (PMM's, marked pm: a finding); no "when" section.
const READINESS_SPEC = checkoutSpec(`## Goals

TODO

${MISDECLARED_MESSAGING}`);

/** The tree as text: one line per document, role and row, with its description (and a row's line). */
function outline(docs: DocumentReadiness[]): string[] {
  return docs.flatMap((d) => [
    `${d.label} — ${d.description}`,
    ...d.roles.flatMap((r) => [`  ${r.label} — ${r.description}`, ...r.rows.map((row) => `    [${row.state}] ${row.label} — ${row.description} (line ${row.line + 1})`)]),
  ]);
}

describe('editor service: readiness', () => {
  it('per role: the sections it owns, the empty ones, the ones with findings, and what it owes', async () => {
    const h = harness();
    h.open('checkout.prd.md', READINESS_SPEC);
    assert.deepEqual(outline(await h.service.readiness()), [
      'checkout.prd.md — Product requirements document · owner PM · 4 findings',
      '  PM — 2 sections · 1 empty or placeholder · 1 finding · owes 2',
      '    [written] Problem — written (line 9)',
      '    [placeholder] Goals — empty or placeholder · with 1 finding (line 13)',
      '    [owed] a what (requirements or scope) — owed (missing) · "Functional requirements" or "Scope and non-goals" or "User stories" (line 3)',
      '    [owed] a when (timeline, milestones or release) — owed (missing) · "Roadmap and milestones" or "Release and rollout" (line 3)',
      '  PMM — 1 section · 1 finding',
      '    [findings] Messaging — with 1 finding (line 17)',
    ]);
  });

  it('follows edits, and lists the specs a workspace lint read from disk after the open ones', async () => {
    const h = harness({ 'a.prd.md': READINESS_SPEC.replace('# Checkout', '# Returns'), 'checkout.prd.md': READINESS_SPEC });
    const doc = h.open('checkout.prd.md', READINESS_SPEC);
    h.edit(doc, READINESS_SPEC.replace('TODO', 'Cut mobile cart abandonment from 38% to 25%.'));
    const [edited] = await h.service.readiness();
    assert.deepEqual(edited?.roles[0]?.rows[1], {
      label: 'Goals',
      description: 'written',
      tooltip: 'Goals (line 13): Goals, owned by PM',
      state: 'written',
      line: 12,
    });
    await h.service.lintWorkspace();
    assert.deepEqual(
      (await h.service.readiness()).map((d) => d.uri),
      [uriOf('checkout.prd.md'), uriOf('a.prd.md')],
    );
  });
});
