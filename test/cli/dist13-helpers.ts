/** Issue 13's comparisons: a distributed run's folder against the one-machine run's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Everything but `workers` (and the optional `shard`/`queue`) of summary.json. */
export function comparableSummary(dir: string): unknown {
  const { workers: _w, shard: _s, queue: _q, ...rest } = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  return rest;
}

/** percentiles.csv and distributions.json byte for byte, summary.json but for `workers`. */
export function expectSameResults(a: string, b: string): void {
  for (const f of ['percentiles.csv', 'distributions.json']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  expect(comparableSummary(a)).toEqual(comparableSummary(b));
}
