/**
 * Percentile tables: `percentiles.csv` (full precision, for scripts) and `percentiles.md`
 * (rounded, for people), one row per output; claims follow in the Markdown.
 */
import type { Summary } from './types.ts';
import { formatClaim, formatCount, formatNumber } from './format-number.ts';
import { plainText } from './plain-text.ts';

export function percentilesCsv(summary: Summary): string {
  const keys = percentileKeys(summary);
  const header = ['output', 'unit', 'count', 'nonFinite', 'mean', 'sd', 'min', ...keys, 'max', 'meanCI95Low', 'meanCI95High'];
  const rows = Object.entries(summary.outputs).map(([name, o]) => [
    name, o.unit, o.count, o.nonFinite, o.mean, o.sd, o.min, ...keys.map((k) => o.percentiles[k]), o.max, o.meanCI95[0], o.meanCI95[1],
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function percentilesMarkdown(summary: Summary): string {
  const keys = percentileKeys(summary);
  const lines = [
    `# ${md(summary.title)}`,
    '',
    `Model \`${md(summary.model)}\`, ${formatCount(summary.samples)} samples (${summary.sampling}), seed ${md(summary.seed)}, engine ${summary.engineVersion}. Percentiles: ${summary.percentileMethod}.`,
    '',
    `| output | unit | mean | ${keys.join(' | ')} | non-finite |`,
    `|---|---|---:|${keys.map(() => '---:').join('|')}|---:|`,
    ...Object.entries(summary.outputs).map(
      ([name, o]) => `| ${md(name)} | ${md(o.unit)} | ${formatNumber(o.mean)} | ${keys.map((k) => formatNumber(o.percentiles[k])).join(' | ')} | ${o.nonFinite} |`,
    ),
  ];
  const claims = Object.entries(summary.claims);
  if (claims.length > 0) {
    lines.push('', '| claim | probability | 95% CI | description |', '|---|---:|---|---|');
    for (const [name, c] of claims) {
      const f = formatClaim(c.probability, c.ci95);
      lines.push(`| ${md(name)} | ${f.probability} | ${f.interval} | ${md(c.description ?? '')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The terminal's table of outputs, as cells: the primary output (`summary.primaryOutput`) first, the
 * others in model order; a declared label is shown with the name after it (`Annual electricity
 * (annual_twh)`), so scripts and `--output` still find the name. Columns: `columns` (percentile keys
 * as in summary.json: `p2.5`, `p97.5`) or, by default, p5, p50 and p95; then the mean, and the
 * non-finite counts when any output has some.
 */
export function outputTableCells(summary: Summary, columns?: readonly string[]): string[][] {
  const outputs = Object.values(summary.outputs);
  const keys = (columns ?? ['p5', 'p50', 'p95']).filter((k) => outputs[0]?.percentiles[k] !== undefined);
  const nonFinite = outputs.some((o) => o.nonFinite > 0);
  const rows = [['output', 'unit', ...keys, 'mean', ...(nonFinite ? ['non-finite'] : [])]];
  for (const name of outputOrder(summary)) {
    const o = summary.outputs[name];
    const label = typeof o.label === 'string' && o.label !== '' && o.label !== name ? `${o.label} (${name})` : name;
    rows.push([label, o.unit, ...keys.map((k) => formatNumber(o.percentiles[k])), formatNumber(o.mean), ...(nonFinite ? [String(o.nonFinite)] : [])]);
  }
  return rows;
}

/** The output names, the primary one first (when the summary names an output it has), the rest in model order. */
export function outputOrder(summary: Summary): string[] {
  const names = Object.keys(summary.outputs);
  const primary = primaryOutputOf(summary);
  return primary === undefined ? names : [primary, ...names.filter((n) => n !== primary)];
}

/** `summary.primaryOutput` when it names one of the summary's own outputs (older folders have none). */
export function primaryOutputOf(summary: Summary): string | undefined {
  const p: unknown = summary.primaryOutput;
  return typeof p === 'string' && Object.hasOwn(summary.outputs, p) ? p : undefined;
}

export function percentileKeys(summary: Summary): string[] {
  const first = Object.values(summary.outputs)[0];
  return first ? Object.keys(first.percentiles) : [];
}

function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * Text from the model in a Markdown table or heading: one line, control characters as visible
 * escapes (the file gets `cat` to terminals), `|` escaped so a name cannot split a cell.
 */
function md(text: string): string {
  return plainText(text).replaceAll('|', '\\|');
}
