/**
 * Ranks with ties averaged (the "fractional" or mid-rank convention of Spearman's rho): tied values
 * all get the mean of the ranks they span, so a 0/1 claim indicator ranks as two blocks, 0s at
 * (n0 + 1) / 2 and 1s at n0 + (n1 + 1) / 2. Ranks run from 1 to n.
 *
 * Implementation: sort a copy with the native numeric sort, then read each value's run of equal values
 * by binary search (lower and upper bound): O(n log n), no comparator callbacks.
 * Values must be finite (callers drop non-finite rows first).
 *
 * @example averageRanks(Float64Array.of(10, 20, 20, 5)) // Float64Array [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: ArrayLike<number>, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const lo = lowerBound(sorted, v);
    const hi = upperBound(sorted, v, lo);
    // positions lo … hi-1 (0-based) hold v: ranks lo+1 … hi, mean (lo + 1 + hi) / 2
    out[i] = (lo + 1 + hi) / 2;
  }
  return out;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
