/**
 * Issue 13, part b: a queued sensitivity study ships its design as a spec and a row range, never
 * the rows. Through the engine's own path (runSensitivity over a runner that encodes each job as
 * the queue does and decodes it as a worker does): the results equal the one-machine study's, and
 * a job's encoded size does not grow with N.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../workers/protocol.ts';
import { loadModel } from '../../src/model/load.ts';
import { inProcessRunner, setRunnerFactory } from '../../src/engine/runner.ts';
import { runSensitivity, type SensitivityOptions } from '../../src/sensitivity/run.ts';
import { decodeJobTasks, designRows, encodeJobTasks } from '../../src/distributed/queue/job-codec.ts';
import { planDesigns } from '../../src/sensitivity/design-spec.ts';
import { fixture } from '../cli/helpers.ts';

const MODEL = fixture('dist13-two-outputs.ts');
afterEach(() => setRunnerFactory(undefined));

/** The study run locally, then through the job codec; returns both results and the largest job (16 tasks, as DEFAULT_BATCH). */
async function viaCodec(options: Omit<SensitivityOptions, 'workers'>) {
  const handle = await loadModel(MODEL);
  const local = await runSensitivity(handle, { ...options, workers: 0 });
  let largest = 0;
  let firstTask = 0;
  let rowsRegenerated = 0;
  setRunnerFactory(async (h) => {
    const inner = inProcessRunner(h);
    return {
      workers: 0,
      async run(tasks, onResult, signal) {
        if (tasks.length > 0 && firstTask === 0) firstTask = encodeJobTasks(tasks.slice(0, 1)).length;
        for (let i = 0; i < tasks.length; i += 16) {
          const text = encodeJobTasks(tasks.slice(i, i + 16));
          largest = Math.max(largest, text.length);
          const decoded: Task[] = decodeJobTasks(text, (spec, first, count) => {
            rowsRegenerated += count;
            return designRows(spec, first, count);
          });
          await inner.run(decoded, onResult, signal);
        }
      },
      close: () => inner.close(),
    };
  });
  const queued = await runSensitivity(handle, { ...options, workers: 0 });
  return { local, queued, largest, firstTask, rowsRegenerated };
}

describe('sensitivity designs travel as a spec and a row range (issue 13)', () => {
  it('Sobol′: the same indices as one machine, and a chunk’s task weighs the same at N = 2^10 and N = 2^16', async () => {
    const small = await viaCodec({ method: 'sobol', samples: 1024, seed: 'b1' });
    const large = await viaCodec({ method: 'sobol', samples: 65536, seed: 'b1' });
    expect(JSON.stringify(small.queued)).toBe(JSON.stringify(small.local));
    expect(JSON.stringify(large.queued)).toBe(JSON.stringify(large.local));
    // Every row was regenerated on the "worker" (none travelled): N·(k + 2) rows, k = 3.
    expect(small.rowsRegenerated).toBe(1024 * 5);
    expect(large.rowsRegenerated).toBe(65536 * 5);
    // The rows of 5 chunks of 65,536 × 3 doubles would be ~7.9 MB; the job is the spec and row numbers.
    expect(large.largest).toBeLessThan(1000);
    expect(Math.abs(large.firstTask - small.firstTask)).toBeLessThan(16);
  }, 120_000);

  it('every method (a Monte Carlo design with Iman–Conover correlations, Morris, tornado): the same bytes as one machine', async () => {
    const r = await viaCodec({ method: 'all', samples: 4096, seed: 'b2' });
    expect(JSON.stringify(r.queued)).toBe(JSON.stringify(r.local));
    expect(r.rowsRegenerated).toBe(r.local.evaluations);
    expect(r.largest).toBeLessThan(1000);
  }, 120_000);

  it('regenerated rows are the design’s own bits, and rows outside it are refused', () => {
    const spec = { method: 'sobol' as const, k: 3, samples: 256, seed: 'b3', correlations: [] };
    const { unit } = planDesigns(spec, () => {});
    const text = JSON.stringify(spec);
    const rows = designRows(text, 300, 200);
    expect(Buffer.from(rows.buffer).equals(Buffer.from(unit.slice(300 * 3, 500 * 3).buffer))).toBe(true);
    expect(() => designRows(text, 1200, 200)).toThrow(/outside the study's design \(1280 rows\)/);
  });

  it('a task without a spec still carries its rows, and a simulate task leaves its shared buffers home', () => {
    const unit = new Float64Array(3000).fill(0.5);
    const text = encodeJobTasks([
      { kind: 'evaluate', chunk: 0, rows: 1000, unit },
      { kind: 'simulate', chunk: 0, start: 0, size: 10, seed: 's', sampling: 'mc', percentileMethod: 'exact', shared: [new SharedArrayBuffer(80)] },
    ]);
    const [evaluate, simulate] = decodeJobTasks(text, () => {
      throw new Error('no spec: nothing to regenerate');
    });
    expect(evaluate.kind === 'evaluate' && Array.from(evaluate.unit)).toEqual(Array.from(unit));
    expect(simulate.kind === 'simulate' && simulate.shared).toBeUndefined();
  });
});
