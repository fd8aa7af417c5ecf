// Baseline suppressions, in ESLint's shape (ESLint 9.24's eslint-suppressions.json): a file of counts per
// file and rule, `{ "specs/a.md": { "foreign-section": { "count": 2 } } }`, paths relative to the folder
// it sits in. Up to `count` findings (warnings and errors) of that rule in that file are suppressed; more
// than the count and all of them are reported, as ESLint does. The CLI drops suppressed findings; editors
// show them as hints or not at all.
import type { Severity } from '../model';

export const SUPPRESSIONS_FILE = 'specroles-suppressions.json';

/** File (relative, forward slashes) → rule → how many findings are suppressed. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** Only warnings and errors are suppressed (infos never fail a run). */
export const suppressible = (f: { severity: Severity }) => f.severity === 'warning' || f.severity === 'error';

/** The file's content as suppressions; throws an Error saying what is wrong (the caller adds the file name). */
export function parseSuppressions(text: string): Suppressions {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's own message differs between Node versions: the one line stays the same everywhere.
    throw new Error('the suppressions file is not valid JSON; fix it or write it again with --suppress-all');
  }
  const bad = (why: string) => new Error(`${why}; expected { "path": { "rule-id": { "count": N } } }`);
  if (!isObject(data)) throw bad('not an object');
  for (const [file, rules] of Object.entries(data)) {
    if (!isObject(rules)) throw bad(`"${file}" is not an object`);
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw bad(`"${file}" → "${rule}" has no whole-number count`);
    }
  }
  return data as Suppressions;
}

export interface SuppressedInFile {
  /** Rules whose warnings and errors in the file are all within their count: suppressed. */
  rules: Set<string>;
  /** How many findings that suppresses. */
  suppressed: number;
  /** Entries that allow more than the file has now (time to prune). */
  unused: { rule: string; found: number; count: number }[];
}

/** Which rules' findings one file's entry suppresses. */
export function suppressedIn(findings: readonly { ruleId: string; severity: Severity }[], entry: Suppressions[string] | undefined): SuppressedInFile {
  const out: SuppressedInFile = { rules: new Set(), suppressed: 0, unused: [] };
  if (!entry) return out;
  const found = new Map<string, number>();
  for (const f of findings) if (suppressible(f)) found.set(f.ruleId, (found.get(f.ruleId) ?? 0) + 1);
  for (const [rule, { count }] of Object.entries(entry)) {
    const n = found.get(rule) ?? 0;
    if (n <= count) {
      out.rules.add(rule);
      out.suppressed += n;
    }
    if (n < count) out.unused.push({ rule, found: n, count });
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
