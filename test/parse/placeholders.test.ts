// isPlaceholderOnly tells a line of prose by its first letter or digit where nothing before it can open a
// placeholder: it must say exactly what taking every placeholder out of every line says (the reference
// below, the function as it was before).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isPlaceholderOnly } from '../../src/core/text/placeholders';

const PLACEHOLDERS = [/\[[^\]\n]{0,300}\]/g, /\{\{[^}\n]{0,300}\}\}/g, /<(?:insert|add|describe|your)\b[^>\n]{0,300}>/gi, /\b(?:TBD|TBC|TODO|FIXME|XXX|lorem ipsum)\b/gi, /\?{2,}/g];

function reference(text: string): boolean {
  return text.split('\n').every((line) => {
    let rest = line;
    for (const p of PLACEHOLDERS) rest = rest.replace(p, ' ');
    return !/[\p{L}\p{N}]/u.test(rest);
  });
}

/** Pieces that make and break placeholders, and words next to them. */
const piece = fc.constantFrom('[', ']', '{', '{{', '}}', '<', '>', '<insert ', 'your', '?', '??', ' ', '\n', '_', 'TBD', 'tbc', 'Todo', 'FIXME', 'xxx', 'lorem', 'ipsum', 'lorem ipsum', 'We', 'ship', '7', 'é', '𝒜', '-', '.', ':');

describe('isPlaceholderOnly', () => {
  it('says what removing every placeholder from every line says', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(isPlaceholderOnly(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('tells prose, placeholders and guidance apart', () => {
    for (const [text, only] of [
      [' We ship in Q4', false],
      [' [DATE] TBD ??', true],
      [' TBD: owner', false],
      [' lorem[x]ipsum', true],
      [' TBDx', false],
      [' _TBD', false],
      [' {{name}} <insert link> ', true],
      [' ', true],
    ] as const) {
      assert.equal(isPlaceholderOnly(text), only, text);
    }
  });
});
