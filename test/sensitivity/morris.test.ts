import { describe, expect, it } from 'vitest';
import { analyzeMorris } from '../../src/sensitivity/analyze/morris.ts';
import { sampleMorris } from '../../src/sensitivity/sample/morris.ts';
import { evaluate } from './helpers.ts';

describe('Morris elementary effects', () => {
  it('builds r trajectories of k + 1 rows, each moving every input once by ±Δ on the grid', () => {
    const k = 4;
    const d = sampleMorris(k, { trajectories: 10, levels: 4, seed: 'm' });
    expect(d.rows).toBe(50);
    // Morris's 4-level grid {0, 1/3, 2/3, 1} laid between the 1st and 99th percentiles; Δ = 2/3 of that span.
    expect(d.layout.delta).toBeCloseTo(0.98 * (2 / 3), 15);
    const grid = [0, 1, 2, 3].map((l) => 0.01 + (0.98 * l) / 3);
    expect(Array.from(d.unit).every((u) => grid.some((g) => Math.abs(g - u) < 1e-15))).toBe(true);
    for (let t = 0; t < 10; t++) {
      const first = t * (k + 1);
      expect(d.layout.factor[first]).toBe(-1);
      const moved = Array.from(d.layout.factor.slice(first + 1, first + k + 1)).sort();
      expect(moved).toEqual([0, 1, 2, 3]);
      for (let s = 1; s <= k; s++) {
        const row = first + s;
        const f = d.layout.factor[row];
        for (let i = 0; i < k; i++) {
          const diff = d.unit[row * k + i] - d.unit[(row - 1) * k + i];
          expect(diff).toBeCloseTo(i === f ? d.layout.step[row] : 0, 15);
        }
      }
    }
  });

  it('linear function (in u): every elementary effect is the slope, so mu = slope, mu* = |slope|, sigma = 0', () => {
    const d = sampleMorris(3, { trajectories: 8, seed: 'lin' });
    const y = new Float64Array(d.rows);
    for (let r = 0; r < d.rows; r++) y[r] = 3 * d.unit[r * 3] - 2 * d.unit[r * 3 + 1];
    const m = analyzeMorris(d.layout, y, { seed: 'lin' });
    expect(Array.from(m.mu).map((v) => +v.toFixed(12))).toEqual([3, -2, 0]);
    expect(Array.from(m.muStar).map((v) => +v.toFixed(12))).toEqual([3, 2, 0]);
    expect(Array.from(m.sigma).map((v) => +v.toFixed(12))).toEqual([0, 0, 0]);
  });

  it('Sobol G: ranks the important inputs (a = 0, 1, 4.5, 9) above the unimportant ones (a = 99)', async () => {
    // Campolongo et al. 2007 use this function (their §4) to show that mu* separates the inputs.
    const d = sampleMorris(8, { trajectories: 50, seed: 'g' });
    const m = analyzeMorris(d.layout, await evaluate('sobol-g', d.unit), { seed: 'g' });
    const mu = Array.from(m.muStar);
    expect(mu[0]).toBeGreaterThan(mu[1]);
    expect(mu[1]).toBeGreaterThan(mu[2]);
    expect(mu[2]).toBeGreaterThan(mu[3]);
    expect(Math.min(...mu.slice(0, 4))).toBeGreaterThan(3 * Math.max(...mu.slice(4)));
    // mu*'s interval is ordered around the estimate.
    m.muStarCI95.forEach(([lo, hi], i) => {
      expect(lo).toBeLessThanOrEqual(mu[i]);
      expect(hi).toBeGreaterThanOrEqual(mu[i]);
    });
  });

  it('Ishigami: every input with a first- or total-order effect gets a clearly non-zero mu*', async () => {
    // S1 = (0.31, 0.44, 0), ST = (0.56, 0.44, 0.24) (Ishigami & Homma 1990): all three inputs matter.
    // A grid whose jump were half a probability unit would give x2 (sin² x2, period π) mu* = 0.
    const d = sampleMorris(3, { trajectories: 100, seed: 'ishigami' });
    const m = analyzeMorris(d.layout, await evaluate('ishigami', d.unit), { seed: 'ishigami' });
    const mu = Array.from(m.muStar);
    expect(Math.min(...mu)).toBeGreaterThan(1);
  });

  it('rejects an odd number of levels', () => {
    expect(() => sampleMorris(2, { trajectories: 4, levels: 5, seed: 'x' })).toThrow(/even integer/);
  });
});
