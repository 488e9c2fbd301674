/**
 * Fan chart for an output series the model declares (outputs with `series: { name, x }`, e.g.
 * `annual_twh` at 2025 … 2030): the p5–p95 band, the p25–p75 band and the median line, from
 * summary.json's percentiles. The y axis is logarithmic when the bands span more than 10^1.5
 * (growth reads as a straight line). Members come from the declarations, never from names.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputSummary } from '../results/types.ts';
import { axisTitle, colours, compactLabels, config, height, logAxis, wantsLogScale, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle } from './text.ts';

export interface FanPoint {
  /** The member's position on the series axis (its declared `series.x`, e.g. a year). */
  readonly x: number;
  readonly summary: OutputSummary;
}

export interface FanChartInput {
  /** The series' title: its members' shared label, else the series' name as declared. */
  readonly title: string;
  readonly points: readonly FanPoint[];
  readonly modelTitle?: string;
}

/** Whether a member can be drawn: p5, p50 and p95 are numbers. */
export function fanDrawable(summary: OutputSummary | undefined): summary is OutputSummary {
  return summary !== undefined && [summary.percentiles.p5, summary.percentiles.p50, summary.percentiles.p95].every(Number.isFinite);
}

/**
 * The title a series is shown under: the longest start its members' labels share (trimmed of
 * separators), when that is a word or more; else `fallback` (the series' declared name).
 *
 * @example seriesTitle(['Annual electricity, 2025', 'Annual electricity, 2026'], 'annual_twh') // 'Annual electricity'
 */
export function seriesTitle(labels: readonly (string | undefined)[], fallback: string): string {
  if (labels.length === 0 || labels.some((l) => l === undefined)) return fallback;
  let prefix = labels[0] as string;
  for (const l of labels as string[]) while (!l.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Cut back to a word boundary, then drop trailing separators and digits ("… 202" of 2025/2026).
  if (!(labels as string[]).every((l) => l.length === prefix.length || /[\s,:(–-]/.test(l[prefix.length]))) prefix = prefix.replace(/\S*$/, '');
  prefix = prefix.replace(/[\s,:(–-]+$/, '');
  return prefix.length >= 3 ? prefix : fallback;
}

const OUTER = '90% interval (p5–p95)';
const INNER = '50% interval (p25–p75)';
const MEDIAN = 'median';

export function fanChart(input: FanChartInput): TopLevelSpec {
  const rows = input.points
    .map(({ x, summary }) => {
      const p = summary.percentiles;
      return { year: x, p5: p.p5, p25: p.p25, p50: p.p50, p75: p.p75, p95: p.p95 };
    })
    .filter((r) => [r.p5, r.p50, r.p95].every(Number.isFinite));
  const inner = rows.filter((r) => Number.isFinite(r.p25) && Number.isFinite(r.p75));
  const unit = input.points[0]?.summary.unit;
  const lo = Math.min(...rows.map((r) => r.p5));
  const hi = Math.max(...rows.map((r) => r.p95));
  const log = wantsLogScale(lo, hi);
  const axis = log ? logAxis(lo, hi) : undefined;
  const years = rows.map((r) => r.year);
  // Whole positions from 1800 to 2300 read as years; any other series axis is left untitled.
  const isYears = years.every((y) => Number.isInteger(y) && y >= 1800 && y <= 2300);
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    title: isYears ? 'Year' : null,
    scale: { domain: [Math.min(...years), Math.max(...years)], nice: false },
    // Every member labelled while they fit. (vega-lite adds tickMinStep 1 for whole values, and
    // vega then thins explicit values: [2025, 2026, 2027] drew only the ends.)
    axis: { format: isYears ? 'd' : '~g', values: years, labelOverlap: years.length > 12, tickMinStep: 0.5 },
  };
  const yScale = log ? { type: 'log' as const, nice: false } : { type: 'linear' as const, zero: false };
  const legend = { domain: inner.length ? [OUTER, INNER, MEDIAN] : [OUTER, MEDIAN], range: inner.length ? [colours.bandOuter, colours.bandInner, colours.main] : [colours.bandOuter, colours.main] };
  const tooltip = [
    { field: 'year', type: 'quantitative' as const, title: isYears ? 'year' : 'x', format: isYears ? 'd' : '~g' },
    { field: 'p5', type: 'quantitative' as const, title: 'p5', format: '.4~g' },
    { field: 'p25', type: 'quantitative' as const, title: 'p25', format: '.4~g' },
    { field: 'p50', type: 'quantitative' as const, title: 'median', format: '.4~g' },
    { field: 'p75', type: 'quantitative' as const, title: 'p75', format: '.4~g' },
    { field: 'p95', type: 'quantitative' as const, title: 'p95', format: '.4~g' },
  ];
  const layer: LayerEntry[] = [
    {
      data: { values: rows },
      mark: { type: 'area', opacity: 1 },
      encoding: {
        x,
        y: { field: 'p5', type: 'quantitative', scale: yScale, ...fieldTitle(axisTitle(input.title, unit), { ...(axis ? { values: axis.values, format: axis.format } : {}), ...compactLabels([lo, hi]) }) },
        y2: { field: 'p95' },
        color: { datum: OUTER, type: 'nominal', title: null, scale: legend },
      },
    },
  ];
  if (inner.length) {
    layer.push({
      data: { values: inner },
      mark: { type: 'area', opacity: 1 },
      encoding: { x, y: { field: 'p25', type: 'quantitative', scale: yScale }, y2: { field: 'p75' }, color: { datum: INNER, type: 'nominal' } },
    });
  }
  layer.push({
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 50 } },
    encoding: { x, y: { field: 'p50', type: 'quantitative', scale: yScale }, color: { datum: MEDIAN, type: 'nominal' }, tooltip },
  });
  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  subtitle.push(`Median, 50% and 90% intervals, ${years[0]}–${years[years.length - 1]}${log ? ' (log scale)' : ''}`);
  return {
    title: { text: `${input.title}: projection with uncertainty`, subtitle },
    width,
    height,
    config,
    layer,
  };
}
