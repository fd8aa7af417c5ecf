// How much two texts share at their start and at their end: an editor that sends the whole new text (LSP's
// full sync, or several chained changes given as one) still gets a re-lint of only what changed.

/** Chars compared at once while the texts agree: string equality of slices runs as a memory compare. */
const CHUNK = 1 << 14;

/**
 * The lengths of the common prefix and the common suffix of `a` and `b`, not overlapping (their sum is at
 * most the shorter length), neither ending inside a CRLF: the span between them is where the texts differ.
 */
export function sameEnds(a: string, b: string): { prefix: number; suffix: number } {
  const shorter = Math.min(a.length, b.length);
  let prefix = agreeing(shorter, (i, n) => a.slice(i, i + n) === b.slice(i, i + n), (i) => a.charCodeAt(i) === b.charCodeAt(i));
  if (prefix > 0 && a.charCodeAt(prefix - 1) === CR) prefix--;
  const room = shorter - prefix;
  let suffix = agreeing(
    room,
    (i, n) => a.slice(a.length - i - n, a.length - i) === b.slice(b.length - i - n, b.length - i),
    (i) => a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i),
  );
  if (suffix > 0 && a.charCodeAt(a.length - suffix) === LF) suffix--;
  return { prefix, suffix };
}

const CR = 13;
const LF = 10;

/** How many of the first `limit` positions agree: whole chunks while they do, then char by char. */
function agreeing(limit: number, chunkAgrees: (at: number, n: number) => boolean, charAgrees: (at: number) => boolean): number {
  let at = 0;
  while (at + CHUNK <= limit && chunkAgrees(at, CHUNK)) at += CHUNK;
  while (at < limit && charAgrees(at)) at++;
  return at;
}
