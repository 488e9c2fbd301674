/**
 * The mixture family: analytic moments, cdf, quantile by inversion (exact to the last bit, atoms
 * included), draws against the cdf, and the string and object forms. The generic family checks
 * (KS, moments, round trips, label read-back) run on mixtures in families.test.ts too.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { chunkRandom } from '../../src/engine/plan.ts';
import { InputError } from '../../src/errors.ts';
import {
  constant,
  discrete,
  type Distribution,
  fromSpec,
  mixture,
  normal,
  normalCdf,
  parseDistribution,
  uniform,
} from '../../src/distributions/index.ts';
import { fillLatinHypercube } from '../../src/sampling/lhs.ts';
import { sobolPoints } from '../../src/sampling/sobol.ts';
import { ksTest } from './ks.ts';

/** The largest double below x. */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] += x > 0 ? -1n : 1n;
  return f[0];
}

/** quantile(u) is the smallest double x with cdf(x) ≥ u (the generalised inverse, as computed). */
function expectExactQuantile(d: Distribution, u: number): void {
  const x = d.quantile(u);
  expect(d.cdf(x)).toBeGreaterThanOrEqual(u);
  expect(d.cdf(nextDown(x))).toBeLessThan(u);
}

describe('mixture: analytic values', () => {
  it('has the weighted mean and the law-of-total-variance variance (hand-computed)', () => {
    // p = (3/4, 1/4); mean = ¾·0 + ¼·5 = 1.25; Var = ¾(1 + 1.25²) + ¼(0 + 3.75²) = 5.4375.
    const d = mixture([normal(0, 1), constant(5)], [3, 1]);
    expect(d.kind).toBe('mixture');
    expect(d.mean).toBe(1.25);
    expect(d.variance).toBeCloseTo(5.4375, 14);
    expect(d.params).toEqual({ weights: [3, 1], probabilities: [0.75, 0.25] });
    expect(d.support).toEqual([-Infinity, Infinity]);
    expect(d.continuous).toBe(false);
    expect(d.isConstant).toBe(false);
  });

  it('has a cdf that is the weighted sum of the components', () => {
    const d = mixture([normal(0, 1), normal(3, 2)], [1, 3]);
    for (const x of [-3, -1, 0, 0.5, 2, 3, 7]) {
      expect(d.cdf(x)).toBeCloseTo(0.25 * normalCdf(x) + 0.75 * normalCdf((x - 3) / 2), 15);
    }
  });

  it('inverts a closed-form case: two uniforms, Q(u) = 2u below ½ and 2 + 4(u − ½) above', () => {
    const d = mixture([uniform(0, 1), uniform(2, 4)]);
    for (let k = 1; k < 100; k++) {
      const u = k / 100;
      const expected = u <= 0.5 ? 2 * u : 2 + 4 * (u - 0.5);
      expect(d.quantile(u)).toBeCloseTo(expected, 13);
    }
    // The gap (1, 2) holds no mass: u = ½ maps to its lower end.
    expect(d.quantile(0.5)).toBe(1);
    expect(d.support).toEqual([0, 4]);
    expect(d.continuous).toBe(true);
  });

  it('quantile is the smallest double with cdf ≥ u, to the last bit', () => {
    const cases = [
      mixture([normal(0, 1), normal(5, 2)], [0.3, 0.7]),
      parseDistribution('x', 'mx(1M to 2M, 5M to 8M, [0.9, 0.1])'),
      mixture([uniform(0, 1), normal(1e-200, 1e-201)]),
      parseDistribution('x', 'mx(1e-300 to 1e-299, 1e299 to 1e300)'),
    ];
    for (const d of cases) {
      for (const u of [1e-12, 1e-6, 0.01, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-9]) expectExactQuantile(d, u);
    }
  });

  it('returns an atom itself for every u inside its jump', () => {
    const d = mixture([normal(0, 1), constant(5)], [3, 1]);
    const below = d.cdf(nextDown(5)); // ¾·Φ(5) ≈ 0.7499998
    expect(d.cdf(5) - below).toBeCloseTo(0.25, 12);
    for (const u of [below + 1e-9, 0.76, 0.9, 0.99, d.cdf(5)]) expect(d.quantile(u)).toBe(5);
    expect(d.quantile(0.5)).toBeCloseTo(0.43072729929545756, 12); // ¾Φ(x) = ½: x = Φ⁻¹(2/3) (R: qnorm(2/3))
    // A constant below the other components: the jump is at the start.
    const e = mixture([constant(-1), uniform(0, 1)]);
    expect(e.quantile(0.2)).toBe(-1);
    expect(e.quantile(0.5)).toBe(-1);
    expect(e.quantile(0.75)).toBeCloseTo(0.5, 14);
    expect(e.quantile(0)).toBe(-1);
    expect(e.cdf(-1)).toBe(0.5);
    // Only atoms: a discrete law in disguise, with its quantile.
    const f = mixture([constant(1), constant(2), discrete([3, 4])], [1, 1, 2]);
    const g = discrete([1, 2, 3, 4]);
    for (let k = 1; k < 20; k++) expect(f.quantile(k / 20)).toBe(g.quantile(k / 20));
  });

  it('a single component is that component', () => {
    const d = mixture([normal(3, 2)]);
    expect(d.quantile(0.9)).toBe(normal(3, 2).quantile(0.9));
    expect(d.mean).toBe(3);
    expect(d.variance).toBe(4);
  });
});

describe('mixture: draws', () => {
  const N = 200_000;

  it('draws each component with its probability and the atom exactly', () => {
    const d = mixture([normal(0, 1), constant(5)], [3, 1]);
    const xs = new Float64Array(N);
    d.fill(seedrandom.xor4096('atoms'), xs, 0, N);
    const atoms = xs.filter((x) => x === 5).length;
    // Binomial(N, ¼): sd √(N·¼·¾) ≈ 194; 5 sd.
    expect(Math.abs(atoms - N / 4)).toBeLessThan(5 * Math.sqrt(N * 0.25 * 0.75));
    // The rest is the standard normal.
    expect(ksTest(xs.filter((x) => x !== 5), (x) => normalCdf(x)).p).toBeGreaterThan(0.001);
  });

  it('passes a KS test on the engine chunk stream, and refilling a chunk gives the same bytes', () => {
    const d = parseDistribution('x', 'mx(1M to 2M, 2.5M to 4M, [0.8, 0.2])');
    const a = new Float64Array(N);
    d.fill(chunkRandom('dist-mixture', 3), a, 0, N);
    expect(ksTest(a, (x) => d.cdf(x)).p).toBeGreaterThan(0.001);
    const b = new Float64Array(N);
    d.fill(chunkRandom('dist-mixture', 3), b, 0, N);
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
  });

  it('goes through Latin hypercube and Sobol sampling via its quantile', () => {
    const d = mixture([normal(0, 1), constant(5)], [3, 1]);
    const n = 4096;
    const lhs = new Float64Array(n);
    fillLatinHypercube(d, seedrandom.xor4096('lhs'), lhs, new Int32Array(n), n);
    // One draw per stratum of width 1/n: the atom's stratum count is within 1 of n/4.
    expect(Math.abs(lhs.filter((x) => x === 5).length - n / 4)).toBeLessThanOrEqual(1);
    expect(ksTest(lhs.filter((x) => x !== 5), (x) => normalCdf(x)).p).toBeGreaterThan(0.5);
    const points = sobolPoints(n, 1, { scramble: { seed: 'dist-mixture' }, midpoint: true });
    const sobol = Float64Array.from(points, (u) => d.quantile(u));
    expect(Math.abs(sobol.filter((x) => x === 5).length - n / 4)).toBeLessThanOrEqual(1);
    const mean = sobol.reduce((s, x) => s + x, 0) / n;
    expect(mean).toBeCloseTo(1.25, 2);
  });
});

describe('mixture: string and object forms', () => {
  it('reads mx(…) and mixture(…), components as arguments or as one list, weights last', () => {
    const a = parseDistribution('x', 'mx(normal(0, 1), 5, [3, 1])');
    const b = parseDistribution('x', 'mixture([normal(0, 1), 5], [3, 1])');
    const c = fromSpec('x', { dist: 'mixture', components: ['normal(0, 1)', 5], weights: [3, 1] });
    const d = fromSpec('x', { dist: 'mixture', components: [{ dist: 'normal', mean: 0, sd: 1 }, 5], weights: [3, 1] });
    for (const e of [b, c, d]) {
      expect(e.label).toBe(a.label);
      expect(e.params).toEqual(a.params);
      expect(e.quantile(0.3)).toBe(a.quantile(0.3));
    }
    expect(a.label).toBe('mx(normal(mean=0, sd=1), 5, [3, 1])');
    expect(parseDistribution('x', 'mx(1, 2)').params).toEqual({ weights: [1, 1], probabilities: [0.5, 0.5] });
    expect(parseDistribution('x', 'mx(1, 2)').label).toBe('mx(1, 2)');
  });

  it('takes any distribution string as a component: a to b (both rules), suffixes, nested mixtures', () => {
    const d = parseDistribution('x', 'mx(1M to 2M, 3M, [0.9, 0.1])');
    expect(d.label).toBe('mx(lognormal(p5=1e6, p95=2e6), 3e6, [0.9, 0.1])');
    expect(d.mean).toBeCloseTo(0.9 * parseDistribution('x', '1e6 to 2e6').mean + 0.1 * 3e6, 6);
    const e = parseDistribution('x', 'mx(-1 to 1, mx(1k, 2k), normal(0, 1, min=0))');
    expect(e.label).toBe('mx(normal(mean=0, sd=0.6079568319117692), mx(1e3, 2e3), normal(mean=0, sd=1, min=0))');
    expect(parseDistribution('x', e.label).quantile(0.4)).toBe(e.quantile(0.4));
  });

  const bad: ReadonlyArray<readonly [string, unknown, string, string]> = [
    ['mx(1, 2, [1])', [1], 'x.weights', 'one entry per component (2 components, 1 weight)'],
    ['mx(1, 2, [1, 0])', 0, 'x.weights[1]', 'finite number > 0'],
    ['mx(1, 2, [1, -3])', -3, 'x.weights[1]', 'finite number > 0'],
    ['mx(1, 2, [1, inf])', Infinity, 'x.weights[1]', 'finite number > 0'],
    ['mx(1, normal(0, -1))', -1, 'x.components[1].sd', 'sd must be a finite number > 0'],
    ['mx(1, 5 to 2)', 'mx(1, 5 to 2)', 'x.components[1]', 'it needs a < b'],
    ['mx(1, 2MM)', 'mx(1, 2MM)', 'x', 'unknown suffix "MM"'],
    ['mx()', 'mx()', 'x', 'at least one component'],
    ['mx(1, [1], 2)', 'mx(1, [1], 2)', 'x', 'the weights come last'],
    ['mx(1 2)', 'mx(1 2)', 'x', 'expected "," or ")"'],
    ['mx 1, 2', 'mx 1, 2', 'x', 'expected "("'],
  ];
  it.each(bad)('refuses %s, naming the field', (text, value, field, says) => {
    let caught: unknown;
    try {
      parseDistribution('x', text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.field).toBe(field);
    expect(error.value).toEqual(value);
    expect(error.message).toContain(says);
  });

  it('refuses a bad object form, naming the field', () => {
    expect(() => fromSpec('p', { dist: 'mixture', components: [] })).toThrow('p.components: got []; a mixture needs at least one component');
    expect(() => fromSpec('p', { dist: 'mixture' })).toThrow('p.components: got undefined; mixture needs components');
    expect(() => fromSpec('p', { dist: 'mixture', components: 'normal(0, 1)' })).toThrow('p.components: got "normal(0, 1)"; a mixture needs at least one component');
    expect(() => fromSpec('p', { dist: 'mixture', components: [1, { dist: 'nrmal' }] })).toThrow('p.components[1].dist: got "nrmal"; unknown distribution');
    expect(() => fromSpec('p', { dist: 'mixture', components: [1, 2], weight: [1, 2] })).toThrow('p.weight: got [1,2]; unknown field for mixture (did you mean "weights"?)');
  });
});
