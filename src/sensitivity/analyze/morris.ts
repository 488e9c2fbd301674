/**
 * Morris screening measures from a Morris design (`sample/morris.ts`): for each input, the mean of its
 * elementary effects mu (Morris 1991), the mean of their absolute values mu* (F. Campolongo, J. Cariboni
 * & A. Saltelli, "An effective screening design for sensitivity analysis of large models", Environ.
 * Model. Softw. 22(10), 1509–1518, 2007, which shows mu* ranks inputs like the total-order index and does
 * not let effects of opposite sign cancel), and their standard deviation sigma (Morris 1991: large sigma
 * flags interactions or non-linearity).
 *
 * The elementary effect of input i on a trajectory is EE_i = (f(x + Δ e_i) − f(x)) / Δ, with Δ = ±½ on the
 * unit-probability scale (see `sample/morris.ts`). sigma uses the r − 1 denominator. The interval for
 * mu* is a percentile bootstrap over the input's r elementary effects (SALib reports the same quantity,
 * `mu_star_conf`, from a bootstrap). Effects that involve a non-finite response are dropped (`counts`).
 *
 * @example
 * const d = sampleMorris(8, { trajectories: 50, seed: '1' });
 * analyzeMorris(d.layout, sobolG(d.unit), { seed: '1' }).muStar // large for x1, x2; ≈ 0 for x5…x8
 */
import { FastIndexStream } from '../../sampling/random.ts';
import { sortedQuantile } from '../stats/percentile.ts';
import type { Interval, MorrisLayout, Response } from '../types.ts';
import { checkResponse, tails } from './response.ts';

export interface MorrisAnalyzeOptions {
  readonly seed: string;
  /** Bootstrap resamples for the mu* interval (default 1000; 0 skips it). */
  readonly resamples?: number;
  readonly confidence?: number;
}

export interface MorrisIndices {
  readonly mu: Float64Array;
  readonly muStar: Float64Array;
  readonly sigma: Float64Array;
  readonly muStarCI95: Interval[];
  /** Finite elementary effects per input. */
  readonly counts: Int32Array;
}

export function analyzeMorris(layout: MorrisLayout, y: Response, options: MorrisAnalyzeOptions): MorrisIndices {
  checkResponse(layout, y);
  const k = layout.k;
  const resamples = options.resamples ?? 1000;
  const [pLo, pHi] = tails(options.confidence ?? 0.95);
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let row = 0; row < layout.rows; row++) {
    const f = layout.factor[row];
    if (f < 0) continue;
    const ee = (y[row] - y[row - 1]) / layout.step[row];
    if (Number.isFinite(ee)) effects[f].push(ee);
  }
  const mu = new Float64Array(k);
  const muStar = new Float64Array(k);
  const sigma = new Float64Array(k);
  const counts = new Int32Array(k);
  const muStarCI95: Interval[] = [];
  const rng = new FastIndexStream(options.seed, 'morris-bootstrap');
  for (let i = 0; i < k; i++) {
    const e = effects[i];
    const n = e.length;
    counts[i] = n;
    let s = 0;
    let sa = 0;
    for (const v of e) {
      s += v;
      sa += Math.abs(v);
    }
    mu[i] = n > 0 ? s / n : NaN;
    muStar[i] = n > 0 ? sa / n : NaN;
    let ss = 0;
    for (const v of e) ss += (v - mu[i]) ** 2;
    sigma[i] = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
    if (resamples > 0 && n > 1) {
      const boot = new Float64Array(resamples);
      for (let b = 0; b < resamples; b++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += Math.abs(e[rng.index(n)]);
        boot[b] = t / n;
      }
      boot.sort();
      muStarCI95.push([sortedQuantile(boot, pLo), sortedQuantile(boot, pHi)]);
    } else {
      muStarCI95.push([NaN, NaN]);
    }
  }
  return { mu, muStar, sigma, muStarCI95, counts };
}
