// yaml-spec.ts takes a YAML spec that plainlyValidYamlSpec accepts without making plain data of it and
// running the zod schema: that check must never accept what the schema (or toJS) rejects. It may reject
// more: the schema then decides.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, parseDocument, stringify } from 'yaml';
import { plainlyValidYamlSpec, SECTION_KEYS, SPEC_KEYS } from '../../src/core/parse/yaml-spec-shape';
import { specSchemas } from '../../src/core/schema/spec';

const scalar = fc.oneof(fc.constant(null), fc.constant(1), fc.constant(2), fc.constant(1.0), fc.boolean(), fc.string({ maxLength: 4 }), fc.constant(''), fc.constantFrom('pm', 'pm, pmm', '1', 'yes', '~', '2025-01-01'));
const owner = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const section: fc.Memo<Record<string, unknown>> = fc.memo((n) =>
  fc.dictionary(
    fc.constantFrom('title', 'kind', 'owner', 'body', 'sections', 'extra'),
    n > 1 ? fc.oneof(scalar, owner, fc.array(section(n - 1), { maxLength: 2 })) : fc.oneof(scalar, owner),
    { maxKeys: 5 },
  ),
);
const anySpec = fc.dictionary(fc.constantFrom(...Object.keys(SPEC_KEYS), 'extra'), fc.oneof(scalar, owner, fc.array(section(3), { maxLength: 3 })), { maxKeys: 7 });
/** Mostly valid specs, a value or key here and there wrong: where the fast path and the schema could part. */
const text = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 4 }), weight: 8 }, { arbitrary: scalar, weight: 1 });
const roles = fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: fc.array(text, { maxLength: 3 }), weight: 4 }, { arbitrary: owner, weight: 1 });
const nearSection: fc.Memo<Record<string, unknown>> = fc.memo((n) =>
  fc.record(
    { title: text, kind: text, owner: roles, body: text, sections: n > 1 ? fc.array(nearSection(n - 1), { maxLength: 2 }) : fc.constant([]) },
    { requiredKeys: ['title'] },
  ),
);
const nearSpec = fc.record(
  { specroles: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, { arbitrary: scalar, weight: 1 }), type: text, title: text, owner: roles, reviewers: roles, $schema: text, sections: fc.array(nearSection(3), { maxLength: 3 }) },
  { requiredKeys: ['specroles'] },
);
const spec = fc.oneof(anySpec, nearSpec, nearSpec);

/** Some YAML that plain data hides: aliases, tags, YAML 1.1 collections, odd keys. */
const written = fc.oneof(
  spec.map((s) => stringify(s)),
  spec.map((s) => stringify(s, { flowCollectionPadding: false, defaultStringType: 'QUOTE_DOUBLE' })),
  fc.constantFrom(
    'specroles: 1\nsections:\n  - &a {title: A}\n  - *a\n',
    'specroles: 1\nsections:\n  - title: A\n    body: *missing\n',
    '%YAML 1.1\n---\nspecroles: 1\nsections: !!omap [ {title: A} ]\n',
    '%YAML 1.1\n---\nspecroles: 1\nowner: !!set {pm}\n',
    '%YAML 1.1\n---\nspecroles: 1\nsections:\n  - title: 2025-01-01\n',
    'specroles: 1\n1: x\n',
    'specroles: 1\n? [a]\n: x\n',
    'specroles: 1\nsections: !!seq\n  - title: A\n',
    'type: prd\nsections: []\n',
    'specroles: 1\nsections:\n  - title: ""\n',
    'specroles: 1\nsections:\n  - title: A\n    <<: {body: x}\n',
  ),
);

describe('YAML spec: the fast path agrees with the schema', () => {
  it('the key lists are the schema\'s own', () => {
    const { yamlSpecSchema, specSectionSchema } = specSchemas();
    assert.deepEqual(Object.keys(SPEC_KEYS).sort(), Object.keys(yamlSpecSchema.shape).sort());
    assert.deepEqual(Object.keys(SECTION_KEYS).sort(), Object.keys(specSectionSchema.shape).sort());
  });

  it('whatever plainlyValidYamlSpec accepts, toJS reads and yamlSpecSchema accepts', () => {
    const schema = specSchemas().yamlSpecSchema;
    let accepted = 0;
    fc.assert(
      fc.property(written, (text) => {
        const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: true });
        if (doc.errors.length || !isMap(doc.contents) || !plainlyValidYamlSpec(doc.contents)) return;
        accepted++;
        assert.ok(schema.safeParse(doc.toJS({ maxAliasCount: 100 })).success, text);
      }),
      { numRuns: 3000, seed: 17 },
    );
    assert.ok(accepted > 300, `only ${accepted} documents took the fast path`);
  });

  it('a typical spec takes the fast path; aliases, tags and wrong types do not', () => {
    const top = (text: string) => {
      const doc = parseDocument(text);
      assert.ok(isMap(doc.contents));
      return doc.contents;
    };
    assert.equal(plainlyValidYamlSpec(top('specroles: 1\ntype: prd\ntitle: T\nowner: pm\nreviewers: [pmm]\nsections:\n  - title: A\n    owner: pm, pmm\n    body: |\n      text\n    sections:\n      - title: B\n        kind: problem\n')), true);
    for (const text of [
      'type: prd\n',
      'specroles: 2\n',
      'specroles: 1\nsections:\n  - &a {title: A}\n  - *a\n',
      'specroles: 1\nsections: !!seq\n  - title: A\n',
      'specroles: 1\nsections:\n  - title: ""\n',
      'specroles: 1\nsections:\n  - title: A\n    body:\n',
      'specroles: 1\nowner: [pm, 3]\n',
    ]) {
      assert.equal(plainlyValidYamlSpec(top(text)), false, text);
    }
  });
});
