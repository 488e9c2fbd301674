/**
 * The look shared by every chart: Inter, the Okabe–Ito colour-blind-safe palette, sizes
 * and a vega-lite `config` that each spec carries, so a spec renders the same in the
 * headless SVG path, in the PNG path and in the browser report.
 *
 * Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under the
 * common colour-vision deficiencies. Wong (2011), Nature Methods 8:441, popularised them.
 */
import type { Config, TopLevelSpec } from 'vega-lite';

/** Okabe–Ito colours by name. */
export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Category order: the strong colours first, yellow last (it is weak on white). */
export const palette: readonly string[] = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.bluishGreen,
  okabeIto.vermillion,
  okabeIto.reddishPurple,
  okabeIto.skyBlue,
  okabeIto.black,
  okabeIto.yellow,
];

/** Roles, so that the same meaning has the same colour in every chart. */
export const colours = {
  /** The output's own distribution: histogram bars, exceedance curve, medians. */
  main: okabeIto.blue,
  /** Light fill for the outer (p5–p95) band. */
  bandOuter: '#B3D4EA',
  /** Fill for the inner (p25–p75) band. */
  bandInner: '#5C9BC9',
  /** Percentile markers (p5/p50/p95). */
  percentile: '#333333',
  /** Reference lines the model declares, and claim thresholds. */
  reference: okabeIto.vermillion,
  /** A second series beside `main` (ST next to S1, PRCC next to Spearman, p95 next to the mean). */
  second: okabeIto.orange,
  third: okabeIto.bluishGreen,
  text: '#1a1a1a',
  muted: '#595959',
  grid: '#e6e6e6',
} as const;

export const fontFamily = 'Inter';
export const width = 560;
export const height = 300;

/** The vega-lite config every chart carries. */
export const config: Config = {
  font: fontFamily,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: {
    font: fontFamily,
    fontSize: 16,
    fontWeight: 600,
    color: colours.text,
    anchor: 'start',
    offset: 12,
    subtitleFont: fontFamily,
    subtitleFontSize: 12,
    subtitleColor: colours.muted,
    subtitlePadding: 4,
  },
  axis: {
    labelFont: fontFamily,
    labelFontSize: 11,
    labelColor: colours.text,
    titleFont: fontFamily,
    titleFontSize: 12,
    titleFontWeight: 600,
    titleColor: colours.text,
    gridColor: colours.grid,
    domainColor: '#888888',
    tickColor: '#888888',
    labelOverlap: true,
  },
  legend: {
    labelFont: fontFamily,
    labelFontSize: 11,
    titleFont: fontFamily,
    titleFontSize: 11,
    titleFontWeight: 600,
    orient: 'bottom',
    direction: 'horizontal',
  },
  text: { font: fontFamily, fontSize: 11, color: colours.text },
  range: { category: [...palette] },
};

/** One entry of a top-level layer spec (vega-lite exports no name for it). */
export type LayerEntry = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** `name (unit)`, or just the name when the unit is empty or dimensionless. */
export function axisTitle(name: string, unit: string | undefined): string {
  return unit && unit !== '1' && unit !== name ? `${name} (${unit})` : name;
}

/**
 * Whether values spanning [lo, hi] want a log axis: all positive and more than
 * 10^1.5 (≈ 32×) between the ends.
 */
export function wantsLogScale(lo: number, hi: number): boolean {
  return lo > 0 && hi > 0 && Math.log10(hi / lo) > 1.5;
}

/**
 * Tick values for a log axis over [lo, hi]: 1-2-5 steps when it spans up to three decades,
 * powers of ten beyond that; and a d3 format that keeps the labels short (SI prefixes only
 * where every tick is at least 1,000, so no tick reads "500m").
 *
 * @example logAxis(4, 40).values // [5, 10, 20]
 */
export function logAxis(lo: number, hi: number): { values: number[]; format: string } {
  const values: number[] = [];
  if (!(lo > 0) || !(hi > lo)) return { values, format: '~g' };
  const decades = Math.log10(hi / lo);
  const steps = decades <= 3 ? [1, 2, 5] : [1];
  const every = decades > 8 ? Math.ceil(decades / 8) : 1;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e += every) {
    for (const s of steps) {
      const v = Number((s * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) values.push(v);
    }
  }
  return { values, format: values.length && values[0] >= 1000 ? '~s' : ',~g' };
}

/**
 * Values spanning more than the largest double (−1.7e308 … 1.7e308) cannot share one linear
 * axis: vega's scales compute hi − lo, which overflows, and every mark lands on one edge. Such a
 * chart plots each position divided by the divisor returned here (10) and says so in its axis
 * title (`dividedTitle`); labels and tooltips still print the true values. 1 for any other chart.
 */
export function spanDivisor(values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi || Number.isFinite(hi - lo) ? 1 : 10;
}

/** An axis title for values divided by `divisor`: `neg (x) ÷ 10`; unchanged when the divisor is 1. */
export function dividedTitle(title: string, divisor: number): string {
  return divisor === 1 ? title : `${title} ÷ ${divisor}`;
}

/**
 * Axis labels in the one formatter's compact form (`13 M`, `1.5 B`, `2 T`, as `format-number.ts`
 * writes values in tables and chart labels) for an axis whose values reach a million; `{}` (vega's
 * own labels) below that. A vega expression, so the browser report draws the same labels.
 */
export function compactLabels(values: readonly number[]): { labelExpr?: string } {
  const big = values.some((v) => Number.isFinite(v) && Math.abs(v) >= 1e6);
  if (!big) return {};
  const v = 'datum.value';
  return {
    labelExpr:
      `abs(${v}) >= 1e15 ? replace(format(${v}, '.3~e'), 'e+', 'e') : ` +
      `abs(${v}) >= 1e12 ? format(${v} / 1e12, '.4~g') + ' T' : ` +
      `abs(${v}) >= 1e9 ? format(${v} / 1e9, '.4~g') + ' B' : ` +
      `abs(${v}) >= 1e6 ? format(${v} / 1e6, '.4~g') + ' M' : format(${v}, ',.4~r')`,
  };
}
