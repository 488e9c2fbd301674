/**
 * Comparison chart: one output across several runs or models, each as its p5–p95 interval
 * (thin bar), p25–p75 (thick bar, when summary.json has those percentiles) and median (dot),
 * with the median and 90% interval written beside it. Log x axis when the runs span more
 * than 10^1.5.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputSummary } from '../results/types.ts';
import { formatInterval, formatLabel } from '../results/format-number.ts';
import { axisTitle, colours, config, dividedTitle, logAxis, spanDivisor, wantsLogScale, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle, plainTextSpec } from './text.ts';

export interface CompareRun {
  /** How the run is named on the chart: usually its model name, or folder name. */
  readonly label: string;
  readonly summary: OutputSummary;
}

export interface CompareChartInput {
  readonly output: string;
  /** The output's label when the runs declare one (the same in every run); titles use it. */
  readonly label?: string;
  readonly runs: readonly CompareRun[];
}

interface Row {
  rank: number;
  run: string;
  p5: number;
  p50: number;
  p95: number;
  p25?: number;
  p75?: number;
  text: string;
}

export function compareChart(input: CompareChartInput): TopLevelSpec {
  const rows: Row[] = [];
  input.runs.forEach((r, rank) => {
    const pc = r.summary.percentiles;
    const [p5, p50, p95] = [pc.p5, pc.p50, pc.p95];
    if (![p5, p50, p95].every(Number.isFinite)) return;
    const row: Row = { rank, run: r.label, p5, p50, p95, text: `${formatLabel(p50)} (${formatInterval([p5, p95], formatLabel)})` };
    if (Number.isFinite(pc.p25) && Number.isFinite(pc.p75)) {
      row.p25 = pc.p25;
      row.p75 = pc.p75;
    }
    rows.push(row);
  });
  const units = [...new Set(input.runs.map((r) => r.summary.unit))];
  const lo = Math.min(...rows.map((r) => r.p5));
  const hi = Math.max(...rows.map((r) => r.p95));
  const log = wantsLogScale(lo, hi);
  const axis = log ? logAxis(lo, hi) : undefined;
  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); the labels keep the true values.
  const div = log ? 1 : spanDivisor([lo, hi]);
  if (div !== 1) {
    for (const r of rows) {
      for (const k of ['p5', 'p50', 'p95', 'p25', 'p75'] as const) if (r[k] !== undefined) r[k] = (r[k] as number) / div;
    }
  }
  const x = {
    type: 'quantitative' as const,
    scale: log ? { type: 'log' as const } : { type: 'linear' as const, zero: false },
  };
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const } };
  const tooltip = [
    { field: 'run', type: 'nominal' as const, title: 'run' },
    { field: 'p5', type: 'quantitative' as const, title: dividedTitle('p5', div), format: '.4~g' },
    { field: 'p50', type: 'quantitative' as const, title: dividedTitle('median', div), format: '.4~g' },
    { field: 'p95', type: 'quantitative' as const, title: dividedTitle('p95', div), format: '.4~g' },
  ];
  const inner = rows.filter((r) => r.p25 !== undefined);
  const layer: LayerEntry[] = [
    {
      data: { values: rows },
      mark: { type: 'rule', color: colours.bandInner, strokeWidth: 4, strokeCap: 'round' },
      encoding: {
        x: { ...x, field: 'p5', ...fieldTitle(dividedTitle(axisTitle(input.label ?? input.output, units.length === 1 ? units[0] : undefined), div), axis ? { values: axis.values, format: axis.format } : {}) },
        x2: { field: 'p95' },
        y,
        tooltip,
      },
    },
  ];
  if (inner.length) {
    layer.push({
      data: { values: inner },
      mark: { type: 'rule', color: colours.main, strokeWidth: 12 },
      encoding: { x: { ...x, field: 'p25' }, x2: { field: 'p75' }, y, tooltip },
    });
  }
  layer.push(
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 110, color: 'white', stroke: colours.text, strokeWidth: 2, opacity: 1 },
      encoding: { x: { ...x, field: 'p50' }, y, tooltip },
    },
    {
      data: { values: rows },
      mark: { type: 'text', align: 'left', dx: 10, fontSize: 11, color: colours.muted },
      encoding: { x: { ...x, field: 'p95' }, y, text: { field: 'text' } },
    },
  );
  const subtitle = [
    `Dot: median; thick bar: p25–p75${inner.length ? '' : ' (not in these runs)'}; thin bar: p5–p95. Labels: median (p5–p95).`,
  ];
  if (units.length > 1) subtitle.push(`Warning: the runs report different units (${units.join(', ')}).`);
  return plainTextSpec({
    title: { text: `${input.label ?? input.output} across ${rows.length} run${rows.length === 1 ? '' : 's'}`, subtitle },
    width,
    height: { step: 44 },
    config,
    layer,
  });
}
