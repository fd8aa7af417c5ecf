// Baseline suppressions, in ESLint's shape (ESLint 9.24: --suppress-all, --suppress-rule,
// --prune-suppressions, eslint-suppressions.json): a file of counts per file and rule,
// `{ "specs/a.md": { "foreign-section": { "count": 2 } } }`. Up to `count` findings (warnings and
// errors) of that rule in that file are suppressed: not reported, not counted for the exit code. More
// than the count and all of them are reported, as ESLint does; fewer and a notice says to prune.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult, Message } from './report';
import { byName, CliError } from './util';

export const DEFAULT_SUPPRESSIONS_FILE = 'specroles-suppressions.json';

/** File (relative to the working folder, forward slashes) → rule → how many findings are suppressed. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** Only warnings and errors are suppressed (infos never fail a run). */
const suppressible = (m: Message) => m.severity === 'warning' || m.severity === 'error';

/** Whether a result's file can be named in the suppressions file (unnamed standard input cannot). */
const named = (r: FileResult) => r.filePath !== '<stdin>' && !r.error && !r.skipped;

/** The suppressions file, or undefined where there is none. A file that is not valid is a config error (exit 2). */
export function readSuppressions(path: string, shown: string): Suppressions | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CliError(`${shown}: cannot read the suppressions file (${code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's own message differs between Node versions: the one line stays the same everywhere.
    throw new CliError(`${shown}: the suppressions file is not valid JSON; fix it or write it again with --suppress-all`);
  }
  const bad = (why: string) => new CliError(`${shown}: ${why}; expected { "path": { "rule-id": { "count": N } } }`);
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys sorted, two-space JSON, a newline at the end: the file diffs well in review. */
export function serialiseSuppressions(s: Suppressions): string {
  const sorted: Suppressions = {};
  for (const file of Object.keys(s).sort(byName)) {
    const counts = Object.entries(s[file] ?? {}).filter(([, { count }]) => count > 0).sort(([a], [b]) => byName(a, b));
    if (!counts.length) continue;
    sorted[file] = Object.fromEntries(counts.map(([id, { count }]) => [id, { count }]));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** This run's warnings and errors, counted per file and rule (`rules`: only these). */
export function countFindings(results: readonly FileResult[], rules?: ReadonlySet<string>): Suppressions {
  const counts: Suppressions = {};
  for (const r of results) {
    if (!named(r)) continue;
    for (const m of r.messages) {
      if (!suppressible(m) || (rules && !rules.has(m.ruleId))) continue;
      const perFile = (counts[r.filePath] ??= {});
      (perFile[m.ruleId] ??= { count: 0 }).count++;
    }
  }
  return counts;
}

/** --suppress-all / --suppress-rule: the file's entries, with this run's counts for the rules in question. */
export function addSuppressions(existing: Suppressions | undefined, results: readonly FileResult[], rules?: ReadonlySet<string>): Suppressions {
  const next: Suppressions = structuredClone(existing ?? {});
  for (const [file, perRule] of Object.entries(countFindings(results, rules))) {
    next[file] = { ...next[file], ...perRule };
  }
  return next;
}

/**
 * --prune-suppressions: for each file linted in this run, each count lowered to what the run found
 * (never raised), entries that no longer occur dropped; entries of files that no longer exist dropped too.
 */
export function pruneSuppressions(existing: Suppressions, results: readonly FileResult[], cwd: string): Suppressions {
  const current = countFindings(results);
  const linted = new Set(results.filter(named).map((r) => r.filePath));
  const next: Suppressions = {};
  for (const [file, rules] of Object.entries(existing)) {
    if (!linted.has(file)) {
      if (existsSync(resolve(cwd, file))) next[file] = { ...rules };
      continue;
    }
    for (const [rule, { count }] of Object.entries(rules)) {
      const now = Math.min(count, current[file]?.[rule]?.count ?? 0);
      if (now > 0) (next[file] ??= {})[rule] = { count: now };
    }
  }
  return next;
}

/**
 * The results without the suppressed findings, and the entries that suppressed more than this run found
 * (`file: rule (found N of M)`), for the notice that tells to prune.
 */
export function applySuppressions(results: readonly FileResult[], suppressions: Suppressions): { results: FileResult[]; unused: string[]; suppressed: number } {
  const unused: string[] = [];
  let suppressed = 0;
  const out = results.map((r) => {
    const entry = named(r) ? suppressions[r.filePath] : undefined;
    if (!entry) return r;
    const found = new Map<string, number>();
    for (const m of r.messages) if (suppressible(m)) found.set(m.ruleId, (found.get(m.ruleId) ?? 0) + 1);
    const drop = new Set<string>();
    for (const [rule, { count }] of Object.entries(entry)) {
      const n = found.get(rule) ?? 0;
      if (n <= count) {
        drop.add(rule);
        suppressed += n;
      }
      if (n < count) unused.push(`${r.filePath}: ${rule} (found ${n} of ${count})`);
    }
    return drop.size ? { ...r, messages: r.messages.filter((m) => !(suppressible(m) && drop.has(m.ruleId))) } : r;
  });
  return { results: out, unused, suppressed };
}
