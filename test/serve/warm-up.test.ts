/**
 * The warm-up (`Api.warmUp`, issue 14): before anyone asks, the server runs its model in small
 * chunks so that V8 has optimised the threads' kernel by the first slider move. It must never
 * show: the first request stops it and gets exactly the cold run's numbers on the same threads,
 * and closing the server in the middle of it leaves nothing running.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/api/simulate.ts';
import type { Summary } from '../../src/results/types.ts';
import { post, serve, SETTINGS } from './helpers.ts';

const request = (set: Record<string, string>) => ({ model: 'edunov-2023', samples: 100_000, seed: 1, set });

describe('serve: the warm-up', () => {
  it('is stopped by the first request, which gets the cold run; a new override after it too', async () => {
    const server = await serve({ warmUp: true });
    try {
      const threads = server.pool.threadIds;
      const sets: Record<string, string>[] = [{}, { gpus: '1e6 to 2.5e6' }];
      for (const set of sets) {
        const r = await post(server.port, '/api/run', request(set));
        expect(r.status, r.text).toBe(200);
        const cold = (await simulate('edunov-2023', { samples: 100_000, seed: 1, set, workers: SETTINGS.workers })).summary;
        expect(r.json<{ summary: Summary }>().summary).toEqual(cold);
      }
      expect(server.pool.threadIds).toEqual(threads);
    } finally {
      await server.close();
    }
  }, 180_000);

  it('runs to its end when nobody asks, and the first request after it is answered as cold', async () => {
    const server = await serve({ warmUp: false });
    try {
      await server.api.warmUp(2);
      const r = await post(server.port, '/api/run', request({ gpus: '1e6 to 2.5e6' }));
      expect(r.status, r.text).toBe(200);
      const cold = (await simulate('edunov-2023', { samples: 100_000, seed: 1, set: { gpus: '1e6 to 2.5e6' }, workers: SETTINGS.workers })).summary;
      expect(r.json<{ summary: Summary }>().summary).toEqual(cold);
    } finally {
      await server.close();
    }
  }, 180_000);

  it('closing the server during the warm-up ends it', async () => {
    const server = await serve({ warmUp: false });
    const warming = server.api.warmUp(50);
    await new Promise((r) => setTimeout(r, 300));
    await server.close();
    await expect(warming).resolves.toBeUndefined();
  }, 120_000);
});
