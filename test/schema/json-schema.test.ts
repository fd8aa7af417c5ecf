// The published JSON Schemas are generated from the zod schemas; they must be fresh, and they must accept
// and reject the same documents the linter does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { jsonSchemaFiles } from '../../src/core/schema/json-schema';
import { projectRoot } from '../support/paths';

const ajv = new Ajv({ allErrors: true, strict: false });
const load = (name: string) => JSON.parse(readFileSync(join(projectRoot, 'schemas', name), 'utf8')) as Record<string, unknown>;

describe('JSON Schemas under schemas/', () => {
  for (const [name, make] of Object.entries(jsonSchemaFiles)) {
    it(`${name} is generated from the zod schema (run npm run schemas if this fails)`, () => {
      assert.deepEqual(load(name), make());
    });
  }

  const spec = ajv.compile(load('spec.schema.json'));
  it('accepts a valid YAML spec', () => {
    const ok = spec(parse('specroles: 1\ntype: prd\nowner: pm\nsections:\n  - title: Problem\n    body: Carts are abandoned.\n    sections:\n      - title: Evidence\n'));
    assert.ok(ok, JSON.stringify(spec.errors));
  });
  it('rejects an invalid YAML spec (unknown key, wrong type, missing title)', () => {
    assert.equal(spec(parse('specroles: 1\nsections:\n  - body: no title\n')), false);
    assert.equal(spec(parse('specroles: 1\ncolour: blue\n')), false);
    assert.equal(spec(parse('specroles: 2\n')), false);
  });

  const config = ajv.compile(load('config.schema.json'));
  it('accepts a valid config', () => {
    const ok = config(parse('root: true\nextends: specroles:strict\nrules:\n  empty-section: off\n  duplicate-section: [warning, { allow: [goals] }]\nglossary: [feature flags]\nkinds:\n  - id: pricing_packaging\n    synonyms: [monetisation]\n'));
    assert.ok(ok, JSON.stringify(config.errors));
  });
  it('rejects an invalid config', () => {
    assert.equal(config(parse('rulez: {}\n')), false);
    assert.equal(config(parse('rules:\n  empty-section: loud\n')), false);
  });
});
