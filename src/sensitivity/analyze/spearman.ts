/**
 * Spearman rank correlation of each input with the response, from a Monte Carlo design
 * (`sample/montecarlo.ts`), with Fisher-z confidence intervals.
 *
 * rho_i is the Pearson correlation of the ranks (ties averaged, so a 0/1 claim indicator works)
 * (C. Spearman, Am. J. Psychol. 15, 1904). Interval: tanh(atanh(rho) ± z · √(1.06 / (n − 3))) (Fieller,
 * Hartley & Pearson, Biometrika 44, 1957). With correlated inputs rho_i also carries the effect of the
 * inputs correlated with input i: use PRCC to separate them.
 *
 * @example analyzeSpearman(layout, y, { values }).rho // one coefficient per input, in [-1, 1]
 */
import { fisherInterval, pearson } from '../stats/correlation.ts';
import type { Interval, MonteCarloLayout, Response } from '../types.ts';
import { rankData, type RankedData } from './correlation-input.ts';

export interface CorrelationAnalyzeOptions {
  /**
   * Input values, row-major rows × k: the parameter values (the unit design mapped through each inverse
   * CDF), or the unit design itself when every input is continuous (same ranks). See `rankData`.
   */
  readonly values: Float64Array;
  /** The same data already ranked by `rankData` (Spearman and PRCC on one design rank it once). */
  readonly ranked?: RankedData;
  readonly confidence?: number;
}

export interface CorrelationIndices {
  readonly rho: Float64Array;
  readonly ci: Interval[];
  readonly n: number;
  readonly dropped: number;
}

export function analyzeSpearman(layout: MonteCarloLayout, y: Response, options: CorrelationAnalyzeOptions): CorrelationIndices {
  const data = options.ranked ?? rankData(layout, y, options.values);
  const k = layout.k;
  const rho = new Float64Array(k);
  const ci: Interval[] = [];
  const se = Math.sqrt(1.06 / (data.n - 3));
  for (let i = 0; i < k; i++) {
    rho[i] = pearson(data.x[i], data.y);
    ci.push(fisherInterval(rho[i], se, options.confidence ?? 0.95));
  }
  return { rho, ci, n: data.n, dropped: data.dropped };
}
