import { describe, expect, it } from 'vitest';
import { directionNumbers, SOBOL_MAX_DIMENSION, SobolSequence, sobolPoints } from '../../src/sampling/sobol.ts';

/**
 * The first 16 points of the unscrambled Sobol' sequence in dimensions 1–3 with the Joe–Kuo
 * `new-joe-kuo-6.21201` direction numbers, in Gray-code order, as printed by Joe & Kuo's reference
 * program `sobol.cc` (https://web.maths.unsw.edu.au/~fkuo/sobol/; the same values as scipy.stats.qmc.Sobol
 * with scramble=False). Dimension 2 has polynomial x + 1 (m = 1), dimension 3 x² + x + 1 (m = 1, 3).
 */
const PUBLISHED = [
  [0, 0, 0],
  [0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25],
  [0.25, 0.75, 0.75],
  [0.375, 0.375, 0.625],
  [0.875, 0.875, 0.125],
  [0.625, 0.125, 0.875],
  [0.125, 0.625, 0.375],
  [0.1875, 0.3125, 0.9375],
  [0.6875, 0.8125, 0.4375],
  [0.9375, 0.0625, 0.6875],
  [0.4375, 0.5625, 0.1875],
  [0.3125, 0.1875, 0.3125],
  [0.8125, 0.6875, 0.8125],
  [0.5625, 0.4375, 0.0625],
  [0.0625, 0.9375, 0.5625],
];

/** Count of points in each 1-D dyadic interval [j/2^m, (j+1)/2^m) of column d. */
function oneDimStrata(points: Float64Array, n: number, dims: number, d: number, m: number): Uint32Array {
  const counts = new Uint32Array(2 ** m);
  for (let i = 0; i < n; i++) counts[Math.floor(points[i * dims + d] * 2 ** m)]++;
  return counts;
}

/** True when every elementary interval [j/2^a, (j+1)/2^a) × [l/2^b, (l+1)/2^b), a + b = m, holds exactly one point. */
function isZeroNet(points: Float64Array, n: number, dims: number, d1: number, d2: number, m: number): boolean {
  for (let a = 0; a <= m; a++) {
    const b = m - a;
    const counts = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const x = Math.floor(points[i * dims + d1] * 2 ** a);
      const y = Math.floor(points[i * dims + d2] * 2 ** b);
      counts[x * 2 ** b + y]++;
    }
    if (!counts.every((c) => c === 1)) return false;
  }
  return true;
}

describe("Sobol' sequence (Joe–Kuo new-joe-kuo-6.21201)", () => {
  it('matches the published first points in dimensions 1–3', () => {
    const p = sobolPoints(16, 3, { scramble: false });
    expect(Array.from(p)).toEqual(PUBLISHED.flat());
  });

  it('computes direction numbers by the Joe–Kuo recurrence', () => {
    // Dimension 3: x² + x + 1 (s = 2, a = 1), m1 = 1, m2 = 3, then m_k = 2 m_{k-1} ⊕ 4 m_{k-2} ⊕ m_{k-2}
    // (Joe & Kuo, "Notes on generating Sobol' sequences", eq. 1); V_k = m_k · 2^(32-k).
    const v = directionNumbers(3);
    const m = Array.from(v.slice(0, 6), (vk, k) => vk / 2 ** (31 - k));
    const expected = [1, 3];
    for (let k = 2; k < 6; k++) expected.push((2 * expected[k - 1]) ^ (4 * expected[k - 2]) ^ expected[k - 2]);
    expect(m).toEqual(expected);
    expect(m.every((x, k) => x % 2 === 1 && x < 2 ** (k + 1))).toBe(true);
  });

  it('every one of the 1111 dimensions is stratified: 2^10 points put exactly one in each interval of width 2^-10', () => {
    const n = 1024;
    const dims = SOBOL_MAX_DIMENSION;
    const p = sobolPoints(n, dims, { scramble: false });
    for (let d = 0; d < dims; d++) expect(oneDimStrata(p, n, dims, d, 10).every((c) => c === 1)).toBe(true);
  });

  it('dimensions 1 and 2 form a (0, m, 2)-net: every elementary interval of area 2^-m holds one point', () => {
    for (const m of [4, 8, 12]) {
      const n = 2 ** m;
      expect(isZeroNet(sobolPoints(n, 2, { scramble: false }), n, 2, 0, 1, m)).toBe(true);
    }
  });

  it('the linear matrix scramble and digital shift keep both stratifications', () => {
    const m = 10;
    const n = 2 ** m;
    const dims = 40;
    const p = sobolPoints(n, dims, { scramble: { seed: 'strata' } });
    for (let d = 0; d < dims; d++) expect(oneDimStrata(p, n, dims, d, m).every((c) => c === 1)).toBe(true);
    expect(isZeroNet(p, n, dims, 0, 1, m)).toBe(true);
    // ... and actually move the points.
    expect(Array.from(p.slice(0, 3))).not.toEqual([0, 0, 0]);
  });

  it('is reproducible by seed and differs between seeds', () => {
    const a = sobolPoints(64, 5, { scramble: { seed: '1' } });
    const b = sobolPoints(64, 5, { scramble: { seed: '1' } });
    const c = sobolPoints(64, 5, { scramble: { seed: '2' } });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('seek (skip) lands on the same point as stepping, across a 2^k boundary', () => {
    const step = new SobolSequence(7, { scramble: { seed: 's' } });
    const x = new Uint32Array(7);
    for (let i = 0; i <= 4100; i++) step.nextInt(x);
    const jump = new SobolSequence(7, { scramble: { seed: 's' }, skip: 4100 });
    const y = new Uint32Array(7);
    jump.nextInt(y);
    expect(Array.from(y)).toEqual(Array.from(x));
  });

  it('seeking back to any point after drawing others gives that point again, point 0 included', () => {
    const fresh = sobolPoints(40, 4, { scramble: { seed: 'back' } });
    const seq = new SobolSequence(4, { scramble: { seed: 'back' } });
    const x = new Float64Array(4);
    for (let i = 0; i < 37; i++) seq.next(x);
    for (const at of [0, 5, 0, 33, 1]) {
      seq.seek(at);
      for (let i = at; i < at + 3; i++) {
        seq.next(x);
        expect(Array.from(x)).toEqual(Array.from(fresh.subarray(4 * i, 4 * i + 4)));
      }
    }
  });

  it('midpoints lie strictly inside (0, 1)', () => {
    const p = sobolPoints(4, 3, { scramble: false, midpoint: true });
    expect(p[0]).toBe(2 ** -33);
    expect(p.every((u) => u > 0 && u < 1)).toBe(true);
  });

  it('rejects dimensions beyond the bundled table', () => {
    expect(() => new SobolSequence(SOBOL_MAX_DIMENSION + 1, { scramble: false })).toThrow(/1111/);
  });
});
