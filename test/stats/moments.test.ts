import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { sampleVariance, mean } from 'simple-statistics';
import { emptyMoments, mergeMoments, momentsFromSums, momentsOf, variance } from '../../src/stats/moments.ts';

describe('moments', () => {
  it('matches simple-statistics on one sample', () => {
    const random = seedrandom.xor4096('moments');
    const xs = Float64Array.from({ length: 10_001 }, () => 1e6 + random() * 10);
    const m = momentsOf(xs, xs.length);
    expect(m.mean).toBeCloseTo(mean([...xs]), 8);
    expect(variance(m) / sampleVariance([...xs])).toBeCloseTo(1, 9);
  });

  it('merging partials equals the moments of the pooled sample, in any grouping', () => {
    const random = seedrandom.xor4096('merge');
    const all = Float64Array.from({ length: 9_000 }, () => random() ** 3 * 100);
    const parts = [all.subarray(0, 1000), all.subarray(1000, 1001), all.subarray(1001, 5000), all.subarray(5000)].map((p) => momentsOf(p, p.length));
    const left = parts.reduce(mergeMoments, emptyMoments());
    const right = mergeMoments(parts[0], mergeMoments(parts[1], mergeMoments(parts[2], parts[3])));
    const pooled = momentsOf(all, all.length);
    for (const m of [left, right]) {
      expect(m.count).toBe(pooled.count);
      expect(m.mean).toBeCloseTo(pooled.mean, 10);
      expect(variance(m) / variance(pooled)).toBeCloseTo(1, 10);
      expect(m.min).toBe(pooled.min);
      expect(m.max).toBe(pooled.max);
    }
  });

  it('gives the textbook variance of 1..5', () => {
    const a = momentsOf(new Float64Array([1, 2]), 2);
    const b = momentsOf(new Float64Array([3, 4, 5]), 3);
    expect(variance(mergeMoments(a, b))).toBe(2.5);
    expect(mergeMoments(emptyMoments(), a)).toEqual(a);
  });
});

describe('momentsFromSums (the kernel\'s fused, shifted one-pass sums)', () => {
  it('agree with the two-pass moments, even far from zero', () => {
    const random = seedrandom.xor4096('shifted');
    const xs = Float64Array.from({ length: 65_536 }, () => 1e9 + random());
    const shift = xs[0];
    let s = 0;
    let q = 0;
    for (const x of xs) {
      s += x - shift;
      q += (x - shift) ** 2;
    }
    const sums = new Float64Array([shift, s, q, Math.min(...xs), Math.max(...xs)]);
    const fused = momentsFromSums(xs.length, sums, 0);
    const twoPass = momentsOf(xs, xs.length);
    expect(Math.abs(fused.mean / twoPass.mean - 1)).toBeLessThan(1e-14);
    expect(variance(fused) / variance(twoPass)).toBeCloseTo(1, 8);
    expect(momentsFromSums(0, sums, 0)).toEqual(emptyMoments());
  });
});
