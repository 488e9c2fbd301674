import { describe, expect, it } from 'vitest';
import { analyzePrcc } from '../../src/sensitivity/analyze/prcc.ts';
import { analyzeSpearman } from '../../src/sensitivity/analyze/spearman.ts';
import { sampleMonteCarlo } from '../../src/sensitivity/sample/montecarlo.ts';
import { fisherInterval, pearson } from '../../src/sensitivity/stats/correlation.ts';
import { normalCdf } from '../../src/distributions/special/normalCdf.ts';
import { normalQuantile } from '../../src/distributions/special/normalQuantile.ts';
import { averageRanks } from '../../src/sensitivity/stats/rank.ts';
import { COEFFICIENTS, SD } from '../fixtures/linear-normal.ts';
import { evaluate } from './helpers.ts';

describe('ranks, normal quantiles, Fisher z', () => {
  it('averages the ranks of ties (mid-ranks), so a 0/1 indicator ranks as two blocks', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    // 0/1 indicator: three 0s share rank 2, two 1s share rank 4.5.
    expect(Array.from(averageRanks(Uint8Array.of(0, 1, 0, 1, 0)))).toEqual([2, 4.5, 2, 4.5, 2]);
  });

  it('normal quantile and cdf agree with scipy.stats.norm (1e-12 absolute; 1e-7 relative in the far tail)', () => {
    // scipy.stats.norm.ppf / cdf
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 7);
  });

  it('Fisher z interval: r = 0.5, se = 1/√97 gives [0.3366, 0.6341]', () => {
    // tanh(atanh(0.5) ± 1.95996/√97), computed by hand (R: tanh(atanh(0.5) + c(-1, 1) * qnorm(0.975) / sqrt(97))).
    const [lo, hi] = fisherInterval(0.5, 1 / Math.sqrt(97));
    expect(lo).toBeCloseTo(0.3366, 4);
    expect(hi).toBeCloseTo(0.6341, 4);
  });
});

describe('Spearman and PRCC on the linear model (independent normals)', () => {
  const n = 4000;
  const k = 5;
  async function run() {
    const d = sampleMonteCarlo(k, { n, seed: 'linear' });
    const y = await evaluate('linear-normal', d.unit);
    // Rank-based: the unit design has the ranks of the parameter values (continuous inputs).
    return { d, y, spearman: analyzeSpearman(d.layout, y, { values: d.unit }), prcc: analyzePrcc(d.layout, y, { values: d.unit }) };
  }

  it('Spearman: signs of a_i, order of |a_i σ_i|, and the analytic values inside the intervals', async () => {
    const { spearman } = await run();
    // For jointly normal (x_i, y) with Pearson r_i = a_i σ_i / σ_y, Spearman's rho is (6/π) asin(r_i / 2)
    // (K. Pearson 1907; Kruskal, JASA 53, 1958).
    const sy = Math.sqrt(COEFFICIENTS.reduce((s, a, i) => s + (a * SD[i]) ** 2, 0));
    const exact = COEFFICIENTS.map((a, i) => (6 / Math.PI) * Math.asin((a * SD[i]) / sy / 2));
    const rho = Array.from(spearman.rho);
    expect(rho.slice(0, 4).map(Math.sign)).toEqual([1, -1, 1, -1]);
    const abs = rho.map(Math.abs);
    for (let i = 0; i < 4; i++) expect(abs[i]).toBeGreaterThan(abs[i + 1]);
    // All 5 analytic values inside their 95% intervals (each misses with probability 0.05; seed fixed).
    spearman.ci.forEach(([lo, hi], i) => {
      expect(exact[i]).toBeGreaterThanOrEqual(lo);
      expect(exact[i]).toBeLessThanOrEqual(hi);
    });
    // The dummy input (a = 0): interval contains 0.
    expect(spearman.ci[4][0]).toBeLessThan(0);
    expect(spearman.ci[4][1]).toBeGreaterThan(0);
  });

  it('PRCC: signs of a_i, order of |a_i σ_i|, the dummy input at 0, and |PRCC| >= |Spearman|', async () => {
    const { spearman, prcc } = await run();
    const rho = Array.from(prcc.rho);
    expect(rho.slice(0, 4).map(Math.sign)).toEqual([1, -1, 1, -1]);
    const abs = rho.map(Math.abs);
    for (let i = 0; i < 4; i++) expect(abs[i]).toBeGreaterThan(abs[i + 1]);
    expect(prcc.ci[4][0]).toBeLessThan(0);
    expect(prcc.ci[4][1]).toBeGreaterThan(0);
    // Partialling out the other inputs removes their share of the variance: for an additive monotone
    // model the partial coefficients are larger in magnitude than the marginal ones.
    for (let i = 0; i < 4; i++) expect(abs[i]).toBeGreaterThan(Math.abs(spearman.rho[i]));
  });

  it('PRCC equals the correlation of residuals of rank regressions (definition check on 3 inputs)', () => {
    const d = sampleMonteCarlo(3, { n: 500, seed: 'def' });
    const y = new Float64Array(500);
    for (let r = 0; r < 500; r++) y[r] = Math.exp(d.unit[r * 3]) + d.unit[r * 3 + 1] ** 3 - 0.3 * d.unit[r * 3 + 2];
    const prcc = analyzePrcc(d.layout, y, { values: d.unit });
    // Residuals of rank(x0) and rank(y) on [1, rank(x1), rank(x2)] by least squares.
    const col = (c: number) => averageRanks(Array.from({ length: 500 }, (_, r) => d.unit[r * 3 + c]));
    const [r0, r1, r2] = [col(0), col(1), col(2)];
    const ry = averageRanks(y);
    const residual = (t: Float64Array) => {
      // Normal equations for t ~ b0 + b1 r1 + b2 r2 (r1, r2 centred).
      const m1 = r1.reduce((s, v) => s + v, 0) / 500;
      const m2 = r2.reduce((s, v) => s + v, 0) / 500;
      const mt = t.reduce((s, v) => s + v, 0) / 500;
      let s11 = 0, s22 = 0, s12 = 0, s1t = 0, s2t = 0;
      for (let i = 0; i < 500; i++) {
        const a = r1[i] - m1, b = r2[i] - m2, c = t[i] - mt;
        s11 += a * a; s22 += b * b; s12 += a * b; s1t += a * c; s2t += b * c;
      }
      const det = s11 * s22 - s12 * s12;
      const b1 = (s1t * s22 - s2t * s12) / det;
      const b2 = (s2t * s11 - s1t * s12) / det;
      return t.map((v, i) => v - mt - b1 * (r1[i] - m1) - b2 * (r2[i] - m2));
    };
    expect(prcc.rho[0]).toBeCloseTo(pearson(residual(r0), residual(ry)), 10);
  });

  it('works on a 0/1 claim indicator (ties), and the claim follows x1 and x2', async () => {
    const d = sampleMonteCarlo(5, { n: 4000, seed: 'claim' });
    const y = await evaluate('linear-normal', d.unit, { claim: 'above10' });
    const s = analyzeSpearman(d.layout, y, { values: d.unit });
    expect(s.rho[0]).toBeGreaterThan(0.4);
    expect(s.rho[1]).toBeLessThan(-0.3);
    expect(Math.abs(s.rho[4])).toBeLessThan(0.05);
  });

  it('the Monte Carlo design carries the model rank correlations (Iman–Conover)', () => {
    const d = sampleMonteCarlo(3, { n: 5000, seed: 'ic', correlations: [[0, 1, 0.7]] });
    const col = (c: number) => averageRanks(Array.from({ length: 5000 }, (_, r) => d.unit[r * 3 + c]));
    expect(pearson(col(0), col(1))).toBeCloseTo(0.7, 1);
    expect(Math.abs(pearson(col(0), col(2)))).toBeLessThan(0.05);
  });
});
