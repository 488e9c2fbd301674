import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { simulate } from '../../src/engine/simulate.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}.ts`, import.meta.url).pathname;

/** Everything a run produces except the worker count it records. */
async function fingerprint(name: string, workers: number, sampling: 'mc' | 'lhs') {
  const handle = await loadModel(fixture(name));
  const run = await simulate(handle, { samples: 70_000, seed: 'determinism', workers, sampling, chunkSize: 8192 });
  return JSON.stringify({ ...run.summary, workers: undefined, distributions: run.distributions });
}

describe('determinism', () => {
  for (const [name, sampling] of [['lognormal-product', 'mc'], ['correlated', 'lhs']] as const) {
    it(`${name} (${sampling}): the same bytes in-process and with 1, 2 and 4 worker threads`, async () => {
      const reference = await fingerprint(name, 0, sampling);
      for (const workers of [1, 2, 4]) expect(await fingerprint(name, workers, sampling)).toBe(reference);
    });
  }

  it('a different seed gives different samples', async () => {
    const handle = await loadModel(fixture('lognormal-product'));
    const a = await simulate(handle, { samples: 10_000, seed: 'a', workers: 0 });
    const b = await simulate(handle, { samples: 10_000, seed: 'b', workers: 0 });
    expect(a.summary.outputs.y.mean).not.toBe(b.summary.outputs.y.mean);
  });
});
