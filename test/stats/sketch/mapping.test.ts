import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { bucketMapping, keyOf, lowerOfKey, upperOfKey, valueOfKey } from '../../../src/stats/sketch/mapping.ts';

describe.each([0.05, 0.01, 0.001, 1e-4])('bucket mapping, alpha = %s', (alpha) => {
  const m = bucketMapping(alpha);
  const random = seedrandom.xor4096(`mapping-${alpha}`);
  // Log-uniform magnitudes over the normal range, plus powers of two and their neighbours.
  const xs: number[] = Array.from({ length: 100_000 }, () => 2 ** (random() * 2044 - 1021) * (1 + random()));
  for (let e = -1022; e <= 1023; e += 7) xs.push(2 ** e, 2 ** e * (1 + Number.EPSILON), 2 ** e * (1 - Number.EPSILON / 2));
  xs.push(Number.MAX_VALUE, 2 ** -1022);
  const sorted = xs.filter((x) => x >= 2 ** -1022 && x <= Number.MAX_VALUE).sort((a, b) => a - b);

  it('puts every value in a bucket whose representative is within relative error alpha', () => {
    let worst = 0;
    const outside: number[] = [];
    for (const x of sorted) {
      const k = keyOf(m, x);
      if (!(lowerOfKey(m, k) <= x && x < upperOfKey(m, k))) outside.push(x);
      worst = Math.max(worst, Math.abs(valueOfKey(m, k) - x) / x);
    }
    expect(outside).toEqual([]);
    expect(worst).toBeLessThanOrEqual(alpha);
    expect(worst).toBeGreaterThan(0.9 * alpha); // buckets are not needlessly narrow
  });

  it('is monotone, and adjacent keys tile the line', () => {
    const keys = sorted.map((x) => keyOf(m, x));
    expect(keys.filter((k, i) => i > 0 && k < keys[i - 1])).toEqual([]);
    const gaps: number[] = [];
    for (let k = keyOf(m, 0.5); k < keyOf(m, 4); k++) if (upperOfKey(m, k) !== lowerOfKey(m, k + 1)) gaps.push(k);
    expect(gaps).toEqual([]);
  });

  it('uses at most ~2% more buckets than ⌈log_γ x⌉ would', () => {
    const ideal = Math.LN2 / Math.log((1 + alpha) / (1 - alpha));
    expect(m.perBinade / ideal).toBeLessThan(1.02);
    expect(m.perBinade).toBeGreaterThanOrEqual(Math.ceil(ideal));
  });
});

describe('bucket mapping, default alpha = 0.001', () => {
  it('covers 1e-12..1e12 with 28,080 buckets per sign (225 KB of Float64 counts)', () => {
    const m = bucketMapping(0.001);
    expect(m.perBinade).toBe(351);
    expect(keyOf(m, 1e12) - keyOf(m, 1e-12) + 1).toBeLessThanOrEqual(28_080);
  });

  it('keys subnormals below the normal range, still monotone', () => {
    const m = bucketMapping(0.001);
    const xs = [5e-324, 1e-323, 1e-320, 1e-315, 1e-310, 2 ** -1022 * (1 - Number.EPSILON), 2 ** -1022];
    const keys = xs.map((x) => keyOf(m, x));
    for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeGreaterThan(keys[i - 1]);
    expect(keys[0]).toBeGreaterThanOrEqual(m.minKey);
    expect(keyOf(m, Number.MAX_VALUE)).toBe(m.maxKey);
    expect(Math.abs(valueOfKey(m, keyOf(m, 1e-310)) - 1e-310) / 1e-310).toBeLessThanOrEqual(0.001);
  });

  it('rejects alpha outside [1e-6, 1) and non-positive magnitudes', () => {
    expect(() => bucketMapping(1e-7)).toThrow(RangeError);
    expect(() => bucketMapping(1)).toThrow(RangeError);
    expect(bucketMapping(1e-6).cellBits).toBe(20);
    expect(() => keyOf(bucketMapping(0.001), 0)).toThrow(RangeError);
    expect(() => keyOf(bucketMapping(0.001), Infinity)).toThrow(RangeError);
  });
});
