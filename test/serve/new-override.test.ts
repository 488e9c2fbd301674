/**
 * A new override, the slider's case (issue 14): the server and its threads import each model
 * once and take a new distribution as data (a kept kernel, the same compute), yet every answer
 * is exactly the cold run's, whatever came before it on the same threads; each new set is still
 * checked, and a set the check refuses is a 400 for that request only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/api/simulate.ts';
import type { Summary } from '../../src/results/types.ts';
import type { RunningServer } from '../../src/serve/server.ts';
import { fixture } from '../cli/helpers.ts';
import { post, serve, SETTINGS } from './helpers.ts';

const SAMPLES = 70_000; // two chunks: one per thread

const SETS: Array<[Record<string, string>, string?]> = [
  [{}],
  [{ gpus: '1e6 to 2.01e6' }],
  [{ gpus: '1e6 to 2.02e6' }],
  [{ gpus: '1.5e6' }],
  [{ gpus: '1e6 to 2.03e6', gpu_power_w: '600 to 800' }],
  [{ gpus: '1e6 to 2.04e6' }, 'seed-700w-all-in'],
  [{ gpus: '1e6 to 2.01e6' }],
  [{}],
];
const coldRun = async (model: string, set: Record<string, string>, scenario?: string) =>
  (await simulate(model, { samples: SAMPLES, seed: 1, set, workers: SETTINGS.workers, ...(scenario ? { scenario } : {}) })).summary;

describe('serve: new overrides', () => {
  let server: RunningServer;
  /** Cold runs on the engine's own threads, before the server exists (while it runs, simulate() runs on its pool). */
  const cold = new Map<string, Summary>();

  beforeAll(async () => {
    for (const [set, scenario] of SETS) cold.set(JSON.stringify([set, scenario]), await coldRun('edunov-2023', set, scenario));
    cold.set('serve-throws', await coldRun(fixture('serve-throws.ts'), { x: '0.2 to 0.8' }));
    const catalog = new Map([['edunov-2023', 'edunov-2023'], ['serve-throws', fixture('serve-throws.ts')]]);
    server = await serve({ catalog });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  const run = async (model: string, set: Record<string, string>, scenario?: string) => {
    const r = await post(server.port, '/api/run', { model, samples: SAMPLES, seed: 1, set, ...(scenario ? { scenario } : {}) });
    return { status: r.status, body: r.json<{ summary: Summary; field?: string; message?: string }>() };
  };

  it('each new distribution, a constant and a scenario answer exactly as a cold run', async () => {
    const threads = server.pool.threadIds;
    for (const [set, scenario] of SETS) {
      const served = await run('edunov-2023', set, scenario);
      expect(served.status, JSON.stringify(served.body)).toBe(200);
      expect(served.body.summary, JSON.stringify(set)).toEqual(cold.get(JSON.stringify([set, scenario])));
    }
    expect(server.pool.threadIds).toEqual(threads);
  }, 240_000);

  it('a new set whose check fails is a 400 naming the fault, and the next set runs', async () => {
    const bad = await run('serve-throws', { x: '10 to 20' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('model');
    expect(bad.body.message).toMatch(/^model serve-throws: compute threw "x is 1\d(\.\d+)?" for the sample x=/);
    const good = await run('serve-throws', { x: '0.2 to 0.8' });
    expect(good.status).toBe(200);
    expect(good.body.summary).toEqual(cold.get('serve-throws'));
  }, 120_000);
});
