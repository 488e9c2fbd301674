import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  beta,
  constant,
  discrete,
  type Distribution,
  gamma,
  lognormal,
  lognormalFromQuantiles,
  mixture,
  normal,
  parseDistribution,
  pert,
  triangular,
  truncate,
  uniform,
} from '../../src/distributions/index.ts';
import { gammaQ } from '../../src/distributions/special/gammaIncomplete.ts';
import { ksTest } from './ks.ts';

const N = 200_000;

interface Case {
  readonly name: string;
  readonly make: () => Distribution;
}

/** Every continuous family, with shapes that exercise each sampler branch, and truncated laws. */
const CONTINUOUS: readonly Case[] = [
  { name: 'uniform(1, 3)', make: () => uniform(1, 3) },
  { name: 'normal(10, 2)', make: () => normal(10, 2) },
  { name: 'lognormal(0.5, 0.4)', make: () => lognormal(0.5, 0.4) },
  { name: 'lognormal(p5=1e6, p95=2e6)', make: () => lognormalFromQuantiles({ p5: 1e6, p95: 2e6 }) },
  { name: 'triangular(0, 1, 4)', make: () => triangular(0, 1, 4) },
  { name: 'triangular(2, 2, 3) (mode at min)', make: () => triangular(2, 2, 3) },
  { name: 'pert(1, 2, 5)', make: () => pert(1, 2, 5) },
  { name: 'pert(0, 9, 10, lambda=8)', make: () => pert(0, 9, 10, 8) },
  { name: 'beta(2, 5)', make: () => beta(2, 5) },
  { name: 'beta(0.5, 0.5) (log-space sampler)', make: () => beta(0.5, 0.5) },
  { name: 'beta(3, 0.7, 10, 20) (scaled)', make: () => beta(3, 0.7, 10, 20) },
  { name: 'gamma(2.5, 2)', make: () => gamma(2.5, 2) },
  { name: 'gamma(0.4, 3) (boosted sampler)', make: () => gamma(0.4, 3) },
  { name: 'normal(1, 2, min=0) (rejection)', make: () => truncate(normal(1, 2), 0) },
  { name: 'normal(0, 1, min=1.5, max=3) (inverse CDF)', make: () => truncate(normal(0, 1), 1.5, 3) },
  { name: 'normal(0, 1, min=4) (upper-tail inverse)', make: () => truncate(normal(0, 1), 4) },
  { name: 'lognormal(0, 1, max=2) (rejection)', make: () => truncate(lognormal(0, 1), undefined, 2) },
  { name: 'lognormal(0, 1, min=3, max=10) (inverse CDF)', make: () => truncate(lognormal(0, 1), 3, 10) },
  { name: 'gamma(2, 1, min=5) (upper-tail inverse)', make: () => truncate(gamma(2, 1), 5) },
  { name: 'mx(normal(0, 1), normal(5, 2), [0.3, 0.7]) (bimodal mixture)', make: () => mixture([normal(0, 1), normal(5, 2)], [0.3, 0.7]) },
  { name: 'mx(1M to 2M, 5M to 8M, [0.9, 0.1]) (mixture of distant lognormals)', make: () => parseDistribution('x', 'mx(1M to 2M, 5M to 8M, [0.9, 0.1])') },
  { name: 'mx(uniform(0, 1), gamma(2, 1), normal(0, 1, min=4)) (mixture, mixed supports)', make: () => mixture([uniform(0, 1), gamma(2, 1), truncate(normal(0, 1), 4)]) },
  { name: 'mx(-1 to 1, 0 to 3) (mixture of Squiggle normals)', make: () => parseDistribution('x', 'mx(-1 to 1, 0 to 3)') },
];

function draw(d: Distribution, seed: string, n = N): Float64Array {
  const out = new Float64Array(n);
  d.fill(seedrandom.xor4096(seed), out, 0, n);
  return out;
}

function sampleMoments(xs: Float64Array): { mean: number; variance: number; m4: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let s2 = 0;
  let s4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) * (x - mean);
    s2 += d2;
    s4 += d2 * d2;
  }
  return { mean, variance: s2 / (xs.length - 1), m4: s4 / xs.length };
}

describe.each(CONTINUOUS)('$name', ({ make }) => {
  const d = make();
  const xs = draw(d, `test ${d.label}`);

  it('has sample mean and variance within 5 standard errors of the analytic values', () => {
    const s = sampleMoments(xs);
    // By the CLT the sample mean has standard error √(σ²/n), and the sample variance √((μ₄ − σ⁴)/n),
    // with μ₄ estimated from the same sample. At 5 SE a correct sampler fails with probability < 1e-6
    // per check (the seed is fixed, so the outcome is reproducible), while a bias of 1–2% shows.
    const seMean = Math.sqrt(d.variance / N);
    const seVar = Math.sqrt(Math.max(s.m4 - s.variance * s.variance, 0) / N);
    expect(Math.abs(s.mean - d.mean)).toBeLessThan(5 * seMean);
    expect(Math.abs(s.variance - d.variance)).toBeLessThan(5 * seVar);
  });

  it('passes a Kolmogorov–Smirnov test of fill against its own cdf (p > 0.001)', () => {
    expect(ksTest(xs, (x) => d.cdf(x)).p).toBeGreaterThan(0.001);
  });

  it('draws within its support', () => {
    for (const x of xs) {
      if (!(x >= d.support[0] && x <= d.support[1])) throw new Error(`${x} outside [${d.support}]`);
    }
  });

  it('has quantile and cdf that invert each other', () => {
    for (let k = 1; k < 200; k++) {
      const u = k / 200;
      expect(d.cdf(d.quantile(u))).toBeCloseTo(u, 11);
    }
    for (const u of [1e-9, 1e-6, 1 - 1e-6]) expect(Math.abs(d.cdf(d.quantile(u)) - u)).toBeLessThan(1e-9 * Math.max(u, 1e-3));
    for (let k = 1; k < 100; k++) {
      const x = d.quantile(k / 100);
      expect(d.quantile(d.cdf(x))).toBeCloseTo(x, 8);
    }
  });

  it('maps the ends of (0, 1) to its support and back', () => {
    expect(d.quantile(0)).toBe(d.support[0]);
    expect(d.quantile(1)).toBe(d.support[1]);
    expect(d.quantile(NaN)).toBeNaN();
    expect(d.quantile(1.5)).toBeNaN();
    expect(d.cdf(-Infinity)).toBe(0);
    expect(d.cdf(Infinity)).toBe(1);
    expect(d.cdf(d.support[0])).toBe(0);
    expect(d.cdf(NaN)).toBeNaN();
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = draw(d, `test ${d.label}`);
    expect(Buffer.from(again.buffer).equals(Buffer.from(xs.buffer))).toBe(true);
    // Filling in two pieces consumes the stream in the same order as one piece, except that the
    // pieces do not share draws; each piece is itself reproducible.
    const out = new Float64Array(100);
    const random = seedrandom.xor4096('pieces');
    d.fill(random, out, 0, 40);
    d.fill(random, out, 40, 100);
    const out2 = new Float64Array(100);
    const random2 = seedrandom.xor4096('pieces');
    d.fill(random2, out2, 0, 40);
    d.fill(random2, out2, 40, 100);
    expect(Array.from(out2)).toEqual(Array.from(out));
  });

  it('reads back its own label', () => {
    const again = parseDistribution('x', d.label);
    expect(again.kind).toBe(d.kind);
    expect(again.params).toEqual(d.params);
    expect(again.label).toBe(d.label);
    expect(again.mean).toBe(d.mean);
  });
});

describe('discrete', () => {
  const d = discrete([3, 1, 2, 10], [0.5, 0.2, 0.3, 0]);
  const xs = draw(d, 'discrete');

  it('matches the analytic mean and variance within 5 standard errors', () => {
    expect(d.mean).toBeCloseTo(0.2 * 1 + 0.3 * 2 + 0.5 * 3, 14);
    expect(d.variance).toBeCloseTo(0.2 * 1 + 0.3 * 4 + 0.5 * 9 - 2.3 * 2.3, 14);
    const s = sampleMoments(xs);
    expect(Math.abs(s.mean - d.mean)).toBeLessThan(5 * Math.sqrt(d.variance / N));
    expect(Math.abs(s.variance - d.variance)).toBeLessThan(5 * Math.sqrt((s.m4 - s.variance ** 2) / N));
  });

  it('passes a chi-square goodness-of-fit test (p > 0.001)', () => {
    // KS is not distribution-free for a discrete law, so the frequencies are tested instead:
    // X² = Σ (O − E)²/E has a χ² law with (categories − 1) degrees of freedom, P(χ²_k > x) = Q(k/2, x/2).
    const probabilities = new Map([
      [1, 0.2],
      [2, 0.3],
      [3, 0.5],
    ]);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([1, 2, 3]); // never the zero-weight value 10
    let chi2 = 0;
    for (const [v, p] of probabilities) chi2 += ((counts.get(v) ?? 0) - N * p) ** 2 / (N * p);
    expect(gammaQ((probabilities.size - 1) / 2, chi2 / 2)).toBeGreaterThan(0.001);
  });

  it('has a step cdf and the smallest-x quantile', () => {
    expect(d.cdf(0.5)).toBe(0);
    expect(d.cdf(1)).toBeCloseTo(0.2, 15);
    expect(d.cdf(2.5)).toBeCloseTo(0.5, 15);
    expect(d.cdf(3)).toBe(1);
    expect(d.cdf(100)).toBe(1);
    expect(d.quantile(0.1)).toBe(1);
    expect(d.quantile(0.2)).toBe(1);
    expect(d.quantile(0.2000001)).toBe(2);
    expect(d.quantile(0.99)).toBe(3);
    expect(d.support).toEqual([1, 3]);
    expect(d.continuous).toBe(false);
  });

  it('defaults to equal weights and pools duplicate values', () => {
    const e = discrete([1, 2, 2, 5]);
    expect(e.mean).toBe(2.5);
    expect(e.cdf(2)).toBeCloseTo(0.75, 15);
    expect(e.params.weights).toEqual([1, 1, 1, 1]);
    expect(e.label).toBe('discrete(values=[1, 2, 2, 5])');
  });

  it('is deterministic and reads back its label', () => {
    expect(Buffer.from(draw(d, 'discrete').buffer).equals(Buffer.from(xs.buffer))).toBe(true);
    const again = parseDistribution('x', d.label);
    expect(again.params).toEqual(d.params);
    expect(again.label).toBe(d.label);
  });
});

describe('constant', () => {
  const c = constant(700);
  it('fills with its value and consumes no randomness', () => {
    const out = new Float64Array(10);
    let calls = 0;
    c.fill(() => (calls++, 0.5), out, 2, 8);
    expect(Array.from(out)).toEqual([0, 0, 700, 700, 700, 700, 700, 700, 0, 0]);
    expect(calls).toBe(0);
    expect([c.isConstant, c.mean, c.variance, c.quantile(0.3), c.cdf(699), c.cdf(700)]).toEqual([true, 700, 0, 700, 0, 1]);
  });
  it('reads back its label', () => {
    expect(c.label).toBe('700');
    expect(parseDistribution('x', c.label).params).toEqual({ value: 700 });
  });
});

describe('analytic values against references', () => {
  it('normal', () => {
    expect(normal(0, 1).quantile(0.975)).toBeCloseTo(1.959963984540054, 14); // R: qnorm(0.975)
    expect(normal(10, 2).cdf(13.92)).toBeCloseTo(0.9750021048517795, 15); // R: pnorm(1.96)
  });
  it('lognormal from percentiles', () => {
    // σ = ln(p95/p5)/(2·z₀.₉₅), μ = (ln p5 + ln p95)/2, z₀.₉₅ = 1.6448536269514722 (R: qnorm(0.95)).
    const d = lognormalFromQuantiles({ p5: 1e6, p95: 2e6 });
    expect(d.params.sigma).toBeCloseTo(Math.LN2 / (2 * 1.6448536269514722), 15);
    expect(d.params.mu).toBeCloseTo(0.5 * (Math.log(1e6) + Math.log(2e6)), 13);
    expect(d.quantile(0.05) / 1e6).toBeCloseTo(1, 14);
    expect(d.quantile(0.95) / 2e6).toBeCloseTo(1, 14);
    const m = lognormalFromQuantiles({ median: 100, p95: 300 });
    expect(m.params.mu).toBeCloseTo(Math.log(100), 14);
    expect(m.quantile(0.95)).toBeCloseTo(300, 10);
    const p = lognormalFromQuantiles({ p10: 5, p90: 20 });
    expect(p.quantile(0.1)).toBeCloseTo(5, 12);
    expect(p.quantile(0.9)).toBeCloseTo(20, 12);
    const q = lognormalFromQuantiles({ median: 10, p5: 2 });
    expect(q.quantile(0.05)).toBeCloseTo(2, 12);
    // Mean with the median: e^(μ + σ²/2) = mean, e^μ = median.
    const withMean = lognormalFromQuantiles({ median: 10, mean: 12 });
    expect(withMean.params.sigma).toBeCloseTo(Math.sqrt(2 * Math.log(1.2)), 15);
    expect(withMean.mean).toBeCloseTo(12, 12);
    const lowerAndMean = lognormalFromQuantiles({ p5: 2, mean: 12 });
    expect(lowerAndMean.mean).toBeCloseTo(12, 11);
    expect(lowerAndMean.quantile(0.05)).toBeCloseTo(2, 11);
    // Asymmetric levels.
    const skew = lognormalFromQuantiles({ p1: 1, p75: 10 });
    expect(skew.quantile(0.01)).toBeCloseTo(1, 12);
    expect(skew.quantile(0.75)).toBeCloseTo(10, 11);
  });
  it('gamma and beta', () => {
    expect(gamma(2, 3).quantile(0.3) / 3).toBeCloseTo(1.0973492107034917, 13); // R: qgamma(0.3, 2)
    expect(gamma(1, 2).quantile(0.5)).toBeCloseTo(2 * Math.LN2, 15); // exponential median
    expect(beta(2, 5).quantile(0.3)).toBeCloseTo(0.18180347131894917, 14); // R: qbeta(0.3, 2, 5)
    expect(beta(2, 5).cdf(0.3)).toBeCloseTo(0.579825, 15); // closed form 1 − 0.7⁶ − 6·0.3·0.7⁵
  });
  it('pert, triangular and uniform closed forms', () => {
    const p = pert(1, 2, 5);
    expect(p.params.alpha).toBe(2);
    expect(p.params.beta).toBe(4);
    expect(p.mean).toBeCloseTo((1 + 4 * 2 + 5) / 6, 14);
    expect(p.variance).toBeCloseTo(((p.mean - 1) * (5 - p.mean)) / 7, 14);
    expect(p.quantile(0.3)).toBeCloseTo(1.8721076630528988, 13); // 1 + 4·qbeta(0.3, 2, 4) (SciPy 1.17.1)
    const t = triangular(0, 1, 4);
    expect(t.cdf(1)).toBeCloseTo(0.25, 15);
    expect(t.quantile(0.25)).toBeCloseTo(1, 15);
    expect(t.variance).toBeCloseTo((0 + 1 + 16 - 0 - 0 - 4) / 18, 15);
    expect(uniform(1, 3).quantile(0.25)).toBe(1.5);
  });
  it('truncated normal and lognormal', () => {
    // SciPy 1.17.1: truncnorm(-0.5, inf, loc=1, scale=2).mean(), .var(); truncnorm(1.5, 3).mean(), .var().
    const a = truncate(normal(1, 2), 0);
    expect(a.mean).toBeCloseTo(2.018320867674067, 13);
    expect(a.variance).toBeCloseTo(1.9447017427854685, 13);
    const b = truncate(normal(0, 1), 1.5, 3);
    expect(b.mean).toBeCloseTo(1.9109517359831112, 13);
    expect(b.variance).toBeCloseTo(0.11313215290470935, 13);
    // Half-normal: mean √(2/π), variance 1 − 2/π.
    const h = truncate(normal(0, 1), 0);
    expect(h.mean).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
    expect(h.variance).toBeCloseTo(1 - 2 / Math.PI, 15);
    // Far upper tail keeps accuracy: mean = φ(8)/Φ(−8), variance = 1 + 8λ − λ² (mpmath, 30 digits).
    const far = truncate(normal(0, 1), 8);
    expect(far.mean).toBeCloseTo(8.121368112236113, 13);
    expect(far.variance).toBeCloseTo(0.01432488344334091, 11);
    expect(far.quantile(0.5)).toBeGreaterThan(8);
    // Truncated lognormal: a no-op truncation keeps the moments; gamma(2) above 5 has mean 37/6.
    const l = truncate(lognormal(0, 1), 0);
    expect(l.mean).toBeCloseTo(Math.exp(0.5), 13);
    expect(l.variance).toBeCloseTo((Math.E - 1) * Math.E, 12);
    const g = truncate(gamma(2, 1), 5);
    expect(g.mean).toBeCloseTo(37 / 6, 13); // ∫₅^∞ x²e⁻ˣ / ∫₅^∞ xe⁻ˣ = 37e⁻⁵/6e⁻⁵
    expect(g.variance).toBeCloseTo(236 / 6 - (37 / 6) ** 2, 12);
  });
});
