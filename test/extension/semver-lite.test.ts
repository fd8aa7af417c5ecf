// The two semver functions the language client needs, as the extension's bundle has them (semver-lite.ts).
import assert from 'node:assert/strict';
import { parse, satisfies } from '../../src/extension/semver-lite';

describe('semver-lite (the language client\'s version check)', () => {
  it('parses VS Code versions, insiders too', () => {
    assert.deepEqual(parse('1.100.3'), { major: 1, minor: 100, patch: 3, prerelease: [] });
    assert.deepEqual(parse('1.101.0-insider'), { major: 1, minor: 101, patch: 0, prerelease: ['insider'] });
    assert.equal(parse('1.100'), null);
  });
  it('checks caret ranges as semver does', () => {
    assert.equal(satisfies('1.100.3', '^1.91.0'), true);
    assert.equal(satisfies('1.91.0', '^1.91.0'), true);
    assert.equal(satisfies('1.90.9', '^1.91.0'), false);
    assert.equal(satisfies('2.0.0', '^1.91.0'), false);
    assert.equal(satisfies('0.3.1', '^0.3.0'), true);
    assert.equal(satisfies('0.4.0', '^0.3.0'), false);
    assert.equal(satisfies('1.100.0-insider', '^1.91.0'), false);
    assert.equal(satisfies('1.100.0', '>=1.91.0'), false);
  });
});
