import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { checkpoints, simulate } from '../../src/engine/simulate.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}.ts`, import.meta.url).pathname;

describe('percentiles from the DDSketch', () => {
  it('are within the stated relative error of the exact percentiles of the very same samples', async () => {
    const handle = await loadModel(fixture('lognormal-product'));
    const options = { samples: 300_000, seed: 'sketch', workers: 0, percentiles: [1, 5, 50, 95, 99, 99.9] };
    const exact = await simulate(handle, { ...options, percentileMethod: 'exact' });
    const sketch = await simulate(handle, { ...options, percentileMethod: 'ddsketch' });
    expect(sketch.summary.percentileMethod).toBe('ddsketch');
    expect(sketch.summary.relativeError).toBe(0.001);
    expect(exact.summary.relativeError).toBe(0);
    for (const [key, value] of Object.entries(exact.summary.outputs.y.percentiles)) {
      expect(Math.abs(sketch.summary.outputs.y.percentiles[key] / value - 1)).toBeLessThanOrEqual(0.001);
    }
    // Moments and claims do not depend on the percentile method.
    expect(sketch.summary.outputs.y.mean).toBe(exact.summary.outputs.y.mean);
    expect(sketch.summary.claims).toEqual(exact.summary.claims);
  });

  it('gives the same bytes for any worker count', async () => {
    const handle = await loadModel(fixture('correlated'));
    const run = (workers: number) => simulate(handle, { samples: 150_000, seed: 's', workers, percentileMethod: 'ddsketch', chunkSize: 16_384 });
    const a = await run(0);
    const b = await run(2);
    expect(JSON.stringify({ ...b.summary, workers: 0 }) + JSON.stringify(b.distributions)).toBe(JSON.stringify({ ...a.summary, workers: 0 }) + JSON.stringify(a.distributions));
  });
});

describe('precision targets', () => {
  it('checkpoints grow by about 1.41× and end at the cap', () => {
    expect(checkpoints(20)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 20]);
    expect(checkpoints(1)).toEqual([1]);
  });

  it('stop at the first checkpoint that meets the target, deterministically for any worker count', async () => {
    const handle = await loadModel(fixture('lognormal-product'));
    const run = (workers: number) =>
      simulate(handle, { samples: 2_000_000, seed: 'p', workers, chunkSize: 8192, precision: { relative: 0.01, targets: [{ output: 'y', percentile: 95 }] } });
    const a = await run(0);
    const b = await run(2);
    expect(a.summary.precision?.met).toBe(true);
    expect(a.summary.samples).toBeLessThan(2_000_000);
    expect(a.summary.samples % 8192).toBe(0);
    expect(b.summary.samples).toBe(a.summary.samples);
    expect(JSON.stringify(b.summary.outputs)).toBe(JSON.stringify(a.summary.outputs));
    const [lo, hi] = a.summary.outputs.y.percentileCI95.p95;
    const p95 = a.summary.outputs.y.percentiles.p95;
    expect(Math.max(hi - p95, p95 - lo) / p95).toBeLessThanOrEqual(0.01);
  });

  it('report an unmet target when the cap comes first', async () => {
    const handle = await loadModel(fixture('lognormal-product'));
    const r = await simulate(handle, { samples: 20_000, seed: 'p', workers: 0, precision: { relative: 0.0001 } });
    expect(r.summary.precision?.met).toBe(false);
    expect(r.summary.samples).toBe(20_000);
  });
});
