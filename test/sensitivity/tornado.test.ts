import { describe, expect, it } from 'vitest';
import { analyzeTornado } from '../../src/sensitivity/analyze/tornado.ts';
import { sampleTornado } from '../../src/sensitivity/sample/tornado.ts';
import { COEFFICIENTS, MEAN, SD } from '../fixtures/linear-normal.ts';
import { evaluate } from './helpers.ts';

/** z_0.9 = Φ⁻¹(0.9) (scipy.stats.norm.ppf(0.9)). */
const Z90 = 1.2815515655446004;

describe('tornado', () => {
  it('lays out a base row and a low/high pair per input', () => {
    const d = sampleTornado(2);
    expect(Array.from(d.unit)).toEqual([0.5, 0.5, 0.1, 0.5, 0.9, 0.5, 0.5, 0.1, 0.5, 0.9]);
    expect(d.layout.blocks.map((b) => b.name)).toEqual(['base', 'swing_0', 'swing_1']);
  });

  it('linear model: low/high are the base plus a_i (q10 − μ_i) and a_i (q90 − μ_i), sorted by swing', async () => {
    const d = sampleTornado(5);
    const t = analyzeTornado(d.layout, await evaluate('linear-normal', d.unit));
    const base = COEFFICIENTS.reduce((s, a, i) => s + a * MEAN[i], 0);
    expect(t.base).toBeCloseTo(base, 10);
    for (let i = 0; i < 5; i++) {
      expect(t.low[i]).toBeCloseTo(base - COEFFICIENTS[i] * SD[i] * Z90, 8);
      expect(t.high[i]).toBeCloseTo(base + COEFFICIENTS[i] * SD[i] * Z90, 8);
      expect(t.swing[i]).toBeCloseTo(2 * Math.abs(COEFFICIENTS[i]) * SD[i] * Z90, 8);
    }
    expect(t.order).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes other probability levels and rejects bad ones', () => {
    expect(sampleTornado(1, { low: 0.05, high: 0.95 }).unit[1]).toBe(0.05);
    expect(() => sampleTornado(1, { low: 0.9, high: 0.1 })).toThrow(/above the low level/);
    expect(() => sampleTornado(1, { low: 0 })).toThrow(/strictly between 0 and 1/);
  });
});
