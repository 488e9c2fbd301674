/**
 * Partial rank correlation coefficients (PRCC) of each input with the response, from a Monte Carlo
 * design (`sample/montecarlo.ts`), with Fisher-z confidence intervals.
 *
 * PRCC_i is the correlation between the ranks of input i and of the response after the linear effect of
 * the ranks of all other inputs is removed from both (R. L. Iman & W. J. Conover, "Small sample
 * sensitivity analysis techniques for computer models", Commun. Stat. Theory Methods 9(17), 1980;
 * S. Marino, I. B. Hogue, C. J. Ray & D. E. Kirschner, "A methodology for performing global uncertainty
 * and sensitivity analysis in systems biology", J. Theor. Biol. 254, 178–196, 2008). It is computed from
 * the inverse P of the (k+1) × (k+1) correlation matrix of the ranks: PRCC_i = −P_iy / √(P_ii · P_yy).
 * Interval: tanh(atanh(PRCC) ± z / √(n − 3 − q)) with q = k − 1 controlled inputs (Fisher 1924; the t test of
 * the same coefficient has n − 2 − q degrees of freedom, Marino et al. 2008 §2.4.2). PRCC stays meaningful
 * with correlated inputs, since the others are partialled out, but assumes monotone relations.
 *
 * @example analyzePrcc(layout, y, { values }).rho // one coefficient per input, in [-1, 1]
 */
import { fisherInterval } from '../stats/correlation.ts';
import type { Interval, MonteCarloLayout, Response } from '../types.ts';
import { rankData } from './correlation-input.ts';
import type { CorrelationAnalyzeOptions, CorrelationIndices } from './spearman.ts';

export function analyzePrcc(layout: MonteCarloLayout, y: Response, options: CorrelationAnalyzeOptions): CorrelationIndices {
  const data = options.ranked ?? rankData(layout, y, options.values);
  const k = layout.k;
  const n = data.n;
  const cols = [...data.x, data.y];
  const m = k + 1;
  // Correlation matrix of the ranks. All columns are ranks 1…n with ties averaged, so their means are (n+1)/2.
  const centred = cols.map((c) => {
    const out = new Float64Array(n);
    let mean = 0;
    for (let t = 0; t < n; t++) mean += c[t];
    mean /= n;
    for (let t = 0; t < n; t++) out[t] = c[t] - mean;
    return out;
  });
  const cov = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      const ca = centred[a];
      const cb = centred[b];
      for (let t = 0; t < n; t++) s += ca[t] * cb[t];
      cov[a * m + b] = s;
      cov[b * m + a] = s;
    }
  }
  const corr = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) corr[a * m + b] = cov[a * m + b] / Math.sqrt(cov[a * m + a] * cov[b * m + b]);
  const p = invert(corr, m);
  const rho = new Float64Array(k);
  const ci: Interval[] = [];
  const q = k - 1;
  const se = 1 / Math.sqrt(n - 3 - q);
  for (let i = 0; i < k; i++) {
    const r = p ? -p[i * m + k] / Math.sqrt(p[i * m + i] * p[k * m + k]) : NaN;
    rho[i] = Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : NaN;
    ci.push(fisherInterval(rho[i], se, options.confidence ?? 0.95));
  }
  return { rho, ci, n, dropped: data.dropped };
}

/** Inverse of an m × m matrix (row-major) by Gauss–Jordan elimination with partial pivoting; null if singular or not finite. */
export function invert(a: Float64Array, m: number): Float64Array | null {
  const w = Float64Array.from(a);
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) inv[i * m + i] = 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(w[r * m + col]) > Math.abs(w[pivot * m + col])) pivot = r;
    const pv = w[pivot * m + col];
    if (!(Math.abs(pv) > 1e-12)) return null;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) {
        let t = w[col * m + c];
        w[col * m + c] = w[pivot * m + c];
        w[pivot * m + c] = t;
        t = inv[col * m + c];
        inv[col * m + c] = inv[pivot * m + c];
        inv[pivot * m + c] = t;
      }
    }
    for (let c = 0; c < m; c++) {
      w[col * m + c] /= pv;
      inv[col * m + c] /= pv;
    }
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = w[r * m + col];
      if (f === 0) continue;
      for (let c = 0; c < m; c++) {
        w[r * m + c] -= f * w[col * m + c];
        inv[r * m + c] -= f * inv[col * m + c];
      }
    }
  }
  return inv;
}
