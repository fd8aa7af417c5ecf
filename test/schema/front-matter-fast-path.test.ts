// front-matter.ts takes front matter that plainlyValidFrontMatter accepts without running the zod schema:
// that check must never accept what the schema rejects (it may reject more: the schema then decides).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainlyValidFrontMatter, specSchemas } from '../../src/core/schema/spec';

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(1),
  fc.constant(2),
  fc.boolean(),
  fc.double(),
  fc.string(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  fc.date(),
);
const keys = ['specroles', 'type', 'title', 'owner', 'reviewers', 'date', 'tags'];

describe('front matter: the fast path agrees with the schema', () => {
  it('whatever plainlyValidFrontMatter accepts, frontMatterSchema accepts', () => {
    const schema = specSchemas().frontMatterSchema;
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...keys), value), value), (data) => {
        if (plainlyValidFrontMatter(data)) assert.ok(schema.safeParse(data).success, JSON.stringify(data));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('typical front matter is accepted by both; a wrong type by neither', () => {
    const schema = specSchemas().frontMatterSchema;
    for (const ok of [{}, { specroles: 1, type: 'prd', title: 'Checkout', owner: 'pm', reviewers: ['pmm', 'eng'], date: '2025-01-01', tags: ['a'] }, { owner: 'pm, pmm' }]) {
      assert.equal(plainlyValidFrontMatter(ok), true, JSON.stringify(ok));
      assert.equal(schema.safeParse(ok).success, true);
    }
    for (const bad of [{ specroles: 2 }, { type: 3 }, { owner: [1] }, { reviewers: null }, [], null, 'text']) {
      assert.equal(plainlyValidFrontMatter(bad), false, JSON.stringify(bad));
      assert.equal(schema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
