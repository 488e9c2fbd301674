/**
 * `run … --shard I/N`: one of N slices of a run, for a batch scheduler (a Slurm job array, a
 * Kubernetes Indexed Job) that starts N processes with I = 0 … N−1. The run's chunk plan is the
 * one-machine plan (chunk k seeded from (seed, k) only); shard I takes the contiguous chunks
 * ⌊I·C/N⌋ … ⌊(I+1)·C/N⌋ − 1 and keeps each chunk's partial result as it came out of the chunk
 * function: moments per chunk (merging them is order-sensitive in floating point, so `merge`
 * replays them in chunk order), integer counts, and the kept values (exact percentiles) or the
 * chunk's sketch (DDSketch). `merge` feeds them to the engine's own aggregator, which therefore
 * sees exactly what it sees on one machine.
 */
import type { SimulateResult, SimulateTask } from '../../workers/protocol.ts';
import { InputError } from '../errors.ts';
import type { ModelHandle } from '../model/load.ts';
import { DEFAULT_CHUNK_SIZE, planChunks } from '../engine/plan.ts';
import { createRunner } from '../engine/runner.ts';
import { EXACT_LIMIT } from '../engine/simulate.ts';
import { exactPercentileShortfall } from '../engine/exact-memory.ts';
import type { PercentileMethod, Sampling } from '../engine/types.ts';
import { SKETCH_METHOD } from '../stats/sketch/ddsketch.ts';
import { canonicalHash, engineVersions, modelSource, type EngineVersions, type ModelSource } from './fingerprint.ts';

/** Shard I of N. */
export interface ShardIndex {
  readonly index: number;
  readonly count: number;
}

/** The most shards a run may be cut into. */
export const MAX_SHARDS = 100_000;

/** `I/N` with 0 ≤ I < N (I as Kubernetes' completion index, from 0). */
export function parseShard(text: string): ShardIndex {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= MAX_SHARDS) || !(index >= 0 && index < count)) {
    throw new InputError('--shard', text, `I/N with N from 1 to ${MAX_SHARDS.toLocaleString('en-US')} and I from 0 to N−1, e.g. 0/3, 1/3, 2/3`);
  }
  return { index, count };
}

/** The chunks [first, end) of shard I of N over `chunks` chunks: contiguous, as even as can be. */
export function shardRange(chunks: number, shard: ShardIndex): { first: number; end: number } {
  return { first: Math.floor((shard.index * chunks) / shard.count), end: Math.floor(((shard.index + 1) * chunks) / shard.count) };
}

/** The options that decide a run's samples and statistics (what a shard's fingerprint covers besides the model and versions). */
export interface RunSpec {
  /** Samples planned: --samples, or --max-samples with --precision. */
  readonly samples: number;
  readonly seed: string;
  readonly sampling: Sampling;
  readonly chunkSize: number;
  /** As asked (auto, exact, ddsketch) … */
  readonly percentileMethodAsked: 'auto' | PercentileMethod;
  /** … and as it resolved for this run. */
  readonly percentileMethod: PercentileMethod;
  readonly percentiles: readonly number[];
  readonly precision?: { readonly relative: number; readonly output?: string; readonly percentile: number };
}

/** shard.json: what a shard folder is, besides its chunk results (shard.bin). */
export interface ShardRecord {
  readonly format: 'ai-energy-mc/shard';
  readonly formatVersion: 1;
  readonly shard: ShardIndex;
  /** Its chunks [first, end) of the run's `total`. */
  readonly chunks: { readonly first: number; readonly end: number; readonly total: number };
  /** SHA-256 of the canonical JSON of { run, model (without its text), versions }: equal for every shard of one run. */
  readonly fingerprint: string;
  readonly run: RunSpec;
  readonly model: ModelSource;
  readonly versions: EngineVersions;
}

export const SHARD_FILES = { record: 'shard.json', results: 'shard.bin' } as const;

/** The method a run resolves to, as `simulate` decides it (exact up to EXACT_LIMIT samples when it fits in memory). */
export function resolvePercentileMethod(asked: 'auto' | PercentileMethod, outputs: number, samples: number, samplesFlag: string): PercentileMethod {
  const shortfall = exactPercentileShortfall(outputs, samples);
  if (asked === 'exact' && shortfall) throw new InputError('--percentile-method', 'exact', `${shortfall}; use --percentile-method ddsketch or fewer ${samplesFlag}`);
  if (shortfall) return SKETCH_METHOD;
  if (asked !== 'auto') return asked;
  return samples <= EXACT_LIMIT ? 'exact' : SKETCH_METHOD;
}

export function fingerprintOf(run: RunSpec, model: ModelSource, versions: EngineVersions): string {
  const { source: _source, ...modelId } = model;
  return canonicalHash({ run, model: modelId, versions });
}

export interface ShardRun {
  readonly record: ShardRecord;
  readonly results: SimulateResult[];
}

/** Runs shard `shard` of the run `spec` on this machine's threads (`workers`, 0 in-process). */
export async function runShard(
  handle: ModelHandle,
  spec: RunSpec,
  shard: ShardIndex,
  options: { readonly workers: number; readonly onProgress?: (done: number, total: number) => void; readonly signal?: AbortSignal },
): Promise<ShardRun> {
  const model = modelSource(handle);
  const versions = engineVersions();
  const chunks = planChunks(spec.samples, spec.chunkSize);
  const { first, end } = shardRange(chunks.length, shard);
  const tasks: SimulateTask[] = chunks.slice(first, end).map((c) => ({
    kind: 'simulate',
    chunk: c.index,
    start: c.start,
    size: c.size,
    seed: spec.seed,
    sampling: spec.sampling,
    percentileMethod: spec.percentileMethod,
  }));
  const results: SimulateResult[] = [];
  const total = tasks.reduce((s, t) => s + t.size, 0);
  let done = 0;
  if (tasks.length > 0) {
    const runner = await createRunner(handle, Math.min(options.workers, tasks.length));
    try {
      await runner.run(
        tasks,
        (r) => {
          const result = r as SimulateResult;
          results.push(result);
          done += result.size;
          options.onProgress?.(done, total);
        },
        options.signal,
      );
    } finally {
      await runner.close();
    }
  }
  results.sort((a, b) => a.chunk - b.chunk);
  const record: ShardRecord = {
    format: 'ai-energy-mc/shard',
    formatVersion: 1,
    shard,
    chunks: { first, end, total: chunks.length },
    fingerprint: fingerprintOf(spec, model, versions),
    run: spec,
    model,
    versions,
  };
  return { record, results };
}

export { DEFAULT_CHUNK_SIZE };
