/**
 * Mergeable moments: count, mean, sum of squared deviations (M2), min and max.
 *
 * Partials are combined with Chan, Golub & LeVeque's pairwise update (1979, "Updating formulae
 * and a pairwise algorithm for computing sample variances"), which is exact in exact arithmetic
 * and associative up to rounding. The engine always merges partials in chunk order, so the
 * floating-point result does not depend on which worker finished first.
 *
 * @example
 * const a = momentsOf(new Float64Array([1, 2]), 2);
 * const b = momentsOf(new Float64Array([3, 4, 5]), 3);
 * variance(mergeMoments(a, b)); // 2.5, the sample variance of 1..5
 */
export interface Moments {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/** Two-pass moments of `values[0..n)`: more accurate than a one-pass update and as fast on a chunk. */
export function momentsOf(values: Float64Array, n: number): Moments {
  if (n === 0) return emptyMoments();
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let m2 = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    m2 += d * d;
    comp += d;
  }
  // Corrected two-pass (Chan, Golub & LeVeque 1983): removes the rounding error left in `mean`.
  m2 -= (comp * comp) / n;
  return { count: n, mean, m2: Math.max(m2, 0), min, max };
}

/**
 * Moments from shifted sums over n values: `sums[at..at+5)` = shift K, Σ(x − K), Σ(x − K)², min, max
 * (what the worker kernel accumulates in its loop). With K one of the values, the cancellation in
 * Σd² − (Σd)²/n stays small (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample
 * variance: analysis and recommendations", the shifted-data algorithm).
 */
export function momentsFromSums(n: number, sums: Float64Array, at: number): Moments {
  if (n === 0) return emptyMoments();
  const s = sums[at + 1];
  const m2 = sums[at + 2] - (s * s) / n;
  return { count: n, mean: sums[at] + s / n, m2: Math.max(m2, 0), min: sums[at + 3], max: sums[at + 4] };
}

/** Combines two partials as if their samples had been pooled. Returns a new object. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  const mean = a.mean + (delta * b.count) / count;
  const m2 = a.m2 + b.m2 + ((delta * delta) * a.count * b.count) / count;
  return { count, mean, m2, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** Sample variance (n − 1 denominator); NaN below two samples. */
export function variance(m: Moments): number {
  return m.count > 1 ? m.m2 / (m.count - 1) : NaN;
}
