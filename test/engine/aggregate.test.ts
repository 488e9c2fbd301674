import { describe, expect, it } from 'vitest';
import { quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { loadModel } from '../../src/model/load.ts';
import { createAggregator } from '../../src/engine/aggregate.ts';
import { planChunks } from '../../src/engine/plan.ts';
import { createChunkRunner } from '../../workers/chunk.ts';
import type { SimulateResult } from '../../workers/protocol.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}.ts`, import.meta.url).pathname;

describe('aggregation of chunk partials', () => {
  it('merging chunks (in any arrival order) equals one aggregate over all samples', async () => {
    const { model } = await loadModel(fixture('non-finite'));
    const chunks = planChunks(25_000, 3_000);
    const runner = createChunkRunner(model);
    const results: SimulateResult[] = chunks.map((c) => runner.simulate({ kind: 'simulate', chunk: c.index, start: c.start, size: c.size, seed: 's', sampling: 'mc', percentileMethod: 'exact' }));
    const forward = createAggregator(model, 'exact', 25_000);
    results.forEach((r) => forward.add(r));
    const backward = createAggregator(model, 'exact', 25_000);
    [...results].reverse().forEach((r) => backward.add(r));
    const a = await forward.finish([5, 50, 95]);
    expect(JSON.stringify(await backward.finish([5, 50, 95]))).toBe(JSON.stringify(a));

    // The same statistics computed directly from the pooled finite values.
    const pooled = results.flatMap((r) => [...r.values![0]]).sort((x, y) => x - y);
    const logx = a.outputs.logx;
    expect(logx.count).toBe(pooled.length);
    expect(logx.nonFinite).toBe(25_000 - pooled.length);
    expect(logx.nonFinite).toBeGreaterThan(11_000); // log of a negative normal draw: about half
    expect(logx.mean).toBeCloseTo(pooled.reduce((s, v) => s + v, 0) / pooled.length, 10);
    expect(logx.sd).toBeCloseTo(sampleStandardDeviation(pooled), 10);
    expect(logx.min).toBe(pooled[0]);
    expect(logx.max).toBe(pooled[pooled.length - 1]);
    for (const p of [5, 50, 95]) expect(logx.percentiles[`p${p}`]).toBeCloseTo(quantileSorted(pooled, p / 100), 12);
    expect(a.outputs.x.count).toBe(25_000);
    expect(a.outputs.x.nonFinite).toBe(0);
  });

  // A thread that runs the chunks of a Sobol' run out of order (a queue worker after a retried job, a
  // refinement pass, the next run of the same seed) gives each chunk the values of a fresh thread.
  it('sobol chunks run in any order, chunk 0 after the others included, give the same values', async () => {
    const { model } = await loadModel(fixture('non-finite'));
    const chunks = planChunks(12_000, 3_000);
    const task = (i: number) => ({ kind: 'simulate' as const, chunk: i, start: chunks[i].start, size: chunks[i].size, seed: 'q', sampling: 'sobol' as const, percentileMethod: 'exact' as const });
    const inOrder = createChunkRunner(model);
    const expected = chunks.map((c) => [...inOrder.simulate(task(c.index)).values![1]]);
    const shuffled = createChunkRunner(model);
    for (const i of [2, 3, 0, 1, 0, 3]) expect([...shuffled.simulate(task(i)).values![1]]).toEqual(expected[i]);
  });
});
