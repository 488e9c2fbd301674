/**
 * The shortest text that reads back as exactly `x`: JavaScript's round-trip `String(x)` or its
 * exponential form without `+` (`2000000` → `2e6`, `0.0001` → `1e-4`), whichever is shorter.
 * Labels use it so that `parseDistribution(d.label)` rebuilds `d` bit for bit.
 *
 * @example
 * formatNumber(2e6);   // '2e6'
 * formatNumber(0.25);  // '0.25'
 * formatNumber(-0);    // '-0'
 */
export function formatNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  if (!Number.isFinite(x)) return String(x);
  const plain = String(x);
  const exponential = x.toExponential().replace('e+', 'e');
  return exponential.length < plain.length ? exponential : plain;
}

export type LabelValue = number | readonly number[];

/** `kind(key=value, …)` with `formatNumber` for numbers and `[a, b, …]` for arrays. */
export function formatCall(kind: string, entries: ReadonlyArray<readonly [string, LabelValue]>): string {
  const args = entries.map(([key, value]) => `${key}=${formatValue(value)}`);
  return `${kind}(${args.join(', ')})`;
}

function formatValue(value: LabelValue): string {
  return typeof value === 'number' ? formatNumber(value) : `[${value.map(formatNumber).join(', ')}]`;
}
