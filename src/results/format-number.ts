/**
 * Numbers for people: 4 significant figures, thousands separators for large ones,
 * exponents beyond 1e9 and below 1e-3. Tables for machines (CSV, JSON) keep full precision.
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e9 || abs < 1e-3) return x.toExponential(digits - 1).replace('e+', 'e');
  const rounded = Number(x.toPrecision(digits));
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

export function formatPercent(p: number): string {
  if (Number.isNaN(p)) return 'NaN';
  const v = p * 100;
  if (v === 0 || v === 100) return `${v}%`;
  if (v < 0.1 || v > 99.9) return `${v.toPrecision(2)}%`;
  return `${v.toFixed(1)}%`;
}

/** A sensitivity index (a share of variance or a correlation, about −1 to 1): three decimals, so columns align. */
export function formatIndex(x: number): string {
  return x.toFixed(3);
}
