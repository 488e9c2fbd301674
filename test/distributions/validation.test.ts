import { describe, expect, it } from 'vitest';
import { InputError, showValue } from '../../src/errors.ts';
import { fromSpec, normal, parseDistribution, truncate, uniform } from '../../src/distributions/index.ts';

const FIELD = 'parameters.gpus';

/** Runs `build`, expecting an InputError on `field` whose message echoes `value` and contains each of `says`. */
function expectInputError(build: () => unknown, field: string, value: unknown, ...says: string[]): void {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  const error = caught as InputError;
  expect(error.field).toBe(field);
  expect(error.message.startsWith(`${field}: got ${showValue(value)}; `)).toBe(true);
  for (const text of says) expect(error.message).toContain(text);
}

describe('fromSpec validation', () => {
  const cases: ReadonlyArray<readonly [string, unknown, string, unknown, ...string[]]> = [
    ['unknown distribution, with a suggestion', { dist: 'lognorml', p5: 1, p95: 2 }, 'dist', 'lognorml', 'unknown distribution', 'did you mean "lognormal"', 'allowed: constant, uniform, normal'],
    ['unknown distribution, no close name', { dist: 'zipf' }, 'dist', 'zipf', 'allowed: constant'],
    ['missing dist', { mean: 1 }, 'dist', undefined, 'dist is required'],
    ['non-string dist', { dist: 5 }, 'dist', 5, 'unknown distribution'],
    ['missing field', { dist: 'normal', mean: 1 }, 'sd', undefined, 'normal needs sd'],
    ['string instead of number', { dist: 'normal', mean: 'abc', sd: 1 }, 'mean', 'abc', 'finite number'],
    ['NaN', { dist: 'normal', mean: NaN, sd: 1 }, 'mean', NaN, 'finite number'],
    ['Infinity', { dist: 'normal', mean: 1, sd: Infinity }, 'sd', Infinity, 'finite number > 0'],
    ['sd <= 0', { dist: 'normal', mean: 1, sd: -1 }, 'sd', -1, 'sd must be a finite number > 0'],
    ['sd = 0', { dist: 'normal', mean: 1, sd: 0 }, 'sd', 0, 'sd must be a finite number > 0'],
    ['sigma <= 0', { dist: 'lognormal', mu: 0, sigma: 0 }, 'sigma', 0, 'sigma must be a finite number > 0'],
    ['min >= max (uniform)', { dist: 'uniform', min: 2, max: 1 }, 'min', 2, 'min must be less than max'],
    ['min == max (triangular)', { dist: 'triangular', min: 1, mode: 1, max: 1 }, 'min', 1, 'min must be less than max'],
    ['mode outside [min, max]', { dist: 'triangular', min: 0, mode: 5, max: 2 }, 'mode', 5, 'mode must lie in [min, max]'],
    ['pert mode outside', { dist: 'pert', min: 0, mode: -1, max: 2 }, 'mode', -1, 'mode must lie in [min, max]'],
    ['pert lambda <= 0', { dist: 'pert', min: 0, mode: 1, max: 2, lambda: 0 }, 'lambda', 0, 'lambda must be a finite number > 0'],
    ['percentiles out of order', { dist: 'lognormal', p5: 5, p95: 2 }, 'p95', 2, 'p95 must be greater than p5'],
    ['equal percentiles', { dist: 'lognormal', median: 5, p95: 5 }, 'p95', 5, 'p95 must be greater than median'],
    ['non-positive percentile', { dist: 'lognormal', p5: -1, p95: 2 }, 'p5', -1, 'p5 must be a finite number > 0'],
    ['zero percentile', { dist: 'lognormal', p10: 0, p90: 2 }, 'p10', 0, 'p10 must be a finite number > 0'],
    ['one percentile only', { dist: 'lognormal', p5: 1 }, 'p5', 1, 'exactly two'],
    ['three percentiles', { dist: 'lognormal', p5: 1, p95: 3, p99: 5 }, 'p99', 5, 'exactly two'],
    ['median and p50 together', { dist: 'lognormal', median: 1, p50: 2 }, 'p50', 2, 'same quantile'],
    ['ambiguous mean with an upper percentile', { dist: 'lognormal', p95: 10, mean: 5 }, 'mean', 5, 'two lognormals'],
    ['mean below the median', { dist: 'lognormal', median: 10, mean: 5 }, 'mean', 5, 'no lognormal'],
    ['alpha <= 0', { dist: 'beta', alpha: 0, beta: 1 }, 'alpha', 0, 'alpha must be a finite number > 0'],
    ['beta <= 0', { dist: 'beta', alpha: 1, beta: -2 }, 'beta', -2, 'beta must be a finite number > 0'],
    ['shape <= 0', { dist: 'gamma', shape: 0, scale: 1 }, 'shape', 0, 'shape must be a finite number > 0'],
    ['scale <= 0', { dist: 'gamma', shape: 1, scale: -2 }, 'scale', -2, 'scale must be a finite number > 0'],
    ['negative weight', { dist: 'discrete', values: [1, 2], weights: [1, -1] }, 'weights[1]', -1, 'finite number ≥ 0'],
    ['weights summing to 0', { dist: 'discrete', values: [1, 2], weights: [0, 0] }, 'weights', [0, 0], 'sum to a finite number > 0'],
    ['length mismatch', { dist: 'discrete', values: [1, 2], weights: [1] }, 'weights', [1], 'one entry per value'],
    ['empty values', { dist: 'discrete', values: [] }, 'values', [], 'non-empty array'],
    ['non-numeric value', { dist: 'discrete', values: [1, 'a'] }, 'values[1]', 'a', 'finite number'],
    ['values not an array', { dist: 'discrete', values: 3 }, 'values', 3, 'non-empty array'],
    ['truncation with no mass', { dist: 'normal', mean: 0, sd: 1, min: 50 }, 'min', 50, 'leaves no probability mass'],
    ['truncation below a positive support', { dist: 'lognormal', mu: 0, sigma: 1, max: -1 }, 'max', -1, 'leaves no probability mass'],
    ['truncation min >= max', { dist: 'normal', mean: 0, sd: 1, min: 1, max: 0 }, 'min', 1, 'min must be less than max'],
    ['non-finite truncation', { dist: 'gamma', shape: 1, scale: 1, max: Infinity }, 'max', Infinity, 'finite number'],
    ['mu/sigma mixed with a percentile', { dist: 'lognormal', mu: 0, sigma: 1, p5: 3 }, 'p5', 3, 'not both'],
    ['unknown field, with a suggestion', { dist: 'normal', mean: 0, sd: 1, sdd: 3 }, 'sdd', 3, 'unknown field for normal', 'did you mean "sd"'],
    ['field of another family', { dist: 'uniform', min: 0, max: 1, lambda: 2 }, 'lambda', 2, 'unknown field for uniform'],
    ['truncation fields on a discrete law', { dist: 'discrete', values: [1], min: 0 }, 'min', 0, 'unknown field for discrete'],
  ];

  it.each(cases)('%s', (_name, spec, sub, value, ...says) => {
    expectInputError(() => fromSpec(FIELD, spec), `${FIELD}.${String(sub)}`, value, ...(says as string[]));
  });

  it('rejects values that are not a number, string or object', () => {
    expectInputError(() => fromSpec(FIELD, Infinity), FIELD, Infinity, 'finite');
    expectInputError(() => fromSpec(FIELD, NaN), FIELD, NaN, 'finite');
    expectInputError(() => fromSpec(FIELD, null), FIELD, null, 'a parameter is a number');
    expectInputError(() => fromSpec(FIELD, [1, 2]), FIELD, [1, 2], 'a parameter is a number');
    expectInputError(() => fromSpec(FIELD, true), FIELD, true, 'a parameter is a number');
  });

  it('ignores documentation fields', () => {
    const d = fromSpec(FIELD, { dist: 'normal', mean: 0, sd: 1, unit: 'GPU', source: 'Edunov 2023', description: 'x', label: 'y' });
    expect(d.params).toEqual({ mean: 0, sd: 1 });
  });

  it('rejects truncating a family whose min/max are its support, or truncating twice', () => {
    expectInputError(() => truncate(uniform(0, 1), 0.5), 'min', 0.5, 'truncation applies to normal, lognormal, gamma');
    expectInputError(() => truncate(truncate(normal(0, 1), 0), undefined, 2), 'max', 2, 'already truncated');
  });
});

describe('parseDistribution validation', () => {
  const cases: ReadonlyArray<readonly [string, string, string, unknown, ...string[]]> = [
    ['non-numeric argument', 'normal(0, abc)', 'sd', 'abc', 'finite number'],
    ['infinite argument', 'normal(0, inf)', 'sd', Infinity, 'finite number'],
    ['NaN argument', 'gamma(NaN, 1)', 'shape', NaN, 'finite number'],
    ['repeated argument', 'lognormal(mu=1, mu=2)', 'mu', 2, 'given twice'],
    ['missing argument', 'normal()', 'mean', undefined, 'normal needs mean'],
    ['unknown named argument', 'uniform(min=1, max=2, foo=3)', 'foo', 3, 'unknown field for uniform'],
    ['bad value inside a list', 'discrete([1, x])', 'values[1]', 'x', 'finite number'],
  ];
  it.each(cases)('%s', (_name, text, sub, value, ...says) => {
    expectInputError(() => parseDistribution(FIELD, String(text)), `${FIELD}.${String(sub)}`, value, ...(says as string[]));
  });

  const syntax: ReadonlyArray<readonly [string, string, ...string[]]> = [
    ['unknown distribution', 'lognorml(p5=1, p95=2)', 'unknown distribution', 'did you mean "lognormal"'],
    ['too many positional arguments', 'normal(0, 1, 2)', 'at most 2 positional arguments (mean, sd)'],
    ['positional after named', 'normal(sd=1, 0)', 'positional argument', 'after a named one'],
    ['missing parenthesis', 'normal(0, 1', 'unexpected end of text'],
    ['missing comma', 'normal(0 1)', 'unexpected "1"'],
    ['no parentheses', 'normal 0 1', 'expected "("'],
    ['trailing text', 'normal(0, 1) extra', 'expected end of text'],
    ['empty', '   ', 'empty distribution'],
    ['bad character', 'normal(0; 1)', 'unexpected ";"'],
    ['a to b with a >= b', '5 to 2', 'it needs a < b (got a = 5, b = 2)', '90% interval'],
    ['a to b with a = b', '-1 to -1', 'it needs a < b'],
    ['a to b with an infinite end', '1 to inf', 'a and b must be finite numbers'],
    ['non-finite constant', 'Infinity', 'finite'],
    ['a bare word', 'abc', 'unexpected "abc"'],
  ];
  it.each(syntax)('%s', (_name, text, ...says) => {
    let caught: unknown;
    try {
      parseDistribution(FIELD, String(text));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.field).toBe(FIELD);
    expect(error.message).toContain(`${FIELD}: got "`);
    for (const part of says as string[]) expect(error.message).toContain(part);
  });
});
