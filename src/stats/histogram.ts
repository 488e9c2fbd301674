/**
 * Histogram bins that are equally spaced on a linear or a log10 scale, and the counts of values
 * in them. Bin i holds edges[i] ≤ v < edges[i+1], the last bin also v = edges[last]; values
 * outside are not counted. A value's bin is computed from the spacing, then nudged against the
 * edges themselves, so counts are exact for the edges as written whatever rounding `log10` does.
 *
 * @example
 * histogramCounts(new Float64Array([0.5, 1, 1.5, 3]), 4, [0, 1, 2], 'linear'); // [1, 2]
 */

/**
 * K + 1 equally spaced edges from a to b (a ≤ b, both finite), every one finite even when b − a
 * overflows (a = −1.7e308, b = 1.7e308): the width is then taken as b/K − a/K.
 *
 * @example linearEdges(0, 1, 4); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linearEdges(a: number, b: number, bins: number): number[] {
  const width = b > a ? (b - a) / bins : 1;
  if (Number.isFinite(width)) return Array.from({ length: bins + 1 }, (_, i) => a + i * width);
  // Halves: a/2 + i·w/2 lies between a/2 and b/2, so neither it nor twice it overflows.
  const halfWidth = (b / 2 - a / 2) / bins;
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? b : 2 * (a / 2 + i * halfWidth)));
}

/** A function giving the bin of a value, or −1 outside [edges[0], edges[last]]. */
export function binLocator(edges: readonly number[], scale: 'linear' | 'log'): (v: number) => number {
  const bins = edges.length - 1;
  const e = Float64Array.from(edges);
  const lo = e[0];
  const hi = e[bins];
  const log = scale === 'log';
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  // Edges near ±1.8e308 are further apart than any double: work in halves then (exact).
  const half = !Number.isFinite(b - a);
  const perBin = half ? bins / (b / 2 - a / 2) : bins / (b - a || 1);
  return (v) => {
    if (!(v >= lo && v <= hi) || bins < 1) return -1;
    const x = log ? Math.log10(v) : v;
    let k = Math.floor((half ? x / 2 - a / 2 : x - a) * perBin);
    if (k < 0) k = 0;
    else if (k >= bins) k = bins - 1;
    while (k > 0 && v < e[k]) k--;
    while (k < bins - 1 && v >= e[k + 1]) k++;
    return k;
  };
}

/** Counts of `values[0..n)` in the bins. */
export function histogramCounts(values: Float64Array, n: number, edges: readonly number[], scale: 'linear' | 'log'): number[] {
  if (edges.length < 2) return [];
  const counts = new Float64Array(edges.length - 1);
  const binOf = binLocator(edges, scale);
  for (let i = 0; i < n; i++) {
    const k = binOf(values[i]);
    if (k >= 0) counts[k]++;
  }
  return Array.from(counts);
}
