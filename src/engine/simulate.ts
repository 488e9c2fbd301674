/**
 * A Monte Carlo run, in stages:
 * 1. plan: fixed-size chunks, each seeded from (seed, chunk index) only;
 * 2. run: the chunks go through a runner (worker threads or in-process) — the hot loop;
 * 3. aggregate: partial results merged in chunk order into summary statistics.
 */
import type { ModelHandle } from '../model/load.ts';
import type { Summary, Distributions } from '../results/types.ts';
import type { Sampling, SimulateResult, SimulateTask } from '../../workers/protocol.ts';
import { createAggregator } from './aggregate.ts';
import { DEFAULT_CHUNK_SIZE, planChunks } from './plan.ts';
import { createRunner } from './runner.ts';
import { ENGINE_VERSION } from '../version.ts';

export const DEFAULT_PERCENTILES: readonly number[] = [1, 5, 10, 25, 50, 75, 90, 95, 99];

export interface SimulateOptions {
  readonly samples: number;
  readonly seed: string;
  /** Worker threads; 0 runs in-process (identical results). */
  readonly workers: number;
  readonly sampling?: Sampling;
  readonly percentiles?: readonly number[];
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface Simulation {
  readonly summary: Summary;
  readonly distributions: Distributions;
  readonly chunkSize: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

export async function simulate(handle: ModelHandle, options: SimulateOptions): Promise<Simulation> {
  const startedAt = new Date();
  const { model } = handle;
  const sampling = options.sampling ?? 'mc';
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  const chunks = planChunks(options.samples, chunkSize);
  const aggregator = createAggregator(model, chunks);
  const tasks: SimulateTask[] = chunks.map((c) => ({ kind: 'simulate', chunk: c.index, size: c.size, seed: options.seed, sampling }));

  const runner = await createRunner(handle, Math.min(options.workers, chunks.length));
  try {
    await runner.run(
      tasks,
      (result) => {
        aggregator.add(result as SimulateResult);
        options.onProgress?.(aggregator.received, options.samples);
      },
      options.signal,
    );
  } finally {
    await runner.close();
  }

  const { outputs, claims, distributions } = aggregator.finish(percentiles);
  return {
    summary: {
      model: model.name,
      title: model.title,
      samples: options.samples,
      seed: options.seed,
      workers: options.workers,
      sampling,
      engineVersion: ENGINE_VERSION,
      percentileMethod: 'exact',
      outputs,
      claims,
    },
    distributions: { model: model.name, outputs: distributions },
    chunkSize,
    startedAt,
    finishedAt: new Date(),
  };
}
