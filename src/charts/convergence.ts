/**
 * Convergence: the running estimates of an output's mean, median and p95 against the number
 * of samples (log x), one panel each with its own y scale, with the 95% confidence band that
 * distributions.json records for each (the median's since issue 11: `p50CI95`; an older file
 * has none, and its median panel goes without), and a dashed line at the final value.
 * A line that has settled on the dashed line, inside a band that has stopped narrowing much,
 * says the sample count is enough for that statistic.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Interval, OutputDistribution, OutputSummary } from '../results/types.ts';
import { formatCount, formatIntervalDistinct, formatNumber } from '../results/format-number.ts';
import { colours, config, dividedTitle, logAxis, spanDivisor, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle } from './text.ts';

export interface ConvergenceChartInput {
  readonly name: string;
  /** The output's title (its label, else the name). */
  readonly title?: string;
  readonly distribution: OutputDistribution;
  readonly summary?: OutputSummary;
  readonly modelTitle?: string;
}

const STATS = [
  { key: 'mean', label: 'mean', colour: colours.main },
  { key: 'p50', label: 'median', colour: colours.third },
  { key: 'p95', label: 'p95', colour: colours.second },
] as const;

interface Row {
  order: number;
  stat: string;
  n: number;
  value: number;
  final: number;
  /** The band drawn: the CI where there is one, else the value itself (an invisible band keeps every panel's y extent finite). */
  bandLo: number;
  bandHi: number;
  lo?: number;
  hi?: number;
}

export function convergenceChart(input: ConvergenceChartInput): TopLevelSpec {
  const c = input.distribution.convergence;
  const unit = input.summary?.unit ?? input.distribution.unit;
  const series = {
    mean: { values: c.mean, ci: c.meanCI95 },
    p50: { values: c.p50, ci: c.p50CI95 },
    p95: { values: c.p95, ci: c.p95CI95 },
  };
  const rows: Row[] = [];
  STATS.forEach(({ key, label }, order) => {
    const { values, ci } = series[key];
    const final = values[values.length - 1];
    c.n.forEach((n, i) => {
      const value = values[i];
      if (!(n > 0) || !Number.isFinite(value)) return;
      const band = ci?.[i];
      const hasCi = band !== undefined && Number.isFinite(band[0]) && Number.isFinite(band[1]);
      rows.push(
        hasCi
          ? { order, stat: label, n, value, final, bandLo: band[0], bandHi: band[1], lo: band[0], hi: band[1] }
          : { order, stat: label, n, value, final, bandLo: value, bandHi: value },
      );
    });
  });
  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); the subtitle keeps the true values.
  const div = spanDivisor(rows.flatMap((r) => [r.bandLo, r.bandHi, r.value, r.final]));
  if (div !== 1) {
    for (const r of rows) {
      r.value /= div;
      r.final /= div;
      r.bandLo /= div;
      r.bandHi /= div;
      if (r.lo !== undefined) r.lo /= div;
      if (r.hi !== undefined) r.hi /= div;
    }
  }
  const ns = c.n.filter((n) => n > 0);
  const axis = logAxis(Math.min(...ns), Math.max(...ns));
  const colour = { domain: STATS.map((s) => s.label), range: STATS.map((s) => s.colour) };
  const x = {
    field: 'n',
    type: 'quantitative' as const,
    scale: { type: 'log' as const, nice: false },
    title: 'Samples (running total)',
    axis: { values: axis.values, format: '~s' },
  };
  const title = input.title ?? input.name;
  const yTitle = dividedTitle(unit && unit !== '1' ? unit : title, div);
  const layer: LayerEntry[] = [
    {
      mark: { type: 'area', opacity: 0.25 },
      encoding: { x, y: { field: 'bandLo', type: 'quantitative', scale: { zero: false } }, y2: { field: 'bandHi' }, color: { field: 'stat', type: 'nominal', scale: colour, legend: null } },
    },
    {
      mark: { type: 'rule', strokeDash: [4, 3], color: colours.muted },
      encoding: { y: { field: 'final', type: 'quantitative', aggregate: 'min' } },
    },
    {
      mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 30 } },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', scale: { zero: false }, ...fieldTitle(yTitle, { tickCount: 4 }) },
        color: { field: 'stat', type: 'nominal', scale: colour, legend: null },
        tooltip: [
          { field: 'stat', type: 'nominal', title: 'statistic' },
          { field: 'n', type: 'quantitative', title: 'samples', format: ',' },
          { field: 'value', type: 'quantitative', title: 'estimate', format: '.5~g' },
          { field: 'lo', type: 'quantitative', title: '95% CI low', format: '.5~g' },
          { field: 'hi', type: 'quantitative', title: '95% CI high', format: '.5~g' },
        ],
      },
    },
  ];
  const last = c.n.length - 1;
  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  if (last >= 0) {
    const stat = (label: string, v: number, ci: Interval | undefined): string =>
      `${label} ${formatNumber(v)}${ci && ci.every(Number.isFinite) ? ` (${formatIntervalDistinct(ci)})` : ''}`;
    subtitle.push(
      'Bands: 95% CIs; dashed: final value',
      `At ${formatCount(c.n[last])} samples: ${stat('mean', c.mean[last], c.meanCI95[last])}, ${stat('median', c.p50[last], c.p50CI95?.[last])}, ${stat('p95', c.p95[last], c.p95CI95[last])}`,
    );
  }
  return {
    title: { text: `Convergence of ${title}`, subtitle },
    config,
    data: { values: rows },
    facet: {
      row: {
        field: 'stat',
        type: 'nominal',
        sort: { field: 'order', op: 'min', order: 'ascending' },
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 600, labelPadding: 4 },
      },
    },
    spec: { width, height: 100, layer },
    resolve: { scale: { y: 'independent' } },
    spacing: 16,
  };
}
