import { describe, expect, it } from 'vitest';
import { morrisSizeWarning, sobolOutOfRange, sobolRangeWarning } from '../../src/sensitivity/analyze/range.ts';

describe("Sobol' indices outside [0, 1]", () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  it('flags an estimate outside the range unless its interval reaches back into it and is narrower than the range', () => {
    const values = [2.26, -0.003, 1.02, -0.4, 0.5];
    const ci: Array<[number, number]> = [[NaN, NaN], [-0.01, 0.005], [0.98, 1.06], [-3, 2], [0.4, 0.6]];
    expect(sobolOutOfRange('S1', names, values, ci)).toEqual(['S1 of a = 2.26 (no interval)', 'S1 of d = -0.4 (95% CI -3 to 2)']);
  });

  it('an interval wholly outside [0, 1] is no excuse', () => {
    expect(sobolOutOfRange('ST', ['x1'], [2.12], [[2.12, 8.85]])).toEqual(['ST of x1 = 2.12 (95% CI 2.12 to 8.85)']);
  });

  it('one warning naming N, or none', () => {
    expect(sobolRangeWarning(2, ['S1 of a = 2.26 (no interval)'])).toBe(
      "sobol: indices outside their possible range [0, 1]: S1 of a = 2.26 (no interval); N = 2 base samples is too small for Sobol' indices to mean anything, raise --samples (1024 or more)",
    );
    expect(sobolRangeWarning(1024, [])).toBeUndefined();
  });
});

describe('Morris on too few trajectories', () => {
  it('warns below 10 trajectories', () => {
    expect(morrisSizeWarning(2)).toMatch(/^morris: only 2 trajectories/);
    expect(morrisSizeWarning(10)).toBeUndefined();
  });
});
