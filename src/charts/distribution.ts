/**
 * Distribution chart: the histogram of one output (from distributions.json, on a log x axis when
 * the engine binned on a log scale) over about p0.1–p99.9 of the samples (`axis.ts`), its
 * p5/p50/p95 as dashed rules, and the thresholds of the claims on it and the reference values the
 * model declared, each as a rule; nothing else. The labels of all rules sit in rows above the plot,
 * placed so that none overlaps another (`label-layout.ts`).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputDistribution, OutputSummary } from '../results/types.ts';
import type { OutputReference } from '../model/types.ts';
import { formatCount, formatLabel, formatNumber } from '../results/format-number.ts';
import { valueAxis } from './axis.ts';
import { declaredRules, type DeclaredClaim } from './declared.ts';
import { placeLabels } from './label-layout.ts';
import { percentile } from './quantile.ts';
import { axisTitle, colours, compactLabels, config, dividedTitle, height, logAxis, spanDivisor, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { exprTitle, fieldTitle } from './text.ts';

export interface DistributionChartInput {
  /** The output's name (tooltips) and its title (its label, else the name). */
  readonly name: string;
  readonly title?: string;
  readonly distribution: OutputDistribution;
  readonly summary?: OutputSummary;
  /** Shown in the subtitle. */
  readonly modelTitle?: string;
  /** Reference values the model declared for this output: each a solid rule with its label. */
  readonly references?: readonly OutputReference[];
  /** Claims declared on this output: each threshold a dashed rule. */
  readonly claims?: readonly DeclaredClaim[];
}

interface Bin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly share: number;
}

/** A labelled vertical rule: a percentile, a reference or a threshold. */
interface Marker {
  readonly kind: 'percentile' | 'reference' | 'threshold';
  readonly value: number;
  readonly text: string;
  readonly tooltip: string;
}

const LABEL_SIZE = 11;
const LABEL_WEIGHT = 600;
const ROW_HEIGHT = 14;

export function distributionChart(input: DistributionChartInput): TopLevelSpec {
  const { name, distribution: dist, summary } = input;
  const title = input.title ?? name;
  const unit = summary?.unit ?? dist.unit;
  const log = dist.histogram.scale === 'log';
  const usable = (v: number): boolean => Number.isFinite(v) && (!log || v > 0);

  const markers: Marker[] = [];
  for (const [key, pc] of [['median', 50], ['p5', 5], ['p95', 95]] as const) {
    const v = percentile(summary, dist, pc);
    if (v !== undefined && usable(v)) markers.push({ kind: 'percentile', value: v, text: `${key} ${formatLabel(v)}`, tooltip: key });
  }
  markers.push(...declaredRules(input.claims ?? [], input.references ?? [], usable, formatNumber));

  const axis = valueAxis(dist, markers.filter((m) => m.kind !== 'percentile').map((m) => m.value), log);
  const [dLo, dHi] = axis.domain;
  const { edges, counts } = dist.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  let bins: Bin[] = [];
  for (let i = 0; i < counts.length; i++) {
    // Bins beyond p0.1–p99.9 are left out, and the ones that straddle an end are cut at it.
    const lo = Math.max(edges[i], dLo);
    const hi = Math.min(edges[i + 1], dHi);
    if (!(hi > lo) || (log && lo <= 0)) continue;
    bins.push({ lo, hi, count: counts[i], share: total > 0 ? counts[i] / total : 0 });
  }

  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); labels keep the true values.
  const div = log ? 1 : spanDivisor([dLo, dHi]);
  const placed = placeLabels(
    markers.map((m) => ({ x: axis.px(m.value, width), text: m.text, fontSize: LABEL_SIZE, fontWeight: LABEL_WEIGHT })),
    width,
  );
  const rules = markers.map((m, i) => ({
    kind: m.kind,
    value: m.value / div,
    text: m.text,
    tooltip: m.tooltip,
    colour: m.kind === 'percentile' ? colours.percentile : colours.reference,
    cx: placed[i].centre,
    cy: -4 - placed[i].row * ROW_HEIGHT,
  }));
  if (div !== 1) bins = bins.map((b) => ({ ...b, lo: b.lo / div, hi: b.hi / div }));

  const xTitle = dividedTitle(axisTitle(title, unit), div);
  const scale = log
    ? { type: 'log' as const, nice: false, domain: [dLo, dHi] }
    : { type: 'linear' as const, zero: false, nice: false, domain: [dLo / div, dHi / div] };
  const x = { type: 'quantitative' as const, scale };
  const ticks = log ? logAxis(dLo, dHi) : undefined;

  const layer: LayerEntry[] = [
    {
      data: { values: bins },
      mark: { type: 'rect', color: colours.main, opacity: 0.85, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { ...x, field: 'lo', ...fieldTitle(xTitle, { ...(ticks ? { values: ticks.values, format: ticks.format } : {}), ...compactLabels([dLo, dHi]) }) },
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
  for (const kind of ['percentile', 'threshold', 'reference'] as const) {
    const values = rules.filter((r) => r.kind === kind);
    if (values.length === 0) continue;
    layer.push({
      data: { values },
      mark: {
        type: 'rule',
        color: kind === 'percentile' ? colours.percentile : colours.reference,
        strokeWidth: kind === 'reference' ? 2 : 1.5,
        ...(kind === 'reference' ? {} : { strokeDash: kind === 'percentile' ? [4, 3] : [6, 3] }),
      },
      encoding: {
        x: { ...x, field: 'value' },
        tooltip: [
          { field: 'tooltip', type: 'nominal', title: kind },
          { field: 'value', type: 'quantitative', title: exprTitle(dividedTitle(unit || 'value', div)), format: '.4~g' },
        ],
      },
    });
  }
  if (rules.length) {
    // Labels in rows above the plot, at the pixel positions label-layout chose.
    layer.push({
      data: { values: rules },
      mark: { type: 'text', baseline: 'bottom', align: 'center', fontSize: LABEL_SIZE, fontWeight: LABEL_WEIGHT },
      encoding: {
        x: { field: 'cx', type: 'quantitative', scale: null },
        y: { field: 'cy', type: 'quantitative', scale: null },
        text: { field: 'text' },
        color: { field: 'colour', type: 'nominal', scale: null },
      },
    });
  }

  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  const count = summary?.count ?? total;
  const legend = [`${formatCount(count)} samples, p0.1–p99.9 shown`, 'dashed: p5, median, p95'];
  if (rules.some((r) => r.kind === 'threshold')) legend.push('orange dashed: claim threshold');
  if (rules.some((r) => r.kind === 'reference')) legend.push('orange: reference values');
  subtitle.push(legend.join('; '));

  return {
    title: { text: `Distribution of ${title}`, subtitle },
    width,
    height,
    config,
    layer,
  };
}
