/**
 * Issue 13: a queue worker makes only its job's design rows. Each design's row generator, and
 * `designRowsOf` across a study's designs, must give exactly the bytes of the slice of the whole
 * design (`sample*` / `planDesigns(spec).unit`); a seekable design is never built whole.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { designRowsOf, planDesigns, type DesignSpec } from '../../src/sensitivity/design-spec.ts';
import { METHODS, SENSITIVITY_METHODS } from '../../src/sensitivity/registry.ts';
import { monteCarloRows, sampleMonteCarlo } from '../../src/sensitivity/sample/montecarlo.ts';
import { morrisRows, sampleMorris } from '../../src/sensitivity/sample/morris.ts';
import { saltelliRows, sampleSaltelli } from '../../src/sensitivity/sample/saltelli.ts';
import { streamAt } from '../../src/sensitivity/sample/stream-cursor.ts';
import { sampleTornado, tornadoRows } from '../../src/sensitivity/sample/tornado.ts';
import { stream } from '../../src/sampling/random.ts';
import { SobolSequence } from '../../src/sampling/sobol.ts';

afterEach(() => vi.restoreAllMocks());

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
/** The same bytes (so -0, NaN payloads and every last bit count), with a readable failure. */
function expectSlice(rows: Float64Array, whole: Float64Array, first: number, count: number, k: number, what: string): void {
  const slice = whole.subarray(first * k, (first + count) * k);
  expect(rows.length, what).toBe(slice.length);
  if (!bytes(rows).equals(bytes(slice))) expect(Array.from(rows), what).toEqual(Array.from(slice));
}

/** A small seeded generator for the row ranges, so a failure is reproducible. */
function ranges(seed: number, total: number, edges: readonly number[], n = 12): Array<[number, number]> {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: Array<[number, number]> = [[0, total], [total - 1, 1], [0, 1], [total, 0], [0, 0]];
  // Across each boundary between designs (or blocks, trajectories), and random ranges.
  for (const e of edges) if (e > 0 && e < total) out.push([Math.max(0, e - 3), Math.min(total, e + 4) - Math.max(0, e - 3)]);
  for (let i = 0; i < n; i++) {
    const first = Math.floor(next() * total);
    out.push([first, Math.floor(next() * (total - first + 1))]);
  }
  return out;
}

describe('each design’s rows are the slice of the whole design', () => {
  it('Saltelli: every block, scrambled or plain, with a skip', () => {
    for (const k of [1, 2, 5, 11]) {
      for (const options of [{ n: 64, seed: 's1' }, { n: 256, seed: '42' }, { n: 32, seed: null, skip: 7 }, { n: 8, seed: 'x', skip: 1 }]) {
        const whole = sampleSaltelli(k, options).unit;
        const rows = options.n * (k + 2);
        const blocks = Array.from({ length: k + 2 }, (_, b) => b * options.n);
        for (const [first, count] of ranges(k * 31 + options.n, rows, blocks)) {
          expectSlice(saltelliRows(k, options, first, count), whole, first, count, k, `k ${k} n ${options.n} seed ${options.seed} rows ${first}+${count}`);
        }
      }
    }
  });

  it('Morris: any trajectory, any levels', () => {
    for (const k of [1, 2, 4, 9]) {
      for (const options of [{ trajectories: 2, seed: 'm' }, { trajectories: 23, seed: '7', levels: 6 }, { trajectories: 50, seed: 'z', levels: 2 }]) {
        const whole = sampleMorris(k, options).unit;
        const rows = options.trajectories * (k + 1);
        const starts = Array.from({ length: options.trajectories }, (_, t) => t * (k + 1));
        for (const [first, count] of ranges(k * 17 + options.trajectories, rows, starts.slice(0, 6))) {
          expectSlice(morrisRows(k, options, first, count), whole, first, count, k, `k ${k} r ${options.trajectories} rows ${first}+${count}`);
        }
      }
    }
  });

  it('Monte Carlo without correlations, the ranges asked in any order', () => {
    for (const k of [1, 3, 8]) {
      for (const options of [{ n: 4, seed: 'a' }, { n: 500, seed: 'b' }, { n: 2000, seed: '9' }]) {
        const whole = sampleMonteCarlo(k, options).unit;
        const list = ranges(k * 13 + options.n, options.n, []);
        // Forwards, then backwards: the saved stream positions must not matter.
        for (const [first, count] of [...list, ...list.reverse()]) {
          expectSlice(monteCarloRows(k, options, first, count), whole, first, count, k, `k ${k} n ${options.n} rows ${first}+${count}`);
        }
      }
    }
  });

  it('tornado', () => {
    for (const k of [1, 2, 6]) {
      for (const options of [{}, { low: 0.05, high: 0.95 }, { low: 0.3, high: 0.6, base: 0.4 }]) {
        const whole = sampleTornado(k, options).unit;
        for (const [first, count] of ranges(k, 2 * k + 1, [1, 2, 3])) expectSlice(tornadoRows(k, options, first, count), whole, first, count, k, `k ${k} rows ${first}+${count}`);
      }
    }
  });

  it('a range outside the design is refused, naming the field', () => {
    expect(() => saltelliRows(2, { n: 8, seed: 's' }, 30, 3)).toThrow(/count.*the design has 32 rows/);
    expect(() => morrisRows(2, { trajectories: 2, seed: 's' }, -1, 1)).toThrow(/first/);
    expect(() => monteCarloRows(2, { n: 10, seed: 's' }, 0, 1.5)).toThrow(/count/);
  });
});

describe('a stream resumed at any draw', () => {
  it('gives the draws of random.ts stream, wherever the saved positions lie', () => {
    const reference = stream('cur', 'montecarlo');
    const draws = Array.from({ length: 3000 }, () => reference());
    for (const at of [2999, 0, 1500, 1499, 10, 2000, 5, 2999, 0]) {
      const c = streamAt('cur', 'montecarlo', at);
      const got = Array.from({ length: Math.min(50, 3000 - at) }, () => c.next());
      expect(got).toEqual(draws.slice(at, at + got.length));
      c.save();
    }
  });
});

/** Every method and `all`, with and without correlations: the spec's rows are its planned designs' slice. */
describe('designRowsOf(spec, first, count) equals planDesigns(spec).unit sliced', () => {
  const methods = [...SENSITIVITY_METHODS, 'all' as const];
  const cases: DesignSpec[] = [];
  for (const method of methods) {
    for (const [k, samples, seed] of [[1, 5, 'a'], [3, 64, 'b'], [4, 100, '17'], [7, 33, 'c']] as const) {
      cases.push({ method, k, samples, seed, correlations: [] });
      if (k >= 3) cases.push({ method, k, samples, seed, correlations: [[0, 2, 0.7], [1, 2, -0.4]] });
    }
    cases.push({ method, k: 5, samples: 40, seed: 'opts', correlations: [[3, 4, 0.5]], tornado: { low: 0.2, high: 0.8 }, trajectories: 6, levels: 8 });
  }

  it.each(cases.map((spec) => [`${spec.method} k ${spec.k} N ${spec.samples} seed ${spec.seed}${spec.correlations.length ? ' correlated' : ''}${spec.trajectories ? ' options' : ''}`, spec] as const))('%s', (_name, spec) => {
    const { unit, planned } = planDesigns(spec, () => {});
    const total = unit.length / spec.k;
    // Design boundaries, and Saltelli's block boundaries.
    const edges = planned.flatMap((p) => [p.offset, ...('blocks' in p.design.layout ? p.design.layout.blocks.map((b) => p.offset + b.start) : [])]);
    for (const [first, count] of ranges(spec.k * 7919 + spec.samples, total, edges)) {
      expectSlice(designRowsOf(spec, first, count), unit, first, count, spec.k, `rows ${first}+${count} of ${total}`);
    }
    expect(() => designRowsOf(spec, total - 1, 2)).toThrow(`rows ${total - 1} to ${total} lie outside the study's design (${total} rows)`);
  });
});

describe('a seekable study is never built whole', () => {
  const design = (name: string) => METHODS.find((m) => m.name === name)!.design;

  it('Sobol′ with 30 inputs at N = 2^21 (16 GB of design): its last rows, from the sequence alone', () => {
    const k = 30;
    const n = 2 ** 21;
    const plan = vi.spyOn(design('sobol'), 'plan');
    const spec: DesignSpec = { method: 'sobol', k, samples: n, seed: 'big', correlations: [] };
    const first = n * (k + 2) - 1000;
    const rows = designRowsOf(spec, first, 1000);
    expect(plan).not.toHaveBeenCalled();
    // The last block is AB_29: A's columns with column 29 from B, at Sobol' points N − 1000 … N − 1.
    const seq = new SobolSequence(2 * k, { scramble: { seed: 'big' }, skip: n - 1000 });
    const point = new Float64Array(2 * k);
    const expected = new Float64Array(1000 * k);
    for (let j = 0; j < 1000; j++) {
      seq.next(point, 0, true);
      expected.set(point.subarray(0, k), j * k);
      expected[j * k + 29] = point[k + 29];
    }
    expectSlice(rows, expected, 0, 1000, k, 'last rows');
  });

  it('every design of `all` but a correlated Monte Carlo one is made row by row; that one is built once per study', () => {
    const spies = ['tornado', 'spearman', 'sobol', 'morris'].map((name) => vi.spyOn(design(name), 'plan'));
    const free: DesignSpec = { method: 'all', k: 4, samples: 5000, seed: 'spy', correlations: [] };
    designRowsOf(free, 0, 200);
    designRowsOf(free, 5000, 49_300); // the Monte Carlo tail, all of Saltelli, into Morris
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();

    const correlated: DesignSpec = { ...free, correlations: [[0, 1, 0.5]] };
    designRowsOf(correlated, 100, 50);
    designRowsOf(correlated, 4990, 50);
    designRowsOf(correlated, 20_000, 50);
    // Only the Monte Carlo design, once for the three ranges.
    expect(spies.map((s) => s.mock.calls.length)).toEqual([0, 1, 0, 0]);
  });
});
