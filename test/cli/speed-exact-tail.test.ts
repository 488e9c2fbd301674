/**
 * Issue 10, end-to-end speed, through the real command line: the faster end of an exact run (the
 * convergence points selected as prefixes in the same passes as the full sample, histograms
 * counted through a bucket table) and the engine's own random stream (xoshiro128** per chunk)
 * give results that
 * - are the same bytes for 1 and 2 workers, and
 * - equal what a plain sort of the very same samples gives: every percentile, the quantile grid,
 *   every convergence point's p50 and p95 and every histogram count. The samples are re-drawn
 *   here, in this process, by the chunk function the workers run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { planChunks } from '../../src/engine/plan.ts';
import { createChunkRunner } from '../../workers/chunk.ts';
import { cli, fixture } from './helpers.ts';

const SLOW = { timeout: 180_000 };
/** Five chunks and a bit: convergence points after 1 and 2 chunks (prefixes), then the end. */
const SAMPLES = 300_000;
const SEED = '10';
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'aemc-speed-'));
  dirs.push(dir);
  return join(dir, 'out');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const read = (out: string, file: string) => JSON.parse(readFileSync(join(out, file), 'utf8'));

/** Hyndman–Fan type 7 on sorted values: numpy's and R's default. */
const type7 = (sorted: Float64Array, p: number) => {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
};

/** Every finite value of each output, in sample order, drawn by the workers' chunk function. */
async function samples(): Promise<Float64Array[]> {
  const { model } = await loadModel(fixture('speed-peer.mjs'));
  const runner = createChunkRunner(model);
  const parts = planChunks(SAMPLES).map((c) => runner.simulate({ kind: 'simulate', chunk: c.index, start: c.start, size: c.size, seed: SEED, sampling: 'mc', percentileMethod: 'exact' }));
  return model.outputs.map((_, j) => {
    const all = new Float64Array(parts.reduce((n, r) => n + r.finite[j], 0));
    let at = 0;
    for (const r of parts) {
      all.set(r.values![j], at);
      at += r.finite[j];
    }
    return all;
  });
}

describe.concurrent('exact runs end to end (speed-)', SLOW, () => {
  it('1 and 2 workers write the same statistics, and they are a plain sort of the same samples', async () => {
    const one = temp();
    const two = temp();
    const [r1, r2] = await Promise.all([
      cli(['run', fixture('speed-peer.mjs'), '--samples', String(SAMPLES), '--seed', SEED, '--workers', '1', '--percentile-method', 'exact', '--out', one, '--quiet']),
      cli(['run', fixture('speed-peer.mjs'), '--samples', String(SAMPLES), '--seed', SEED, '--workers', '2', '--percentile-method', 'exact', '--out', two, '--quiet']),
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(readFileSync(join(two, 'distributions.json'), 'utf8')).toBe(readFileSync(join(one, 'distributions.json'), 'utf8'));
    const s1 = read(one, 'summary.json');
    const s2 = read(two, 'summary.json');
    expect(JSON.stringify(s2.outputs)).toBe(JSON.stringify(s1.outputs));
    expect(JSON.stringify(s2.claims)).toBe(JSON.stringify(s1.claims));

    const distributions = read(one, 'distributions.json');
    const values = await samples();
    ['annual_twh', 'reactors'].forEach((name, j) => {
      const v = values[j];
      const sorted = v.slice().sort();
      const out = s1.outputs[name];
      expect(out.count).toBe(SAMPLES);
      for (const p of [1, 5, 10, 25, 50, 75, 90, 95, 99]) expect(out.percentiles[`p${p}`]).toBe(type7(sorted, p / 100));
      expect(out.min).toBe(sorted[0]);
      expect(out.max).toBe(sorted[sorted.length - 1]);

      const d = distributions.outputs[name];
      d.quantiles.p.forEach((p: number, i: number) => expect(d.quantiles.x[i]).toBe(type7(sorted, p)));

      // Convergence after 1 and 2 chunks (prefixes of the kept values), then at the end.
      expect(d.convergence.n).toEqual([65_536, 131_072, SAMPLES]);
      d.convergence.n.forEach((n: number, k: number) => {
        const prefix = v.slice(0, n).sort();
        expect(d.convergence.p50[k]).toBe(type7(prefix, 0.5));
        expect(d.convergence.p95[k]).toBe(type7(prefix, 0.95));
      });

      // Histogram: 60 equal bins from p0.1 to p99.9 (the last edge is p0.1 + 60 widths, up to rounding),
      // every count exact for the edges as written.
      const { edges, counts } = d.histogram;
      expect(edges[0]).toBe(type7(sorted, 0.001));
      expect(Math.abs(edges[edges.length - 1] / type7(sorted, 0.999) - 1)).toBeLessThan(1e-12);
      const direct = new Array<number>(edges.length - 1).fill(0);
      for (const x of sorted) {
        if (x < edges[0] || x > edges[edges.length - 1]) continue;
        let k = 0;
        while (k < edges.length - 2 && x >= edges[k + 1]) k++;
        direct[k]++;
      }
      expect(counts).toEqual(direct);
    });
  });

  it('the DDSketch gives the same bytes for 1 and 2 workers, every percentile within 0.1% of the exact one', async () => {
    const sketch1 = temp();
    const sketch2 = temp();
    const exact = temp();
    const run = (workers: string, method: string, out: string) =>
      cli(['run', fixture('speed-peer.mjs'), '--samples', String(SAMPLES), '--seed', SEED, '--workers', workers, '--percentile-method', method, '--out', out, '--quiet']);
    const results = await Promise.all([run('1', 'ddsketch', sketch1), run('2', 'ddsketch', sketch2), run('2', 'exact', exact)]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(sketch2, 'distributions.json'), 'utf8')).toBe(readFileSync(join(sketch1, 'distributions.json'), 'utf8'));
    const s = read(sketch1, 'summary.json');
    const e = read(exact, 'summary.json');
    expect(JSON.stringify(read(sketch2, 'summary.json').outputs)).toBe(JSON.stringify(s.outputs));
    for (const name of ['annual_twh', 'reactors']) {
      for (const [key, x] of Object.entries(e.outputs[name].percentiles) as Array<[string, number]>) {
        expect(Math.abs(s.outputs[name].percentiles[key] - x) / x).toBeLessThanOrEqual(0.001);
      }
      // The moments do not depend on the percentile method.
      expect(s.outputs[name].mean).toBe(e.outputs[name].mean);
    }
  });
});
