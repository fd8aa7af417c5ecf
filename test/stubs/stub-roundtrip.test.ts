// Every kind's stub, as "Generate PM/PMM section stub", `specroles stub` and the missing-section fix write
// it, reads back as that kind, and its empty-section finding cites a guideline of the kind's owner first
// (the one a hover shows). A stub the tool mislabels teaches the writer the wrong owner.
import assert from 'node:assert/strict';
import { catalogueFor, expandRoles, lint, renderStub } from '../../src/core';

describe('stubs read back as their kind', () => {
  const catalogue = catalogueFor({});
  for (const kind of catalogue.kinds.values()) {
    it(`${kind.id}: "${kind.name}"`, () => {
      const text = `# Spec\n\nIntro.\n\n${renderStub(kind, 'markdown')}`;
      const result = lint(text, { config: {} });
      const section = result.analysis.sections.find((s) => s.section.title.startsWith(kind.name));
      assert.equal(section?.kind?.id, kind.id, `the stub's heading "${kind.name}" reads as ${section?.kind?.id ?? 'no kind'}`);

      const empty = result.findings.find((f) => f.ruleId === 'empty-section' && f.section === section?.section.title);
      if (kind.id === 'doc_metadata') return assert.equal(empty, undefined, 'administrative sections are not reported empty');
      assert.ok(empty, 'an unwritten stub is reported as empty');
      const first = catalogue.guidelines.get(empty.guidelines[0] ?? '');
      assert.ok(first, 'it cites a guideline');
      const owners = new Set(expandRoles(catalogue, kind.owner));
      const speaksOf = expandRoles(catalogue, [first.role]);
      assert.ok(speaksOf.some((r) => owners.has(r)), `first guideline ${first.id} speaks of ${first.role}, the kind is owned by ${kind.owner.join(', ')}`);
    });
  }
});
