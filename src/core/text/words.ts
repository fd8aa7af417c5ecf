// Word-level matching of cue phrases. Text is cut into words (letters and digits; hyphens and other
// punctuation separate words, so "go-to-market" is "go to market"), then phrases are looked up by their
// first word. No regular expression is built from data, so no cue list can make matching slow.
import { itemAt } from './indexing';

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A word is a run of letters and digits (Unicode L and N), as /[\p{L}\p{N}]+/gu finds them. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** ASCII letters and digits, by character code. */
const ASCII_WORD = Array.from({ length: 128 }, (_, c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
/** Other code points as met: specs use few, so a lookup beats a regular expression per character. */
const otherWord = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  let known = otherWord.get(cp);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    if (otherWord.size < 65_536) otherWord.set(cp, known);
  }
  return known;
}

export function words(text: string, offset = 0): Word[] {
  // A scan by code point rather than the regular expression: a third of a cold lint went to it.
  const out: Word[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let size = 1;
    let word: boolean;
    if (c < 128) word = ASCII_WORD[c] === true;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) size = 2;
      word = isWordCodePoint(cp);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ text: text.slice(start, i).toLowerCase(), start: offset + start, end: offset + i });
      start = -1;
    }
    i += size;
  }
  if (start >= 0) out.push({ text: text.slice(start).toLowerCase(), start: offset + start, end: offset + text.length });
  return out;
}

export function phraseWords(phrase: string): string[] {
  return words(phrase).map((w) => w.text);
}

export interface PhraseHit<T> {
  value: T;
  phrase: string;
  start: number;
  end: number;
  /** Index of the first and one past the last word matched. */
  from: number;
  to: number;
}

/** A dictionary of phrases, matched whole-word, with a plural "s"/"es" allowed on the last word. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { words: string[]; phrase: string; value: T }[]>();

  add(phrase: string, value: T): void {
    const ws = phraseWords(phrase);
    const [first] = ws;
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words: ws, phrase, value });
    // Longest phrases first, so "value proposition" wins over "value".
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Non-overlapping hits, left to right, longest phrase first at each word. */
  match(ws: Word[], skip?: (index: number) => boolean): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < ws.length; i++) {
      if (skip?.(i)) continue;
      // Checked here rather than through itemAt: this loop runs for every word of every section.
      const word = ws[i];
      if (word === undefined) break;
      const w = word.text;
      // singular() changes only words ending in "s".
      const candidates = this.byFirst.get(w) ?? (w.length > 3 && w.charCodeAt(w.length - 1) === 115 ? this.byFirst.get(singular(w)) : undefined);
      if (!candidates) continue;
      const found = candidates.find((c) => matchesAt(ws, i, c.words));
      if (!found) continue;
      const to = i + found.words.length;
      hits.push({ value: found.value, phrase: found.phrase, start: word.start, end: itemAt(ws, to - 1).end, from: i, to });
      i = to - 1;
    }
    return hits;
  }
}

function matchesAt(ws: Word[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const w = ws[at + k]?.text;
    if (w === undefined) return false;
    const last = k === phrase.length - 1;
    if (w !== phrase[k] && !(last || k === 0 ? singular(w) === phrase[k] : false)) return false;
  }
  return true;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
