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

/** Counts of `values[0..n)` in the bins (NaN is not counted). */
export function histogramCounts(values: Float64Array, n: number, edges: readonly number[], scale: 'linear' | 'log'): number[] {
  if (edges.length < 2) return [];
  const e = Float64Array.from(edges);
  const table = bucketBins(e, scale);
  return Array.from(table ? countByTable(values, n, e, table) : countByLocator(values, n, edges, scale));
}

function countByLocator(values: Float64Array, n: number, edges: readonly number[], scale: 'linear' | 'log'): Float64Array {
  const counts = new Float64Array(edges.length - 1);
  const binOf = binLocator(edges, scale);
  for (let i = 0; i < n; i++) {
    const k = binOf(values[i]);
    if (k >= 0) counts[k]++;
  }
  return counts;
}

/**
 * Bits of a double's order-preserving key (its high word, as in `order-statistics.ts`) that name a
 * bucket: sign, exponent and 12 mantissa bits, 4,096 buckets per binade (a relative width of 0.02–0.05%).
 */
const BUCKET_SHIFT = 8;
const MAX_TABLE = 1 << 20;

/**
 * For every bucket between the first and the last edge, the bin of the bucket's smallest value
 * (0 for the bucket holding the first edge): a value's bin is then its bucket's entry, moved up
 * past the edges that are ≤ the value (only in the few buckets that straddle an edge). Counting by
 * this table costs a few integer operations and one comparison per value instead of a division or
 * a logarithm; undefined when the edges span more buckets than is worth a table.
 */
function bucketBins(e: Float64Array, scale: 'linear' | 'log'): { first: number; bins: Int32Array } | undefined {
  const lo = e[0];
  const hi = e[e.length - 1];
  if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  // −0 and +0 are equal as numbers but have buckets of their own: an edge at zero covers both.
  const first = bucketOf(lo === 0 ? -0 : lo);
  const size = bucketOf(hi === 0 ? 0 : hi) - first + 1;
  if (size > MAX_TABLE) return undefined;
  const binOf = binLocator(Array.from(e), scale);
  const bins = new Int32Array(size);
  for (let b = 0; b < size; b++) bins[b] = Math.max(0, binOf(Math.max(lo, Math.min(hi, bucketStart(first + b)))));
  return { first, bins };
}

const word = new Int32Array(2);
const double = new Float64Array(word.buffer);

/** The bucket of a value: the top bits of its order-preserving key, as an unsigned number. */
function bucketOf(v: number): number {
  double[0] = v;
  const h = word[1];
  return ((h ^ ((h >> 31) | -0x80000000)) >>> BUCKET_SHIFT) >>> 0;
}

/** The smallest value whose key falls in bucket b. */
function bucketStart(b: number): number {
  const key = (b << BUCKET_SHIFT) | 0;
  if (key < 0) {
    word[1] = key ^ -0x80000000; // a positive value: only the sign bit was flipped
    word[0] = 0;
  } else {
    word[1] = ~key; // a negative value: every bit was flipped; its smallest value has the largest magnitude
    word[0] = -1;
  }
  return double[0];
}

function countByTable(values: Float64Array, n: number, e: Float64Array, table: { first: number; bins: Int32Array }): Float64Array {
  const last = e.length - 2;
  const counts = new Float64Array(last + 1);
  const lo = e[0];
  const hi = e[last + 1];
  const { first, bins } = table;
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(v >= lo && v <= hi)) continue;
    const h = words[2 * i + 1];
    let k = bins[(((h ^ ((h >> 31) | -0x80000000)) >>> BUCKET_SHIFT) >>> 0) - first];
    while (k < last && v >= e[k + 1]) k++;
    counts[k]++;
  }
  return counts;
}
