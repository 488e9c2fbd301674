/**
 * The one writer of a sensitivity result's files: `sensitivity.json` (the contract), `sensitivity.csv`
 * (one row per parameter, full precision) and `sensitivity.md` (a table for people), parameters sorted by
 * importance. `sensitivityFiles` gives the three files; `writeSensitivity` writes them as a folder, and
 * the CLI adds its manifest and charts beside them in its own results folder. Either way the files land
 * whole: written to a temporary folder and renamed into place, so an interrupted write leaves none.
 */
import { formatIndex, formatNumber } from '../results/format-number.ts';
import { writeResultsDir } from '../results/atomic-dir.ts';
import { rankLabel } from './registry.ts';
import { INDEX_SCALES, type ParameterIndices, type SensitivityResult } from './result.ts';
import type { Interval } from './types.ts';

/** The files of a sensitivity result, by name. */
export function sensitivityFiles(result: SensitivityResult): Record<'sensitivity.json' | 'sensitivity.csv' | 'sensitivity.md', string> {
  return {
    'sensitivity.json': sensitivityJson(result),
    'sensitivity.csv': sensitivityCsv(result),
    'sensitivity.md': sensitivityMarkdown(result),
  };
}

export async function writeSensitivity(dir: string, result: SensitivityResult): Promise<void> {
  await writeResultsDir(dir, sensitivityFiles(result));
}

export function sensitivityJson(result: SensitivityResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

type Column = { readonly key: keyof ParameterIndices; readonly label: string; readonly interval?: boolean };

const COLUMNS: readonly Column[] = [
  { key: 'S1', label: 'S1' },
  { key: 'S1CI95', label: 'S1 95% CI', interval: true },
  { key: 'ST', label: 'ST' },
  { key: 'STCI95', label: 'ST 95% CI', interval: true },
  { key: 'spearman', label: 'Spearman' },
  { key: 'spearmanCI95', label: 'Spearman 95% CI', interval: true },
  { key: 'prcc', label: 'PRCC' },
  { key: 'prccCI95', label: 'PRCC 95% CI', interval: true },
  { key: 'muStar', label: 'mu*' },
  { key: 'muStarCI95', label: 'mu* 95% CI', interval: true },
  { key: 'mu', label: 'mu' },
  { key: 'sigma', label: 'sigma' },
  { key: 'low', label: 'low' },
  { key: 'high', label: 'high' },
  { key: 'swing', label: 'swing' },
];

/** One row per parameter in ranking order; intervals as `_lo`/`_hi` columns; empty cells where a method did not run. */
export function sensitivityCsv(result: SensitivityResult): string {
  const header = ['rank', 'parameter'];
  for (const c of COLUMNS) {
    if (c.interval) header.push(`${c.key}_lo`, `${c.key}_hi`);
    else header.push(c.key);
  }
  const lines = [header.join(',')];
  result.ranking.forEach((name, i) => {
    const row: string[] = [String(i + 1), csvField(name)];
    const ix = result.indices[name];
    for (const c of COLUMNS) {
      const v = ix[c.key];
      if (c.interval) {
        const ci = v as Interval | null;
        row.push(ci ? String(ci[0]) : '', ci ? String(ci[1]) : '');
      } else {
        row.push(v === null ? '' : String(v));
      }
    }
    lines.push(row.join(','));
  });
  return lines.join('\n') + '\n';
}

export function sensitivityMarkdown(result: SensitivityResult): string {
  const target = 'claim' in result.target ? `claim \`${result.target.claim}\` (1 when it holds)` : `output \`${result.target.output}\``;
  const lines = [
    `# Sensitivity of the ${target} — ${result.title}`,
    '',
    `Model \`${result.model}\`, method ${result.method}, samples ${result.samples}, seed ${result.seed}, ${result.evaluations} model evaluations.`,
    `Parameters sorted by ${rankLabel(result.rankedBy)}.`,
    '',
  ];
  const used = COLUMNS.filter((c) => result.ranking.some((name) => result.indices[name][c.key] !== null));
  lines.push(`| parameter | ${used.map((c) => c.label).join(' | ')} |`);
  lines.push(`| --- | ${used.map(() => '---:').join(' | ')} |`);
  for (const name of result.ranking) {
    const ix = result.indices[name];
    const cells = used.map((c) => {
      const v = ix[c.key];
      if (v === null) return '';
      if (c.interval) {
        const [lo, hi] = v as Interval;
        return `[${fmt(lo, c.key)}, ${fmt(hi, c.key)}]`;
      }
      return fmt(v as number, c.key);
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  if (result.constants.length > 0) lines.push('', `Constant (not analysed): ${result.constants.join(', ')}.`);
  if (result.details.tornado?.base !== undefined && result.details.tornado.base !== null) {
    lines.push('', `Tornado: every input at its median gives ${formatNumber(result.details.tornado.base)}; low/high put one input at its p${pct(result.details.tornado.lowProbability)}/p${pct(result.details.tornado.highProbability)}.`);
  }
  if (result.warnings.length > 0) {
    lines.push('', '## Warnings', '', ...result.warnings.map((w) => `- ${w}`));
  }
  return lines.join('\n') + '\n';
}

function fmt(v: number, key: keyof ParameterIndices): string {
  return INDEX_SCALES[key] === 'index' ? formatIndex(v) : formatNumber(v);
}

function pct(p: number): string {
  return String(Math.round(p * 1000) / 10);
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
