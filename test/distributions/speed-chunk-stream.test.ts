/**
 * The engine's own random stream (xoshiro128** per chunk, `src/engine/plan.ts`) and every sampler
 * drawn from it: families.test.ts checks the samplers on seedrandom streams; here the same checks
 * run on the stream that runs use, with its 32-bit uniforms.
 */
import { describe, expect, it } from 'vitest';
import { chunkRandom, createChunkStream } from '../../src/engine/plan.ts';
import { beta, discrete, gamma, lognormal, lognormalFromQuantiles, normal, pert, triangular, truncate, uniform, type Distribution } from '../../src/distributions/index.ts';
import { ksTest } from './ks.ts';

const N = 200_000;

function drawn(d: Distribution, chunk: number, n = N): Float64Array {
  const out = new Float64Array(n);
  d.fill(chunkRandom('speed-test', chunk), out, 0, n);
  return out;
}

describe('the chunk stream', () => {
  it('gives uniforms strictly inside (0, 1) that pass a Kolmogorov–Smirnov test, with mean ½ and variance 1/12', () => {
    const random = chunkRandom('speed-test', 0);
    const xs = Float64Array.from({ length: N }, () => random());
    for (const x of xs) if (!(x > 0 && x < 1)) throw new Error(`${x} is not inside (0, 1)`);
    expect(ksTest(xs, (x) => x).p).toBeGreaterThan(0.001);
    const mean = xs.reduce((s, x) => s + x, 0) / N;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (N - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it('has consecutive draws uncorrelated, and chunks of the same seed independent of each other', () => {
    const a = chunkRandom('speed-test', 1);
    const b = chunkRandom('speed-test', 2);
    let lag = 0;
    let cross = 0;
    let prev = a() - 0.5;
    for (let i = 0; i < N; i++) {
      const x = a() - 0.5;
      lag += prev * x;
      cross += x * (b() - 0.5);
      prev = x;
    }
    // Each sum has mean 0 and sd √N/12 for independent uniforms: within 5 sd.
    expect(Math.abs(lag / N)).toBeLessThan((5 * Math.sqrt(N)) / 12 / N);
    expect(Math.abs(cross / N)).toBeLessThan((5 * Math.sqrt(N)) / 12 / N);
  });

  it('is a pure function of (seed, chunk, stream): reset gives what a fresh stream gives', () => {
    const s = createChunkStream();
    const first = (r: () => number) => Array.from({ length: 3000 }, () => r());
    s.reset('7', 3);
    const again = first(s.random);
    expect(again).toEqual(first(chunkRandom('7', 3)));
    s.reset('7', 4);
    expect(first(s.random)).not.toEqual(again);
    s.reset('7', 3, 'other');
    expect(first(s.random)).not.toEqual(again);
    s.reset('7', 3);
    expect(first(s.random)).toEqual(again);
  });
});

const CONTINUOUS: ReadonlyArray<readonly [string, () => Distribution]> = [
  ['uniform(1, 3)', () => uniform(1, 3)],
  ['normal(10, 2) (ziggurat)', () => normal(10, 2)],
  ['lognormal(p5=1e6, p95=2e6)', () => lognormalFromQuantiles({ p5: 1e6, p95: 2e6 })],
  ['triangular(600, 700, 750)', () => triangular(600, 700, 750)],
  ['pert(1, 2, 5)', () => pert(1, 2, 5)],
  ['beta(6, 4) (two Marsaglia–Tsang gammas)', () => beta(6, 4)],
  ['beta(0.5, 0.5) (log-space sampler)', () => beta(0.5, 0.5)],
  ['gamma(2.5, 2)', () => gamma(2.5, 2)],
  ['gamma(1, 1) (squeeze rejects most often near shape 1)', () => gamma(1, 1)],
  ['gamma(0.4, 3) (boosted sampler)', () => gamma(0.4, 3)],
  ['normal(0, 1, min=4) (upper-tail inverse)', () => truncate(normal(0, 1), 4)],
  ['lognormal(0, 1, min=3, max=10) (inverse CDF)', () => truncate(lognormal(0, 1), 3, 10)],
];

describe.each(CONTINUOUS)('%s from the chunk stream', (_, make) => {
  const d = make();
  const xs = drawn(d, 10);

  it('passes a Kolmogorov–Smirnov test against its cdf (p > 0.001) and stays in its support', () => {
    expect(ksTest(xs, (x) => d.cdf(x)).p).toBeGreaterThan(0.001);
    for (const x of xs) if (!(x >= d.support[0] && x <= d.support[1])) throw new Error(`${x} outside [${d.support}]`);
  });

  it('has sample mean and variance within 5 standard errors of the analytic values', () => {
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / N;
    let s2 = 0;
    let s4 = 0;
    for (const x of xs) {
      const q = (x - mean) ** 2;
      s2 += q;
      s4 += q * q;
    }
    const variance = s2 / (N - 1);
    expect(Math.abs(mean - d.mean)).toBeLessThan(5 * Math.sqrt(d.variance / N));
    expect(Math.abs(variance - d.variance)).toBeLessThan(5 * Math.sqrt(Math.max(s4 / N - variance * variance, 0) / N));
  });
});

describe('discrete with more than 256 values (a draw of its own for the alias coin)', () => {
  it('matches its probabilities by a chi-square test, and keeps one draw per value up to 256 values', () => {
    const k = 300;
    const values = Array.from({ length: k }, (_, i) => i);
    const weights = values.map((i) => 1 + (i % 7));
    const d = discrete(values, weights);
    const xs = drawn(d, 11);
    const counts = new Float64Array(k);
    for (const x of xs) counts[x]++;
    const total = weights.reduce((a, b) => a + b, 0);
    let chi2 = 0;
    for (let i = 0; i < k; i++) {
      const e = (N * weights[i]) / total;
      chi2 += (counts[i] - e) ** 2 / e;
    }
    // 299 degrees of freedom: mean 299, sd √598 ≈ 24.5; the 0.999 quantile is about 383.
    expect(chi2).toBeLessThan(383);

    // Up to 256 values a draw takes one uniform: the stream after 1,000 draws is where 1,000 uniforms leave it.
    const small = discrete([1, 2, 3]);
    const s = createChunkStream();
    s.reset('speed-test', 12);
    small.fill(s.random, new Float64Array(1000), 0, 1000);
    const next = s.random();
    const r = chunkRandom('speed-test', 12);
    for (let i = 0; i < 1000; i++) r();
    expect(next).toBe(r());
  });
});
