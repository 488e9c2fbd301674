/**
 * Grouped horizontal bars with 95% CI whiskers, one group per input and one bar per index
 * (S1 and ST; Spearman and PRCC): the shared layout of the Sobol and correlation charts.
 *
 * Sized to the content: landscape (the height grows with the inputs but stays below the
 * width), and the axis ends at the next 0.05 past the largest value or whisker, so a study
 * whose indices stay below 0.3 is not drawn on a 0–1 axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Interval } from '../results/types.ts';
import { colours, config, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import type { ParameterIndices, SensitivityReading } from '../sensitivity/result.ts';

export interface IndexSeries {
  /** The legend's name for the index, e.g. "S1 (first order)". */
  readonly label: string;
  /** The index's value for one input; null where its method did not run (or the value was not finite). */
  readonly value: (i: ParameterIndices) => number | null;
  readonly ci: (i: ParameterIndices) => Interval | null;
  readonly colour: string;
}

export interface IndexBarsInput {
  readonly sensitivity: SensitivityReading;
  readonly series: readonly IndexSeries[];
  /** Orders the inputs, most important first. */
  readonly importance: (i: ParameterIndices) => number;
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly xTitle: string;
  /** The axis always covers this range (e.g. [0, 0]: just zero), and grows to hold every value and CI, to the next 0.05. */
  readonly domain: readonly [number, number];
  readonly top?: number;
}

interface Row {
  rank: number;
  param: string;
  index: string;
  value: number;
  lo?: number;
  hi?: number;
}

export function indexBarsChart(input: IndexBarsInput): TopLevelSpec {
  const params = Object.entries(input.sensitivity.indices)
    .filter(([, i]) => input.series.some((s) => Number.isFinite(s.value(i))))
    .sort(([, a], [, b]) => (input.importance(b) || 0) - (input.importance(a) || 0))
    .slice(0, input.top ?? 15);
  const rows: Row[] = [];
  params.forEach(([param, i], rank) => {
    for (const s of input.series) {
      const value = s.value(i);
      if (value === null || !Number.isFinite(value)) continue;
      const ci = s.ci(i);
      rows.push(ci && ci.every(Number.isFinite) ? { rank, param, index: s.label, value, lo: ci[0], hi: ci[1] } : { rank, param, index: s.label, value });
    }
  });
  const withCi = rows.filter((r) => r.lo !== undefined);
  const all = rows.flatMap((r) => [r.value, r.lo ?? r.value, r.hi ?? r.value]);
  const finite = all.filter(Number.isFinite);
  const step = (v: number, round: (x: number) => number): number => Number((round(v * 20) / 20).toFixed(2));
  const domain: [number, number] = [step(Math.min(input.domain[0], ...finite) - 0.01, Math.floor), step(Math.max(input.domain[1], ...finite) + 0.01, Math.ceil)];
  const labels = input.series.map((s) => s.label);
  const y = { field: 'param', type: 'nominal' as const, title: null, sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const } };
  const yOffset = { field: 'index', type: 'nominal' as const, scale: { domain: labels, paddingInner: 0.1 } };
  const x = { type: 'quantitative' as const, scale: { domain, nice: false } };
  const layer: LayerEntry[] = [
    {
      data: { values: [{ zero: 0 }] },
      mark: { type: 'rule', color: '#888888', strokeWidth: 1 },
      encoding: { x: { ...x, field: 'zero' } },
    },
    {
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        y,
        yOffset,
        x: { ...x, field: 'value', title: input.xTitle },
        color: { field: 'index', type: 'nominal', title: null, scale: { domain: labels, range: input.series.map((s) => s.colour) } },
        tooltip: [
          { field: 'param', type: 'nominal', title: 'input' },
          { field: 'index', type: 'nominal', title: 'index' },
          { field: 'value', type: 'quantitative', title: 'estimate', format: '.3f' },
          { field: 'lo', type: 'quantitative', title: 'CI low', format: '.3f' },
          { field: 'hi', type: 'quantitative', title: 'CI high', format: '.3f' },
        ],
      },
    },
  ];
  if (withCi.length) {
    layer.push({
      data: { values: withCi },
      mark: { type: 'rule', color: colours.text, strokeWidth: 1.5 },
      encoding: { y, yOffset, x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
    });
  }
  return {
    title: { text: input.title, subtitle: [...input.subtitle] },
    width,
    // About 14 px per bar, but never taller than a landscape chart.
    height: Math.min(Math.round(width * 0.6), Math.max(80, params.length * (14 * input.series.length + 8))),
    config,
    layer,
  };
}
