/**
 * Exact sample quantiles and their distribution-free confidence intervals, from one
 * radix selection of all the order statistics they need (the input is not reordered).
 *
 * Quantile: Hyndman & Fan (1996) type 7, the default of R's `quantile` and of numpy:
 * h = (n − 1)p, linear interpolation between the order statistics at floor(h) and floor(h) + 1.
 *
 * 95% interval: the order statistics X(l) and X(u) with l, u = np ∓ z·√(np(1 − p)) (rounded
 * outwards), the normal approximation to the binomial count of samples below the true
 * quantile (Conover 1999, "Practical Nonparametric Statistics", §3.2). It needs no assumption
 * about the output's distribution.
 *
 * @example
 * const v = Float64Array.from({ length: 101 }, (_, i) => i);
 * quantiles(v, 101, [0.5]).values[0]; // 50
 */
import { orderStatistics } from './order-statistics.ts';
import { Z95 } from './normal-z.ts';
import type { Interval } from '../results/types.ts';

export interface QuantileResult {
  readonly values: number[];
  readonly ci95: Interval[];
}

/** 0-based ranks (lower, upper) and weight of the upper one, for Hyndman–Fan type 7. */
export function type7Ranks(n: number, p: number): { lo: number; hi: number; w: number } {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  return { lo, hi: Math.min(lo + 1, n - 1), w: h - lo };
}

/** 0-based ranks of the order statistics bounding a 95% interval for the p-quantile. */
export function quantileCIRanks(n: number, p: number): [number, number] {
  const centre = n * p;
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  const l = Math.max(1, Math.floor(centre - half));
  const u = Math.min(n, Math.ceil(centre + half) + 1);
  return [l - 1, u - 1];
}

/**
 * Whether n values bound the 95% interval of the p-quantile: its order statistics fall strictly
 * inside the sample, neither the smallest nor the largest value, and neither was clamped there by
 * `quantileCIRanks`. When they do not, the interval is only as wide as the sample happens to be
 * (10 samples "bound" p95 between the 9th and the 10th, whatever the tail beyond): it says
 * nothing about how narrow the percentile is, and a precision target must not count it as met.
 *
 * @example
 * quantileCIBounded(10, 0.95); // false
 * quantileCIBounded(200, 0.95); // true
 */
export function quantileCIBounded(n: number, p: number): boolean {
  const centre = n * p;
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  return Math.floor(centre - half) >= 2 && Math.ceil(centre + half) + 1 <= n - 1;
}

/** The fewest values that bound the 95% interval of the p-quantile (see `quantileCIBounded`). */
export function boundedSampleSize(p: number): number {
  // About z²(1 − q)/q values leave room for the interval in the tail q = min(p, 1 − p): start just below and step up.
  let n = Math.max(4, Math.floor((Z95 * Z95 * (1 - Math.min(p, 1 - p))) / Math.min(p, 1 - p)));
  while (!quantileCIBounded(n, p)) n++;
  return n;
}

/**
 * Quantiles at probabilities `ps` (each in [0, 1]) of the finite values `values[0..n)`,
 * with 95% intervals. NaN for an empty sample.
 */
export function quantiles(values: Float64Array, n: number, ps: readonly number[]): QuantileResult {
  if (n === 0) return quantilesFromOrderStatistics(0, ps, new Float64Array(0));
  return quantilesFromOrderStatistics(n, ps, orderStatistics(values, n, quantileRanks(n, ps)));
}

/** The order statistics `quantiles` needs, four per probability: interpolation pair, then interval bounds. */
export function quantileRanks(n: number, ps: readonly number[]): number[] {
  const ranks: number[] = [];
  for (const p of ps) {
    const r = type7Ranks(n, p);
    const [l, u] = quantileCIRanks(n, p);
    ranks.push(r.lo, r.hi, l, u);
  }
  return ranks;
}

/** Quantiles and intervals from the order statistics at `quantileRanks(n, ps)` (selected anywhere, e.g. in a worker). */
export function quantilesFromOrderStatistics(n: number, ps: readonly number[], x: Float64Array): QuantileResult {
  if (n === 0) return { values: ps.map(() => NaN), ci95: ps.map((): Interval => [NaN, NaN]) };
  return {
    values: ps.map((p, i) => {
      const w = type7Ranks(n, p).w;
      return w === 0 ? x[4 * i] : interpolate(x[4 * i], x[4 * i + 1], w);
    }),
    ci95: ps.map((_, i): Interval => [x[4 * i + 2], x[4 * i + 3]]),
  };
}

/** a + w·(b − a); when b − a overflows (a ≈ −1.8e308, b ≈ 1.8e308), the same in halves. */
export function interpolate(a: number, b: number, w: number): number {
  const d = b - a;
  return Number.isFinite(d) ? a + w * d : 2 * (a / 2 + w * (b / 2 - a / 2));
}
