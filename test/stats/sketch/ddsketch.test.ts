import { beforeAll, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import {
  createSketch,
  DEFAULT_ALPHA,
  fromTransfer,
  sketchFromJSON,
  transferList,
  type QuantileSketch,
  type SketchTransfer,
} from '../../../src/stats/sketch/ddsketch.ts';
import { quantileCIRanks, quantiles } from '../../../src/stats/quantiles.ts';

const CHUNK = 65_536; // the engine's chunk size
const PS = [0.01, 0.5, 0.99, 0.999];

/** Type-7 quantile of an ascending-sorted sample (the engine's convention). */
function exactQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function relErr(estimate: number, exact: number): number {
  return estimate === exact ? 0 : Math.abs(estimate - exact) / Math.abs(exact);
}

/** Bits of a list of doubles, so that toEqual means bit-identical. */
function bits(xs: readonly number[]): bigint[] {
  return Array.from(new BigUint64Array(Float64Array.from(xs).buffer));
}

function summary(s: QuantileSketch): bigint[] {
  return bits([...PS.map((p) => s.quantile(p)), ...s.quantileCI95(0.99), s.count, s.min, s.max]);
}

/** Same counts, extremes and bucket layout (a loop: these stores can hold ~10^6 buckets). */
function sameState(a: QuantileSketch, b: QuantileSketch): boolean {
  const [x, y] = [a.toTransfer(), b.toTransfer()];
  const same = (u: Float64Array, v: Float64Array) => u.length === v.length && u.every((c, i) => c === v[i]);
  return JSON.stringify(x.meta) === JSON.stringify(y.meta) && same(x.positive, y.positive) && same(x.negative, y.negative);
}

interface Data {
  readonly all: Float64Array;
  readonly sorted: Float64Array;
  /** One partial sketch per 65,536-value chunk, as a worker would post it. */
  readonly partials: SketchTransfer[];
  readonly single: QuantileSketch;
}

function dataset(n: number, draw: () => number): Data {
  const all = new Float64Array(n);
  for (let i = 0; i < n; i++) all[i] = draw();
  const partials: SketchTransfer[] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const s = createSketch();
    const chunk = all.subarray(start, Math.min(n, start + CHUNK)); // a view: exercises byteOffset
    s.addAll(chunk, chunk.length);
    const t = s.toTransfer();
    partials.push(structuredClone(t, { transfer: transferList(t) })); // what postMessage does
  }
  const single = createSketch();
  single.addAll(all, n);
  return { all, sorted: all.slice().sort(), partials, single };
}

function lognormal(sigma: number, random: () => number): () => number {
  return () => {
    const u = 1 - random(); // (0, 1]
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
  };
}

describe.each([
  ['lognormal(σ = 2)', () => lognormal(2, seedrandom.xor4096('sketch-lognormal'))],
  ['Pareto(α = 1.5, xm = 1)', () => {
    const random = seedrandom.xor4096('sketch-pareto');
    return () => (1 - random()) ** (-1 / 1.5);
  }],
])('DDSketch on 10^7 samples of %s', (_name, makeDraw) => {
  const n = 10_000_000;
  let data: Data;
  beforeAll(() => {
    data = dataset(n, makeDraw());
  });

  it('p1, p50, p99 and p99.9 are within the stated relative error of the exact values', () => {
    const { single, sorted } = data;
    expect(single.relativeError).toBe(DEFAULT_ALPHA);
    for (const p of PS) {
      const exact = exactQuantile(sorted, p);
      expect(relErr(single.quantile(p), exact), `p = ${p}`).toBeLessThanOrEqual(single.relativeError);
    }
    // ...and so is every order statistic on a grid of ranks, the extremes exactly.
    for (let r = 0; r < n; r += 9_973) expect(relErr(single.valueAtRank(r), sorted[r])).toBeLessThanOrEqual(DEFAULT_ALPHA);
    expect(single.count).toBe(n);
    expect(single.min).toBe(sorted[0]);
    expect(single.max).toBe(sorted[n - 1]);
    expect(single.valueAtRank(n - 1)).toBe(sorted[n - 1]);
  });

  it('the 95% interval is the exact order-statistic interval to within the relative error', () => {
    for (const p of [0.5, 0.95, 0.99, 0.999]) {
      const [l, u] = quantileCIRanks(n, p);
      const [lo, hi] = data.single.quantileCI95(p);
      expect(relErr(lo, data.sorted[l])).toBeLessThanOrEqual(DEFAULT_ALPHA);
      expect(relErr(hi, data.sorted[u])).toBeLessThanOrEqual(DEFAULT_ALPHA);
      expect(lo).toBeLessThanOrEqual(data.single.quantile(p));
      expect(hi).toBeGreaterThanOrEqual(data.single.quantile(p));
    }
  });

  it('merging the 153 chunk partials in any order gives bit-identical results, equal to one pass', () => {
    const { partials, single } = data;
    expect(partials.length).toBe(Math.ceil(n / CHUNK));
    const mergeIn = (order: readonly number[]): QuantileSketch => {
      const total = createSketch();
      for (const i of order) total.merge(fromTransfer(partials[i]));
      return total;
    };
    const inOrder = partials.map((_, i) => i);
    const random = seedrandom.xor4096('shuffle');
    const shuffled = inOrder.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    // A pairwise tree, as two workers each folding half and the main thread joining them would give.
    let level = partials.map(fromTransfer);
    while (level.length > 1) {
      const next: QuantileSketch[] = [];
      for (let i = 0; i < level.length; i += 2) {
        if (i + 1 < level.length) level[i].merge(level[i + 1]);
        next.push(level[i]);
      }
      level = next;
    }
    const expected = summary(single);
    for (const merged of [mergeIn(inOrder), mergeIn(inOrder.slice().reverse()), mergeIn(shuffled), level[0]]) {
      expect(summary(merged)).toEqual(expected);
      expect(merged.toJSON()).toEqual(single.toJSON());
    }
  });

  it('stays small: buckets depend on the range of the values, not on their number', () => {
    expect(data.single.bucketCount()).toBeLessThan(30_000);
    expect(data.single.byteLength()).toBeLessThan(512 * 1024);
  });
});

describe('DDSketch memory on lognormal(σ = 2)', () => {
  it('10^7 samples need about 10,700 buckets (≈ 86 KB of counts)', () => {
    const draw = lognormal(2, seedrandom.xor4096('sketch-memory'));
    const s = createSketch();
    const chunk = new Float64Array(CHUNK);
    for (let done = 0; done < 10_000_000; done += CHUNK) {
      const m = Math.min(CHUNK, 10_000_000 - done);
      for (let i = 0; i < m; i++) chunk[i] = draw();
      s.addAll(chunk, m);
    }
    // ±5.3σ of ln x spans 21 nepers = 30.6 powers of two × 351 buckets each.
    expect(s.bucketCount()).toBeGreaterThan(9_000);
    expect(s.bucketCount()).toBeLessThan(12_000);
    expect(s.byteLength()).toBeLessThan(256 * 1024);
  });
});

describe('DDSketch with negative values and zeros', () => {
  const n = 1_000_000;
  const random = seedrandom.xor4096('sketch-normal');
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Standard normal, with every 500th value an exact zero (half of them −0).
    values[i] = i % 500 === 0 ? (i % 1000 === 0 ? -0 : 0) : Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  const sorted = values.slice().sort();
  const s = createSketch();
  s.addAll(values, n);

  it('every order statistic is within relative error α, zeros exactly', () => {
    expect(s.zeroCount).toBe(n / 500);
    for (let r = 0; r < n; r += 997) {
      const est = s.valueAtRank(r);
      expect(relErr(est, sorted[r]), `rank ${r}`).toBeLessThanOrEqual(DEFAULT_ALPHA);
      if (sorted[r] === 0) expect(est).toBe(0);
      expect(Math.sign(est) === Math.sign(sorted[r])).toBe(true); // −0 and 0 alike
    }
    const firstZero = sorted.indexOf(0);
    expect(Object.is(s.valueAtRank(firstZero), 0)).toBe(true);
    expect(s.valueAtRank(firstZero + n / 500 - 1)).toBe(0);
    expect(s.valueAtRank(firstZero + n / 500)).toBeGreaterThan(0);
    expect(s.min).toBe(sorted[0]);
    expect(s.max).toBe(sorted[n - 1]);
  });

  it('percentiles agree with the exact ones (type 7) within α', () => {
    for (const p of [0.001, 0.01, 0.05, 0.25, 0.75, 0.95, 0.99, 0.999]) {
      expect(relErr(s.quantile(p), exactQuantile(sorted, p)), `p = ${p}`).toBeLessThanOrEqual(DEFAULT_ALPHA);
    }
  });

  it('merging sign-split parts equals the whole', () => {
    const parts = [createSketch(), createSketch(), createSketch()];
    for (const x of values) parts[x < 0 ? 0 : x > 0 ? 1 : 2].add(x);
    const merged = createSketch();
    for (const i of [2, 0, 1]) merged.merge(parts[i]);
    expect(merged.toJSON()).toEqual(s.toJSON());
    expect(summary(merged)).toEqual(summary(s));
  });

  it('−0 is reported as 0 whichever zero comes first', () => {
    const a = createSketch();
    a.addAll(new Float64Array([-0, 0]), 2);
    const b = createSketch();
    b.addAll(new Float64Array([0, -0]), 2);
    for (const t of [a, b]) {
      expect(Object.is(t.min, 0) && Object.is(t.max, 0) && Object.is(t.quantile(0.5), 0)).toBe(true);
    }
  });
});

describe('DDSketch details', () => {
  it('follows the engine rank convention (type 7) on a small sample', () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => (i + 1) * 0.37);
    const s = createSketch();
    s.addAll(v, v.length);
    const ps = [0, 0.013, 0.25, 0.5, 0.9, 0.975, 1];
    const exact = quantiles(v.slice(), v.length, ps);
    ps.forEach((p, i) => expect(relErr(s.quantile(p), exact.values[i])).toBeLessThanOrEqual(DEFAULT_ALPHA));
    expect(s.quantile(0)).toBe(0.37);
    expect(s.quantile(1)).toBe(370);
  });

  it('answers constants exactly and an empty sketch with NaN', () => {
    const s = createSketch();
    expect([s.count, s.quantile(0.5), s.min, s.max, ...s.quantileCI95(0.5)]).toEqual([0, NaN, NaN, NaN, NaN, NaN]);
    expect(sketchFromJSON(JSON.parse(JSON.stringify(s))).count).toBe(0);
    s.addAll(new Float64Array(100).fill(42.4242), 100);
    expect([s.quantile(0.01), s.quantile(0.5), ...s.quantileCI95(0.9)]).toEqual([42.4242, 42.4242, 42.4242, 42.4242]);
  });

  it('add() and addAll() agree, including subnormals and values near the float limits', () => {
    const v = new Float64Array([5e-324, -2.5e-320, 1e-310, 2 ** -1022, -(2 ** -1022), 1e-300, 1, -1, 1.7976931348623157e308, -1e308, 3]);
    const a = createSketch();
    a.addAll(v, v.length);
    const b = createSketch();
    for (const x of v) b.add(x);
    expect(sameState(a, b)).toBe(true);
    const sorted = v.slice().sort();
    for (let r = 0; r < v.length; r++) {
      // Subnormals carry fewer significant bits than α asks for; only normal numbers get the bound.
      if (Math.abs(sorted[r]) >= 2 ** -1022) expect(relErr(a.valueAtRank(r), sorted[r])).toBeLessThanOrEqual(DEFAULT_ALPHA);
      else expect(relErr(a.valueAtRank(r), sorted[r])).toBeLessThan(0.01);
    }
  });

  it('rejects NaN and ±Infinity and leaves the sketch unchanged', () => {
    const s = createSketch();
    s.addAll(new Float64Array([1, 2, 3]), 3);
    const before = s.toJSON();
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => s.addAll(new Float64Array([0, -5, 1e-320, 7e9, bad, 8]), 6)).toThrow(RangeError);
      expect(() => s.add(bad)).toThrow(RangeError);
    }
    expect(s.toJSON()).toEqual(before);
    // n bounds what is read: a NaN past n is never seen.
    s.addAll(new Float64Array([4, NaN]), 1);
    expect(s.count).toBe(4);
  });

  it('validates alpha, p, ranks and merges', () => {
    expect(() => createSketch(0)).toThrow(RangeError);
    expect(() => createSketch(1)).toThrow(RangeError);
    expect(() => createSketch(NaN)).toThrow(RangeError);
    expect(createSketch(0.01).relativeError).toBe(0.01);
    const s = createSketch();
    s.add(1);
    expect(() => s.quantile(1.5)).toThrow(RangeError);
    expect(() => s.quantile(NaN)).toThrow(RangeError);
    expect(() => s.valueAtRank(1)).toThrow(RangeError);
    expect(() => s.merge(createSketch(0.01))).toThrow(RangeError);
    expect(() => s.addAll(new Float64Array(2), 3)).toThrow(RangeError);
  });

  it('round-trips through transfer and JSON, and rejects tampered transfers', () => {
    const random = seedrandom.xor4096('roundtrip');
    const v = Float64Array.from({ length: 50_000 }, () => (random() - 0.3) * 10 ** (random() * 8 - 4));
    const s = createSketch();
    s.addAll(v, v.length);
    const viaJson = sketchFromJSON(JSON.parse(JSON.stringify(s)));
    expect(viaJson.toJSON()).toEqual(s.toJSON());
    expect(summary(viaJson)).toEqual(summary(s));
    const t = s.toTransfer();
    expect(t.positive.byteLength + t.negative.byteLength).toBe(8 * s.bucketCount());
    const moved = structuredClone(t, { transfer: transferList(t) });
    expect(t.positive.byteLength).toBe(0); // detached: ownership moved
    expect(summary(fromTransfer(moved))).toEqual(summary(s));
    const forged = s.toTransfer();
    forged.positive[0] += 1;
    expect(() => fromTransfer(forged)).toThrow(RangeError);
    const fractional = s.toTransfer();
    fractional.negative[1] += 0.5;
    fractional.negative[2] -= 0.5;
    expect(() => fromTransfer(fractional)).toThrow(RangeError);
  });

  it('clear() empties the sketch for reuse', () => {
    const s = createSketch();
    s.addAll(new Float64Array([1, -2, 0]), 3);
    s.clear();
    expect(s.toJSON()).toEqual(createSketch().toJSON());
    s.addAll(new Float64Array([5]), 1);
    expect(s.quantile(0.5)).toBe(5);
  });
});
