/**
 * Multi-rank selection: puts the order statistics at `ranks` (0-based) in place, so that
 * `values[r]` is the (r+1)-th smallest for every requested r, in O(n log k) for k ranks.
 *
 * Quickselect (Hoare 1961, "Algorithm 65: Find") with median-of-three pivots, recursing on
 * both sides with the ranks that fall there. Order statistics are unique values, so the result
 * does not depend on the input order: merging chunks in any order gives the same percentiles.
 *
 * @example
 * const v = new Float64Array([5, 1, 4, 2, 3]);
 * selectRanks(v, 5, [0, 2, 4]); // v[0] === 1, v[2] === 3, v[4] === 5
 */
export function selectRanks(values: Float64Array, n: number, ranks: readonly number[]): void {
  const sorted = [...new Set(ranks)].filter((r) => r >= 0 && r < n).sort((a, b) => a - b);
  if (sorted.length > 0) selectRange(values, 0, n - 1, sorted, 0, sorted.length);
}

function selectRange(v: Float64Array, lo: number, hi: number, ranks: readonly number[], rlo: number, rhi: number): void {
  while (rlo < rhi) {
    if (hi - lo < 32) {
      insertionSort(v, lo, hi);
      return;
    }
    const split = partition(v, lo, hi);
    // Ranks left of the split's upper bound go left; at or beyond its lower bound go right.
    let mid = rlo;
    while (mid < rhi && ranks[mid] <= split.j) mid++;
    let right = mid;
    while (right < rhi && ranks[right] < split.i) right++; // ranks between j and i are already in place
    if (mid - rlo < rhi - right) {
      selectRange(v, lo, split.j, ranks, rlo, mid);
      lo = split.i;
      rlo = right;
    } else {
      selectRange(v, split.i, hi, ranks, right, rhi);
      hi = split.j;
      rhi = mid;
    }
  }
}

/** Hoare partition around a median-of-three pivot; on return v[lo..j] <= pivot <= v[i..hi], and j < i. */
function partition(v: Float64Array, lo: number, hi: number): { i: number; j: number } {
  const m = (lo + hi) >>> 1;
  if (v[m] < v[lo]) swap(v, m, lo);
  if (v[hi] < v[lo]) swap(v, hi, lo);
  if (v[hi] < v[m]) swap(v, hi, m);
  const pivot = v[m];
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (v[i] < pivot) i++;
    while (v[j] > pivot) j--;
    if (i <= j) {
      swap(v, i, j);
      i++;
      j--;
    }
  }
  return { i, j };
}

function insertionSort(v: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const x = v[i];
    let j = i - 1;
    while (j >= lo && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

function swap(v: Float64Array, a: number, b: number): void {
  const t = v[a];
  v[a] = v[b];
  v[b] = t;
}
