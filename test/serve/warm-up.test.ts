/**
 * The warm-up (`Api.warmUp`, issue 14): while nobody waits, the server runs its model in small
 * chunks so that V8 has optimised the threads' kernel by the first slider move. It must never
 * show: a request stops it and gets exactly the cold run's numbers on the same threads, it goes
 * on once no request is in flight until its runs are done, and closing the server in the middle
 * of it leaves nothing running. Cold runs come first, on the engine's own threads: while a server
 * runs, simulate() in this process runs on its pool.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/api/simulate.ts';
import type { Summary } from '../../src/results/types.ts';
import { post, serve, SETTINGS } from './helpers.ts';

const request = (set: Record<string, string>) => ({ model: 'edunov-2023', samples: 100_000, seed: 1, set });

const B = { gpus: '1e6 to 2.5e6' };

describe('serve: the warm-up', () => {
  let coldA: Summary;
  let coldB: Summary;

  beforeAll(async () => {
    coldA = (await simulate('edunov-2023', { samples: 100_000, seed: 1, workers: SETTINGS.workers })).summary;
    coldB = (await simulate('edunov-2023', { samples: 100_000, seed: 1, set: B, workers: SETTINGS.workers })).summary;
  }, 120_000);

  it('is stopped by a request, which gets the cold run, and goes on after it until its runs are done', async () => {
    const server = await serve({ warmUp: true });
    try {
      const threads = server.pool.threadIds;
      for (const [set, cold] of [[{}, coldA], [B, coldB]] as const) {
        const r = await post(server.port, '/api/run', request(set));
        expect(r.status, r.text).toBe(200);
        expect(r.json<{ summary: Summary }>().summary).toEqual(cold);
      }
      await expect.poll(() => server.api.warmUpLeft, { timeout: 120_000, interval: 100 }).toBe(0);
      const again = await post(server.port, '/api/run', request(B));
      expect(again.json<{ summary: Summary }>().summary).toEqual(coldB);
      expect(server.pool.threadIds).toEqual(threads);
    } finally {
      await server.close();
    }
  }, 240_000);

  it('runs to its end when nobody asks, and the first request after it is answered as cold', async () => {
    const server = await serve({ warmUp: false });
    try {
      await server.api.warmUp(2);
      expect(server.api.warmUpLeft).toBe(0);
      const r = await post(server.port, '/api/run', request(B));
      expect(r.status, r.text).toBe(200);
      expect(r.json<{ summary: Summary }>().summary).toEqual(coldB);
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
