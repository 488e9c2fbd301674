import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { MU, SIGMA } from '../fixtures/lognormal-product.ts';

// Standard normal quantiles (R: qnorm(c(.01, .05, .5, .95, .99))).
const Z: Record<string, number> = { p1: -2.326347874040841, p5: -1.644853626951472, p50: 0, p95: 1.644853626951472, p99: 2.326347874040841 };

describe('a lognormal product, whose percentiles are known analytically', () => {
  for (const sampling of ['mc', 'lhs'] as const) {
    it(`${sampling}: every analytic percentile lies in (or within a hair of) its 95% interval`, async () => {
      const handle = await loadModel(new URL('../fixtures/lognormal-product.ts', import.meta.url).pathname);
      const run = await simulate(handle, { samples: 400_000, seed: '7', workers: 0, sampling, percentiles: [1, 5, 50, 95, 99] });
      const y = run.summary.outputs.y;
      let inside = 0;
      for (const [key, z] of Object.entries(Z)) {
        const exact = Math.exp(MU + z * SIGMA);
        expect(Math.abs(y.percentiles[key] / exact - 1)).toBeLessThan(0.01);
        const [lo, hi] = y.percentileCI95[key];
        if (lo <= exact && exact <= hi) inside++;
      }
      // Five 95% intervals: all five cover with probability 0.77; at least four with 0.98.
      expect(inside).toBeGreaterThanOrEqual(4);
      // Mean of a lognormal: exp(μ + σ²/2).
      const mean = Math.exp(MU + (SIGMA * SIGMA) / 2);
      expect(Math.abs(y.mean / mean - 1)).toBeLessThan(0.005);
      // The claim "y above its median" holds half the time.
      expect(run.summary.claims.above_median.probability).toBeCloseTo(0.5, 2);
    });
  }
});
