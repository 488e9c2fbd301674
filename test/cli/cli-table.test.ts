/** The terminal table (issue 11 §6, §2): --percentiles are its columns, the primary output leads, labels show with names. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputOrder, outputTableCells } from '../../src/results/tables.ts';
import { formatNumber } from '../../src/results/format-number.ts';
import type { OutputSummary, Summary } from '../../src/results/types.ts';
import { cli, fixture } from './helpers.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'cli-table-'));
/** The table's lines: from the header (`output  unit …`) to the first blank line. */
const tableLines = (stdout: string) => {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('output '));
  const end = lines.indexOf('', start);
  return lines.slice(start, end).map((l) => l.trim().split(/\s{2,}/));
};

describe('run: the terminal table', () => {
  it('--percentiles 2.5,97.5: those are the columns (headed as in summary.json), plus the mean', async () => {
    const out = join(tmp(), 'r');
    const r = await cli(['run', fixture('cli-primary.ts'), '-n', '20000', '--percentiles', '2.5,97.5', '--out', out]);
    expect(r.code).toBe(0);
    const rows = tableLines(r.stdout);
    expect(rows[0]).toEqual(['output', 'unit', 'p2.5', 'p97.5', 'mean']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(Object.keys(summary.outputs.answer.percentiles)).toEqual(['p2.5', 'p97.5']);
    expect(rows[1]).toEqual(['Annual electricity (answer)', 'TWh/yr', formatNumber(summary.outputs.answer.percentiles['p2.5']), formatNumber(summary.outputs.answer.percentiles['p97.5']), formatNumber(summary.outputs.answer.mean)]);
  });

  it('default: p5, p50, p95 and the mean; the primary output first, the others in model order, labels with names', async () => {
    const r = await cli(['run', fixture('cli-primary.ts'), '-n', '20000', '--out', join(tmp(), 'r')]);
    expect(r.code).toBe(0);
    const rows = tableLines(r.stdout);
    expect(rows[0]).toEqual(['output', 'unit', 'p5', 'p50', 'p95', 'mean']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Annual electricity (answer)', 'first', 'The third (third)']);
  });

  it('a model without a primary output keeps model order', async () => {
    const r = await cli(['run', fixture('cli-plain.ts'), '-n', '5000', '--percentiles', '10,50,90', '--out', join(tmp(), 'r')]);
    const rows = tableLines(r.stdout);
    expect(rows[0]).toEqual(['output', 'unit', 'p10', 'p50', 'p90', 'mean']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['y', 'z']);
  });
});

describe('outputTableCells', () => {
  const output = (mean: number, label?: string): OutputSummary => ({
    unit: 'u', ...(label ? { label } : {}), count: 10, nonFinite: 0, mean, sd: 1, min: 0, max: 2, meanCI95: [0, 1],
    percentiles: { p1: 0.1, p50: 1, p99: 1.9 }, percentileCI95: {},
  });
  const summary = (primaryOutput?: string) => ({ outputs: { a: output(1), b: output(2, 'Bee') }, ...(primaryOutput ? { primaryOutput } : {}) }) as unknown as Summary;

  it('reads a primaryOutput only when it names an own output', () => {
    expect(outputOrder(summary('b'))).toEqual(['b', 'a']);
    expect(outputOrder(summary('nope'))).toEqual(['a', 'b']);
    expect(outputOrder(summary('__proto__'))).toEqual(['a', 'b']);
  });
  it('columns asked, in order; a label equal to the name is not repeated', () => {
    expect(outputTableCells(summary('b'), ['p1', 'p99'])).toEqual([
      ['output', 'unit', 'p1', 'p99', 'mean'],
      ['Bee (b)', 'u', '0.1', '1.9', '2'],
      ['a', 'u', '0.1', '1.9', '1'],
    ]);
  });
});
