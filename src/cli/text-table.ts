import { plainText } from './terminal-text.ts';

/**
 * A plain aligned text table for the terminal. By default the first `leftColumns` columns are
 * left-aligned (names) and the rest right-aligned (numbers); `align` sets each column instead.
 * Cells often come from model or results files: control characters in them show as escapes
 * (`plainText`), so no cell can break the table's lines or send an escape sequence.
 */
export function textTable(cells: readonly (readonly string[])[], options: { leftColumns?: number; align?: readonly ('left' | 'right')[] } = {}): string {
  const rows = cells.map((row) => row.map(plainText));
  const left = options.leftColumns ?? 1;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const alignOf = (i: number) => options.align?.[i] ?? (i < left ? 'left' : 'right');
  return rows
    .map((row) => row.map((cell, i) => (alignOf(i) === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd())
    .join('\n');
}
