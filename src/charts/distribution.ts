/**
 * Distribution chart: the histogram of one output (from distributions.json, on a log x axis
 * when the engine binned on a log scale), its p5/p50/p95 as labelled rules, and for energy
 * outputs rules at the annual output of 1, 2 and 5 reactors.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputDistribution, OutputSummary } from '../results/types.ts';
import { formatCount, formatLabel } from '../results/format-number.ts';
import { percentile } from './quantile.ts';
import { axisTitle, colours, config, dividedTitle, height, isEnergyUnit, logAxis, spanDivisor, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { exprTitle, fieldTitle } from './text.ts';

export interface DistributionChartInput {
  readonly name: string;
  readonly distribution: OutputDistribution;
  readonly summary?: OutputSummary;
  /** Shown in the subtitle. */
  readonly modelTitle?: string;
  /**
   * Annual output of one reactor in TWh (7.88 for 1 GW at a 90% capacity factor). When set and
   * the output's unit mentions TWh, rules mark 1, 2 and 5 reactors; when absent, none are drawn.
   */
  readonly reactorTwh?: number;
}

/** Reactor counts that get a rule. */
export const REACTOR_COUNTS: readonly number[] = [1, 2, 5];

interface Bin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly share: number;
}

/**
 * A reactor rule is drawn when it lies within a factor of 3 of the histogram's range: close
 * enough to be a useful yardstick, not so far that it squeezes the histogram into a corner.
 */
function reactorRulesFor(lo: number, hi: number, reactorTwh: number): { n: number; value: number; label: string }[] {
  return REACTOR_COUNTS.map((n) => ({ n, value: n * reactorTwh, label: `${n} reactor${n === 1 ? '' : 's'}` })).filter(
    (r) => r.value >= lo / 3 && r.value <= hi * 3,
  );
}

export function distributionChart(input: DistributionChartInput): TopLevelSpec {
  const { name, distribution: dist, summary } = input;
  const unit = summary?.unit ?? dist.unit;
  const log = dist.histogram.scale === 'log';
  const { edges, counts } = dist.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  let bins: Bin[] = [];
  for (let i = 0; i < counts.length; i++) {
    const lo = edges[i];
    const hi = edges[i + 1];
    if (!(hi > lo) || (log && lo <= 0)) continue;
    bins.push({ lo, hi, count: counts[i], share: total > 0 ? counts[i] / total : 0 });
  }
  const xLo = bins.length ? bins[0].lo : 0;
  const xHi = bins.length ? bins[bins.length - 1].hi : 1;

  let marks = [
    { key: 'p5', pc: 5 },
    { key: 'median', pc: 50 },
    { key: 'p95', pc: 95 },
  ]
    .map(({ key, pc }) => ({ key, value: percentile(summary, dist, pc) }))
    .filter((m): m is { key: string; value: number } => m.value !== undefined && (!log || m.value > 0))
    .map((m) => ({ ...m, label: `${m.key} ${formatLabel(m.value)}` }));

  let reactorRules =
    input.reactorTwh !== undefined && input.reactorTwh > 0 && isEnergyUnit(unit) ? reactorRulesFor(xLo, xHi, input.reactorTwh) : [];

  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); labels keep the true values.
  const div = log ? 1 : spanDivisor([xLo, xHi, ...marks.map((m) => m.value)]);
  if (div !== 1) {
    bins = bins.map((b) => ({ ...b, lo: b.lo / div, hi: b.hi / div }));
    marks = marks.map((m) => ({ ...m, value: m.value / div }));
    reactorRules = reactorRules.map((r) => ({ ...r, value: r.value / div }));
  }
  const xTitle = dividedTitle(axisTitle(name, unit), div);
  const x = { type: 'quantitative' as const, scale: log ? { type: 'log' as const, nice: false } : { type: 'linear' as const, zero: false, nice: false } };
  const xAxis = log ? logAxis(Math.min(xLo, ...reactorRules.map((r) => r.value)), Math.max(xHi, ...reactorRules.map((r) => r.value))) : undefined;

  const layer: LayerEntry[] = [
    {
      data: { values: bins },
      mark: { type: 'rect', color: colours.main, opacity: 0.85, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { ...x, field: 'lo', ...fieldTitle(xTitle, xAxis ? { values: xAxis.values, format: xAxis.format } : {}) },
        x2: { field: 'hi' },
        y: { field: 'share', type: 'quantitative', title: 'Share of samples', axis: { format: '.1~%' } },
        y2: { datum: 0 },
        tooltip: [
          { field: 'lo', type: 'quantitative', title: dividedTitle('from', div), format: '.4~g' },
          { field: 'hi', type: 'quantitative', title: dividedTitle('to', div), format: '.4~g' },
          { field: 'count', type: 'quantitative', title: 'samples', format: ',' },
          { field: 'share', type: 'quantitative', title: 'share', format: '.2%' },
        ],
      },
    },
  ];
  if (marks.length) {
    layer.push(
      {
        data: { values: marks },
        mark: { type: 'rule', color: colours.percentile, strokeWidth: 1.5, strokeDash: [4, 3] },
        encoding: {
          x: { ...x, field: 'value' },
          tooltip: [
            { field: 'key', type: 'nominal', title: 'percentile' },
            { field: 'value', type: 'quantitative', title: dividedTitle('value', div), format: '.4~g' },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, fontWeight: 600, color: colours.percentile },
        encoding: { x: { ...x, field: 'value' }, y: { value: 0 }, text: { field: 'label' } },
      },
    );
  }
  if (reactorRules.length) {
    layer.push(
      {
        data: { values: reactorRules },
        mark: { type: 'rule', color: colours.reference, strokeWidth: 2 },
        encoding: {
          x: { ...x, field: 'value' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'reference' },
            { field: 'value', type: 'quantitative', title: exprTitle(dividedTitle(unit, div)), format: '.3~g' },
          ],
        },
      },
      // Labels run down beside their rule, over a white halo so they stay legible on the bars.
      ...(['white', colours.reference] as const).map(
        (colour): LayerEntry => ({
          data: { values: reactorRules },
          mark: {
            type: 'text',
            angle: 270,
            align: 'right',
            baseline: 'bottom',
            dx: -6,
            dy: -3,
            fontSize: 11,
            fontWeight: 600,
            color: colour,
            ...(colour === 'white' ? { stroke: 'white', strokeWidth: 4, strokeJoin: 'round' as const } : {}),
          },
          encoding: { x: { ...x, field: 'value' }, y: { value: 0 }, text: { field: 'label' } },
        }),
      ),
    );
  }

  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  const count = summary?.count ?? total;
  subtitle.push(`${formatCount(count)} samples; dashed lines: p5, median, p95`);
  if (reactorRules.length) subtitle.push(`solid lines: annual output of ${reactorRules.map((r) => r.n).join(', ')} reactors at ${formatLabel(input.reactorTwh ?? 0)} TWh/yr each`);

  return {
    title: { text: `Distribution of ${name}`, subtitle },
    width,
    height,
    config,
    layer,
  };
}
