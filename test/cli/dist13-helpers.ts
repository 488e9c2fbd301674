/** Issue 13's helpers: a Redis server of the test's own, and a distributed run's folder against the one-machine run's. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { expect } from 'vitest';

/** Debian's redis-server, if installed. */
export const REDIS_SERVER: string | undefined =
  ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f)) ?? (spawnSync('which', ['redis-server']).stdout?.toString().trim() || undefined);

/** A loopback port nobody listens on (now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A redis-server on a free loopback port, nothing saved, once it answers. */
export async function startRedis(): Promise<{ proc: ChildProcess; port: number; url: string }> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const port = await freePort();
  const proc = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    c.on('error', () => {});
    const ok = await c.connect().then(() => true, () => false);
    c.disconnect();
    if (ok) return { proc, port, url: `redis://127.0.0.1:${port}` };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;

/** Everything but `workers` and the optional `shard`/`queue` of summary.json. */
export function comparableSummary(dir: string): unknown {
  const { workers: _w, shard: _s, queue: _q, ...rest } = summaryOf(dir);
  return rest;
}

/**
 * percentiles.csv and distributions.json byte for byte; summary.json the same but for `workers`
 * and the distributed run's `placement` field (`queue` or `shard`), which the one-machine run
 * lacks, placed right after `workers`. Returns that field.
 */
export function expectSameResults(distributed: string, one: string, placement: 'queue' | 'shard'): Record<string, unknown> {
  for (const f of ['percentiles.csv', 'distributions.json']) expect(readFileSync(join(distributed, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  const d = summaryOf(distributed);
  const o = summaryOf(one);
  expect('queue' in o || 'shard' in o).toBe(false);
  expect(Object.keys(d).filter((k) => !(k in o))).toEqual([placement]);
  expect(Object.keys(d)[Object.keys(d).indexOf('workers') + 1]).toBe(placement);
  const { workers: _w, [placement]: _p, ...rest } = d;
  const { workers: _v, ...restOne } = o;
  expect(JSON.stringify(rest)).toBe(JSON.stringify(restOne)); // same fields, same order, same numbers
  return d[placement] as Record<string, unknown>;
}
