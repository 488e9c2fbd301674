/**
 * Statistics that no double can hold. The engine computes every statistic of finite values
 * without overflow (scaled moments, halved interpolation and bin widths), so a statistic is
 * non-finite only when its true value lies beyond ±1.8e308: a standard deviation or a 95%
 * interval end of values spanning nearly the whole double range. JSON has no Infinity, so such a
 * number is written as `null`; this module names them in a warning, so a null is never silent.
 */
import type { OutputDistribution, OutputSummary } from '../results/types.ts';

/** The fields of one output that are non-finite although the output has samples to compute them from. */
export function unrepresentableFields(summary: OutputSummary, distribution: OutputDistribution): string[] {
  if (summary.count === 0) return [];
  const bad: string[] = [];
  const check = (field: string, values: readonly number[]) => {
    if (values.some((v) => !Number.isFinite(v))) bad.push(field);
  };
  check('mean', [summary.mean, summary.min, summary.max]);
  // One sample has no standard deviation or interval (NaN by definition, not by overflow).
  if (summary.count > 1) {
    check('sd', [summary.sd]);
    check('meanCI95', summary.meanCI95);
  }
  check('percentiles', Object.values(summary.percentiles));
  check('percentileCI95', Object.values(summary.percentileCI95).flat());
  check('quantile grid', distribution.quantiles.x);
  check('histogram edges', distribution.histogram.edges);
  check('convergence', [...distribution.convergence.mean, ...distribution.convergence.p50, ...distribution.convergence.p95]);
  return bad;
}

/** The warning for an output with unrepresentable statistics, or undefined when there are none. */
export function unrepresentableWarning(name: string, summary: OutputSummary, distribution: OutputDistribution): string | undefined {
  const bad = unrepresentableFields(summary, distribution);
  if (bad.length === 0) return undefined;
  return `output ${name}: ${bad.join(', ')} lie beyond the largest double (±1.8e308) and are written as null in summary.json/distributions.json (values from ${summary.min} to ${summary.max})`;
}
