/**
 * Exceedance curve: P(output > x) against x, read off distributions.json's quantile grid
 * (x[i] is exceeded with probability 1 − p[i]). The x axis is logarithmic when the grid
 * spans more than 10^1.5. A claim's threshold, when given, is a vertical rule; the curve's
 * value there and the claim's own probability (from summary.json) are written beside it.
 *
 * The claim's probability and the curve's value at the threshold are both shown because
 * they need not be complements: a claim may compare against an uncertain yardstick (a
 * reactor's output varies by sample), while the threshold drawn here is one number.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Interval, OutputDistribution, OutputSummary } from '../results/types.ts';
import { formatClaim, formatLabel, formatPercent } from '../results/format-number.ts';
import { exceedance } from './quantile.ts';
import { axisTitle, colours, config, dividedTitle, height, logAxis, spanDivisor, wantsLogScale, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle } from './text.ts';

export interface ExceedanceClaim {
  /** The claim's name as in summary.json. */
  readonly name: string;
  /** Where the claim's threshold lies on this output's axis. */
  readonly threshold: number;
  /** What the threshold is, e.g. "2 reactors". */
  readonly thresholdLabel?: string;
  /** P(claim holds), from summary.json. */
  readonly probability: number;
  readonly ci95?: Interval;
}

export interface ExceedanceChartInput {
  readonly name: string;
  readonly distribution: OutputDistribution;
  readonly summary?: OutputSummary;
  readonly modelTitle?: string;
  readonly claim?: ExceedanceClaim;
}

export function exceedanceChart(input: ExceedanceChartInput): TopLevelSpec {
  const { name, distribution: dist, claim } = input;
  const unit = input.summary?.unit ?? dist.unit;
  const { p, x } = dist.quantiles;
  // A grid point written as null (a value no double could hold, in an older run) is left out.
  const points = x.map((xi, i) => ({ x: xi, exceed: 1 - p[i] })).filter((pt) => Number.isFinite(pt.x) && Number.isFinite(pt.exceed));
  const xMin = Math.min(points[0]?.x ?? 0, claim?.threshold ?? Infinity);
  const xMax = Math.max(points[points.length - 1]?.x ?? 1, claim?.threshold ?? -Infinity);
  const log = wantsLogScale(xMin, xMax);
  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); labels keep the true values.
  const div = log ? 1 : spanDivisor([xMin, xMax]);
  const usable = (log ? points.filter((pt) => pt.x > 0) : points).map((pt) => (div === 1 ? pt : { ...pt, x: pt.x / div }));
  const axis = log ? logAxis(xMin, xMax) : undefined;
  const xEnc = {
    type: 'quantitative' as const,
    scale: log ? { type: 'log' as const, nice: false } : { type: 'linear' as const, zero: false, nice: false },
  };

  const layer: LayerEntry[] = [
    {
      data: { values: usable },
      mark: { type: 'area', color: colours.main, opacity: 0.12, interpolate: 'linear' },
      encoding: { x: { ...xEnc, field: 'x' }, y: { field: 'exceed', type: 'quantitative' } },
    },
    {
      data: { values: usable },
      mark: { type: 'line', color: colours.main, strokeWidth: 2.5, interpolate: 'linear', point: { filled: true, size: 12, opacity: 0 } },
      encoding: {
        x: { ...xEnc, field: 'x', ...fieldTitle(dividedTitle(axisTitle(name, unit), div), axis ? { values: axis.values, format: axis.format } : {}) },
        y: {
          field: 'exceed',
          type: 'quantitative',
          scale: { domain: [0, 1] },
          ...fieldTitle(`P(${name} > x)`, { format: '.0%', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }),
        },
        tooltip: [
          { field: 'x', type: 'quantitative', title: dividedTitle('x', div), format: '.4~g' },
          { field: 'exceed', type: 'quantitative', title: 'P(> x)', format: '.2%' },
        ],
      },
    },
  ];

  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  if (claim && Number.isFinite(claim.threshold) && (!log || claim.threshold > 0)) {
    const pAt = exceedance(dist, claim.threshold);
    const where = log ? Math.log(claim.threshold / xMin) / Math.log(xMax / xMin) : (claim.threshold - xMin) / (xMax - xMin || 1);
    const right = where > 0.55;
    const thresholdText = claim.thresholdLabel ?? formatLabel(claim.threshold);
    const shown = claim.ci95 ? formatClaim(claim.probability, claim.ci95) : undefined;
    const claimP = shown ? `${shown.probability} (95% CI ${shown.interval})` : formatPercent(claim.probability);
    const claimText = `${claim.name}: ${claimP}`;
    const label = [`P(${name} > ${formatLabel(claim.threshold)}) = ${formatPercent(pAt)}`, `P(${claim.name}) =`, claimP];
    const at = [{ x: claim.threshold / div, exceed: pAt, label, top: thresholdText }];
    // The curve falls from left to right, so the space above-right of the point and below-left
    // of it is clear of the curve: the label goes above-right, or below-left near the right edge.
    // (vega stacks extra lines downwards from the anchor, hence the offset by the line count.)
    const lineHeight = 16;
    const labelMark = right
      ? ({ type: 'text', align: 'right', baseline: 'top', dx: -10, dy: 8, fontSize: 12, fontWeight: 600, lineHeight } as const)
      : ({ type: 'text', align: 'left', baseline: 'bottom', dx: 10, dy: -8 - (label.length - 1) * lineHeight, fontSize: 12, fontWeight: 600, lineHeight } as const);
    layer.push(
      {
        data: { values: at },
        mark: { type: 'rule', color: colours.reference, strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { x: { ...xEnc, field: 'x' } },
      },
      {
        data: { values: at },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, fontWeight: 600, color: colours.reference },
        encoding: { x: { ...xEnc, field: 'x' }, y: { value: 0 }, text: { field: 'top' } },
      },
      {
        data: { values: at },
        mark: { type: 'point', filled: true, size: 90, color: colours.reference, stroke: 'white', strokeWidth: 1.5 },
        encoding: {
          x: { ...xEnc, field: 'x' },
          y: { field: 'exceed', type: 'quantitative' },
          tooltip: [
            { field: 'top', type: 'nominal', title: 'threshold' },
            { field: 'exceed', type: 'quantitative', title: 'P(> threshold)', format: '.2%' },
          ],
        },
      },
      {
        // A white halo under the label keeps it legible where it crosses the curve.
        data: { values: at },
        mark: { ...labelMark, stroke: 'white', strokeWidth: 4, strokeJoin: 'round', color: 'white' },
        encoding: { x: { ...xEnc, field: 'x' }, y: { field: 'exceed', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: at },
        mark: { ...labelMark, color: colours.text },
        encoding: { x: { ...xEnc, field: 'x' }, y: { field: 'exceed', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
    subtitle.push(`Claim ${claimText}; dashed line: its threshold (${thresholdText})`);
  } else {
    subtitle.push('Read: the curve at x is the chance that the output exceeds x');
  }

  return {
    title: { text: `Exceedance curve of ${name}`, subtitle },
    width,
    height,
    config,
    layer,
  };
}
