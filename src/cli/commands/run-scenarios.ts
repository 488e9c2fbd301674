/**
 * `run <model> --scenario all`: the base model and every declared scenario, with the same seed
 * and options, into one results folder:
 *
 *   <out>/manifest.json       what ran (the scenarios and their subfolders; see results/scenarios.ts)
 *   <out>/scenarios.csv, .md  per scenario: the primary output's percentiles, each claim's probability and 95% CI
 *   <out>/charts/scenarios.*  the comparison chart (vega-lite JSON, SVG, PNG)
 *   <out>/base/, <out>/<scenario>/  each a complete results folder, as `run --scenario NAME` writes
 *
 * Every scenario is loaded and checked before the destination is opened, so a faulty one costs
 * nothing; the whole folder is staged and renamed into place at the end, as a single run's is,
 * so `--out`/`--force` and an interrupt behave exactly as for one run.
 */
import { join } from 'node:path';
import { loadModel, type ModelHandle } from '../../model/load.ts';
import { BASE_SCENARIO } from '../../model/names.ts';
import { DEFAULT_PERCENTILES } from '../../engine/simulate.ts';
import { openDestination } from '../../results/output-dir.ts';
import { writeErrorUnder } from '../../results/write-error.ts';
import { comparedOutput, scenariosCsv, scenariosManifest, scenariosMarkdown, type ScenarioRun } from '../../results/scenarios.ts';
import { formatClaimText, formatNumber } from '../../results/format-number.ts';
import { InputError } from '../../errors.ts';
import { createProgress } from '../progress.ts';
import { textTable } from '../text-table.ts';
import { plainText } from '../terminal-text.ts';
import { checkPrecisionOutput, resultsFolderName, runFiles, type RunOptions } from './run.ts';

const charts = () => import('../../charts/index.ts');
const scenarioChart = () => import('../../charts/scenarios.ts');

export async function runAllScenarios(ref: string, options: RunOptions, argv: readonly string[], signal: AbortSignal): Promise<void> {
  const load = (scenario?: string) => loadModel(ref, options.set, { timeoutSeconds: options.timeout, ...(scenario !== undefined ? { scenario } : {}) });
  const base = await load();
  const { model } = base;
  if (model.scenarios.length === 0) {
    throw new InputError('--scenario', 'all', `model ${model.name} declares no scenarios, so there is nothing to compare (a model lists them under \`scenarios\`); run it without --scenario`);
  }
  checkPrecisionOutput(base, options);
  const handles: Array<[string, ModelHandle]> = [[BASE_SCENARIO, base]];
  for (const s of model.scenarios) handles.push([s.name, await load(s.name)]);
  const percentiles = options.percentiles ?? [...DEFAULT_PERCENTILES];
  const startedAt = new Date();
  const out = openDestination(options.out, options.force ?? false, join('results', 'runs', model.name), resultsFolderName(startedAt, options.seed, 'all'));
  try {
    const runs: Array<ScenarioRun & { wallSeconds: number }> = [];
    let baseManifest;
    for (const [scenario, handle] of handles) {
      const progress = createProgress(`${model.name} ${scenario}`, { quiet: options.quiet, precision: options.precision !== undefined });
      const r = await runFiles(out, scenario, handle, options, argv, percentiles, progress, signal);
      baseManifest ??= r.manifest;
      runs.push({ scenario, summary: r.summary, wallSeconds: r.wallSeconds });
    }
    const finishedAt = new Date();
    const manifest = scenariosManifest(baseManifest!, model.scenarios, startedAt, finishedAt);
    out.writeFiles({
      'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
      'scenarios.csv': scenariosCsv(runs),
      'scenarios.md': scenariosMarkdown(runs, model.scenarios),
    });
    await drawChart(out.tmp, runs, options.quiet);
    out.commit();
    if (options.json) process.stdout.write(JSON.stringify(Object.fromEntries(runs.map((r) => [r.scenario, r.summary])), null, 2) + '\n');
    else process.stdout.write(`${scenariosText(runs, manifest.wallSeconds, options.percentiles)}\n\nResults: ${out.path}\n`);
    out.finish();
  } catch (err) {
    out.discard();
    throw writeErrorUnder(err, [out.tmp], `the results folder ${out.path}`);
  }
}

/** `charts/scenarios.{vl.json,svg,png}` in the top folder, through the charts' own render path. */
async function drawChart(dir: string, runs: readonly ScenarioRun[], quiet: boolean): Promise<void> {
  if (!quiet) process.stderr.write('rendering the scenario chart …\n');
  const output = comparedOutput(runs);
  const first = runs[0]!.summary;
  const o = first.outputs[output]!;
  const spec = (await scenarioChart()).scenariosChart({
    title: first.title,
    output,
    ...(o.label !== undefined ? { label: o.label } : {}),
    ...(o.unit ? { unit: o.unit } : {}),
    scenarios: runs.map((r) => ({ scenario: r.scenario, output: r.summary.outputs[output]!, claims: r.summary.claims })),
  });
  const { specFile, toPng, toSvg } = await charts();
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const svg = await toSvg(spec);
  mkdirSync(join(dir, 'charts'), { recursive: true });
  writeFileSync(join(dir, 'charts', 'scenarios.vl.json'), specFile(spec));
  writeFileSync(join(dir, 'charts', 'scenarios.svg'), svg);
  writeFileSync(join(dir, 'charts', 'scenarios.png'), toPng(svg));
}

/**
 * The terminal's comparison: the compared output's percentiles and mean per scenario, then each
 * claim's probability per scenario (its interval is in scenarios.md and the chart).
 */
export function scenariosText(runs: readonly ScenarioRun[], wallSeconds: number, percentiles?: readonly number[]): string {
  const first = runs[0]!.summary;
  const output = comparedOutput(runs);
  const o = first.outputs[output]!;
  const keys = (percentiles?.map((p) => `p${p}`) ?? ['p5', 'p50', 'p95']).filter((k) => o.percentiles[k] !== undefined);
  const lines = [
    plainText(`${first.title} (${first.model}): the base and ${runs.length - 1} scenario${runs.length === 2 ? '' : 's'}`),
    `${first.samples.toLocaleString('en-US')} samples each, seed ${plainText(first.seed)}, ${first.workers} worker${first.workers === 1 ? '' : 's'}, ${wallSeconds.toFixed(2)} s in all`,
    '',
    plainText(`${o.label ? `${o.label} (${output})` : output}${o.unit ? `, ${o.unit}` : ''}`),
    textTable([['scenario', ...keys, 'mean'], ...runs.map(({ scenario, summary }) => {
      const x = summary.outputs[output]!;
      return [scenario, ...keys.map((k) => formatNumber(x.percentiles[k]!)), formatNumber(x.mean)];
    })]),
  ];
  const claims = Object.keys(first.claims);
  if (claims.length > 0) {
    lines.push('', textTable([['claim', ...runs.map((r) => r.scenario)], ...claims.map((name) => [name, ...runs.map(({ summary }) => {
      const c = summary.claims[name];
      return c ? formatClaimText(c.probability, undefined) : '';
    })])]));
  }
  return lines.join('\n');
}
