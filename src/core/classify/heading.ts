// Heading → kind: an exact synonym first (plurals and hyphenation aside), then the kinds' patterns in
// priority order; a "Field: question" heading by its field first.
import type { Catalogue, CompiledKind } from '../catalogue/catalogue';
import { looseKey, normaliseHeading } from './normalise';

export interface HeadingMatch {
  kind: CompiledKind;
  via: 'synonym' | 'pattern';
  /** The synonym or the pattern that matched. */
  detail: string;
}

/** Per catalogue, normalised heading → match: specs repeat headings, and a miss tries every pattern. */
const memo = new WeakMap<Catalogue, Map<string, HeadingMatch | null>>();
const MEMO_LIMIT = 20_000;

export function matchHeading(catalogue: Catalogue, title: string): HeadingMatch | undefined {
  let known = memo.get(catalogue);
  if (!known) memo.set(catalogue, (known = new Map()));
  // Keyed by the heading as written: normalising costs more than the lookup it saves.
  const hit = known.get(title);
  if (hit !== undefined) return hit ?? undefined;
  const normalised = normaliseHeading(title);
  const match = normalised ? findMatch(catalogue, normalised) : undefined;
  if (known.size >= MEMO_LIMIT) known.clear();
  known.set(title, match ?? null);
  return match;
}

/** A "Field: question" heading's field has at most this many words. */
const FIELD_WORDS = 4;

function findMatch(catalogue: Catalogue, normalised: string): HeadingMatch | undefined {
  // "Motivation: why is this needed?" is the motivation field, whatever words the question uses.
  const colon = normalised.indexOf(': ');
  if (colon > 0) {
    const field = normalised.slice(0, colon);
    const match = field.split(' ').length <= FIELD_WORDS ? matchWhole(catalogue, field) : undefined;
    if (match) return match;
  }
  return matchWhole(catalogue, normalised);
}

function matchWhole(catalogue: Catalogue, normalised: string): HeadingMatch | undefined {
  const exact = catalogue.synonyms.get(normalised) ?? catalogue.looseSynonyms.get(looseKey(normalised));
  if (exact) return { kind: exact, via: 'synonym', detail: normalised };
  return matchPatterns(catalogue, normalised) ?? (/[-/_]/.test(normalised) ? matchPatterns(catalogue, unhyphenated(normalised)) : undefined);
}

function matchPatterns(catalogue: Catalogue, heading: string): HeadingMatch | undefined {
  // Past the first few headings, each kind is skipped in one test where none of its patterns match.
  const warm = (memo.get(catalogue)?.size ?? 0) >= WARM_HEADINGS;
  for (const kind of catalogue.kindOrder) {
    const any = warm ? anyPattern(kind) : undefined;
    if (any && !any.test(heading)) continue;
    for (const regex of kind.regexes) {
      const literals = requiredLiterals(regex);
      if (literals && !literals.some((l) => heading.includes(l))) continue;
      const m = regex.exec(heading);
      if (m) return { kind, via: 'pattern', detail: m[0].trim() || regex.source };
    }
  }
  return undefined;
}

/**
 * The words a pattern cannot match without ("release " for `release (plan|strategy)`; one per alternative
 * of `a|b`), or none where some alternative has no such words at its start. V8 compiles a regular
 * expression the first time it runs, and a heading tried against every pattern compiled them all: about
 * 14 ms of a one-spec CLI run. A pattern whose words the heading lacks is skipped, never compiled.
 */
const literalsOf = new WeakMap<RegExp, string[] | null>();

export function requiredLiterals(regex: RegExp): string[] | undefined {
  let literals = literalsOf.get(regex);
  if (literals === undefined) {
    const alternatives = topLevelAlternatives(regex.source).map(leadingLiteral);
    literals = alternatives.every((l): l is string => l !== undefined) ? alternatives : null;
    literalsOf.set(regex, literals);
  }
  return literals ?? undefined;
}

/** The source split at its top-level `|` (not inside a group, a class or after a backslash). */
function topLevelAlternatives(source: string): string[] {
  if (!source.includes('|')) return [source];
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** Shortest literal worth looking for: shorter ones ("ux", "pr") are in too many headings to skip any. */
const MIN_LITERAL = 3;

/**
 * The plain characters an alternative starts with, after `^` and `\b` (which match no character), up to
 * the first special one; a character made optional by a quantifier after it (`?`, `*`, `{`) is left out.
 */
function leadingLiteral(alternative: string): string | undefined {
  let i = 0;
  for (;;) {
    if (alternative[i] === '^') i++;
    else if (alternative.startsWith('\\b', i)) i += 2;
    else break;
  }
  let end = i;
  while (end < alternative.length && isPlain(alternative.charCodeAt(end))) end++;
  if (end > i && end < alternative.length && '?*{'.includes(alternative[end]!)) end--;
  const literal = alternative.slice(i, end);
  return literal.length >= MIN_LITERAL ? literal : undefined;
}

/** a-z, 0-9, space, apostrophe, hyphen: characters that stand for themselves in a pattern. */
function isPlain(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32 || c === 39 || c === 45;
}

/**
 * Headings read before the kinds' patterns are also tried as one alternation per kind: compiling the
 * alternations costs more than a few headings' worth of single patterns (a one-file CLI run), and saves
 * about two thirds of the matching time over many headings (a long spec, a folder).
 */
const WARM_HEADINGS = 64;
const alternations = new WeakMap<CompiledKind, RegExp | null>();

/**
 * One regular expression that matches where any of a kind's patterns does: most headings match none of a
 * kind's patterns, and one test of the alternation costs about what one of them does. None where the
 * patterns cannot be joined (a back reference or a named group would change meaning) or are only one.
 */
export function anyPattern(kind: CompiledKind): RegExp | undefined {
  let any = alternations.get(kind);
  if (any === undefined) {
    const joinable = kind.regexes.length > 1 && !kind.regexes.some((r) => /\\[1-9k]|\(\?</.test(r.source.replace(/\(\?<[=!]/g, '')));
    try {
      any = joinable ? new RegExp(kind.regexes.map((r) => `(?:${r.source})`).join('|'), 'u') : null;
    } catch {
      any = null;
    }
    alternations.set(kind, any);
  }
  return any ?? undefined;
}

/**
 * Compound names are written with hyphens or slashes as often as with spaces ("Jobs-to-be-done",
 * "North-star metric", "Buyer/persona"): where no pattern matches the heading as written, they are tried
 * on it with those as spaces.
 */
function unhyphenated(heading: string): string {
  return heading.replace(/[-/_]+/g, ' ').replace(/\s+/g, ' ').trim();
}
