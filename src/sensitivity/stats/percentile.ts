/**
 * The p-quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7: R's default and numpy's `linear`), used for percentile bootstrap
 * intervals. NaN for an empty sample.
 *
 * @example sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
