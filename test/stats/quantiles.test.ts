import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { quantileSorted } from 'simple-statistics';
import { quantileCIRanks, quantiles } from '../../src/stats/quantiles.ts';
import { wilson95 } from '../../src/stats/proportion.ts';

describe('quantiles (Hyndman–Fan type 7)', () => {
  it('matches R: quantile(0:100, c(.05, .5, .975)) = 5, 50, 97.5', () => {
    const v = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(quantiles(v, 101, [0.05, 0.5, 0.975]).values).toEqual([5, 50, 97.5]);
  });

  it('matches R: quantile(c(1, 2, 4, 8), 0.4) = 2.4', () => {
    expect(quantiles(new Float64Array([8, 1, 4, 2]), 4, [0.4]).values[0]).toBeCloseTo(2.4, 14);
  });

  it('the order-statistic interval covers the true quantile about 95% of the time', () => {
    // Uniform(0,1): the true p-quantile is p. 400 repetitions: 95% coverage ± 3 binomial sd ≈ [0.917, 0.983].
    const random = seedrandom.xor4096('coverage');
    let covered = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      const v = Float64Array.from({ length: 2000 }, () => random());
      const [lo, hi] = quantiles(v, v.length, [0.9]).ci95[0];
      if (lo <= 0.9 && 0.9 <= hi) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.917);
    expect(covered / reps).toBeLessThan(0.99);
  });

  it('ranks stay inside the sample', () => {
    expect(quantileCIRanks(10, 0.01)[0]).toBe(0);
    expect(quantileCIRanks(10, 0.99)[1]).toBe(9);
  });

  it('agrees with simple-statistics on a random sample (its quantileSorted interpolates the same way at the median)', () => {
    const random = seedrandom.xor4096('agree');
    const v = Float64Array.from({ length: 10_001 }, () => random());
    const sorted = [...v].sort((a, b) => a - b);
    expect(quantiles(v, v.length, [0.5]).values[0]).toBe(quantileSorted(sorted, 0.5));
  });
});

describe('wilson95', () => {
  it('matches the closed form for 0 of 100 and stays inside [0, 1]', () => {
    const [lo, hi] = wilson95(0, 100);
    expect(lo).toBe(0);
    // z²/(n + z²) with z = 1.96: 3.8415 / 103.8415
    expect(hi).toBeCloseTo(3.841458820694124 / 103.841458820694124, 12);
    expect(wilson95(100, 100)[1]).toBe(1);
  });

  it('matches a worked value: 81 of 263 → [0.2553, 0.3662] (Newcombe 1998, Stat Med 17:857, example)', () => {
    const [lo, hi] = wilson95(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });
});
