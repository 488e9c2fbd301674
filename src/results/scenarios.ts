/**
 * The top of a `run --scenario all` folder: `scenarios.csv` (full precision, for scripts),
 * `scenarios.md` (rounded, for people) and the folder's own `manifest.json`, which lists the
 * subfolders (`base/`, one per scenario, each a complete results folder) so that the folder is
 * recognised as ours (output-dir.ts) and replaced whole by `--force`, never anything in it that
 * we did not write.
 *
 * Per scenario: the compared output's percentiles and mean (the primary output, else the first),
 * and every claim's probability with its 95% interval.
 */
import type { ResolvedScenario } from '../model/types.ts';
import { claimComparison, formatClaimText, formatNumber } from './format-number.ts';
import { plainText } from './plain-text.ts';
import { primaryOutputOf, percentileKeys } from './tables.ts';
import type { Manifest, Summary } from './types.ts';

/** One column of the comparison: `base` or a scenario, and its run's summary. */
export interface ScenarioRun {
  readonly scenario: string;
  readonly summary: Summary;
}

/** The output a comparison shows: the base run's primary output, else its first. */
export function comparedOutput(runs: readonly ScenarioRun[]): string {
  const base = runs[0]!.summary;
  return primaryOutputOf(base) ?? Object.keys(base.outputs)[0]!;
}

export function scenariosCsv(runs: readonly ScenarioRun[]): string {
  const output = comparedOutput(runs);
  const base = runs[0]!.summary;
  const keys = percentileKeys(base);
  const claims = Object.keys(base.claims);
  const header: Array<string | number> = ['scenario', 'output', 'unit', 'samples', 'mean', ...keys, ...claims.flatMap((c) => [`${c}.probability`, `${c}.ci95Low`, `${c}.ci95High`])];
  const rows = runs.map(({ scenario, summary }): Array<string | number> => {
    const o = summary.outputs[output]!;
    return [
      scenario, output, o.unit, summary.samples, o.mean, ...keys.map((k) => o.percentiles[k]!),
      ...claims.flatMap((c): Array<string | number> => {
        const claim = summary.claims[c];
        return claim ? [claim.probability, claim.ci95[0], claim.ci95[1]] : ['', '', ''];
      }),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function scenariosMarkdown(runs: readonly ScenarioRun[], scenarios: readonly ResolvedScenario[]): string {
  const output = comparedOutput(runs);
  const base = runs[0]!.summary;
  const keys = percentileKeys(base);
  const o = base.outputs[output]!;
  const heading = o.label ? `${o.label} (\`${output}\`)` : `\`${output}\``;
  const lines = [
    `# ${md(base.title)}: scenarios`,
    '',
    `Model \`${md(base.model)}\`, the base and ${runs.length - 1} scenario${runs.length === 2 ? '' : 's'}, each ${base.samples.toLocaleString('en-US')} samples (${base.sampling}) with seed ${md(base.seed)}, engine ${base.engineVersion}. Each scenario's folder holds its complete results.`,
    '',
    `## ${md(heading)}${o.unit ? `, ${md(o.unit)}` : ''}`,
    '',
    `| scenario | mean | ${keys.join(' | ')} |`,
    `|---|---:|${keys.map(() => '---:').join('|')}|`,
    ...runs.map(({ scenario, summary }) => {
      const x = summary.outputs[output]!;
      return `| ${md(scenario)} | ${formatNumber(x.mean)} | ${keys.map((k) => formatNumber(x.percentiles[k]!)).join(' | ')} |`;
    }),
  ];
  const claims = Object.entries(base.claims);
  if (claims.length > 0) {
    lines.push('', '## Claims: probability (95% CI)', '', `| claim | ${runs.map((r) => md(r.scenario)).join(' | ')} |`, `|---|${runs.map(() => '---:').join('|')}|`);
    for (const [name, c] of claims) {
      const what = c.output !== undefined && c.op !== undefined && c.value !== undefined ? `${md(name)}: ${md(claimComparison(c.output, c.op, c.value))}` : md(name);
      lines.push(`| ${what} | ${runs.map(({ summary }) => {
        const x = summary.claims[name];
        return x ? formatClaimText(x.probability, x.ci95) : '';
      }).join(' | ')} |`);
    }
  }
  lines.push('', '## Scenarios', '', '- **base**: the model as written.');
  for (const s of scenarios) {
    const set = Object.entries(s.set).map(([k, v]) => `\`${md(k)}\` = \`${md(v)}\``).join(', ');
    lines.push(`- **${md(s.name)}**${s.description ? `: ${md(s.description)}.` : '.'} Sets ${set}.`);
  }
  return lines.join('\n') + '\n';
}

/** The top folder's manifest: what every run's manifest says in common, and the scenarios with their subfolders. */
export interface ScenariosManifest
  extends Pick<Manifest, 'model' | 'title' | 'modelFile' | 'modelFileSha256' | 'command' | 'seed' | 'samples' | 'workers' | 'sampling' | 'percentiles' | 'overrides' | 'versions' | 'startedAt' | 'finishedAt' | 'wallSeconds'> {
  readonly scenario: 'all';
  /** By name, base first: each one's subfolder, and (for a declared scenario) its description and values. */
  readonly scenarios: Readonly<Record<string, { readonly folder: string; readonly description?: string; readonly set?: Readonly<Record<string, string>> }>>;
}

/** Built from the base run's manifest; the run's own manifest stays in `base/`. */
export function scenariosManifest(base: Manifest, scenarios: readonly ResolvedScenario[], startedAt: Date, finishedAt: Date): ScenariosManifest {
  return {
    model: base.model,
    title: base.title,
    modelFile: base.modelFile,
    modelFileSha256: base.modelFileSha256,
    command: base.command,
    seed: base.seed,
    samples: base.samples,
    workers: base.workers,
    sampling: base.sampling,
    percentiles: base.percentiles,
    overrides: base.overrides,
    scenario: 'all',
    scenarios: Object.fromEntries([
      ['base', { folder: 'base' }],
      ...scenarios.map((s) => [s.name, { folder: s.name, ...(s.description !== undefined ? { description: s.description } : {}), set: s.set }]),
    ]),
    versions: base.versions,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
  };
}

/** As percentiles.csv: numbers in full, a non-finite one empty; text quoted when it must be. */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Text from the model in Markdown: one line, control characters visible, `|` escaped (as percentiles.md). */
function md(text: string): string {
  return plainText(text).replaceAll('|', '\\|');
}
