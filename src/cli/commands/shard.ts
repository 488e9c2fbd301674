/**
 * `ai-energy-mc run <model> … --shard I/N --out DIR`: one slice of a run, written as a partial
 * result (shard.json, shard.bin, manifest.json) that `merge` turns back into the run's results.
 * The same --out rules as any results folder (src/results/output-dir.ts).
 */
import { loadModel } from '../../model/load.ts';
import { DEFAULT_PERCENTILES } from '../../engine/simulate.ts';
import { DEFAULT_CHUNK_SIZE } from '../../engine/plan.ts';
import { checkDestination, openOutputDir } from '../../results/output-dir.ts';
import { writeErrorUnder } from '../../results/write-error.ts';
import { buildManifest } from '../../results/manifest.ts';
import { InputError } from '../../errors.ts';
import { encode } from '../../distributed/codec.ts';
import { parseShard, resolvePercentileMethod, runShard, SHARD_FILES, type RunSpec } from '../../distributed/shard.ts';
import { createProgress } from '../progress.ts';
import { interruptSignal } from '../interrupt.ts';
import type { RunOptions } from './run.ts';

export async function shardCommand(ref: string, shardText: string, options: RunOptions, argv: readonly string[]): Promise<void> {
  const shard = parseShard(shardText);
  if (options.out === undefined) throw new InputError('--shard', shardText, 'goes with --out DIR: the folder for this shard, which merge then reads');
  if (options.scenario === 'all') throw new InputError('--scenario', 'all', 'one scenario per sharded run: give its name (or run each scenario as a sharded run of its own)');
  if (options.charts || options.report) throw new InputError(options.charts ? '--charts' : '--report', true, 'is for the merged results: give it to merge, not to run --shard');
  const signal = interruptSignal();
  checkDestination(options.out, { force: options.force });
  const handle = await loadModel(ref, options.set, { timeoutSeconds: options.timeout, ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) });
  const { model } = handle;
  if (options.precisionOutput !== undefined && !model.outputs.some((o) => o.name === options.precisionOutput)) {
    throw new InputError('--precision-output', options.precisionOutput, `an output of ${model.name}: ${model.outputs.map((o) => o.name).join(', ')}`);
  }
  if (options.precisionOutput !== undefined && options.precision === undefined) {
    throw new InputError('--precision-output', options.precisionOutput, 'goes with --precision (e.g. --precision 0.5%)');
  }
  const samples = options.precision !== undefined ? options.maxSamples : options.samples;
  const spec: RunSpec = {
    samples,
    seed: options.seed,
    sampling: options.sampling,
    chunkSize: DEFAULT_CHUNK_SIZE,
    percentileMethodAsked: options.percentileMethod,
    percentileMethod: resolvePercentileMethod(options.percentileMethod, model.outputs.length, samples, options.precision !== undefined ? '--max-samples' : '--samples'),
    percentiles: options.percentiles ?? [...DEFAULT_PERCENTILES],
    ...(options.precision !== undefined
      ? { precision: { relative: options.precision, ...(options.precisionOutput !== undefined ? { output: options.precisionOutput } : {}), percentile: options.precisionPercentile } }
      : {}),
  };
  const out = openOutputDir(options.out, { force: options.force });
  try {
    const startedAt = new Date();
    const progress = createProgress(`${model.name} shard ${shard.index}/${shard.count}`, { quiet: options.quiet });
    const { record, results } = await runShard(handle, spec, shard, { workers: options.workers, onProgress: (d, t) => progress.update(d, t), signal });
    progress.end();
    const manifest = buildManifest({
      handle,
      command: ['ai-energy-mc', ...argv],
      seed: options.seed,
      samples: results.reduce((s, r) => s + r.size, 0),
      workers: options.workers,
      sampling: options.sampling,
      chunkSize: spec.chunkSize,
      percentiles: spec.percentiles,
      startedAt,
      finishedAt: new Date(),
    });
    out.writeFiles({
      [SHARD_FILES.record]: JSON.stringify(record, null, 2) + '\n',
      [SHARD_FILES.results]: encode(results),
      'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    });
    out.commit();
    const { first, end, total } = record.chunks;
    const what = end > first ? `chunks ${first} to ${end - 1} of ${total}` : `no chunk (the run has ${total}, fewer than its ${shard.count} shards)`;
    if (options.json) process.stdout.write(JSON.stringify(record.shard) + '\n');
    else process.stdout.write(`${model.name}: shard ${shard.index}/${shard.count}, ${what}, ${manifest.samples.toLocaleString('en-US')} samples\nShard: ${out.path}\n`);
    out.finish();
  } catch (err) {
    out.discard();
    throw writeErrorUnder(err, [out.tmp], `the results folder ${out.path}`);
  }
}
