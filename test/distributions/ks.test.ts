import { describe, expect, it } from 'vitest';
import { kolmogorovQ, ksTest } from './ks.ts';

describe('Kolmogorov–Smirnov helper', () => {
  it('matches known points of the Kolmogorov distribution', () => {
    // Critical values of the limiting law (scipy.special.kolmogorov inverted with brentq, SciPy 1.17.1):
    // Q(1.3581) ≈ 0.05, Q(1.6276) ≈ 0.01, Q(1.9495) ≈ 0.001.
    expect(kolmogorovQ(1.3580986393225505)).toBeCloseTo(0.05, 9);
    expect(kolmogorovQ(1.6276236115189504)).toBeCloseTo(0.01, 9);
    expect(kolmogorovQ(1.9494746035043753)).toBeCloseTo(0.001, 9);
    // Both series agree where they meet (Q has slope ≈ −0.6 there).
    expect(kolmogorovQ(1.18 - 1e-13)).toBeCloseTo(kolmogorovQ(1.18), 12);
  });

  it('accepts a stratified uniform sample and rejects a shifted one', () => {
    const n = 1000;
    const grid = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    expect(ksTest(grid, (x) => x).d).toBeCloseTo(0.5 / n, 12);
    expect(ksTest(grid, (x) => x).p).toBeGreaterThan(0.99);
    expect(ksTest(grid, (x) => Math.min(1, Math.max(0, x - 0.1))).p).toBeLessThan(1e-6);
  });
});
