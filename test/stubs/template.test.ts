// Every document type's template ("New spec from template", `specroles template`): it is taken as a spec of
// that type, satisfies the type's requirements, holds every required and customary section, each reading
// back as its kind, and (being all placeholders) raises no warning until someone writes in it.
import assert from 'node:assert/strict';
import { catalogueFor, lint, renderTemplate, templateKinds } from '../../src/core';

describe('templates', () => {
  const catalogue = catalogueFor({});
  for (const type of catalogue.docTypes.values()) {
    it(`${type.id}: ${type.name}`, () => {
      const text = renderTemplate(catalogue, type, { title: `Checkout: ${type.name}` });
      const result = lint(text, { config: {}, path: 'docs/new.md' });
      assert.equal(result.analysis.docType?.type.id, type.id);
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'missing-section'), [], 'the template satisfies the type');
      const kinds = templateKinds(catalogue, type);
      assert.ok(kinds.length >= 5, `${kinds.length} sections; a template gives every customary section`);
      for (const req of type.requires) assert.ok(kinds.some((k) => req.anyOf.includes(k.id)), `requires ${req.name}`);
      const read = result.analysis.sections.filter((s) => s.section.depth === 2).map((s) => s.kind?.id);
      assert.deepEqual(read, kinds.map((k) => k.id), 'each section reads back as its kind');
      const loud = result.findings.filter((f) => f.severity !== 'info');
      assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), [], 'no warning before anything is written');
    });
  }

  it('quotes a title YAML would misread', () => {
    const type = catalogue.docTypes.get('prd')!;
    assert.match(renderTemplate(catalogue, type, { title: 'Search: v2 # draft' }), /^title: "Search: v2 # draft"$/m);
    assert.match(renderTemplate(catalogue, type, { title: 'Search v2' }), /^title: Search v2$/m);
  });
});
