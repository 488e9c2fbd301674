import { describe, expect, it } from 'vitest';
import { boundedSampleSize, quantileCIBounded, quantileCIRanks } from '../../src/stats/quantiles.ts';

describe('quantileCIBounded: does n bound the 95% interval of the p-quantile?', () => {
  it('10 samples do not bound p95 (the interval would end at the largest sample); 200 do', () => {
    expect(quantileCIBounded(10, 0.95)).toBe(false);
    expect(quantileCIBounded(200, 0.95)).toBe(true);
  });

  it('when bounded, the interval ranks lie strictly inside the sample (neither the smallest nor the largest value)', () => {
    for (const p of [0.01, 0.05, 0.5, 0.95, 0.99]) {
      for (let n = 3; n < 2000; n += 7) {
        const [l, u] = quantileCIRanks(n, p);
        if (quantileCIBounded(n, p)) expect(l > 0 && u < n - 1, `n=${n}, p=${p}`).toBe(true);
        else if (n < 10) expect(l === 0 || u === n - 1, `n=${n}, p=${p}`).toBe(true);
      }
    }
  });

  it('boundedSampleSize is the first n that bounds, and every larger n bounds too (checked over 5000 more)', () => {
    for (const p of [0.5, 0.95, 0.05, 0.99, 0.999]) {
      const n = boundedSampleSize(p);
      expect(quantileCIBounded(n, p)).toBe(true);
      expect(quantileCIBounded(n - 1, p)).toBe(false);
      for (let m = n; m < n + 5000; m++) expect(quantileCIBounded(m, p)).toBe(true);
    }
    expect(boundedSampleSize(0.95)).toBe(142);
    expect(boundedSampleSize(0.5)).toBe(11);
  });
});
