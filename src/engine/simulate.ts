/**
 * A Monte Carlo run, in stages:
 * 1. plan: fixed-size chunks, each seeded from (seed, chunk index) only;
 * 2. run: the chunks go through a runner (worker threads or in-process) — the hot loop;
 * 3. aggregate: partial results consumed in chunk order into summary statistics.
 *
 * With a precision target the run proceeds in batches and stops at the first checkpoint
 * (after 1, 2, 3, 4, 6, 8, 12, 16, … chunks) where every targeted interval is narrow enough.
 * Checkpoints fall at fixed chunk counts and aggregation is in chunk order, so the same seed
 * and target give the same sample count and the same result.
 *
 * Exact percentiles on other machines (a runner factory that is `remote`: a queue) keep no value
 * here, so this machine's memory does not limit them: chunks return counts per key digit and the
 * selections run the chunks again for the values they need (`remote-select.ts`).
 */
import type { ModelHandle } from '../model/load.ts';
import type { ResolvedModel } from '../model/types.ts';
import type { Summary, Distributions, PrecisionReport } from '../results/types.ts';
import type { RefineResult, RefineTask, SelectResult, SelectTask, SimulateResult, SimulateTask } from '../../workers/protocol.ts';
import type { PercentileMethod, Sampling } from './types.ts';
import { createAggregator, type Aggregate, type Aggregator } from './aggregate.ts';
import { selectOne, shareOut, type SelectRequest, type Selected } from './select.ts';
import { DEFAULT_CHUNK_SIZE, planChunks } from './plan.ts';
import { chunksRunRemotely, createRunner, type Runner } from './runner.ts';
import type { Refiner } from './remote-select.ts';
import { ENGINE_VERSION } from '../version.ts';
import { DEFAULT_ALPHA, SKETCH_METHOD } from '../stats/sketch/ddsketch.ts';
import { exactPercentileShortfall } from './exact-memory.ts';
import { precisionReached } from './precision.ts';
import { InputError, RunError } from '../errors.ts';

export const DEFAULT_PERCENTILES: readonly number[] = [1, 5, 10, 25, 50, 75, 90, 95, 99];
/** Up to this many samples percentiles are exact (every value kept); beyond it, a DDSketch. */
export const EXACT_LIMIT = 10_000_000;

export interface PrecisionTarget {
  /** Relative half-width wanted for each targeted percentile's 95% interval, e.g. 0.005. */
  readonly relative: number;
  /** Which percentiles: by default p95 of every output. */
  readonly targets?: ReadonlyArray<{ readonly output: string; readonly percentile: number }>;
  /** Absolute half-width wanted for every claim's probability (default 0.005; only with the default targets). */
  readonly claimAbsolute?: number;
}

export interface SimulateOptions {
  /** Number of samples; with a precision target, the most samples the run may take. */
  readonly samples: number;
  readonly seed: string;
  /** Worker threads; 0 runs in-process (identical results). */
  readonly workers: number;
  readonly sampling?: Sampling;
  readonly percentiles?: readonly number[];
  readonly chunkSize?: number;
  readonly percentileMethod?: 'auto' | PercentileMethod;
  readonly precision?: PrecisionTarget;
  readonly onProgress?: (done: number, total: number) => void;
  /** With a precision target: each check's report and the samples it saw (the CLI shows the distance to the target). */
  readonly onPrecisionCheck?: (report: PrecisionReport, samples: number) => void;
  /** Exact percentiles on other machines: a pass that runs chunks again for the values the selections need, `done` of `total` chunks (0 as it starts). */
  readonly onRefinePass?: (done: number, total: number) => void;
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
  const asked = options.percentileMethod ?? 'auto';
  // Exact percentiles keep every value: refused up front when they cannot fit; `auto` falls back to the sketch.
  // Chunks on other machines keep them there.
  const remote = chunksRunRemotely();
  const shortfall = remote ? undefined : exactPercentileShortfall(model.outputs.length, options.samples);
  const samplesFlag = options.precision ? '--max-samples' : '--samples';
  if (asked === 'exact' && shortfall) throw new InputError('--percentile-method', 'exact', `${shortfall}; use --percentile-method ddsketch or fewer ${samplesFlag}`);
  const method = shortfall ? SKETCH_METHOD : resolveMethod(asked, options.samples);
  const notes: string[] = [];
  if (shortfall && resolveMethod(asked, options.samples) === 'exact') notes.push(`percentiles from ${SKETCH_METHOD} rather than exact: ${shortfall}`);
  const chunks = planChunks(options.samples, chunkSize);
  const digits = remote && method === 'exact';
  // A pass runs the chunks again on the runner (the selections come after the run, or at a precision check).
  const refine: Refiner = async ({ cells, from, until }) => {
    const results: RefineResult[] = [];
    const tasks = Array.from({ length: until - from }, (_, i): RefineTask => {
      const c = chunks[from + i];
      return { kind: 'refine', chunk: c.index, start: c.start, size: c.size, seed: options.seed, sampling, cells };
    });
    options.onRefinePass?.(0, tasks.length);
    await runner.run(
      tasks,
      (r) => {
        results.push(r as RefineResult);
        options.onRefinePass?.(results.length, tasks.length);
      },
      options.signal,
    );
    return results;
  };
  const aggregator = allocate(() => createAggregator(model, method, options.samples, digits ? refine : undefined), `exact percentiles of ${model.outputs.length} outputs × ${options.samples} samples`, samplesFlag);
  const shared = aggregator.shared;
  const task = (index: number): SimulateTask => ({
    kind: 'simulate',
    chunk: index,
    start: chunks[index].start,
    size: chunks[index].size,
    seed: options.seed,
    sampling,
    percentileMethod: method,
    ...(shared ? { shared } : {}),
    ...(digits ? { digits: true } : {}),
  });

  // While the main thread first-touches the exact buffers it takes a core: more threads start only for the others.
  const runner = await createRunner(handle, Math.min(options.workers, chunks.length), { mainThreadBusy: () => aggregator.touching });
  let precision: PrecisionReport | undefined;
  let aggregate: Aggregate;
  // Finite values per output so far: the n behind each percentile, for the precision check.
  const finite = model.outputs.map(() => 0);
  try {
    const onResult = (result: unknown) => {
      (result as SimulateResult).finite.forEach((f, j) => (finite[j] += f));
      aggregator.add(result as SimulateResult);
      options.onProgress?.(aggregator.received, options.samples);
    };
    if (!options.precision) {
      await runner.run(chunks.map((c) => task(c.index)), onResult, options.signal);
    } else {
      let done = 0;
      for (const stop of checkpoints(chunks.length)) {
        await runner.run(Array.from({ length: stop - done }, (_, i) => task(done + i)), onResult, options.signal);
        done = stop;
        const check = await precisionReached(model.outputs.map((o) => o.name), model.claims.length, aggregator, options.precision, finite);
        precision = check.report;
        options.onPrecisionCheck?.(precision, aggregator.received);
        if (precision.met || stop === chunks.length) notes.push(...check.notes);
        if (precision.met) break;
      }
    }
    // The workers, idle now, select the exact percentiles of different outputs side by side.
    aggregate = await aggregator.finish(percentiles, (requests) => selectOn(runner, requests, options.signal));
  } finally {
    await runner.close();
  }

  const { outputs, claims, distributions, warnings } = aggregate;
  return {
    summary: {
      model: model.name,
      title: model.title,
      ...(model.scenario !== undefined ? { scenario: model.scenario } : {}),
      ...primaryOf(model),
      samples: aggregator.consumed,
      seed: options.seed,
      workers: options.workers,
      sampling,
      engineVersion: ENGINE_VERSION,
      percentileMethod: method,
      relativeError: method === 'exact' ? 0 : DEFAULT_ALPHA,
      ...(precision ? { precision } : {}),
      outputs,
      claims,
      warnings: [...warnings, ...notes],
    },
    distributions: { model: model.name, outputs: distributions },
    chunkSize,
    startedAt,
    finishedAt: new Date(),
  };
}

/** Runs `make`; a failed allocation (RangeError from a typed array) becomes one line with the figure and what to do. */
function allocate<T>(make: () => T, what: string, samplesFlag: string): T {
  try {
    return make();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new RunError(`${what}: the memory could not be allocated (${err.message}); use --percentile-method ddsketch or fewer ${samplesFlag}`);
  }
}

/** Runs selection requests as runner tasks (in parallel on worker threads) and returns their results in order. */
async function selectOn(runner: Runner, requests: readonly SelectRequest[], signal?: AbortSignal): Promise<Selected[]> {
  const results = new Array<Selected>(requests.length);
  const tasks: SelectTask[] = requests.map((r, id) => ({ kind: 'select', id, values: r.values, n: r.n, ranks: r.ranks, ...(r.prefixes ? { prefixes: r.prefixes } : {}), ...(r.edges ? { edges: r.edges, scale: r.scale ?? 'linear' } : {}) }));
  // Largest first, so that the two workers finish together; the main thread, idle until then, takes a share.
  tasks.sort((a, b) => b.n - a.n || a.id - b.id);
  const { here, there } = shareOut(tasks, runner.workers);
  const running = runner.run(
    there,
    (r) => {
      const { id, x, prefixX, counts } = r as SelectResult;
      results[id] = { x, ...(prefixX ? { prefixX } : {}), ...(counts ? { counts } : {}) };
    },
    signal,
  );
  try {
    for (const task of here) results[task.id] = selectOne(task);
  } catch (err) {
    await running.catch(() => {});
    throw err;
  }
  await running;
  return results;
}

function resolveMethod(method: 'auto' | PercentileMethod, samples: number): PercentileMethod {
  if (method !== 'auto') return method;
  return samples <= EXACT_LIMIT ? 'exact' : SKETCH_METHOD;
}

/** Chunk counts at which a precision run checks its target: 1, 2, 3, 4, 6, 8, 12, 16, 24, …, and the cap. */
export function checkpoints(totalChunks: number): number[] {
  const stops = new Set<number>();
  for (let a = 1; a < totalChunks; a *= 2) {
    stops.add(a);
    if (a >= 2 && a * 1.5 < totalChunks) stops.add(a * 1.5);
  }
  stops.add(totalChunks);
  return [...stops].sort((x, y) => x - y);
}

/** `primaryOutput` of summary.json: the output the model declares its answer, when it declares one. */
function primaryOf(model: ResolvedModel): { primaryOutput?: string } {
  const primary = model.outputs.find((o) => o.primary);
  return primary ? { primaryOutput: primary.name } : {};
}
