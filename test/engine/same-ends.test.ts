// The common start and end of two texts, which narrows a whole-text change to where it differs.
import assert from 'node:assert/strict';
import { sameEnds } from '../../src/core/text/same-ends';

describe('sameEnds', () => {
  it('finds the span that differs, across the chunks it compares at once', () => {
    const long = 'a'.repeat(40_000);
    assert.deepEqual(sameEnds(`${long}X${long}`, `${long}YZ${long}`), { prefix: 40_000, suffix: 40_000 });
    assert.deepEqual(sameEnds('abc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepEqual(sameEnds('', 'new'), { prefix: 0, suffix: 0 });
  });

  it('never overlaps prefix and suffix (a repeated character inserted)', () => {
    assert.deepEqual(sameEnds('aa', 'aaa'), { prefix: 2, suffix: 0 });
    assert.deepEqual(sameEnds('aaa', 'aa'), { prefix: 2, suffix: 0 });
  });

  it('never ends either inside a CRLF', () => {
    // "a\r\nb" → "a\rX\nb": a prefix of 2 would end between CR and LF.
    assert.deepEqual(sameEnds('a\r\nb', 'a\rX\nb'), { prefix: 1, suffix: 1 });
  });
});
