// Word-level matching of cue phrases. Text is cut into words (letters and digits; hyphens and other
// punctuation separate words, so "go-to-market" is "go to market"), then phrases are looked up by their
// first word. No regular expression is built from data, so no cue list can make matching slow.
import { itemAt } from './indexing';

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ text: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
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
      const candidates = this.byFirst.get(word.text) ?? (word.text.length > 3 ? this.byFirst.get(singular(word.text)) : undefined);
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
