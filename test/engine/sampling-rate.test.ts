import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { samplingErrorStudy } from '../../src/engine/sampling-study.ts';
import { MEAN } from '../fixtures/smooth.ts';

describe('sampling designs on a smooth model: the error of the mean falls faster than plain Monte Carlo', () => {
  it('mc ≈ N^-1/2; lhs and sobol clearly steeper, and smaller at the largest N', async () => {
    const handle = await loadModel(new URL('../fixtures/smooth.ts', import.meta.url).pathname);
    const common = { output: 'y', exactMean: MEAN, sizes: [256, 1024, 4096, 16384], replicates: 24 };
    const mc = await samplingErrorStudy(handle, { ...common, sampling: 'mc' });
    const lhs = await samplingErrorStudy(handle, { ...common, sampling: 'lhs' });
    const sobol = await samplingErrorStudy(handle, { ...common, sampling: 'sobol' });
    // With 24 replicates the RMSE itself is uncertain by ~15%, so the slopes carry ±0.1 or so.
    expect(mc.slope).toBeGreaterThan(-0.7);
    expect(mc.slope).toBeLessThan(-0.3);
    expect(lhs.slope).toBeLessThan(mc.slope - 0.2);
    expect(sobol.slope).toBeLessThan(mc.slope - 0.3);
    expect(lhs.rmse.at(-1)!).toBeLessThan(mc.rmse.at(-1)! / 3);
    expect(sobol.rmse.at(-1)!).toBeLessThan(mc.rmse.at(-1)! / 10);
  });
});
