/**
 * The engine's per-worker hot loop, measured without threads: one `createChunkRunner` fed
 * chunk after chunk with exactly the tasks `simulate()` sends a worker (same chunk size,
 * sampling and percentile method), so the rate is the ceiling of one worker thread. Shared by
 * the throughput and baseline sections.
 */
import type { ModelHandle } from '../src/model/load.ts';
import { DEFAULT_CHUNK_SIZE } from '../src/engine/plan.ts';
import { emptyMoments, mergeMoments, type Moments } from '../src/stats/moments.ts';
import type { PercentileMethod, Sampling } from '../workers/protocol.ts';
import { createChunkRunner } from '../workers/chunk.ts';
import { timeRepeated } from './table.ts';

export interface HotLoopResult {
  /** Samples per second of the best repetition, and of the median one. */
  readonly best: number;
  readonly median: number;
  readonly samples: number;
  /** Moments and claim counts over the samples of one repetition (for consistency checks). */
  readonly moments: Record<string, Moments>;
  readonly holds: Record<string, number>;
}

export function hotLoop(
  handle: ModelHandle,
  options: { samples: number; repeats: number; method: PercentileMethod; sampling?: Sampling; seed?: string },
): HotLoopResult {
  const { model } = handle;
  const runner = createChunkRunner(model);
  const size = DEFAULT_CHUNK_SIZE;
  const chunks = Math.max(1, Math.round(options.samples / size));
  const sampling = options.sampling ?? 'mc';
  const seed = options.seed ?? 'bench';
  const task = (k: number, s: string) => ({ kind: 'simulate', chunk: k, start: k * size, size, seed: s, sampling, percentileMethod: options.method }) as const;
  // Warm-up: let V8 optimise the fills, the kernel and the per-chunk statistics.
  for (let k = 0; k < 8; k++) runner.simulate(task(k, 'warm-up'));
  const timed = timeRepeated(options.repeats, () => {
    const moments = model.outputs.map(() => emptyMoments());
    const holds = model.claims.map(() => 0);
    for (let k = 0; k < chunks; k++) {
      const r = runner.simulate(task(k, seed));
      for (let j = 0; j < moments.length; j++) moments[j] = mergeMoments(moments[j], r.moments[j]);
      for (let j = 0; j < holds.length; j++) holds[j] += r.holds[j];
    }
    return { moments, holds };
  });
  const samples = chunks * size;
  return {
    best: samples / timed.best,
    median: samples / timed.median,
    samples,
    moments: Object.fromEntries(model.outputs.map((o, j) => [o.name, timed.value.moments[j]])),
    holds: Object.fromEntries(model.claims.map((c, j) => [c.name, timed.value.holds[j]])),
  };
}
