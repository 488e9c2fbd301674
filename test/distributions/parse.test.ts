import { describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_FIELDS,
  DISTRIBUTION_KINDS,
  DISTRIBUTION_POSITIONAL,
  formatNumber,
  fromSpec,
  parseDistribution,
} from '../../src/distributions/index.ts';
import { closestName } from '../../src/distributions/suggest.ts';

describe('parseDistribution', () => {
  const cases: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
    ['lognormal(p5=1e6, p95=2e6)', 'lognormal', { p5: 1e6, p95: 2e6 }],
    ['normal(10, 2)', 'normal', { mean: 10, sd: 2 }],
    ['uniform(1,2)', 'uniform', { min: 1, max: 2 }],
    ['pert(1,2,5)', 'pert', { min: 1, mode: 2, max: 5, lambda: 4 }],
    ['pert(1, 2, 5, 6)', 'pert', { min: 1, mode: 2, max: 5, lambda: 6 }],
    ['triangular(0, 1, 4)', 'triangular', { min: 0, mode: 1, max: 4 }],
    ['beta(2, 5)', 'beta', { alpha: 2, beta: 5 }],
    ['beta(2, 5, min=10, max=20)', 'beta', { alpha: 2, beta: 5, min: 10, max: 20 }],
    ['gamma(2.5, 1e-3)', 'gamma', { shape: 2.5, scale: 1e-3 }],
    ['discrete([1,2,3],[0.2,0.3,0.5])', 'discrete', { values: [1, 2, 3], weights: [0.2, 0.3, 0.5] }],
    ['discrete(values=[1, 2, 3], weights=[1, 1, 2])', 'discrete', { values: [1, 2, 3], weights: [1, 1, 2] }],
    ['normal(0,1,min=0)', 'normal', { mean: 0, sd: 1, min: 0 }],
    ['normal(mean=-3.5, sd=.5, max=1E2)', 'normal', { mean: -3.5, sd: 0.5, max: 100 }],
    ['lognormal(median=3, p95=10, max=50)', 'lognormal', { median: 3, p95: 10, max: 50 }],
    ['lognormal(p2.5=1, p97.5=9)', 'lognormal', { 'p2.5': 1, 'p97.5': 9 }],
    ['  Normal ( 0 , 1 , ) ', 'normal', { mean: 0, sd: 1 }],
    ['700', 'constant', { value: 700 }],
    ['-3.5', 'constant', { value: -3.5 }],
    ['1_000_000', 'constant', { value: 1e6 }],
    ['constant(5)', 'constant', { value: 5 }],
    ['1e6 to 2e6', 'lognormal', { p5: 1e6, p95: 2e6 }],
    ['5 TO 10', 'lognormal', { p5: 5, p95: 10 }],
  ];
  it.each(cases)('%s', (text, kind, params) => {
    const d = parseDistribution('x', text);
    expect(d.kind).toBe(kind);
    expect(d.params).toMatchObject(params);
  });

  it('"a to b" is a lognormal with a 90% interval [a, b]', () => {
    const d = parseDistribution('x', '5 to 10');
    expect(d.quantile(0.05)).toBeCloseTo(5, 12);
    expect(d.quantile(0.95)).toBeCloseTo(10, 12);
    expect(d.label).toBe('lognormal(p5=5, p95=10)');
  });

  it('reports derived canonical parameters', () => {
    const d = parseDistribution('x', 'lognormal(p5=1e6, p95=2e6)');
    expect(Object.keys(d.params)).toEqual(['p5', 'p95', 'mu', 'sigma']);
    expect(parseDistribution('x', 'pert(1, 2, 5)').params).toEqual({ min: 1, mode: 2, max: 5, lambda: 4, alpha: 2, beta: 4 });
  });

  it('reads back awkward numbers exactly', () => {
    for (const x of [0.1, 1 / 3, 1e-300, 123456789.123, 2e21, -0, 5e-324, 1.7976931348623157e308]) {
      const d = parseDistribution('x', formatNumber(x));
      expect(Object.is(d.params.value, x)).toBe(true);
    }
    expect(formatNumber(2e6)).toBe('2e6');
    expect(formatNumber(1500)).toBe('1500');
    expect(formatNumber(0.0001)).toBe('1e-4');
    const d = parseDistribution('x', `normal(${formatNumber(1 / 3)}, ${formatNumber(Math.PI)})`);
    expect(d.params).toEqual({ mean: 1 / 3, sd: Math.PI });
  });
});

describe('fromSpec', () => {
  it('accepts numbers, strings and objects', () => {
    expect(fromSpec('p', 700).isConstant).toBe(true);
    expect(fromSpec('p', '1e6 to 2e6').params.p95).toBe(2e6);
    const d = fromSpec('p', { dist: 'lognormal', p5: 1e6, p95: 2e6, unit: 'W', source: 'x' });
    expect(d.label).toBe('lognormal(p5=1e6, p95=2e6)');
    expect(fromSpec('p', { dist: 'Normal', mean: 1, sd: 2 }).kind).toBe('normal');
    expect(fromSpec('p', { dist: 'discrete', values: [1, 2] }).mean).toBe(1.5);
    expect(fromSpec('p', { dist: 'constant', value: 3 }).mean).toBe(3);
    expect(fromSpec('p', { dist: 'gamma', shape: 2, scale: 1, min: 5 }).mean).toBeCloseTo(37 / 6, 13);
  });

  it('agrees with the string form', () => {
    const a = fromSpec('p', { dist: 'pert', min: 1, mode: 2, max: 5, lambda: 6 });
    const b = parseDistribution('p', 'pert(1, 2, 5, 6)');
    expect(a.params).toEqual(b.params);
    expect(a.label).toBe(b.label);
  });
});

describe('kinds', () => {
  it('documents every kind', () => {
    for (const kind of DISTRIBUTION_KINDS) {
      expect(DISTRIBUTION_FIELDS[kind].length).toBeGreaterThan(0);
      expect(DISTRIBUTION_POSITIONAL[kind].length).toBeGreaterThan(0);
    }
  });

  it('suggests close names', () => {
    expect(closestName('lognorml', DISTRIBUTION_KINDS)).toBe('lognormal');
    expect(closestName('gama', DISTRIBUTION_KINDS)).toBe('gamma');
    expect(closestName('norm', DISTRIBUTION_KINDS)).toBe('normal');
    expect(closestName('tirangular', DISTRIBUTION_KINDS)).toBe('triangular');
    expect(closestName('weibull', DISTRIBUTION_KINDS)).toBeUndefined();
  });
});
