// Indexing under noUncheckedIndexedAccess (tsconfig.json), without a bare `!`. Where an index can miss,
// the caller handles undefined itself; these helpers are for where the surrounding code rules a miss out,
// and they throw if one happens anyway: a bug in specroles, which lint() reports as an internal error,
// rather than an undefined carried on into a finding.

function missing(what: string): never {
  throw new Error(`internal error: ${what}`);
}

/** `items[index]`, for an index the caller has bounded (a loop, a search, a length check). */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  return item === undefined ? missing(`no item at index ${index} of ${items.length}`) : item;
}

/** The last item of a list the caller knows is not empty. */
export function lastItem<T>(items: readonly T[]): T {
  return itemAt(items, items.length - 1);
}

/** The item of a list holding exactly one, else undefined (a role list that names one role, say). */
export function soleItem<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** Capture group `n` of a match, for a group the pattern fills whenever it matches (not under `?`, `*` or `|`). */
export function group(match: RegExpExecArray | RegExpMatchArray, n: number): string {
  const text = match[n];
  return text === undefined ? missing(`capture group ${n} of ${match[0]} did not take part`) : text;
}

/** Index of the first item of the ordered `list` whose offset is `offset` or more. */
export function firstAt<T>(list: readonly T[], offset: number, offsetOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(itemAt(list, mid)) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
