/** `ai-energy-mc run <model>`: a Monte Carlo run, a summary on stdout and a results folder. */
import { join } from 'node:path';
import { loadModel } from '../../model/load.ts';
import { simulate, DEFAULT_PERCENTILES } from '../../engine/simulate.ts';
import { checkDestination, openDestination, type OutputDir } from '../../results/output-dir.ts';
import { writeErrorUnder } from '../../results/write-error.ts';
import { buildManifest } from '../../results/manifest.ts';
import { outputTableCells, percentilesCsv, percentilesMarkdown } from '../../results/tables.ts';
import { formatClaim, formatCount, formatPercent } from '../../results/format-number.ts';
import type { Manifest, Summary } from '../../results/types.ts';
import type { ModelHandle } from '../../model/load.ts';
import type { Progress } from '../progress.ts';
import type { Sampling } from '../../../workers/protocol.ts';
import { createProgress } from '../progress.ts';
import { textTable } from '../text-table.ts';
import { plainText } from '../terminal-text.ts';
import { interruptSignal } from '../interrupt.ts';
import { InputError } from '../../errors.ts';
import { renderVisuals } from './report.ts';
import { runAllScenarios } from './run-scenarios.ts';
import { ALL_SCENARIOS } from '../../model/names.ts';
import { withPlacement } from '../../distributed/placement.ts';

export interface RunOptions {
  readonly samples: number;
  readonly seed: string;
  readonly workers: number;
  readonly sampling: Sampling;
  readonly percentiles?: number[];
  readonly set: Record<string, string>;
  /** --scenario: one of the model's scenarios, or `all` (the base and every scenario). */
  readonly scenario?: string;
  readonly out?: string;
  /** --timeout: seconds the whole command may take (enforced in main.ts; bounds the preflight here). */
  readonly timeout?: number;
  /** Replace an earlier results folder at --out (never anything else). */
  readonly force?: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly charts: boolean;
  readonly report: boolean;
  readonly precision?: number;
  readonly precisionOutput?: string;
  readonly precisionPercentile: number;
  readonly maxSamples: number;
  readonly percentileMethod: 'auto' | 'exact' | 'ddsketch';
}

export const DEFAULT_SAMPLES = 1_000_000;

export async function runCommand(ref: string, options: RunOptions, argv: readonly string[]): Promise<void> {
  const signal = interruptSignal(); // before loading: a signal at any moment is handled
  if (options.out !== undefined) checkDestination(options.out, { force: options.force }); // a wrong --out is said at once
  if (options.scenario === ALL_SCENARIOS) return runAllScenarios(ref, options, argv, signal);
  const handle = await loadModel(ref, options.set, { timeoutSeconds: options.timeout, ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) });
  const percentiles = options.percentiles ?? [...DEFAULT_PERCENTILES];
  const progress = createProgress(`${handle.model.name}`, { quiet: options.quiet, precision: options.precision !== undefined });
  checkPrecisionOutput(handle, options);
  // The destination is decided, and its temporary folder made, before sampling: a refused or
  // unwritable --out costs nothing; a failure from here on leaves it as it was.
  const out = openDestination(options.out, options.force ?? false, join('results', 'runs', handle.model.name), resultsFolderName(new Date(), options.seed, handle.model.scenario));
  try {
    await runInto(out, handle, options, argv, percentiles, progress, signal);
  } catch (err) {
    out.discard();
    throw writeErrorUnder(err, [out.tmp], `the results folder ${out.path}`);
  }
}

/** `--precision-output` names an output of the model and goes with `--precision`. */
export function checkPrecisionOutput(handle: ModelHandle, options: RunOptions): void {
  if (options.precisionOutput !== undefined && !handle.model.outputs.some((o) => o.name === options.precisionOutput)) {
    throw new InputError('--precision-output', options.precisionOutput, `an output of ${handle.model.name}: ${handle.model.outputs.map((o) => o.name).join(', ')}`);
  }
  if (options.precisionOutput !== undefined && options.precision === undefined) {
    throw new InputError('--precision-output', options.precisionOutput, 'goes with --precision (e.g. --precision 0.5%)');
  }
}

async function runInto(out: OutputDir, handle: ModelHandle, options: RunOptions, argv: readonly string[], percentiles: number[], progress: Progress, signal: AbortSignal): Promise<void> {
  const { summary, summaryJson, wallSeconds } = await runFiles(out, '', handle, options, argv, percentiles, progress, signal);
  // Renamed into place, then announced; until `finish` a signal still undoes the whole run.
  out.commit();
  if (options.json) process.stdout.write(summaryJson);
  else process.stdout.write(`${summaryText(summary, wallSeconds, options.percentiles)}\n\nResults: ${out.path}\n`);
  out.finish();
}

export interface RunFiles {
  readonly summary: Summary;
  readonly manifest: Manifest;
  readonly summaryJson: string;
  readonly wallSeconds: number;
}

/**
 * One run, sampled and written as a complete results folder at `dir` inside the staging folder
 * (`''`: the staging folder itself; `base`, a scenario's name: a subfolder of `--scenario all`).
 */
export async function runFiles(out: OutputDir, dir: string, handle: ModelHandle, options: RunOptions, argv: readonly string[], percentiles: number[], progress: Progress, signal: AbortSignal): Promise<RunFiles> {
  const result = await simulate(handle, {
    samples: options.precision !== undefined ? options.maxSamples : options.samples,
    percentileMethod: options.percentileMethod,
    ...(options.precision !== undefined
      ? {
          precision: {
            relative: options.precision,
            ...(options.precisionOutput ? { targets: [{ output: options.precisionOutput, percentile: options.precisionPercentile }] } : {}),
          },
        }
      : {}),
    seed: options.seed,
    workers: options.workers,
    sampling: options.sampling,
    percentiles,
    onProgress: (done, total) => progress.update(done, total),
    onPrecisionCheck: (report, samples) => progress.precision(report, samples),
    onRefinePass: (done, total) => progress.pass('exact percentiles, chunks run again for their values', done, total),
    signal,
  });
  progress.end();
  for (const warning of result.summary.warnings) process.stderr.write(`warning: ${plainText(warning)}\n`);

  const manifest = buildManifest({
    handle,
    command: ['ai-energy-mc', ...argv],
    seed: options.seed,
    samples: result.summary.samples,
    workers: options.workers,
    sampling: options.sampling,
    chunkSize: result.chunkSize,
    percentiles,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
  });
  const summary = withPlacement(result.summary); // --queue, merge: where it ran
  const summaryJson = JSON.stringify(summary, null, 2) + '\n';
  const files: Record<string, string> = {
    'summary.json': summaryJson,
    'distributions.json': JSON.stringify(result.distributions) + '\n',
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'percentiles.csv': percentilesCsv(result.summary),
    'percentiles.md': percentilesMarkdown(result.summary),
  };
  out.writeFiles(Object.fromEntries(Object.entries(files).map(([name, text]) => [dir === '' ? name : `${dir}/${name}`, text])));
  if (options.charts || options.report) await renderVisuals(join(out.tmp, dir), { charts: options.charts, report: options.report, quiet: options.quiet });
  return { summary, manifest, summaryJson, wallSeconds: manifest.wallSeconds };
}

const SAMPLING_NAMES: Record<string, string> = { mc: 'Monte Carlo', lhs: 'Latin hypercube', sobol: 'scrambled Sobol' };

/**
 * The human summary: per output (the primary first) the asked `--percentiles` (default p5/p50/p95)
 * and the mean, then every claim's probability.
 */
export function summaryText(summary: Summary, wallSeconds: number, percentiles?: readonly number[]): string {
  const method = summary.percentileMethod === 'exact' ? 'exact percentiles' : `percentiles from ${summary.percentileMethod} (±${summary.relativeError * 100}%)`;
  const lines = [
    plainText(`${summary.title} (${summary.model}${summary.scenario !== undefined ? `, scenario ${summary.scenario}` : ''})`),
    `${formatCount(summary.samples)} samples, ${SAMPLING_NAMES[summary.sampling]}, seed ${plainText(summary.seed)}, ${summary.workers} worker${summary.workers === 1 ? '' : 's'}, ${method}, ${wallSeconds.toFixed(2)} s`,
  ];
  if (summary.precision) {
    const p = summary.precision;
    lines.push(
      p.met
        ? `precision target ±${formatPercent(p.relative)} met: worst relative half-width ${formatPercent(p.worstRelativeHalfWidth)}`
        : `precision target ±${formatPercent(p.relative)} NOT met within the sample cap: worst relative half-width ${formatPercent(p.worstRelativeHalfWidth)}`,
    );
  }
  lines.push('');
  lines.push(textTable(outputTableCells(summary, percentiles?.map((p) => `p${p}`)), { leftColumns: 2 }));
  const claims = Object.entries(summary.claims);
  if (claims.length > 0) {
    lines.push('', textTable([
      ['claim', 'probability', '95% CI', ''],
      ...claims.map(([name, c]) => {
        const f = formatClaim(c.probability, c.ci95);
        return [name, f.probability, f.interval, c.description ?? ''];
      }),
    ], { align: ['left', 'right', 'right', 'left'] }));
  }
  return lines.join('\n');
}

/** `<UTC timestamp>-<seed>[-<scenario>]`, with the seed reduced to characters safe in a file name (a scenario's name already is). */
export function resultsFolderName(startedAt: Date, seed: string, scenario?: string): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${seed.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40)}${scenario !== undefined ? `-${scenario}` : ''}`;
}
