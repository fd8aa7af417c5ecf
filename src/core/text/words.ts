// Word-level matching of cue phrases. Text is cut into words (letters and digits; hyphens and other
// punctuation separate words, so "go-to-market" is "go to market"), then phrases are looked up by their
// first word. No regular expression is built from data, so no cue list can make matching slow.

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A word is a run of letters and digits (Unicode L and N), as /[\p{L}\p{N}]+/gu finds them. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * Per ASCII character code: the code of its lower case where it is a letter or digit, 0 where it is no word
 * character. One typed-array look-up per character tells both (the scan below runs over every character).
 */
const ASCII_WORD_LOWER = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? c : c >= 65 && c <= 90 ? c + 32 : 0));
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

/** A word with a character other than ASCII has no hash (WordRun.hashes): its lower case may be anything. */
const NO_HASH = -1;
/** Word hashes are kept to 16 bits: a PhraseIndex marks its words' hashes in a table of this size. */
const HASH_SIZE = 1 << 16;

/** The hash WordRun.hashes gives an ASCII word, here of an already lower-cased one; NO_HASH for any other. */
function hashOf(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 128) return NO_HASH;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & (HASH_SIZE - 1);
}

/**
 * The words of a text, as words() cuts them, kept as offsets: a word's lower-cased text is made only when
 * asked for. Cue matching asks for few: a hash of each word, made while cutting, tells a PhraseIndex which
 * words cannot be in it, and most words of a spec are in no phrase (a word object and one or two strings
 * for each of a 1 MB spec's 160,000 words were a fifth of a YAML spec's lint).
 */
export class WordRun {
  /** Per word: its start and end in the text, and its hash; three numbers each, off the JavaScript heap. */
  private readonly words: Int32Array<ArrayBuffer>;
  /** How many of `words`' numbers are this run's (the rest of a borrowed scratch array is not). */
  private readonly used: number;

  /**
   * A run whose word data is the shared scratch array itself, not a copy: valid only until the next
   * WordRun is made. For a caller that is done with it before then (cue scoring, run by run), which saves
   * a copy of every run's word data (a tenth of a long spec's cue-scoring allocation).
   */
  static transient(source: string, offset = 0): WordRun {
    return new WordRun(source, offset, true);
  }

  constructor(
    private readonly source: string,
    private readonly offset = 0,
    borrow = false,
  ) {
    // A scan by code point rather than the regular expression: a third of a cold lint went to it.
    const text = source;
    let out = scratch;
    let n = 0;
    let start = -1;
    let h = 0;
    for (let i = 0; i <= text.length; ) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      let size = 1;
      let word: boolean;
      if (c < 128) {
        const lower = ASCII_WORD_LOWER[c]!;
        word = lower !== 0;
        // The hash of the lower-cased word.
        if (word && h !== NO_HASH) h = (Math.imul(h, 31) + lower) | 0;
      } else {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) size = 2;
        word = isWordCodePoint(cp);
        if (word) h = NO_HASH;
      }
      if (word) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        if (n + 3 > out.length) out = scratch = grown(out);
        out[n++] = start;
        out[n++] = i;
        out[n++] = h === NO_HASH ? NO_HASH : h & (HASH_SIZE - 1);
        start = -1;
        h = 0;
      }
      i += size;
    }
    this.words = borrow ? out : out.slice(0, n);
    this.used = n;
  }

  get length(): number {
    return this.used / 3;
  }

  /** The lower-cased text of word `i` (0 ≤ i < length). */
  text(i: number): string {
    return this.source.slice(this.at(3 * i), this.at(3 * i + 1)).toLowerCase();
  }

  start(i: number): number {
    return this.offset + this.at(3 * i);
  }

  end(i: number): number {
    return this.offset + this.at(3 * i + 1);
  }

  /**
   * The word data, three numbers a word: start, end and hashOf(text(i)) (without making the text), for a loop
   * over every word's hash; read only, and only the first 3 × length numbers (a transient run's array is
   * the shared scratch).
   */
  hashes(): Readonly<Int32Array<ArrayBuffer>> {
    return this.words;
  }

  /** Word data at `index`, which the caller has bounded; itemAt's own, not shared with arrays' look-ups. */
  private at(index: number): number {
    const value = index < this.used ? this.words[index] : undefined;
    if (value === undefined) throw new Error(`internal error: no word data at index ${index} of ${this.used}`);
    return value;
  }
}

/**
 * Where WordRun cuts a text, reused from one run to the next (each copies out what it found): a lint
 * cuts thousands of runs, and growing arrays word by word for each was a tenth of the words' cost.
 */
let scratch: Int32Array<ArrayBuffer> = new Int32Array(3 * 1024);

function grown(full: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(full.length * 2);
  bigger.set(full);
  return bigger;
}

export function words(text: string, offset = 0): Word[] {
  const run = new WordRun(text, offset);
  const out: Word[] = [];
  for (let i = 0; i < run.length; i++) out.push({ text: run.text(i), start: run.start(i), end: run.end(i) });
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
  /**
   * Marks the hashes (hashOf) of the first words and of every word whose singular() is one: a word whose
   * hash is not marked starts no phrase, and its text need not be made.
   */
  private readonly mayStart = new Uint8Array(HASH_SIZE);

  add(phrase: string, value: T): void {
    const ws = phraseWords(phrase);
    const [first] = ws;
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words: ws, phrase, value });
    // Longest phrases first, so "value proposition" wins over "value".
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
    // The words singular() takes to `first` (see its three cases), and `first` itself.
    for (const form of [first, `${first}s`, `${first}es`, `${first.slice(0, -1)}ies`]) {
      if (form !== first && singular(form) !== first) continue;
      const h = hashOf(form);
      if (h !== NO_HASH) this.mayStart[h] = 1;
    }
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Non-overlapping hits, left to right, longest phrase first at each word. */
  match(ws: WordRun, skip?: (index: number) => boolean): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    this.forEachMatch(ws, skip, (value, phrase, from, to) => hits.push({ value, phrase, start: ws.start(from), end: ws.end(to - 1), from, to }));
    return hits;
  }

  /**
   * match's hits, one call each (the phrase's value and text, and the indexes of its first word and one past
   * its last), with no hit objects made: cue scoring keeps its own, and a long spec has tens of thousands.
   */
  forEachMatch(ws: WordRun, skip: ((index: number) => boolean) | undefined, visit: (value: T, phrase: string, from: number, to: number) => void): void {
    const hashes = ws.hashes();
    for (let i = 0; i < ws.length; i++) {
      // Word i's hash is every third number from the third (see WordRun): read in place, it is this loop's
      // one look-up for most words.
      const h = hashes[3 * i + 2]!;
      if (h !== NO_HASH && this.mayStart[h] !== 1) continue;
      if (skip?.(i)) continue;
      const w = ws.text(i);
      // singular() changes only words ending in "s".
      const candidates = this.byFirst.get(w) ?? (w.length > 3 && w.charCodeAt(w.length - 1) === 115 ? this.byFirst.get(singular(w)) : undefined);
      if (!candidates) continue;
      let found: { words: string[]; phrase: string; value: T } | undefined;
      for (const c of candidates) {
        if (matchesAt(ws, i, w, c.words)) {
          found = c;
          break;
        }
      }
      if (!found) continue;
      const to = i + found.words.length;
      visit(found.value, found.phrase, i, to);
      i = to - 1;
    }
  }
}

/** Whether the words from `at` on, the first of which reads `first`, are `phrase`. */
function matchesAt(ws: WordRun, at: number, first: string, phrase: string[]): boolean {
  if (at + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const w = k === 0 ? first : ws.text(at + k);
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
