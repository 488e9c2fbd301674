/**
 * A claim declared as data equals its function form on the same samples: same holds count and
 * probability, bit for bit, for all four operators, in-process and on worker threads, in a run
 * (simulate kernel) and per row (evaluate kernel, which sensitivity uses). The fixture's output
 * has ties at the threshold, where `<` and `<=` part.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { createChunkRunner } from '../../workers/chunk.ts';

const fixture = new URL('../fixtures/fmt-claim-pairs.ts', import.meta.url).pathname;
const OPS = ['lt', 'le', 'gt', 'ge'] as const;

describe('claims as data against their function form', () => {
  for (const workers of [0, 2]) {
    it(`simulate, ${workers} worker${workers === 1 ? '' : 's'}: same holds and probability for <, <=, >, >=`, async () => {
      const handle = await loadModel(fixture);
      const { summary } = await simulate(handle, { samples: 50_000, seed: 'fmt', workers, chunkSize: 8192 });
      for (const op of OPS) {
        const data = summary.claims[`${op}_data`]!;
        const fn = summary.claims[`${op}_fn`]!;
        expect([data.holds, data.probability, data.ci95]).toEqual([fn.holds, fn.probability, fn.ci95]);
      }
      expect(summary.claims.le_data!).toMatchObject({ output: 'k', op: '<=', value: 5 });
      expect(summary.claims.le_fn!.op).toBeUndefined();
      // The tie matters: P(k = 5) = 0.1, so the <= and < counts differ by about 5,000.
      expect(summary.claims.le_data!.holds - summary.claims.lt_data!.holds).toBeGreaterThan(4000);
      expect(summary.claims.lt_data!.holds + summary.claims.ge_data!.holds).toBe(50_000);
    });
  }

  it('evaluate (the sensitivity kernel): the same indicator row by row', async () => {
    const { model } = await loadModel(fixture);
    const rows = 4096;
    const unit = new Float64Array(rows).map((_, i) => (i + 0.5) / rows);
    const result = createChunkRunner(model).evaluate({ kind: 'evaluate', chunk: 0, rows, unit });
    const names = model.claims.map((c) => c.name);
    for (const op of OPS) {
      expect(Array.from(result.claims[names.indexOf(`${op}_data`)]!)).toEqual(Array.from(result.claims[names.indexOf(`${op}_fn`)]!));
    }
  });
});
