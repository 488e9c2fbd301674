/** A plain aligned text table for the terminal: first column left-aligned, the rest right-aligned. */
export function textTable(rows: readonly (readonly string[])[], options: { leftColumns?: number } = {}): string {
  const left = options.leftColumns ?? 1;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i < left ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd())
    .join('\n');
}
