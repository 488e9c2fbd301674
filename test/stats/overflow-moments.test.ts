/**
 * Moments, histogram edges and quantile interpolation of values near the ends of the double
 * range (±1.8e308), where plain sums of squares overflow. Expected values are closed forms:
 * the values are c·x for small x whose moments are known exactly, and c a power of two, so
 * the moments of c·x are c·mean(x) and c·sd(x) exactly.
 */
import { describe, expect, it } from 'vitest';
import { emptyMoments, mergeMoments, momentsFromSums, momentsOf, standardDeviation, variance, type Moments } from '../../src/stats/moments.ts';
import { binLocator, histogramCounts, linearEdges } from '../../src/stats/histogram.ts';
import { interpolate } from '../../src/stats/quantiles.ts';

const C = 2 ** 1020; // ≈ 1.12e307: 1..15 times it stays finite, its square does not
const scaled = (xs: number[], c = C) => Float64Array.from(xs, (x) => x * c);
/** Shifted sums as the worker kernel forms them (shift = first value). */
function kernelSums(xs: Float64Array): Float64Array {
  const a = xs[0];
  let s = 0;
  let q = 0;
  for (const x of xs) {
    s += x - a;
    q += (x - a) * (x - a);
  }
  return new Float64Array([a, s, q, Math.min(...xs), Math.max(...xs)]);
}

describe('overflow-safe moments', () => {
  it('momentsOf: mean and sd of values near 1e308 are c·mean and c·sd exactly', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const m = momentsOf(scaled(xs), xs.length);
    expect(m.mean).toBe(8 * C);
    // Sample variance of 1..15 = 20, so sd = √20 · C; the variance itself (20·C²) overflows.
    expect(standardDeviation(m)).toBe(Math.sqrt(20) * C);
    expect(variance(m)).toBe(Infinity);
    expect(m.min).toBe(C);
    expect(m.max).toBe(15 * C);
  });

  it('values ±1.7e308 (their difference overflows): mean 0, sd finite', () => {
    const xs = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1.7e308 : -1.7e308));
    const m = momentsOf(xs, xs.length);
    expect(m.mean).toBe(0);
    // M2 = n·1.7e308², so sd = 1.7e308·√(n/(n−1)).
    expect(standardDeviation(m) / (1.7e308 * Math.sqrt(1000 / 999))).toBeCloseTo(1, 12);
  });

  it('momentsFromSums falls back to the values when the kernel sums overflow', () => {
    const xs = scaled([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    const sums = kernelSums(xs);
    expect(Number.isFinite(sums[2])).toBe(false); // the kernel's Σd² overflowed
    const m = momentsFromSums(xs.length, sums, 0, xs);
    expect(m).toEqual(momentsOf(xs, xs.length));
    expect(Number.isFinite(standardDeviation(m))).toBe(true);
  });

  it('merging scaled partials equals the pooled moments, in any grouping and bit-identically in chunk order', () => {
    const xs = Float64Array.from({ length: 999 }, (_, i) => ((i * 7919) % 1000) / 1000 * 1.6e308 - 0.7e308);
    const cuts = [0, 100, 101, 500, 999];
    const parts: Moments[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const chunk = xs.subarray(cuts[i], cuts[i + 1]);
      parts.push(momentsFromSums(chunk.length, kernelSums(chunk), 0, chunk));
    }
    const left = parts.reduce(mergeMoments, emptyMoments());
    const again = parts.reduce(mergeMoments, emptyMoments());
    const right = mergeMoments(parts[0], mergeMoments(parts[1], mergeMoments(parts[2], parts[3])));
    const pooled = momentsOf(xs, xs.length);
    expect(again).toEqual(left);
    for (const m of [left, right]) {
      expect(m.count).toBe(999);
      expect(m.mean / pooled.mean).toBeCloseTo(1, 12);
      expect(standardDeviation(m) / standardDeviation(pooled)).toBeCloseTo(1, 12);
      expect(Number.isFinite(standardDeviation(m))).toBe(true);
    }
  });

  it('a partial whose M2 needs an exponent merges with ordinary ones', () => {
    const big = momentsOf(Float64Array.from([-1.7e308, 1.7e308]), 2);
    expect(big.m2Exponent).toBeGreaterThan(0);
    const small = momentsOf(Float64Array.from([1, 2, 3]), 3);
    const m = mergeMoments(big, small);
    expect(m.count).toBe(5);
    expect(m.mean).toBeCloseTo(6 / 5, 10);
    // M2 ≈ 2·1.7e308² (the small values add nothing visible): sd = 1.7e308·√(2/4).
    expect(standardDeviation(m) / (1.7e308 * Math.sqrt(0.5))).toBeCloseTo(1, 12);
  });

  it('tiny values (squares underflow) keep their spread', () => {
    const c = 2 ** -1000;
    const m = momentsOf(scaled([1, 2, 3, 4, 5], c), 5);
    expect(standardDeviation(m)).toBe(Math.sqrt(2.5) * c);
    const sums = kernelSums(scaled([1, 2, 3, 4, 5], c));
    expect(standardDeviation(momentsFromSums(5, sums, 0, scaled([1, 2, 3, 4, 5], c)))).toBe(Math.sqrt(2.5) * c);
  });

  it('ordinary values take the plain path: no exponent, same bits as before', () => {
    const m = momentsOf(Float64Array.from([1, 2, 3, 4, 5]), 5);
    expect(m).toEqual({ count: 5, mean: 3, m2: 10, min: 1, max: 5 });
    expect(standardDeviation(m)).toBe(Math.sqrt(variance(m)));
  });
});

describe('overflow-safe histogram edges and interpolation', () => {
  it('edges from −1.7e308 to 1.7e308 are finite, increasing, and end exactly at the ends', () => {
    const edges = linearEdges(-1.7e308, 1.7e308, 60);
    expect(edges).toHaveLength(61);
    expect(edges.every(Number.isFinite)).toBe(true);
    expect(edges[0]).toBe(-1.7e308);
    expect(edges[60]).toBe(1.7e308);
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]);
    expect(edges[30]).toBeCloseTo(0, -290);
  });

  it('values are binned correctly over such edges', () => {
    const edges = linearEdges(-1.7e308, 1.7e308, 4);
    const values = Float64Array.from([-1.7e308, -1e308, -1, 1, 1e308, 1.7e308]);
    expect(histogramCounts(values, values.length, edges, 'linear')).toEqual([2, 1, 1, 2]);
    expect(binLocator(edges, 'linear')(0)).toBe(2);
  });

  it('ordinary edges are unchanged', () => {
    expect(linearEdges(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('interpolation across ±1.7e308 does not overflow', () => {
    expect(interpolate(-1.7e308, 1.7e308, 0.5)).toBe(0);
    expect(interpolate(-1.7e308, 1.7e308, 0.75)).toBeCloseTo(0.85e308, -295);
    expect(interpolate(1, 3, 0.25)).toBe(1.5);
  });
});
