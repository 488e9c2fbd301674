/**
 * Number formatting for chart labels and report tables: three significant figures,
 * thousands separators in the middle range, exponents outside it.
 *
 * @example formatNumber(13.0042) // '13'
 * @example formatNumber(1234567) // '1.23e6'
 * @example formatPercent(0.3512) // '35.1%'
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${Number(exponent)}`;
  }
  return new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(x);
}

/** A probability as a percentage with one decimal, or `<0.1%` / `>99.9%` at the ends. */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return String(p);
  if (p > 0 && p < 0.001) return '<0.1%';
  if (p < 1 && p > 0.999) return '>99.9%';
  return `${(p * 100).toFixed(1)}%`;
}

/** `lo–hi` with both ends formatted by `f`. */
export function formatInterval(interval: readonly [number, number], f: (x: number) => string = formatNumber): string {
  return joinInterval(f(interval[0]), f(interval[1]));
}

/** `lo–hi`, or `lo to hi` when a minus sign would make the dash ambiguous. */
function joinInterval(lo: string, hi: string): string {
  return lo.startsWith('-') || hi.startsWith('-') ? `${lo} to ${hi}` : `${lo}–${hi}`;
}

/** A count with thousands separators. @example formatCount(1000000) // '1,000,000' */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n) : String(n);
}

/**
 * An interval with just enough significant figures (3 to 7) that its ends differ, so a
 * tight confidence interval does not print as "13–13".
 *
 * @example formatIntervalDistinct([12.9933, 13.0067]) // '12.99–13.01'
 */
export function formatIntervalDistinct(interval: readonly [number, number]): string {
  let digits = 3;
  while (digits < 7 && formatNumber(interval[0], digits) === formatNumber(interval[1], digits)) digits++;
  return joinInterval(formatNumber(interval[0], digits), formatNumber(interval[1], digits));
}
