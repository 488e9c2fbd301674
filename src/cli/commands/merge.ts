/**
 * `ai-energy-mc merge DIR… --out OUT`: the shards of one run (`run … --shard I/N`) into the
 * results folder the one-machine run writes: percentiles.csv and distributions.json byte for byte,
 * summary.json the same but for `workers` (0: the merge runs no chunk) and its `shard` field. The model comes from the
 * shards themselves (its source travels in shard.json), so the merging machine needs no copy.
 */
import { loadModel } from '../../model/load.ts';
import { setRunnerFactory } from '../../engine/runner.ts';
import { checkDestination } from '../../results/output-dir.ts';
import { RunError } from '../../errors.ts';
import { materialise, versionMismatch } from '../../distributed/fingerprint.ts';
import { setPlacement } from '../../distributed/placement.ts';
import { resolvePercentileMethod } from '../../distributed/shard.ts';
import { checkShards, readShardRecords, readShardResults, replayFactory } from '../../distributed/merge.ts';
import { interruptSignal } from '../interrupt.ts';
import { runCommand, type RunOptions } from './run.ts';

export interface MergeOptions {
  readonly out?: string;
  readonly force?: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly charts: boolean;
  readonly report: boolean;
}

export async function mergeCommand(dirs: readonly string[], options: MergeOptions, argv: readonly string[]): Promise<void> {
  interruptSignal();
  if (options.out !== undefined) checkDestination(options.out, { force: options.force });
  const shards = readShardRecords(dirs);
  checkShards(shards);
  const { run, model, versions } = shards[0].record;
  const mismatch = versionMismatch(versions);
  if (mismatch) throw new RunError(`the shards were computed by another engine, Node or V8 than this one (${mismatch}): merge them with the same versions, whose arithmetic made them`, 2);
  const results = readShardResults(shards);
  const { file, dispose } = materialise(model);
  try {
    // The model is loaded (and checked) as the one-machine run loads it; then every chunk comes from the shards.
    const handle = await loadModel(file, model.overrides, model.scenario !== undefined ? { scenario: model.scenario } : {});
    const samplesFlag = run.precision ? '--max-samples' : '--samples';
    if (resolvePercentileMethod(run.percentileMethodAsked, handle.model.outputs.length, run.samples, samplesFlag) !== run.percentileMethod) {
      throw new RunError(`the shards hold ${run.percentileMethod} percentiles, which this machine would not choose for --percentile-method ${run.percentileMethodAsked} (too little memory for exact ones): merge on a machine with more memory`);
    }
    setRunnerFactory(replayFactory(results));
    setPlacement(() => ({ shard: { count: shards[0].record.shard.count } }));
    const runOptions: RunOptions = {
      samples: run.samples,
      maxSamples: run.samples,
      seed: run.seed,
      workers: 0,
      sampling: run.sampling,
      percentiles: [...run.percentiles],
      set: { ...model.overrides },
      ...(model.scenario !== undefined ? { scenario: model.scenario } : {}),
      ...(options.out !== undefined ? { out: options.out } : {}),
      force: options.force ?? false,
      json: options.json,
      quiet: options.quiet,
      charts: options.charts,
      report: options.report,
      ...(run.precision ? { precision: run.precision.relative, precisionPercentile: run.precision.percentile } : { precisionPercentile: 95 }),
      ...(run.precision?.output !== undefined ? { precisionOutput: run.precision.output } : {}),
      percentileMethod: run.percentileMethodAsked,
    };
    await runCommand(file, runOptions, argv);
  } finally {
    setRunnerFactory(undefined);
    setPlacement(undefined);
    dispose();
  }
}
