/**
 * Tornado chart: for each input, the output with that input at its low and at its high
 * swing point (the others at their medians), drawn as bars out from the baseline; inputs
 * sorted by swing, the widest on top.
 *
 * The baseline is the output with every input at its median. `sensitivity.json` records
 * it as `details.tornado.base`; when it does not (null: not finite), it is estimated as the
 * midpoint of the input with the smallest swing (for an input that barely moves the output,
 * low ≈ high ≈ baseline), and the subtitle says so.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, formatLabel } from '../results/format-number.ts';
import { axisTitle, colours, config, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import type { SensitivityReading } from '../sensitivity/result.ts';
import { targetName } from './types.ts';
import { exprTitle, fieldTitle } from './text.ts';

export interface TornadoChartInput {
  readonly sensitivity: SensitivityReading;
  /** The target output's unit, for the axis title. */
  readonly unit?: string;
  /** The target's title (an output's label, else its name as written). */
  readonly title?: string;
  /** Overrides the recorded baseline (`details.tornado.base`). */
  readonly baseline?: number;
  /** Show at most this many inputs (the widest swings). Default 15. */
  readonly top?: number;
}

/** Whether the study has tornado fields (`low` and `high`) for any input. */
export function hasTornado(s: SensitivityReading): boolean {
  return Object.values(s.indices).some((i) => Number.isFinite(i.low) && Number.isFinite(i.high));
}

export function tornadoChart(input: TornadoChartInput): TopLevelSpec {
  const { sensitivity: s } = input;
  const target = targetName(s.target);
  const title = input.title ?? target.name;
  const rows = Object.entries(s.indices)
    .filter(([, i]) => Number.isFinite(i.low) && Number.isFinite(i.high))
    .map(([param, i]) => ({ param, low: i.low as number, high: i.high as number, swing: Math.abs((i.high as number) - (i.low as number)) }))
    .sort((a, b) => b.swing - a.swing);
  const recorded = input.baseline ?? s.details.tornado?.base ?? undefined;
  const estimated = recorded === undefined;
  const smallest = rows[rows.length - 1];
  const baseline = recorded ?? (smallest ? (smallest.low + smallest.high) / 2 : 0);
  const shown = rows.slice(0, input.top ?? 15);
  const bars = shown.flatMap((r, rank) => [
    { rank, param: r.param, side: 'input at its low', from: baseline, to: r.low, value: r.low, swing: r.swing },
    { rank, param: r.param, side: 'input at its high', from: baseline, to: r.high, value: r.high, swing: r.swing },
  ]);
  const ends = shown.map((r, rank) => ({ rank, param: r.param, at: Math.max(r.low, r.high, baseline), text: `${formatLabel(r.low)} → ${formatLabel(r.high)}` }));
  const y = { field: 'param', type: 'nominal' as const, title: null, sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const } };
  const x = { type: 'quantitative' as const, scale: { zero: false } };
  const layer: LayerEntry[] = [
    {
      data: { values: bars },
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y,
        x: { ...x, field: 'from', ...fieldTitle(axisTitle(title, input.unit)) },
        x2: { field: 'to' },
        color: {
          field: 'side',
          type: 'nominal',
          title: null,
          scale: { domain: ['input at its low', 'input at its high'], range: [colours.main, colours.second] },
        },
        tooltip: [
          { field: 'param', type: 'nominal', title: 'input' },
          { field: 'side', type: 'nominal', title: 'setting' },
          { field: 'value', type: 'quantitative', title: exprTitle(title), format: '.4~g' },
          { field: 'swing', type: 'quantitative', title: 'swing', format: '.4~g' },
        ],
      },
    },
    {
      data: { values: [{ baseline }] },
      mark: { type: 'rule', color: colours.text, strokeWidth: 1.5 },
      encoding: { x: { ...x, field: 'baseline' } },
    },
    {
      data: { values: ends },
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: colours.muted },
      encoding: { y, x: { ...x, field: 'at' }, text: { field: 'text' } },
    },
  ];
  const subtitle = [
    `Each input swung from its low to its high setting, the others at their medians (${formatCount(s.evaluations)} model evaluations)`,
    `Baseline ${formatLabel(baseline)}${estimated ? ' (estimated from the least influential input)' : ' (every input at its median)'}${rows.length > shown.length ? `; top ${shown.length} of ${rows.length} inputs` : ''}`,
  ];
  return {
    title: { text: `Tornado: what moves ${title}`, subtitle },
    width,
    height: { step: 28 },
    config,
    layer,
  };
}
