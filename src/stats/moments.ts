/**
 * Mergeable moments: count, mean, sum of squared deviations (M2), min and max.
 *
 * Partials are combined with Chan, Golub & LeVeque's pairwise update (1979, "Updating formulae
 * and a pairwise algorithm for computing sample variances"), which is exact in exact arithmetic
 * and associative up to rounding. The engine always merges partials in chunk order, so the
 * floating-point result does not depend on which worker finished first.
 *
 * Values of any finite magnitude are handled. Squared deviations of values beyond ~1e154 (or
 * below ~1e−146) overflow (underflow) a double, so when the plain formulas would, the same
 * formulas run on values scaled by a power of two chosen from the largest magnitude: power-of-two
 * scaling is exact, so the scaled path gives the plain path's bits wherever both work. An M2 that
 * no double can hold (values ±1e308 apart: M2 ≈ n·1e616) is kept as `m2 · 2^m2Exponent`;
 * `standardDeviation` reads it without overflow (the standard deviation itself fits unless the
 * values span nearly the whole double range with very few samples).
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
  /**
   * M2 = m2 · 2^m2Exponent. Absent (0) whenever M2 is an ordinary double; set only when it would
   * overflow or lose its precision to underflow. Always even, so √M2 scales exactly.
   */
  m2Exponent?: number;
}

export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/** Below this an M2 has lost precision to underflow (its deviations were below ~2^−484). */
const M2_FLOOR = 2 ** -968;

/** x · 2^k, exact while the result is a normal double; in two steps so 2^k itself never overflows. */
function scale2(x: number, k: number): number {
  const h = Math.trunc(k / 2);
  return x * 2 ** h * 2 ** (k - h);
}

/** An exponent k with 2^(k−1) ≤ max(|lo|, |hi|) < 2^(k+1): dividing by 2^k brings every value to at most ~2 in magnitude. */
function exponentOf(lo: number, hi: number): number {
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  return m > 0 ? Math.floor(Math.log2(m)) + 1 : 0;
}

/** Whether an M2 computed in plain doubles can be trusted: finite, and not underflowed while the values differ. */
const plainOk = (m2: number, min: number, max: number): boolean => Number.isFinite(m2) && (m2 >= M2_FLOOR || !(max > min));

/** The M2 `m2s · 2^e2` as moments store it: a plain double when one represents it, else with its exponent. */
function withM2(base: Omit<Moments, 'm2' | 'm2Exponent'>, m2s: number, e2: number): Moments {
  const m2 = Math.max(m2s, 0);
  const plain = scale2(m2, e2);
  if (m2 === 0 || e2 === 0 || (Number.isFinite(plain) && plain >= M2_FLOOR)) return { ...base, m2: plain };
  return { ...base, m2, m2Exponent: e2 };
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
  const plain = Number.isFinite(sum) ? twoPass(values, n, sum / n, 1) : undefined;
  if (plain && plainOk(Math.max(plain.m2, 0), min, max)) return { count: n, mean: sum / n, m2: Math.max(plain.m2, 0), min, max };
  // Scaled: every value divided by 2^k (exact), so sums and squares stay in range.
  const k = exponentOf(min, max);
  const s = scale2(1, -k);
  let scaledSum = 0;
  for (let i = 0; i < n; i++) scaledSum += values[i] * s;
  const scaledMean = scaledSum / n;
  return withM2({ count: n, mean: scale2(scaledMean, k), min, max }, twoPass(values, n, scaledMean, s).m2, 2 * k);
}

/** Σ(s·x − mean)², corrected (Chan, Golub & LeVeque 1983): removes the rounding error left in `mean`. */
function twoPass(values: Float64Array, n: number, mean: number, s: number): { m2: number } {
  let m2 = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] * s - mean;
    m2 += d * d;
    comp += d;
  }
  return { m2: m2 - (comp * comp) / n };
}

/**
 * Moments from shifted sums over n values: `sums[at..at+5)` = shift K, Σ(x − K), Σ(x − K)², min, max
 * (what the worker kernel accumulates in its loop). With K one of the values, the cancellation in
 * Σd² − (Σd)²/n stays small (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample
 * variance: analysis and recommendations", the shifted-data algorithm).
 *
 * When those sums overflowed or underflowed (values beyond ~1e154 or below ~1e−146), the moments
 * are recomputed from `values[0..n)`, the same values, with scaling (`momentsOf`); without
 * `values` the plain result is returned as it is.
 */
export function momentsFromSums(n: number, sums: Float64Array, at: number, values?: Float64Array): Moments {
  if (n === 0) return emptyMoments();
  const s = sums[at + 1];
  const q = sums[at + 2];
  const min = sums[at + 3];
  const max = sums[at + 4];
  const m2 = q - (s * s) / n;
  const ok = Number.isFinite(s) && Number.isFinite(q) && Number.isFinite(s * s) && plainOk(q, min, max);
  if (!ok && values) return momentsOf(values, n);
  return { count: n, mean: sums[at] + s / n, m2: Math.max(m2, 0), min, max };
}

/** Combines two partials as if their samples had been pooled. Returns a new object. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const min = Math.min(a.min, b.min);
  const max = Math.max(a.max, b.max);
  if (!a.m2Exponent && !b.m2Exponent) {
    const delta = b.mean - a.mean;
    const mean = a.mean + (delta * b.count) / count;
    const m2 = a.m2 + b.m2 + ((delta * delta) * a.count * b.count) / count;
    if (Number.isFinite(mean) && plainOk(m2, min, max)) return { count, mean, m2, min, max };
  }
  // The same update on means divided by 2^k and M2s by 4^k (exact), so nothing overflows.
  const k = exponentOf(min, max);
  const s = scale2(1, -k);
  const am = a.mean * s;
  const delta = b.mean * s - am;
  const mean = scale2(am + (delta * b.count) / count, k);
  const m2s = scale2(a.m2, (a.m2Exponent ?? 0) - 2 * k) + scale2(b.m2, (b.m2Exponent ?? 0) - 2 * k) + ((delta * delta) * a.count * b.count) / count;
  return withM2({ count, mean, min, max }, m2s, 2 * k);
}

/** Sample variance (n − 1 denominator); NaN below two samples, Infinity when no double holds it. */
export function variance(m: Moments): number {
  return m.count > 1 ? scale2(m.m2 / (m.count - 1), m.m2Exponent ?? 0) : NaN;
}

/**
 * Sample standard deviation, √variance, computed from the scaled M2 so that it is finite
 * whenever the standard deviation itself is (even when the variance overflows).
 */
export function standardDeviation(m: Moments): number {
  return m.count > 1 ? scale2(Math.sqrt(m.m2 / (m.count - 1)), (m.m2Exponent ?? 0) / 2) : NaN;
}
