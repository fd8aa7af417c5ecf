// Deterministic pseudo-random input for differential tests: the same seed gives the same cases on every
// machine, so a failure names a case that can be run again.

/** A linear congruential generator: `next(n)` is an integer in [0, n). */
export function seeded(seed: number): (n: number) => number {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
}

/** `count` strings, each of 1 to `maxPieces` pieces drawn from `pieces`. */
export function* pieceStrings(pieces: readonly string[], options: { seed: number; count: number; maxPieces: number }): Generator<string> {
  const next = seeded(options.seed);
  for (let t = 0; t < options.count; t++) {
    let s = '';
    for (let i = 1 + next(options.maxPieces); i > 0; i--) s += pieces[next(pieces.length)];
    yield s;
  }
}
