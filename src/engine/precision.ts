/**
 * Whether a precision-targeted run (`--precision`) has reached its target at a checkpoint.
 *
 * Each targeted percentile's 95% interval must be within ±relative of its estimate, and (with the
 * default targets) each claim's interval within ±claimAbsolute. Two cases where that test would
 * lie are handled apart:
 * - too few samples: when the interval's order statistics reach the smallest or largest sample
 *   (`quantileCIBounded`), its width is that of the sample, not a bound on the percentile; the
 *   target is never met then (10 samples do not pin down a p95 to ±5%, however close they fall);
 * - an estimate of exactly 0 (an output that is often 0): no relative half-width exists; the
 *   target is held to an absolute half-width instead, relative × max(|p5|, |p95|) of the same
 *   output — the output's typical magnitude, and 0 for an output that is 0 from p5 to p95, which
 *   then needs an interval of exactly [0, 0].
 * Both are recorded in the report (`unbounded`, `absoluteTargets`) and explained in sentences for
 * the summary's warnings.
 */
import type { PrecisionReport } from '../results/types.ts';
import { formatNumber } from '../results/format-number.ts';
import { boundedSampleSize, quantileCIBounded } from '../stats/quantiles.ts';
import type { Aggregator } from './aggregate.ts';
import type { PrecisionTarget } from './simulate.ts';

export interface PrecisionCheck {
  readonly report: PrecisionReport;
  /** Sentences for `summary.warnings` about targets that needed one of the special cases. */
  readonly notes: string[];
}

/**
 * `finite[j]`: the finite values of output j among the consumed samples (the n of its percentiles).
 * The targets' quantiles are asked of the aggregator together (one refinement pass when the values
 * are on other machines), then p5 and p95 of the outputs whose target is 0.
 */
export async function precisionReached(
  outputNames: readonly string[],
  claimCount: number,
  agg: Aggregator,
  target: PrecisionTarget,
  finite: readonly number[],
): Promise<PrecisionCheck> {
  const targets = target.targets ?? outputNames.map((output) => ({ output, percentile: 95 }));
  const estimates = await agg.quantilesOf(targets.map((t) => ({ output: outputNames.indexOf(t.output), ps: [t.percentile / 100] })));
  const zeros = targets.flatMap((t, i) => (estimates[i].values[0] === 0 ? [i] : []));
  const spread = await agg.quantilesOf(zeros.map((i) => ({ output: outputNames.indexOf(targets[i].output), ps: [0.05, 0.95] })));
  const unbounded: Array<{ output: string; percentile: string; needed: number }> = [];
  const absoluteTargets: Array<{ output: string; percentile: string; absolute: number; halfWidth: number }> = [];
  const notes: string[] = [];
  let worst = 0;
  let absoluteMet = true;
  for (const [i, t] of targets.entries()) {
    const j = outputNames.indexOf(t.output);
    const p = t.percentile / 100;
    const percentile = `p${t.percentile}`;
    const q = estimates[i];
    const est = q.values[0];
    const [lo, hi] = q.ci95[0];
    const half = Math.max(hi - est, est - lo);
    const n = finite[j];
    if (n > 0 && !quantileCIBounded(n, p)) {
      const needed = boundedSampleSize(p);
      unbounded.push({ output: t.output, percentile, needed });
      notes.push(
        `precision: the 95% interval of ${t.output} ${percentile} reaches the ${p < 0.5 ? 'smallest' : 'largest'} of its ${n.toLocaleString('en-US')} finite samples, ` +
          `too few to bound it (at least ${needed.toLocaleString('en-US')} are needed), so its target counts as not met; raise --max-samples`,
      );
    }
    if (est === 0) {
      const [p5, p95] = spread[zeros.indexOf(i)].values;
      const absolute = target.relative * Math.max(Math.abs(p5), Math.abs(p95));
      absoluteTargets.push({ output: t.output, percentile, absolute, halfWidth: half });
      if (!(half <= absolute)) absoluteMet = false;
      notes.push(
        `precision: ${t.output} ${percentile} is 0, where a relative half-width means nothing; it was held instead to an absolute half-width of at most ` +
          `${target.relative} × max(|p5|, |p95|) = ${formatNumber(absolute)} (measured ${formatNumber(half)})`,
      );
    } else {
      const rel = half / Math.abs(est);
      worst = Math.max(worst, Number.isFinite(rel) ? rel : Infinity);
    }
  }
  const claimAbsolute = target.targets ? undefined : (target.claimAbsolute ?? 0.005);
  let worstClaim = 0;
  if (claimAbsolute !== undefined) {
    for (let j = 0; j < claimCount; j++) {
      const c = agg.claimOf(j);
      worstClaim = Math.max(worstClaim, c.ci95[1] - c.probability, c.probability - c.ci95[0]);
    }
  }
  const report: PrecisionReport = {
    relative: target.relative,
    targets: targets.map((t) => ({ output: t.output, percentile: `p${t.percentile}` })),
    ...(claimAbsolute !== undefined ? { claimAbsolute, worstClaimHalfWidth: worstClaim } : {}),
    worstRelativeHalfWidth: worst,
    met: worst <= target.relative && absoluteMet && unbounded.length === 0 && (claimAbsolute === undefined || worstClaim <= claimAbsolute),
    ...(unbounded.length > 0 ? { unbounded } : {}),
    ...(absoluteTargets.length > 0 ? { absoluteTargets } : {}),
  };
  return { report, notes };
}
