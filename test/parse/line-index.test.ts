// LineIndex.position searches out from the line it found last: whatever order offsets are asked in, it must
// give what counting line breaks up to the offset gives.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/text/lines';

/** Line, column and offset of `offset` by counting: LF, CRLF and a lone CR end a line. */
function reference(text: string, offset: number): { line: number; column: number; offset: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1, offset: at };
}

describe('LineIndex.position', () => {
  it('gives the line and column of any offset, asked in any order', () => {
    const text = fc.array(fc.constantFrom('a', 'b ', '\n', '\r\n', '\r', '\n\n'), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -2, max: 420 }), { maxLength: 40 }), (t, offsets) => {
        const index = new LineIndex(t);
        for (const offset of offsets) assert.deepEqual(index.position(offset), reference(t, offset), `${JSON.stringify(t)} @ ${offset}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds lines far from the last one asked about in a long text', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n');
    const index = new LineIndex(text);
    for (const line of [1, 5000, 2500, 2499, 2501, 7, 4999, 3, 1234, 1235, 1]) {
      const offset = index.lineStart(line) + 2;
      assert.deepEqual(index.position(offset), { line, column: 3, offset });
    }
  });
});
