/**
 * Iman & Conover (1982), "A distribution-free approach to inducing rank correlation among
 * input variables", Communications in Statistics B 11(3):311–334.
 *
 * Reorders each correlated column so that its ranks follow those of a matrix of normal scores
 * with the target correlation. Marginals are untouched: every column keeps exactly its values,
 * only their pairing changes. Applied per chunk, so it stays bit-identical for any worker count.
 */
import type { RandomSource } from '../distributions/types.ts';
import { cholesky, invertLower, type CorrelationTarget } from './correlation-matrix.ts';
import { normalQuantile } from '../distributions/special/normalQuantile.ts';

/** Reorders `columns[j][0..n)` in place to carry the target rank correlation. */
export function imposeRankCorrelation(columns: Float64Array[], n: number, target: CorrelationTarget, random: RandomSource): void {
  const k = columns.length;
  if (n < k + 2) return; // too few rows to estimate a correlation: leave independent
  // Van der Waerden scores Φ⁻¹(i/(n+1)), each column an independent random permutation.
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
  const scores = columns.map(() => {
    const s = Float64Array.from(base);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  });
  // Remove the sample correlation the random permutation happened to have (T = QQᵀ), then impose the target (PPᵀ).
  const q = cholesky(pearsonMatrix(scores, n));
  if (!q) return;
  const qInv = invertLower(q);
  const p = target.scoreCholesky;
  // M = P · Q⁻¹ (lower triangular); each row's new scores are M · r.
  const m = p.map((row, i) => row.map((_, j) => {
    let s = 0;
    for (let l = j; l <= i; l++) s += p[i][l] * qInv[l][j];
    return s;
  }));
  const adjusted = columns.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += m[i][j] * scores[j][r];
      adjusted[i][r] = s;
    }
  }
  const order = new Uint32Array(n);
  for (let j = 0; j < k; j++) {
    const sortedValues = columns[j].slice(0, n).sort();
    for (let i = 0; i < n; i++) order[i] = i;
    const target = adjusted[j];
    order.sort((a, b) => target[a] - target[b] || a - b);
    const col = columns[j];
    for (let rank = 0; rank < n; rank++) col[order[rank]] = sortedValues[rank];
  }
}

function pearsonMatrix(cols: Float64Array[], n: number): number[][] {
  const k = cols.length;
  const means = cols.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    return s / n;
  });
  const cov = cols.map(() => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const ca = cols[a];
      const cb = cols[b];
      for (let i = 0; i < n; i++) s += (ca[i] - means[a]) * (cb[i] - means[b]);
      cov[a][b] = cov[b][a] = s;
    }
  }
  return cov.map((row, a) => row.map((v, b) => v / Math.sqrt(cov[a][a] * cov[b][b])));
}
