/**
 * What `compare` prints: the runs' labels, the output it compares by default, and a numeric table
 * (per run the output's median and p5–p95 and each claim's probability with its 95% interval, and
 * the differences to the first run), beside the chart it draws.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.ts';
import { formatClaim, formatIntervalDistinct, formatNumber } from '../results/format-number.ts';
import { primaryOutputOf } from '../results/tables.ts';
import type { Summary } from '../results/types.ts';
import { textTable } from './text-table.ts';

export interface LabelledRun {
  readonly dir: string;
  readonly summary: Summary;
  readonly label: string;
}

/** The output compared when `--output` is not given: the first run's primary output, else `annual_twh`, else none (refused). */
export function defaultCompareOutput(first: Summary, dir: string): string {
  const primary = primaryOutputOf(first);
  if (primary !== undefined) return primary;
  if (Object.hasOwn(first.outputs, 'annual_twh')) return 'annual_twh';
  const names = Object.keys(first.outputs);
  throw new InputError('--output', '(not given)', `the output to compare: ${dir} declares no primary output and has no annual_twh; its outputs: ${names.join(', ') || '(none)'}`);
}

/** `--label` given once per folder, in order; refused when the counts differ, before anything is read. */
export function checkLabelCount(labels: readonly string[], dirs: readonly string[]): void {
  if (labels.length > 0 && labels.length !== dirs.length) {
    throw new InputError('--label', labels.join(', '), `one --label per results folder, in order: ${labels.length} label${labels.length === 1 ? '' : 's'} for ${dirs.length} folder${dirs.length === 1 ? '' : 's'}`);
  }
}

/**
 * The runs' names: the labels given, else "model · scenario" (the model alone for a base run).
 * Default names that repeat get the seed when the repeated runs' seeds differ, else the folder's
 * name, and a number as the last resort (one folder given twice).
 */
export function compareLabels(runs: readonly { dir: string; summary: Summary }[], given: readonly string[]): string[] {
  if (given.length > 0) return [...given];
  const base = runs.map((r) => {
    const scenario: unknown = r.summary.scenario;
    return typeof scenario === 'string' && scenario !== '' ? `${r.summary.model} · ${scenario}` : r.summary.model;
  });
  const groups = new Map<string, number[]>();
  base.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  const labels = [...base];
  for (const [label, members] of groups) {
    if (members.length < 2) continue;
    const seeds = members.map((i) => runs[i].summary.seed);
    const bySeed = new Set(seeds).size === seeds.length;
    for (const i of members) labels[i] = bySeed ? `${label} · seed ${runs[i].summary.seed}` : `${label} (${basename(runs[i].dir.replace(/[\\/]+$/, ''))})`;
  }
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} #${n}`;
  });
}

/** The table `compare` prints on stdout. */
export function compareText(runs: readonly LabelledRun[], output: string): string {
  const first = runs[0].summary.outputs[output];
  const what = [first.label, first.unit].filter((t) => typeof t === 'string' && t !== '').join(', ');
  const lines = [`${output}${what ? ` (${what})` : ''}`, ''];
  const m0 = first.percentiles.p50;
  lines.push(textTable([
    ['run', 'median', 'p5–p95', 'median vs first'],
    ...runs.map((r, i) => {
      const pc = r.summary.outputs[output].percentiles;
      return [r.label, formatNumber(pc.p50), formatIntervalDistinct([pc.p5, pc.p95]), i === 0 ? '' : medianChange(pc.p50, m0)];
    }),
  ], { align: ['left', 'right', 'right', 'right'] }));

  const claims = [...new Set(runs.flatMap((r) => Object.keys(r.summary.claims)))];
  if (claims.length > 0) {
    const rows = [['claim', 'run', 'probability', '95% CI', 'vs first']];
    for (const claim of claims) {
      const c0 = runs[0].summary.claims[claim];
      runs.forEach((r, i) => {
        const c = Object.hasOwn(r.summary.claims, claim) ? r.summary.claims[claim] : undefined;
        const f = c ? formatClaim(c.probability, c.ci95) : undefined;
        rows.push([i === 0 ? claim : '', r.label, f?.probability ?? '—', f?.interval ?? '', i === 0 || !c || !c0 ? '' : pointsChange(c.probability, c0.probability)]);
      });
    }
    lines.push('', textTable(rows, { align: ['left', 'left', 'right', 'right', 'right'] }));
  }
  return lines.join('\n');
}

/** A median against the first run's: a ratio (`×1.14`) when both are non-zero with one sign, else the difference (`+2.1`). */
export function medianChange(median: number, first: number): string {
  if (!Number.isFinite(median) || !Number.isFinite(first)) return '';
  if (first !== 0 && median !== 0 && Math.sign(first) === Math.sign(median)) return `×${formatNumber(median / first, 3)}`;
  const d = median - first;
  return d === 0 ? '0' : `${d > 0 ? '+' : ''}${formatNumber(d)}`;
}

/** A probability against the first run's, in percentage points: `+3.2 pp`, `-0.41 pp`, `0 pp`. */
export function pointsChange(p: number, first: number): string {
  if (!Number.isFinite(p) || !Number.isFinite(first)) return '';
  const d = (p - first) * 100;
  return d === 0 ? '0 pp' : `${d > 0 ? '+' : ''}${formatNumber(d, 3)} pp`;
}
