/**
 * Issue 13: exact percentiles of values nobody keeps (src/engine/remote-select.ts), driven
 * in-process. First on synthetic chunks against the one-machine code itself — prefixOrderStatistics
 * for every rank of the full sample and of its prefixes, histogramCounts for every histogram —
 * compared bit for bit; then whole runs of an adversarial model through a runner factory marked
 * remote (as the queue's coordinator is) against the same runs kept in memory, byte for byte.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteValues, VALUES_CAP, type Refiner } from '../../src/engine/remote-select.ts';
import { DigitTable } from '../../src/stats/digit-table.ts';
import { prefixOrderStatistics } from '../../src/stats/order-statistics.ts';
import { histogramCounts, linearEdges } from '../../src/stats/histogram.ts';
import { quantileRanks } from '../../src/stats/quantiles.ts';
import { chunkRandom } from '../../src/engine/plan.ts';
import { cellMax, cellMin, cellOf, childCell, keyOf, valueOf } from '../../src/stats/radix-key.ts';
import { refineValues } from '../../workers/refine.ts';
import type { RefineResult, SimulateResult } from '../../workers/protocol.ts';
import { loadModel } from '../../src/model/load.ts';
import { simulate, type SimulateOptions } from '../../src/engine/simulate.ts';
import { inProcessRunner, setRunnerFactory, type Runner } from '../../src/engine/runner.ts';
import { CONVERGENCE_PS } from '../../src/engine/final-statistics.ts';

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const concat = (parts: readonly Float64Array[]) => {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

/** Chunks of synthetic values ([chunk][output], finite only) behind a remote selection, with its passes counted. */
function remoteOver(data: Float64Array[][]) {
  let passes = 0;
  const refine: Refiner = async ({ cells, from, until }) => {
    passes++;
    const results: RefineResult[] = [];
    for (let i = from; i < until; i++) {
      const parts = data[i].map((v, j) => refineValues(v, v.length, cells[j], i));
      results.push({ kind: 'refine', chunk: i, values: parts.map((p) => p.values), counts: parts.map((p) => p.counts) });
    }
    return results.reverse(); // any order
  };
  const remote = createRemoteValues(data[0].length, refine);
  /** Chunks of each noted prefix: 1, 2, 4, … */
  const prefixes: number[] = [];
  data.forEach((chunk, i) => {
    const digits = chunk.map((v) => {
      const t = new DigitTable();
      t.addValues(v, v.length);
      return t.pack();
    });
    remote.add({ kind: 'simulate', chunk: i, start: 0, size: 0, finite: chunk.map((v) => v.length), digits, moments: [], nonFinite: [], holds: [] } as SimulateResult);
    if (((i + 1) & i) === 0) {
      prefixes.push(i + 1);
      chunk.forEach((_, j) => {
        const n = data.slice(0, i + 1).reduce((s, c) => s + c[j].length, 0);
        if (n > 0) remote.notePrefix(j, quantileRanks(n, CONVERGENCE_PS));
      });
    }
  });
  return { remote, prefixes, passes: () => passes };
}

/** Synthetic outputs, each a function of a uniform draw and a chunk's generator. */
const OUTPUTS: Record<string, (u: number, r: () => number) => number> = {
  tiesAndZeros: (u) => (u < 0.2 ? -0 : u < 0.45 ? 0 : u < 0.6 ? -1 : u < 0.7 ? 2.5 : u < 0.75 ? -2.5 : 1),
  constant: () => 42,
  discrete: (u) => (u < 0.3 ? -5 : u < 0.8 ? 0 : 1e6),
  wide: (u, r) => (u < 0.5 ? -1 : 1) * 2 ** ((r() - 0.5) * 1200),
  negative: (_, r) => -Math.exp(4 * (r() - 0.5)),
  subnormal: (u) => (u < 0.1 ? -1 : 1) * Math.floor(u * 5000) * 5e-324,
  // Half the values exactly 3, the others in a band of ±5e-6 around it: one cell, then the next digits.
  pointMass: (u, r) => (u < 0.55 ? 3 : 3 * (1 + (r() - 0.5) * 1e-5)),
  smooth: (_, r) => Math.exp(2 * (r() - 0.5) + r()),
};

function synthetic(chunks: number, size: number): Float64Array[][] {
  const names = Object.keys(OUTPUTS);
  return Array.from({ length: chunks }, (_, i) => {
    const r = chunkRandom('refine13', i);
    const cols = names.map(() => new Float64Array(size - (i % 3) * 7)); // uneven chunks
    for (let k = 0; k < cols[0].length; k++) {
      const u = r();
      names.forEach((name, j) => (cols[j][k] = OUTPUTS[name](u, r)));
    }
    return cols;
  });
}

describe('radix keys and cells (issue 13)', () => {
  it('a key round-trips every kind of double, and cells bound their values in key order', () => {
    for (const v of [0, -0, 5e-324, -5e-324, 1, -1, 1.5, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074, 3.000001]) {
      const [hi, lo] = keyOf(v);
      expect(Object.is(valueOf(hi, lo), v)).toBe(true);
      for (let level = 0; level <= 3; level++) {
        const c = cellOf(v, level);
        expect(cellMin(c) <= v && v <= cellMax(c)).toBe(true);
      }
      expect(Object.is(cellMin(cellOf(v, 3)), v)).toBe(true);
    }
    expect(keyOf(-0)[0] < keyOf(0)[0]).toBe(true);
    expect(cellMax(cellOf(1.5, 0))).toBe(1.5 + 2 ** -12 - 2 ** -52);
    expect(childCell(cellOf(1.5, 0), 0)).toEqual(cellOf(1.5, 1));
  });

  it('a digit table packs and unpacks its counts', () => {
    const values = Float64Array.of(1, 1, 2, -0, 0, 5e-324, -1e300, 1e300, 1);
    const t = new DigitTable();
    t.addValues(values, values.length);
    const u = DigitTable.unpack(t.pack());
    expect(u.total).toBe(9);
    const seen: Array<[number, number]> = [];
    u.forEach((d, c) => seen.push([d, c]));
    const ds = seen.map(([d]) => d);
    expect(ds).toEqual([...ds].sort((a, b) => a - b));
    expect(seen.find(([d]) => d === keyOf(1)[0] >>> 8)![1]).toBe(3);
    expect(u.locate([0, 3, 8])).toEqual([
      { digit: keyOf(-1e300)[0] >>> 8, below: 0, count: 1 },
      { digit: keyOf(0)[0] >>> 8, below: 2, count: 2 }, // +0 and 5e-324 share a cell; −0 has its own
      { digit: keyOf(1e300)[0] >>> 8, below: 8, count: 1 },
    ]);
  });
});

describe('selection from counts and refinement passes, against the one-machine selection (issue 13)', () => {
  const data = synthetic(24, 9000);
  const names = Object.keys(OUTPUTS);
  const all = names.map((_, j) => concat(data.map((c) => c[j])));

  it('every order statistic of the full sample and of each checkpoint prefix is the same double, bit for bit', async () => {
    const { remote, prefixes, passes } = remoteOver(data);
    const asks = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999];
    const requests = all.map((values, j) => {
      const n = values.length;
      const extra = [0, 1, n - 2, n - 1, Math.floor(n / 3), Math.floor(n * 0.55), Math.floor(n * 0.55) - 1];
      const prefixNs = prefixes.filter((k) => k < data.length).map((k) => data.slice(0, k).reduce((s, c) => s + c[j].length, 0));
      return { values: new Float64Array(0), n, ranks: [...quantileRanks(n, asks), ...extra], prefixes: prefixNs.map((pn) => ({ n: pn, ranks: quantileRanks(pn, CONVERGENCE_PS) })), output: j };
    });
    const selected = await remote.select(requests);
    requests.forEach((r, j) => {
      const [x, ...prefixX] = prefixOrderStatistics(all[j], [{ n: r.n, ranks: r.ranks }, ...r.prefixes]);
      expect(bytes(selected[j].x).equals(bytes(x)), names[j]).toBe(true);
      prefixX.forEach((px, k) => expect(bytes(selected[j].prefixX![k]).equals(bytes(px)), `${names[j]} prefix ${k}`).toBe(true));
    });
    // One pass brings most cells; the point mass goes down the digits a pass at a time.
    expect(passes()).toBeGreaterThanOrEqual(1);
    expect(passes()).toBeLessThanOrEqual(4);
  });

  it('a rank inside 10^5 equal values: counted digit by digit, resolved where least and greatest agree', async () => {
    const big = synthetic(12, 20_000);
    const j = names.indexOf('pointMass');
    const values = concat(big.map((c) => c[j]));
    expect(values.filter((v) => v === 3).length).toBeGreaterThan(100_000);
    expect(values.filter((v) => v !== 3 && cellOf(v, 0).hi === cellOf(3, 0).hi).length).toBeGreaterThan(VALUES_CAP); // neighbours share its cells
    const { remote } = remoteOver(big);
    const n = values.length;
    const ranks = Array.from({ length: 200 }, (_, k) => Math.floor((k / 199) * (n - 1)));
    const requests = big[0].map((_, o) => ({ values: new Float64Array(0), n: o === j ? n : 0, ranks: o === j ? ranks : [], output: o }));
    const [x] = prefixOrderStatistics(values, [{ n, ranks }]);
    expect(bytes((await remote.select(requests))[j].x).equals(bytes(x))).toBe(true);
  });

  it('histogram counts over linear, log and adversarial edges equal histogramCounts', async () => {
    const { remote } = remoteOver(data);
    const cases: Array<{ j: number; edges: number[]; scale: 'linear' | 'log' }> = [];
    all.forEach((values, j) => {
      const [lo, hi] = prefixOrderStatistics(values, [{ n: values.length, ranks: [Math.floor(0.001 * values.length), Math.floor(0.999 * values.length)] }])[0];
      cases.push({ j, edges: linearEdges(lo, hi, 60), scale: 'linear' });
      if (lo > 0 && hi / lo > 30) cases.push({ j, edges: linearEdges(Math.log10(lo), Math.log10(hi), 60).map((e) => 10 ** e), scale: 'log' });
    });
    const at = (name: string) => names.indexOf(name);
    cases.push({ j: at('tiesAndZeros'), edges: [-1, -0, 1, 2.5], scale: 'linear' });
    cases.push({ j: at('tiesAndZeros'), edges: [0, 1, 2.5], scale: 'linear' });
    cases.push({ j: at('tiesAndZeros'), edges: [-2.5, 0], scale: 'linear' });
    cases.push({ j: at('pointMass'), edges: linearEdges(3 * (1 - 1e-6), 3, 60), scale: 'linear' });
    cases.push({ j: at('pointMass'), edges: [3, 3 * (1 + 1e-6), 3 * (1 + 2e-6)], scale: 'linear' });
    cases.push({ j: at('subnormal'), edges: linearEdges(0, 1000 * 5e-324, 10), scale: 'linear' });
    cases.push({ j: at('wide'), edges: linearEdges(-1e100, 1e150, 60), scale: 'linear' });
    cases.push({ j: at('wide'), edges: linearEdges(-1e-300, 1e-300, 60), scale: 'linear' });
    cases.push({ j: at('negative'), edges: [-100, -3, -1, -0.5], scale: 'linear' });
    const selected = await remote.select(cases.map((c) => ({ values: new Float64Array(0), n: all[c.j].length, ranks: [], edges: c.edges, scale: c.scale, output: c.j })));
    cases.forEach((c, k) => expect(selected[k].counts, `${names[c.j]} ${c.scale} ${c.edges.slice(0, 3).join(',')}…`).toEqual(histogramCounts(all[c.j], all[c.j].length, c.edges, c.scale)));
  });

  it('the histogram edges guessed from the percentiles come in their pass: a second question needs none', async () => {
    const { remote, passes } = remoteOver(data);
    const j = names.indexOf('smooth');
    const values = all[j];
    const n = values.length;
    const ps = [0.001, 0.5, 0.999];
    const bins = (x: Float64Array) => ({ edges: linearEdges(x[0], x[8], 60), scale: 'linear' as const });
    const [first] = await remote.select([{ values: new Float64Array(0), n, ranks: quantileRanks(n, ps), output: j, nextEdges: bins }]);
    const before = passes();
    const { edges } = bins(first.x);
    const [counted] = await remote.select([{ values: new Float64Array(0), n, ranks: [], edges, scale: 'linear', output: j }]);
    expect(counted.counts).toEqual(histogramCounts(values, n, edges, 'linear'));
    expect(passes()).toBe(before);
  });
});

describe('whole runs with the values on "other machines" (a remote runner factory, in-process) (issue 13)', () => {
  afterEach(() => setRunnerFactory(undefined));
  const fixture = new URL('../fixtures/refine13-adversarial.ts', import.meta.url).pathname;

  /** The run kept in memory, then through a remote factory whose runner counts refine passes. */
  async function both(options: Omit<SimulateOptions, 'workers'>): Promise<{ passes: number; digits: boolean; starts: number[] }> {
    const handle = await loadModel(fixture);
    const local = await simulate(handle, { ...options, workers: 0 });
    let passes = 0;
    let digits = false;
    const starts: number[] = [];
    setRunnerFactory(
      Object.assign(
        async (h: typeof handle): Promise<Runner> => {
          const inner = inProcessRunner(h);
          return {
            workers: 0,
            run: (tasks, onResult, signal) => {
              if (tasks[0]?.kind === 'refine') {
                passes++;
                starts.push(tasks[0].chunk);
              }
              if (tasks[0]?.kind === 'simulate') digits ||= tasks[0].digits === true && tasks[0].shared === undefined;
              if (tasks.some((t) => t.kind === 'select')) throw new Error('a select task reached a remote runner');
              return inner.run(tasks, onResult, signal);
            },
            close: inner.close,
          };
        },
        { remote: true },
      ),
    );
    const remote = await simulate(handle, { ...options, workers: 0 });
    setRunnerFactory(undefined);
    expect(JSON.stringify(remote.summary)).toBe(JSON.stringify(local.summary));
    expect(JSON.stringify(remote.distributions)).toBe(JSON.stringify(local.distributions));
    return { passes, digits, starts };
  }

  it('exact percentiles of 10^10 samples are not refused when the values stay on other machines (nothing is allocated here)', async () => {
    const handle = await loadModel(fixture);
    const options = { samples: 1e10, seed: 'r0', workers: 0, percentileMethod: 'exact' as const };
    await expect(simulate(handle, options)).rejects.toThrow(/exact percentiles of 9 outputs × 10\^10 samples need 720 GB/);
    setRunnerFactory(Object.assign(async (h: typeof handle) => inProcessRunner(h), { remote: true }));
    const stop = new AbortController();
    const run = simulate(handle, { ...options, onProgress: () => stop.abort(), signal: stop.signal });
    await expect(run).rejects.toThrow('run interrupted'); // stopped after its first chunk, not refused
  }, 60_000);

  it('mc: the same summary and distributions, from digit counts and refinement passes', async () => {
    const r = await both({ samples: 150_000, seed: 'r1', chunkSize: 8192, percentileMethod: 'exact' });
    expect(r.digits).toBe(true);
    expect(r.passes).toBeGreaterThanOrEqual(1);
    expect(r.passes).toBeLessThanOrEqual(6);
  }, 120_000);

  it('lhs and sobol: the same bytes', async () => {
    await both({ samples: 40_000, seed: 'r2', chunkSize: 4096, sampling: 'lhs', percentileMethod: 'exact' });
    await both({ samples: 40_000, seed: 'r3', chunkSize: 4096, sampling: 'sobol' });
  }, 120_000);

  it('--precision: each check selects from refinement passes; the same stop and bytes', async () => {
    const r = await both({ samples: 30_000, seed: 'r4', chunkSize: 1024, percentileMethod: 'exact', precision: { relative: 0.01 } });
    expect(r.passes).toBeGreaterThan(1);
    // A later check runs only the chunks added since the one before: its span of cells was brought then.
    expect(r.starts.some((c) => c > 0)).toBe(true);
    // A target met early: the same checkpoint, found from the values of the chunks so far.
    await both({ samples: 400_000, seed: 'r5', chunkSize: 4096, percentileMethod: 'exact', precision: { relative: 0.05, targets: [{ output: 'smooth', percentile: 90 }] } });
  }, 120_000);
});
