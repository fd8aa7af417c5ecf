// Real headings carry numbering ("## 3. Goals", "A. Research Summary"; a bare "3 Year vision" is not numbering), emoji, status suffixes
// ("(Optional)", "*(mandatory)*", "(Priority: P1)"), question marks and "Q:" prefixes. Kinds are matched
// on the heading with all of that taken off, lower-cased, white space folded.
import { group } from '../text/indexing';

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu;
const NUMBERING = /^(?:(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.):]\s+|\d{1,3}(?:\.\d{1,3})+\s+|#\d+\s+)/u;
const QUESTION_PREFIX = /^(?:q|question|step \d{1,3}|part \d{1,3}|section \d{1,3})\s*[:.-]\s*/;
const SUFFIX_IN_BRACKETS = /\s*[([][^()[\]]{0,80}[)\]]\s*$/;
// Non-ASCII characters in these patterns are written as \u escapes: esbuild copies regular expressions as
// they are, and a bundle that is all ASCII is read faster at every start (src/cli/bin.ts). En and em dashes
// are \u2013 and \u2014, curly quotes \u2018 and \u2019, the modifier apostrophe \u02BC, the acute \u00B4.
// Starts only where a run of separators starts (the lookbehind), so a long run of spaces is scanned once,
// not once per position in it (that made the pattern cubic on runs of white space).
const STATUS_SUFFIX = /(?<![-\u2013\u2014:\s])[-\u2013\u2014:\s]*\b(?:optional|mandatory|required|internal|draft|wip|if applicable|recommended)\s*$/;

/** Headings repeat across edits and documents; normalising is several regular expressions each time. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20_000;

export function normaliseHeading(heading: string): string {
  const known = memo.get(heading);
  if (known !== undefined) return known;
  const normalised = normalise(heading);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(heading, normalised);
  return normalised;
}

function normalise(heading: string): string {
  // Headings longer than this say nothing more about their kind; the cap keeps every pattern cheap.
  let h = heading.slice(0, 300).normalize('NFKC').replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'").replace(EMOJI, ' ').toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = h;
    h = h.replace(NUMBERING, '').replace(QUESTION_PREFIX, '').replace(SUFFIX_IN_BRACKETS, '').replace(STATUS_SUFFIX, '').trim();
    h = h.replace(/[\s:?!.;,\u2013\u2014-]+$/, '').replace(/^[\s:.;,\u2013\u2014-]+/, '');
    if (h === before) break;
  }
  return h;
}

/**
 * What a heading's closing brackets qualify it with ("(online)", "(P1)"), lower-cased, or "" where they only
 * mark its status ("(Optional)", "*(mandatory)*"): two headings that differ only there are different sections.
 */
export function headingQualifier(heading: string): string {
  const m = /[([]([^()[\]]{1,80})[)\]][\s*_]*$/.exec(heading.slice(-120));
  if (!m) return '';
  const q = group(m, 1).toLowerCase().replace(/[*_]/g, '').trim();
  return /^(?:optional|mandatory|required|internal|draft|wip|if applicable|recommended)$/.test(q) ? '' : q;
}

/**
 * A normalised heading with its words' plural endings off and hyphens, slashes and underscores as spaces:
 * "Success metric" and "success metrics", "Go to market plan" and "go-to-market plan" meet here.
 */
export function looseKey(normalised: string): string {
  return normalised
    .replace(/[-_/]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map(singular)
    .join(' ');
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
