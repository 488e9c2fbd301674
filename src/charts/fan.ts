/**
 * Fan chart for year-indexed outputs (`<base>_2023` … `<base>_2030`): the p5–p95 band, the
 * p25–p75 band and the median line, from summary.json's percentiles. The y axis is
 * logarithmic when the bands span more than 10^1.5 (growth reads as a straight line).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputSummary } from '../results/types.ts';
import { axisTitle, colours, config, height, logAxis, wantsLogScale, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle } from './text.ts';

export interface FanYear {
  readonly year: number;
  readonly summary: OutputSummary;
}

export interface FanChartInput {
  /** The output name without its year: `annual_twh` for `annual_twh_2023` …. */
  readonly base: string;
  readonly years: readonly FanYear[];
  readonly modelTitle?: string;
}

/** A year-indexed output's name split into base and year, or undefined. */
export function splitYear(name: string): { base: string; year: number } | undefined {
  const m = /^(.+)_((?:19|20|21)\d\d)$/.exec(name);
  return m ? { base: m[1], year: Number(m[2]) } : undefined;
}

/**
 * Groups year-indexed outputs by base name; keeps groups with at least two years that have
 * p5, p50 and p95.
 *
 * @example yearSeries({ a_2023: s, a_2024: s, b: s }) // Map { 'a' => [{ year: 2023, … }, { year: 2024, … }] }
 */
export function yearSeries(outputs: Readonly<Record<string, OutputSummary>>): Map<string, FanYear[]> {
  const groups = new Map<string, FanYear[]>();
  for (const [name, summary] of Object.entries(outputs)) {
    const split = splitYear(name);
    if (!split) continue;
    const list = groups.get(split.base) ?? [];
    list.push({ year: split.year, summary });
    groups.set(split.base, list);
  }
  for (const [base, list] of groups) {
    const drawable = list.filter((y) => [y.summary.percentiles.p5, y.summary.percentiles.p50, y.summary.percentiles.p95].every(Number.isFinite));
    if (drawable.length < 2) groups.delete(base);
    else list.sort((a, b) => a.year - b.year);
  }
  return groups;
}

const OUTER = '90% interval (p5–p95)';
const INNER = '50% interval (p25–p75)';
const MEDIAN = 'median';

export function fanChart(input: FanChartInput): TopLevelSpec {
  const rows = input.years
    .map(({ year, summary }) => {
      const p = summary.percentiles;
      return { year, p5: p.p5, p25: p.p25, p50: p.p50, p75: p.p75, p95: p.p95 };
    })
    .filter((r) => [r.p5, r.p50, r.p95].every(Number.isFinite));
  const inner = rows.filter((r) => Number.isFinite(r.p25) && Number.isFinite(r.p75));
  const unit = input.years[0]?.summary.unit;
  const lo = Math.min(...rows.map((r) => r.p5));
  const hi = Math.max(...rows.map((r) => r.p95));
  const log = wantsLogScale(lo, hi);
  const axis = log ? logAxis(lo, hi) : undefined;
  const years = rows.map((r) => r.year);
  const x = { field: 'year', type: 'quantitative' as const, title: 'Year', scale: { domain: [Math.min(...years), Math.max(...years)], nice: false }, axis: { format: 'd', values: years } };
  const yScale = log ? { type: 'log' as const, nice: false } : { type: 'linear' as const, zero: false };
  const legend = { domain: inner.length ? [OUTER, INNER, MEDIAN] : [OUTER, MEDIAN], range: inner.length ? [colours.bandOuter, colours.bandInner, colours.main] : [colours.bandOuter, colours.main] };
  const tooltip = [
    { field: 'year', type: 'quantitative' as const, title: 'year', format: 'd' },
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
        y: { field: 'p5', type: 'quantitative', scale: yScale, ...fieldTitle(axisTitle(input.base, unit), axis ? { values: axis.values, format: axis.format } : {}) },
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
  subtitle.push(`${input.base} by year, ${years[0]}–${years[years.length - 1]}${log ? ' (log scale)' : ''}`);
  return {
    title: { text: `${input.base}: projection with uncertainty`, subtitle },
    width,
    height,
    config,
    layer,
  };
}
