/**
 * A seeded pseudo-random generator (mulberry32) for generated sample data: the browser demo, tests and benches.
 * Tiny and fast; the same seed always gives the same sequence, so generated logs compare across runs.
 * Not for anything that needs unpredictability.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
