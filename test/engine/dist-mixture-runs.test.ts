/**
 * Mixtures and Squiggle-style strings through the engine: every sampling design (plain Monte Carlo
 * through `fill`, Latin hypercube and Sobol through `quantile`), bit-identical for 0 (in-process),
 * 1, 2 and 4 workers, and the analytic answers of test/fixtures/dist-squiggle.ts.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { loadModel } from '../../src/model/load.ts';

const FIXTURE = new URL('../fixtures/dist-squiggle.ts', import.meta.url).pathname;
const OVERRIDES = { b: '-1 to 1' };

async function run(workers: number, sampling: 'mc' | 'lhs' | 'sobol', samples = 20_000) {
  const handle = await loadModel(FIXTURE, OVERRIDES);
  return simulate(handle, { samples, seed: 'dist-mixture', workers, sampling, chunkSize: 4096 });
}

describe('mixtures through the engine', () => {
  for (const sampling of ['mc', 'lhs', 'sobol'] as const) {
    it(`${sampling}: the same bytes in-process and with 1, 2 and 4 worker threads`, async () => {
      const fingerprint = async (workers: number) => {
        const r = await run(workers, sampling);
        return JSON.stringify({ ...r.summary, workers: undefined, distributions: r.distributions });
      };
      const reference = await fingerprint(0);
      for (const workers of [1, 2, 4]) expect(await fingerprint(workers)).toBe(reference);
    });

    it(`${sampling}: the analytic mean and the atom's probability`, async () => {
      const n = 65_536;
      const r = await run(0, sampling, n);
      const y = r.summary.outputs.y;
      // y = a + b, independent: Var = 5.4375 + (1/1.6448536269514722)² = 5.8071; 5 standard errors.
      const se = Math.sqrt((5.4375 + 1 / 1.6448536269514722 ** 2) / n);
      expect(Math.abs(y.mean - 1.25)).toBeLessThan(5 * se);
      // P(a = 5) = ¼: within 5 binomial sd for MC; the stratified designs land within one stratum or point.
      const p = r.summary.claims.a_at_atom.probability;
      if (sampling === 'mc') expect(Math.abs(p - 0.25)).toBeLessThan(5 * Math.sqrt(0.25 * 0.75 / n));
      else expect(Math.abs(p * n - n / 4)).toBeLessThanOrEqual(sampling === 'lhs' ? Math.ceil(n / 4096) : 2);
    });
  }

  it('records the resolved mixtures in the model: label, kind and params', async () => {
    const handle = await loadModel(FIXTURE, OVERRIDES);
    const byName = Object.fromEntries(handle.model.parameters.map((p) => [p.name, p.dist]));
    expect(byName.a.label).toBe('mx(normal(mean=0, sd=1), 5, [3, 1])');
    expect(byName.b.label).toBe('normal(mean=0, sd=0.6079568319117692)');
    expect(byName.c.kind).toBe('mixture');
    expect(byName.c.label).toBe('mx(lognormal(p5=1e3, p95=2e3), 3e3, [9, 1])');
    expect(byName.c.params).toEqual({ weights: [9, 1], probabilities: [0.9, 0.1] });
    expect(byName.d.isConstant).toBe(true);
    expect(byName.d.mean).toBe(2000);
  });
});
