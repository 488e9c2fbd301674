import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { sampleRankCorrelation } from 'simple-statistics';
import { imposeRankCorrelation } from '../../src/sampling/iman-conover.ts';
import { correlationTarget } from '../../src/sampling/correlation-matrix.ts';
import { InputError } from '../../src/errors.ts';

const names = ['a', 'b', 'c'];
const notConstant = () => false;

describe('Iman–Conover rank correlation', () => {
  it('reaches the target Spearman correlations and keeps every marginal exactly', () => {
    const random = seedrandom.alea('ic');
    const n = 20_000;
    const columns = [
      Float64Array.from({ length: n }, () => random()),
      Float64Array.from({ length: n }, () => -Math.log(1 - random())), // exponential
      Float64Array.from({ length: n }, () => random() ** 3),
    ];
    const before = columns.map((c) => c.slice().sort());
    const target = correlationTarget([['a', 'b', 0.7], ['a', 'c', -0.4]], names, notConstant)!;
    imposeRankCorrelation(columns, n, target, random);
    columns.forEach((c, j) => expect(c.slice().sort()).toEqual(before[j]));
    // Sampling error of a rank correlation at n = 20,000 is about 0.005; the method itself is within ~0.01.
    expect(sampleRankCorrelation([...columns[0]], [...columns[1]])).toBeCloseTo(0.7, 1);
    expect(Math.abs(sampleRankCorrelation([...columns[0]], [...columns[1]]) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(sampleRankCorrelation([...columns[0]], [...columns[2]]) + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(sampleRankCorrelation([...columns[1]], [...columns[2]]))).toBeLessThan(0.35);
  });

  it('rejects a matrix that is not positive definite, a rho outside [-1, 1] and unknown names', () => {
    expect(() => correlationTarget([['a', 'b', 0.9], ['b', 'c', 0.9], ['a', 'c', -0.9]], names, notConstant)).toThrow(/positive definite/);
    expect(() => correlationTarget([['a', 'b', 1.2]], names, notConstant)).toThrow(InputError);
    expect(() => correlationTarget([['a', 'z', 0.2]], names, notConstant)).toThrow(/correlations name model parameters: a, b, c/);
    expect(() => correlationTarget([['a', 'a', 0.2]], names, notConstant)).toThrow(/itself/);
  });
});
