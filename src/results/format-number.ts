/**
 * Numbers for people: one set of rules wherever results are read, so a median reads the same on the
 * terminal, in summary.md, in the report and on a chart. Files for machines (CSV, JSON) keep full
 * precision instead: `String(x)`, which reads back as the same double.
 *
 * - `formatNumber`: 4 significant figures (a 10^6-sample run pins a median to about 0.1%, so a fifth
 *   figure would be noise and a third would hide real differences); thousands separators below a
 *   million; from a million to a quadrillion a compact suffix, M, B or T (`13 M`, `1.235 B`: the
 *   suffixes distribution strings accept, so a printed value can be typed back); exponent form beyond
 *   and below 0.001, trailing zeros dropped (`1.3e-5`, `2e18`); `∞` and `-∞` for infinities, `NaN` for
 *   a missing value.
 * - `formatLabel`: the same at 3 figures, for text set beside a chart's marks (`p5 8.66`, `10.6 → 16.1`):
 *   the chart is read against its axis, the tables beside it carry the fourth figure, and four-figure
 *   labels crowd each other (p5 and median labels touch on a narrow distribution).
 * - `formatPercent`: a probability as a percentage, one decimal from 1% to 99% (`35.1%`, `5.0%`); nearer
 *   0 or 100%, two significant figures of the distance to it (`0.31%`, `0.0042%`, `99.97%`), so a rare
 *   event never reads as `0.0%` or a near-certainty as `100.0%`; exactly `0%` and `100%` at the ends.
 * - `formatClaim`: a claim's probability and its 95% interval with the fewest extra figures that tell the
 *   interval's ends apart, trailing zeros kept so the three read alike: `0.31%` and `0.29–0.33%`
 *   (`0.30–0.35%`, not `0.3–0.35%`), never `0.3%` and `0.3% – 0.3%`. `formatClaimText` joins them:
 *   `0.31% (0.29–0.33%)`; `claimComparison` states what was compared: `P(reactors ≤ 2)`.
 * - `formatInterval`, `formatIntervalDistinct`: `lo–hi`, or `lo to hi` when a minus sign would make the
 *   dash ambiguous; the second adds figures until the ends differ.
 * - `formatIndex`: a sensitivity index or correlation (about −1 to 1), three decimals so columns align.
 * - `formatCount`: a whole number with thousands separators.
 *
 * @example formatNumber(13.0042) // '13'
 * @example formatNumber(1234567) // '1.235 M'
 * @example formatNumber(1.3e-5) // '1.3e-5'
 * @example formatPercent(0.0031) // '0.31%'
 * @example formatClaim(0.0031, [0.0029, 0.0033]) // { probability: '0.31%', interval: '0.29–0.33%' }
 */

/** Significant figures of `formatNumber` unless a caller asks for fewer. */
export const SIGNIFICANT_DIGITS = 4;
/** Significant figures of `formatLabel`. */
export const LABEL_DIGITS = 3;

const COMPACT_FROM = 1e6;
/** Compact suffixes by power of a thousand, as distribution strings read them (`1M`, `1.5B`, `2T`). */
const SUFFIXES: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
];
const EXPONENT_ABOVE = 1e15;
const EXPONENT_BELOW = 1e-3;

/** `x` for people: see the module comment. */
export function formatNumber(x: number, digits = SIGNIFICANT_DIGITS): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  // Rounding can carry a value over the bound (999,999.7 → 1.000e6): decide on the rounded value.
  const rounded = Number(x.toPrecision(digits));
  if (Math.abs(rounded) >= EXPONENT_ABOVE || abs < EXPONENT_BELOW) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${Number(exponent)}`;
  }
  if (Math.abs(rounded) >= COMPACT_FROM) {
    // The largest suffix the rounded value reaches (999.96 M rounds to 1 B, not "1,000 M").
    const [scale, suffix] = SUFFIXES.find(([s]) => Math.abs(rounded) >= s) ?? SUFFIXES[SUFFIXES.length - 1];
    return `${String(Number((rounded / scale).toPrecision(digits)))} ${suffix}`;
  }
  return new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(x);
}

/** A number set beside a chart's marks: `formatNumber` at 3 significant figures. @example formatLabel(18.3938) // '18.4' */
export function formatLabel(x: number): string {
  return formatNumber(x, LABEL_DIGITS);
}

/** A probability as a percentage: see the module comment. */
export function formatPercent(p: number): string {
  return percent(p, 0);
}

/** A claim's probability and its interval (`lo–hi%`), with as many figures as the interval needs. */
export function formatClaim(p: number, ci: readonly [number, number]): { readonly probability: string; readonly interval: string } {
  const [lo, hi] = ci;
  let extra = 0;
  // Up to four more figures: enough for any interval a run of fewer than 10^12 samples can give.
  while (extra < 4 && lo !== hi && percent(lo, extra) === percent(hi, extra)) extra++;
  return { probability: percent(p, extra, true), interval: percentInterval(percent(lo, extra, true), percent(hi, extra, true)) };
}

/** A claim's probability with its interval in brackets: `82.4% (82.2–82.6%)`; the probability alone when the interval is unknown. */
export function formatClaimText(p: number, ci: readonly [number, number] | undefined): string {
  if (!ci || !ci.every(Number.isFinite)) return formatPercent(p);
  const f = formatClaim(p, ci);
  return `${f.probability} (${f.interval})`;
}

/** A claim's comparison as printed: `<=` reads `≤`. */
export const OP_SIGNS: Readonly<Record<'<' | '<=' | '>' | '>=', string>> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** What a declared claim compares, as a probability's argument: `P(reactors ≤ 2)`. */
export function claimComparison(subject: string, op: string, value: number, f: (x: number) => string = formatNumber): string {
  return `P(${subject} ${OP_SIGNS[op as keyof typeof OP_SIGNS] ?? op} ${f(value)})`;
}

/** `lo–hi` with both ends formatted by `f`. */
export function formatInterval(interval: readonly [number, number], f: (x: number) => string = formatNumber): string {
  return joinInterval(f(interval[0]), f(interval[1]));
}

/**
 * An interval with just enough significant figures (4 to 7) that its ends differ, so a tight confidence
 * interval does not print as "13–13".
 *
 * @example formatIntervalDistinct([12.9933, 13.0067]) // '12.99–13.01'
 */
export function formatIntervalDistinct(interval: readonly [number, number]): string {
  let digits = SIGNIFICANT_DIGITS;
  while (digits < 7 && formatNumber(interval[0], digits) === formatNumber(interval[1], digits)) digits++;
  return joinInterval(formatNumber(interval[0], digits), formatNumber(interval[1], digits));
}

/** A sensitivity index (a share of variance or a correlation, about −1 to 1): three decimals, so columns align. */
export function formatIndex(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : formatNumber(x);
}

/** A count with thousands separators. @example formatCount(1000000) // '1,000,000' */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n) : formatNumber(n);
}

/** `lo–hi`, or `lo to hi` when a minus sign would make the dash ambiguous. */
function joinInterval(lo: string, hi: string): string {
  return lo.startsWith('-') || hi.startsWith('-') ? `${lo} to ${hi}` : `${lo}–${hi}`;
}

/** Two percentages as one interval with the sign once: `0.29–0.33%`. */
function percentInterval(lo: string, hi: string): string {
  return lo.endsWith('%') && hi.endsWith('%') ? joinInterval(lo.slice(0, -1), hi.slice(0, -1)) + '%' : joinInterval(lo, hi);
}

/** `p` in percent with `extra` more figures than `formatPercent` gives; `keepZeros` keeps trailing zeros (claim intervals). */
function percent(p: number, extra: number, keepZeros = false): string {
  if (Number.isNaN(p)) return 'NaN';
  const v = p * 100;
  if (v === 0 || v === 100) return `${v}%`;
  if (v >= 1 && v <= 99) return `${v.toFixed(1 + extra)}%`;
  const distance = v < 1 ? v : 100 - v;
  // Below 0.0001% (a claim that held a few times in 10^7 samples or fewer), a plain decimal gets long.
  if (v < 1e-4) return `${formatNumber(v, 2 + extra)}%`;
  // Two figures of the distance to the nearer end, then trailing zeros dropped (0.50 → 0.5) down to one decimal.
  const decimals = Math.min(20, Math.max(1, 1 + extra - Math.floor(Math.log10(distance))));
  const fixed = v.toFixed(decimals);
  return `${keepZeros ? fixed : fixed.replace(/(\.\d\d*?)0+$/, '$1')}%`;
}
