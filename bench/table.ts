/**
 * Shared helpers for the benchmark sections: a Markdown table printer, number formats,
 * environment settings and a best-of-N timer. Tables go to stdout (the README quotes them);
 * progress notes go to stderr.
 */

export type Align = 'left' | 'right';

export interface Column {
  readonly title: string;
  readonly align?: Align;
}

/** Prints a titled Markdown table, columns padded so the raw text reads as a table too. */
export function printTable(title: string, columns: readonly (string | Column)[], rows: readonly (readonly string[])[], notes: readonly string[] = []): void {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c, align: 'right' as Align } : { align: 'right' as Align, ...c }));
  const widths = cols.map((c, j) => Math.max(3, c.title.length, ...rows.map((r) => (r[j] ?? '').length)));
  const cell = (text: string, j: number) => (cols[j].align === 'left' ? text.padEnd(widths[j]) : text.padStart(widths[j]));
  const lines = [
    `| ${cols.map((c, j) => c.title.padEnd(widths[j])).join(' | ')} |`,
    `|${cols.map((c, j) => (c.align === 'left' ? `:${'-'.repeat(widths[j] + 1)}` : `${'-'.repeat(widths[j] + 1)}:`)).join('|')}|`,
    ...rows.map((r) => `| ${cols.map((_, j) => cell(r[j] ?? '', j)).join(' | ')} |`),
  ];
  console.log(`\n### ${title}\n`);
  console.log(lines.join('\n'));
  if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
}

/** Samples per second as millions (`2.31 M/s`), or thousands below 0.1 M/s (`34.5 k/s`). */
export const rate = (perSecond: number): string =>
  !Number.isFinite(perSecond) ? 'n/a' : perSecond >= 1e5 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
export const seconds = (s: number): string => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
export const percent = (x: number, digits = 0): string => `${(100 * x).toFixed(digits)}%`;
export const ratio = (x: number): string => `${x.toFixed(2)}×`;
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** 1e7 → `10,000,000`. */
export const count = (n: number): string => n.toLocaleString('en-US');
/** 1e7 → `1e7` for powers of ten, otherwise the grouped number. */
export const sizeLabel = (n: number): string => {
  const e = Math.log10(n);
  return Number.isInteger(e) && e >= 3 ? `1e${e}` : count(n);
};

/** Reads a positive number from the environment (accepts `1e7`, `10_000_000`). */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name}=${raw}: expected a positive number`);
  return value;
}

/** Reads a comma-separated list of positive numbers from the environment. */
export function envNumbers(name: string, fallback: readonly number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  return raw.split(',').map((part) => {
    const value = Number(part.trim().replaceAll('_', ''));
    if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name}=${raw}: "${part}" is not a positive number`);
    return value;
  });
}

export const note = (text: string): void => void process.stderr.write(`  · ${text}\n`);

export interface Timed<T> {
  /** Seconds of each repetition, in order. */
  readonly times: readonly number[];
  /** Shortest time: the least disturbed repetition on a shared machine. */
  readonly best: number;
  readonly median: number;
  /** What the last repetition returned. */
  readonly value: T;
}

/** Runs `fn` `repeats` times and reports the best and the median wall time. */
export function timeRepeated<T>(repeats: number, fn: () => T): Timed<T> {
  const times: number[] = [];
  let value!: T;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    value = fn();
    times.push((performance.now() - t0) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { times, best: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)], value };
}
