// PhraseIndex.match skips the words whose hash shows they start no phrase, without making their text: it
// must find exactly what looking every word up finds (the reference below, the matcher as it was before).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseIndex, phraseWords, words, WordRun, type Word } from '../../src/core/text/words';

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Every word looked up by its text, and by its singular where it ends in "s". */
function referenceMatch(phrases: string[], ws: Word[]): { phrase: string; start: number; end: number; from: number; to: number }[] {
  const byFirst = new Map<string, { words: string[]; phrase: string }[]>();
  for (const phrase of phrases) {
    const pw = phraseWords(phrase);
    if (!pw[0]) continue;
    const list = byFirst.get(pw[0]) ?? [];
    list.push({ words: pw, phrase });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirst.set(pw[0], list);
  }
  const matchesAt = (at: number, phrase: string[]) =>
    at + phrase.length <= ws.length && phrase.every((p, k) => ws[at + k]!.text === p || ((k === 0 || k === phrase.length - 1) && singular(ws[at + k]!.text) === p));
  const hits = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.text;
    const candidates = byFirst.get(w) ?? (w.length > 3 && w.endsWith('s') ? byFirst.get(singular(w)) : undefined);
    const found = candidates?.find((c) => matchesAt(i, c.words));
    if (!found) continue;
    const to = i + found.words.length;
    hits.push({ phrase: found.phrase, start: ws[i]!.start, end: ws[to - 1]!.end, from: i, to });
    i = to - 1;
  }
  return hits;
}

// Plurals of each kind singular() knows, upper case, and letters whose lower case is ASCII (the Kelvin
// sign is "k") or longer (İ).
const vocabulary = ['api', 'apis', 'API', 'Apis', 'story', 'stories', 'STORIES', 'box', 'boxes', 'class', 'classes', 'match', 'matches', 'wish', 'wishes', 'value', 'values', 'proposition', 'propositions', 'go', 'to', 'market', 'kpi', '\u212Apis', '\u212Api', 'İd', 'id', 'ids', 'café', 'cafés', 'CAFÉ', 'bus', 'buses', 'ies', 'y', 'es', '7s', 'x'];
const separators = [' ', '-', ', ', '. ', '\n', ' — ', '/'];
const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
const phrases = fc.uniqueArray(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')), { maxLength: 12 });

describe('PhraseIndex', () => {
  it('finds what looking up every word finds', () => {
    fc.assert(
      fc.property(phrases, text, fc.integer({ min: 0, max: 1000 }), (dictionary, t, offset) => {
        const index = new PhraseIndex<string>();
        for (const p of dictionary) index.add(p, p);
        const got = index.match(new WordRun(t, offset)).map(({ phrase, start, end, from, to }) => ({ phrase, start, end, from, to }));
        assert.deepEqual(got, referenceMatch(dictionary, words(t, offset)));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('WordRun has the words of words(), their texts lower-cased', () => {
    const t = 'The APIs — \u212Api, İd and café-bars 3x\uD835\uDC00b';
    const run = new WordRun(t, 5);
    const ws = words(t, 5);
    assert.equal(run.length, ws.length);
    ws.forEach((w, i) => assert.deepEqual({ text: run.text(i), start: run.start(i), end: run.end(i) }, w));
    assert.deepEqual(
      ws.map((w) => w.text),
      ['the', 'apis', '\u212Api'.toLowerCase(), 'İd'.toLowerCase(), 'and', 'café', 'bars', '3x\uD835\uDC00b'],
    );
  });
});
