/**
 * The p-quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7, the engine's one definition: `stats/quantiles.ts`), used for
 * percentile bootstrap intervals. NaN for an empty sample.
 *
 * @example sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
import { type7Ranks } from '../../stats/quantiles.ts';

export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const { lo, hi, w } = type7Ranks(sorted.length, p);
  return sorted[lo] + w * (sorted[hi] - sorted[lo]);
}
