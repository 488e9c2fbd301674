/**
 * Scenario comparison chart (`run --scenario all`): the base and every scenario side by side, in
 * two panels sharing the scenario order and colours —
 * 1. the primary output (or the first) per scenario: p5–p95 (thin bar), p25–p75 (thick bar) and
 *    the median (dot), with "median (p5–p95)" written beside it;
 * 2. each claim's probability per scenario, a dot with its 95% interval, on a 0–100% axis.
 * A pure function of the summaries: the CLI renders it with the other charts' pipeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ClaimSummary, OutputSummary } from '../results/types.ts';
import { claimComparison, formatClaimText, formatInterval, formatLabel } from '../results/format-number.ts';
import { axisTitle, colours, config, dividedTitle, logAxis, palette, spanDivisor, wantsLogScale, width } from './theme.ts';
import type { LayerEntry } from './theme.ts';
import { fieldTitle, plainTextSpec } from './text.ts';

export interface ScenarioColumn {
  /** `base` or the scenario's name. */
  readonly scenario: string;
  /** The compared output's summary in this scenario. */
  readonly output: OutputSummary;
  readonly claims: Readonly<Record<string, ClaimSummary>>;
}

export interface ScenariosChartInput {
  /** The model's title. */
  readonly title: string;
  /** The compared output: the primary one, else the first. */
  readonly output: string;
  /** Its label, when the model declares one. */
  readonly label?: string;
  readonly unit?: string;
  /** Base first, then the scenarios in the model file's order. */
  readonly scenarios: readonly ScenarioColumn[];
}

interface OutputRow {
  rank: number;
  scenario: string;
  p5: number;
  p50: number;
  p95: number;
  p25?: number;
  p75?: number;
  text: string;
}

interface ClaimRow {
  claim: string;
  scenario: string;
  rank: number;
  probability: number;
  lo: number;
  hi: number;
  text: string;
}

/** Height per scenario inside a claim's band (with yOffset, vega-lite's step is the offset's). */
const CLAIM_ROW = 15;

export function scenariosChart(input: ScenariosChartInput): TopLevelSpec {
  const names = input.scenarios.map((s) => s.scenario);
  const colour: Colour = { field: 'scenario', type: 'nominal', scale: { domain: names, range: names.map((_, i) => palette[i % palette.length]!) } };
  const panels: TopLevelSpec[] = [outputPanel(input, names, colour)];
  const claims = claimRows(input);
  if (claims.length > 0) panels.push(claimPanel(claims, names, colour));
  const subject = input.label ?? input.output;
  return plainTextSpec({
    title: {
      text: `${input.title}: ${names.length - 1} scenario${names.length === 2 ? '' : 's'} and the base`,
      subtitle: [`Same seed and sample count in every scenario. ${subject}: dot median, thick bar p25–p75, thin bar p5–p95.${claims.length ? ' Claims: probability with its 95% interval.' : ''}`],
    },
    config,
    spacing: 28,
    vconcat: panels,
    resolve: { scale: { color: 'shared' }, legend: { color: 'independent' } },
  } as TopLevelSpec);
}

type Colour = { field: 'scenario'; type: 'nominal'; scale: { domain: string[]; range: string[] } };

function outputPanel(input: ScenariosChartInput, names: readonly string[], colour: Colour): TopLevelSpec {
  const rows: OutputRow[] = [];
  input.scenarios.forEach((s, rank) => {
    const pc = s.output.percentiles;
    const [p5, p50, p95] = [pc.p5, pc.p50, pc.p95];
    if (![p5, p50, p95].every((v) => typeof v === 'number' && Number.isFinite(v))) return;
    const row: OutputRow = { rank, scenario: s.scenario, p5: p5!, p50: p50!, p95: p95!, text: `${formatLabel(p50!)} (${formatInterval([p5!, p95!], formatLabel)})` };
    if (Number.isFinite(pc.p25) && Number.isFinite(pc.p75)) Object.assign(row, { p25: pc.p25, p75: pc.p75 });
    rows.push(row);
  });
  const lo = Math.min(...rows.map((r) => r.p5));
  const hi = Math.max(...rows.map((r) => r.p95));
  const log = wantsLogScale(lo, hi);
  const axis = log ? logAxis(lo, hi) : undefined;
  const div = log ? 1 : spanDivisor([lo, hi]);
  if (div !== 1) for (const r of rows) for (const k of ['p5', 'p50', 'p95', 'p25', 'p75'] as const) if (r[k] !== undefined) r[k] = r[k]! / div;
  const x = { type: 'quantitative' as const, scale: log ? { type: 'log' as const } : { type: 'linear' as const, zero: false, nice: true } };
  const y = { field: 'scenario', type: 'nominal' as const, title: null, sort: names as string[], axis: { labelFontWeight: 'bold' as const } };
  const tooltip = [
    { field: 'scenario', type: 'nominal' as const, title: 'scenario' },
    { field: 'p5', type: 'quantitative' as const, title: dividedTitle('p5', div), format: '.4~g' },
    { field: 'p50', type: 'quantitative' as const, title: dividedTitle('median', div), format: '.4~g' },
    { field: 'p95', type: 'quantitative' as const, title: dividedTitle('p95', div), format: '.4~g' },
  ];
  const inner = rows.filter((r) => r.p25 !== undefined);
  const xTitle = dividedTitle(axisTitle(input.label ?? input.output, input.unit), div);
  const layer: LayerEntry[] = [
    {
      data: { values: rows },
      mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round', opacity: 0.55 },
      encoding: { x: { ...x, field: 'p5', ...fieldTitle(xTitle, axis ? { values: axis.values, format: axis.format } : {}) }, x2: { field: 'p95' }, y, color: { ...colour, legend: null }, tooltip },
    },
  ];
  if (inner.length) {
    layer.push({ data: { values: inner }, mark: { type: 'rule', strokeWidth: 11 }, encoding: { x: { ...x, field: 'p25' }, x2: { field: 'p75' }, y, color: { ...colour, legend: null }, tooltip } });
  }
  layer.push(
    { data: { values: rows }, mark: { type: 'point', filled: true, size: 90, color: 'white', stroke: colours.text, strokeWidth: 2, opacity: 1 }, encoding: { x: { ...x, field: 'p50' }, y, tooltip } },
    { data: { values: rows }, mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: colours.muted }, encoding: { x: { ...x, field: 'p95' }, y, text: { field: 'text' } } },
  );
  return { title: { text: input.label ? `${input.label} (${input.output})` : input.output, fontSize: 13, subtitle: '' }, width, height: { step: 34 }, layer } as unknown as TopLevelSpec;
}

function claimRows(input: ScenariosChartInput): ClaimRow[] {
  const first = input.scenarios[0];
  if (!first) return [];
  const rows: ClaimRow[] = [];
  for (const [name, c0] of Object.entries(first.claims)) {
    // A declared claim says what it compares: "reactors ≤ 2"; a function claim is its name.
    const what = c0.output !== undefined && c0.op !== undefined && c0.value !== undefined ? `${name}: ${claimComparison(c0.output, c0.op, c0.value, formatLabel).slice(2, -1)}` : name;
    input.scenarios.forEach((s, rank) => {
      const c = s.claims[name];
      if (!c || !Number.isFinite(c.probability)) return;
      rows.push({ claim: what, scenario: s.scenario, rank, probability: c.probability, lo: c.ci95[0], hi: c.ci95[1], text: formatClaimText(c.probability, c.ci95) });
    });
  }
  return rows;
}

function claimPanel(rows: readonly ClaimRow[], names: readonly string[], colour: Colour): TopLevelSpec {
  const claims = [...new Set(rows.map((r) => r.claim))];
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } };
  const y = { field: 'claim', type: 'nominal' as const, title: null, sort: claims, axis: { labelLimit: 260 } };
  const yOffset = { field: 'scenario', type: 'nominal' as const, sort: names as string[] };
  const tooltip = [
    { field: 'claim', type: 'nominal' as const, title: 'claim' },
    { field: 'scenario', type: 'nominal' as const, title: 'scenario' },
    { field: 'text', type: 'nominal' as const, title: 'probability (95% CI)' },
  ];
  return {
    title: { text: 'Claims', fontSize: 13, subtitle: '' },
    width,
    height: { step: CLAIM_ROW },
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { ...x, field: 'lo', title: 'probability' }, x2: { field: 'hi' }, color: colour, tooltip } },
      { mark: { type: 'point', filled: true, size: 45, opacity: 1 }, encoding: { x: { ...x, field: 'probability' }, color: { ...colour, legend: { title: 'scenario', orient: 'bottom', direction: 'horizontal' } }, tooltip } },
    ],
  } as unknown as TopLevelSpec;
}
