/**
 * The warm pool under failures: a model that throws fails that run only (400, the engine's one
 * line) and the next run succeeds on the same threads; a model that ends its thread gets a
 * RunError and the pool replaces the thread, so the next run succeeds too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.ts';
import { fixture } from '../cli/helpers.ts';
import { post, serve } from './helpers.ts';

describe('serve pool', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve({ catalog: new Map([['serve-throws', fixture('serve-throws.ts')]]) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  const run = (set: Record<string, string>) => post(server.port, '/api/run', { model: 'serve-throws', samples: 20_000, seed: 'a', set });

  it('a model error fails its run only, and the threads stay', async () => {
    const threads = server.pool.threadIds;
    const ok = await run({});
    expect(ok.status, ok.text).toBe(200);
    const p = ok.json<{ summary: { claims: { small: { probability: number } } } }>().summary.claims.small.probability;
    expect(p).toBeGreaterThan(0.45);
    const failed = await run({ x: '10' });
    expect(failed.status).toBe(400);
    expect(failed.json<{ message: string }>().message).toContain('x is 10');
    expect(failed.json<{ message: string }>().message).not.toContain('\n');
    const again = await run({});
    expect(again.status, again.text).toBe(200);
    expect(again.json<{ summary: { claims: { small: { probability: number } } } }>().summary.claims.small.probability).toBe(p);
    expect(server.pool.threadIds).toEqual(threads);
  }, 120_000);

  it('a model that ends its thread fails its run, and the pool starts a new thread', async () => {
    const failed = await run({ x: '1000' });
    expect(failed.status, failed.text).toBe(500);
    expect(failed.json<{ message: string }>().message).toMatch(/worker thread stopped/);
    const again = await run({});
    expect(again.status, again.text).toBe(200);
    expect(server.pool.threadIds).toHaveLength(2);
  }, 120_000);
});
