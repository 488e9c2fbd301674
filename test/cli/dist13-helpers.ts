/** Issue 13's comparisons: a distributed run's folder against the one-machine run's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

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
