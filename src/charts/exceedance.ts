/**
 * Exceedance curve: P(output > x) against x, read off distributions.json's quantile grid
 * (x[i] is exceeded with probability 1 − p[i]), over about p0.1–p99.9 of the samples plus the
 * declared thresholds and references (`axis.ts`); logarithmic x when that spans more than 10^1.5.
 *
 * A claim declared on the output (`{ output, op, value }`) is drawn exactly: a dashed rule at its
 * `value`, a point where the curve crosses it, and, inside the plot, the claim's own probability
 * from summary.json with its 95% interval, stating the comparison: `P(reactors ≤ 2) = 82.4%
 * (82.2–82.6%)`. When the claim says "at most" (`<`, `<=`), the curve is drawn the same way round,
 * P(output ≤ x), so the point on it reads the claim's probability rather than its complement.
 * A claim written as a function has no threshold, and nothing is drawn for it; declared reference
 * values are solid rules. Nothing else is drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputDistribution, OutputSummary } from '../results/types.ts';
import type { OutputReference } from '../model/types.ts';
import { claimComparison, formatClaimText, formatNumber, OP_SIGNS } from '../results/format-number.ts';
import { valueAxis } from './axis.ts';
import { declaredRules, type DeclaredClaim } from './declared.ts';
import { boxesOverlap, placeLabels } from './label-layout.ts';
import { exceedance } from './quantile.ts';
import { textWidth } from './text-metrics.ts';
import { axisTitle, colours, compactLabels, config, dividedTitle, height, logAxis, spanDivisor, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { exprTitle, fieldTitle } from './text.ts';

export interface ExceedanceChartInput {
  /** The output's name (tooltips) and its title (its label, else the name). */
  readonly name: string;
  readonly title?: string;
  readonly distribution: OutputDistribution;
  readonly summary?: OutputSummary;
  readonly modelTitle?: string;
  /** Claims declared on this output. */
  readonly claims?: readonly DeclaredClaim[];
  readonly references?: readonly OutputReference[];
}

const LABEL_SIZE = 11;
const NOTE_SIZE = 12;
const NOTE_LINE = 16;
const NOTE_PAD = 8;

type Corner = 'top-right' | 'bottom-left' | 'top-left' | 'bottom-right';

export function exceedanceChart(input: ExceedanceChartInput): TopLevelSpec {
  const { name, distribution: dist } = input;
  const title = input.title ?? name;
  const unit = input.summary?.unit ?? dist.unit;
  const claims = (input.claims ?? []).filter((c) => Number.isFinite(c.value));
  const references = (input.references ?? []).filter((r) => Number.isFinite(r.value));
  // "At most" claims read off a curve of P(output ≤ x); everything else off P(output > x).
  const below = claims.length > 0 && (claims[0].op === '<' || claims[0].op === '<=');
  const sign = below ? OP_SIGNS[claims[0].op] : '>';
  const curveAt = (v: number): number => (below ? 1 - exceedance(dist, v) : exceedance(dist, v));

  const axis = valueAxis(dist, [...claims.map((c) => c.value), ...references.map((r) => r.value)]);
  const [dLo, dHi] = axis.domain;
  const log = axis.log;
  const inside = (v: number): boolean => Number.isFinite(v) && (!log || v > 0);
  // A grid point written as null (a value no double could hold, in an older run) is left out.
  const { p, x } = dist.quantiles;
  const points = x
    .map((xi, i) => ({ x: xi, y: below ? p[i] : 1 - p[i] }))
    .filter((pt) => inside(pt.x) && Number.isFinite(pt.y) && pt.x >= dLo && pt.x <= dHi);
  // Values from −1.7e308 to 1.7e308: positions divided by 10 (see spanDivisor); labels keep the true values.
  const div = log ? 1 : spanDivisor([dLo, dHi]);
  const scale = log ? { type: 'log' as const, nice: false, domain: [dLo, dHi] } : { type: 'linear' as const, zero: false, nice: false, domain: [dLo / div, dHi / div] };
  const xEnc = { type: 'quantitative' as const, scale };
  const ticks = log ? logAxis(dLo, dHi) : undefined;
  const yTitle = `P(${title} ${sign} x)`;

  const layer: LayerEntry[] = [
    {
      data: { values: points.map((pt) => ({ ...pt, x: pt.x / div })) },
      mark: { type: 'area', color: colours.main, opacity: 0.12, interpolate: 'linear' },
      encoding: { x: { ...xEnc, field: 'x' }, y: { field: 'y', type: 'quantitative' } },
    },
    {
      data: { values: points.map((pt) => ({ ...pt, x: pt.x / div })) },
      mark: { type: 'line', color: colours.main, strokeWidth: 2.5, interpolate: 'linear', point: { filled: true, size: 12, opacity: 0 } },
      encoding: {
        x: { ...xEnc, field: 'x', ...fieldTitle(dividedTitle(axisTitle(title, unit), div), { ...(ticks ? { values: ticks.values, format: ticks.format } : {}), ...compactLabels([dLo, dHi]) }) },
        y: {
          field: 'y',
          type: 'quantitative',
          scale: { domain: [0, 1] },
          ...fieldTitle(yTitle, { format: '.0%', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }),
        },
        tooltip: [
          { field: 'x', type: 'quantitative', title: dividedTitle('x', div), format: '.4~g' },
          { field: 'y', type: 'quantitative', title: `P(${sign} x)`, format: '.2%' },
        ],
      },
    },
  ];

  // Rules: thresholds (dashed) then references (solid), labelled in rows above the plot.
  const rules = declaredRules(claims, references, inside, formatNumber);
  const placed = placeLabels(
    rules.map((r) => ({ x: axis.px(r.value, width), text: r.text, fontSize: LABEL_SIZE, fontWeight: 600 })),
    width,
  );
  const ruleRows = rules.map((r, i) => ({ ...r, value: r.value / div, cx: placed[i].centre, cy: -4 - placed[i].row * 14 }));
  for (const kind of ['threshold', 'reference'] as const) {
    const values = ruleRows.filter((r) => r.kind === kind);
    if (values.length === 0) continue;
    layer.push({
      data: { values },
      mark: { type: 'rule', color: colours.reference, strokeWidth: 2, ...(kind === 'threshold' ? { strokeDash: [6, 3] } : {}) },
      encoding: {
        x: { ...xEnc, field: 'value' },
        tooltip: [
          { field: 'tooltip', type: 'nominal', title: kind },
          { field: 'value', type: 'quantitative', title: exprTitle(dividedTitle(unit || 'value', div)), format: '.4~g' },
        ],
      },
    });
  }
  if (ruleRows.length) {
    layer.push({
      data: { values: ruleRows },
      mark: { type: 'text', baseline: 'bottom', align: 'center', fontSize: LABEL_SIZE, fontWeight: 600, color: colours.reference },
      encoding: { x: { field: 'cx', type: 'quantitative', scale: null }, y: { field: 'cy', type: 'quantitative', scale: null }, text: { field: 'text' } },
    });
  }

  const subtitle: string[] = [];
  if (input.modelTitle) subtitle.push(input.modelTitle);
  const drawn = claims.filter((c) => inside(c.value));
  if (drawn.length) {
    const crossings = drawn.map((c) => ({ x: c.value / div, y: curveAt(c.value), name: c.name }));
    layer.push({
      data: { values: crossings },
      mark: { type: 'point', filled: true, size: 90, color: colours.reference, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
      encoding: {
        x: { ...xEnc, field: 'x' },
        y: { field: 'y', type: 'quantitative' },
        tooltip: [
          { field: 'name', type: 'nominal', title: 'claim' },
          { field: 'y', type: 'quantitative', title: `curve at the threshold`, format: '.2%' },
        ],
      },
    });
    // The claims' own probabilities, inside the plot, in the corner the curve leaves clear.
    const lines = drawn.map((c) => `${claimComparison(title, c.op, c.value)} = ${formatClaimText(c.probability, c.ci95)}`);
    const note = noteBox(lines, points.map((pt) => [axis.px(pt.x, width), (1 - pt.y) * height] as const), ruleRows.map((r) => axis.px(r.value * div, width)), below);
    for (const colour of ['white', colours.text] as const) {
      layer.push({
        data: { values: [{ lines }] },
        mark: {
          type: 'text',
          align: note.align,
          baseline: 'top',
          fontSize: NOTE_SIZE,
          fontWeight: 600,
          lineHeight: NOTE_LINE,
          color: colour,
          ...(colour === 'white' ? { stroke: 'white', strokeWidth: 4, strokeJoin: 'round' as const } : {}),
        },
        encoding: { x: { value: note.x }, y: { value: note.y }, text: { field: 'lines' } },
      });
    }
    subtitle.push(`Dashed: the claim's threshold; printed: the claim's probability over all samples, with its 95% CI`);
  } else {
    subtitle.push(`Read: the curve at x is the chance that ${title} exceeds x`);
  }

  return {
    title: { text: below ? `Cumulative probability of ${title}` : `Exceedance curve of ${title}`, subtitle },
    width,
    height,
    config,
    layer,
  };
}

/**
 * Where the claims' note goes: the corner of the plot that the curve and the rules cross least.
 * A falling curve leaves the top right and bottom left clear; a rising one the top left and
 * bottom right.
 */
function noteBox(
  lines: readonly string[],
  curve: readonly (readonly [number, number])[],
  rulesPx: readonly number[],
  rising: boolean,
): { x: number; y: number; align: 'left' | 'right' } {
  const w = Math.max(...lines.map((l) => textWidth(l, NOTE_SIZE, 600)));
  // The curve between grid points too (every 3 px), so a box between two points still counts as crossed.
  const dense: (readonly [number, number])[] = [];
  curve.forEach(([x1, y1], i) => {
    const [x0, y0] = curve[i - 1] ?? [x1, y1];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 3));
    for (let k = 1; k <= steps; k++) dense.push([x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps]);
  });
  const h = lines.length * NOTE_LINE;
  const corners: Corner[] = rising ? ['top-left', 'bottom-right', 'top-right', 'bottom-left'] : ['top-right', 'bottom-left', 'top-left', 'bottom-right'];
  let best: { corner: Corner; score: number } | undefined;
  for (const corner of corners) {
    const left = corner.endsWith('left');
    const top = corner.startsWith('top');
    const x0 = left ? NOTE_PAD : width - NOTE_PAD - w;
    const y0 = top ? NOTE_PAD : height - NOTE_PAD - h;
    const box = [x0 - 4, y0 - 4, x0 + w + 4, y0 + h + 4] as const;
    const hits = dense.filter(([cx, cy]) => boxesOverlap(box, [cx - 2, cy - 2, cx + 2, cy + 2])).length;
    const crossings = rulesPx.filter((rx) => rx > box[0] && rx < box[2]).length;
    const score = hits + 5 * crossings;
    if (!best || score < best.score) best = { corner, score };
    if (score === 0) break;
  }
  const corner = best?.corner ?? corners[0];
  const left = corner.endsWith('left');
  return { x: left ? NOTE_PAD : width - NOTE_PAD, y: corner.startsWith('top') ? NOTE_PAD : height - NOTE_PAD - h, align: left ? 'left' : 'right' };
}
