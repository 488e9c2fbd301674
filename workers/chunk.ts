/**
 * What a worker does with one chunk, as pure functions of (model, task): testable without
 * threads, and the in-process runner calls exactly this code.
 *
 * Per chunk: draw each parameter's column (plain Monte Carlo through `dist.fill`, or a Latin
 * hypercube through `dist.quantile`), impose rank correlations if the model has any, run the
 * generated kernel, and return compact per-output arrays (an exact run's values, or their counts
 * per key digit when nobody keeps them; a refine task runs the chunk again and returns only the
 * values or counts of the cells asked: `refine.ts`).
 */
import { InputError, ModelError } from '../src/errors.ts';
import { SobolSequence } from '../src/sampling/sobol.ts';
import { createChunkStream } from '../src/engine/plan.ts';
import { momentsFromSums } from '../src/stats/moments.ts';
import { createSketch, type SketchTransfer } from '../src/stats/sketch/ddsketch.ts';
import { fillLatinHypercube } from '../src/sampling/lhs.ts';
import { imposeRankCorrelation } from '../src/sampling/iman-conover.ts';
import { correlationTarget } from '../src/sampling/correlation-matrix.ts';
import type { ResolvedModel, ResolvedParameter } from '../src/model/types.ts';
import { buildEvaluateKernel, buildSimulateKernel, STATS, type KernelCache, type KernelFailure } from './kernel.ts';
import type { EvaluateResult, EvaluateTask, RefineResult, RefineTask, SelectResult, SelectTask, SimulateResult, SimulateTask, Task, TaskResult } from './protocol.ts';
import { selectOne } from '../src/engine/select.ts';
import { DigitTable } from '../src/stats/digit-table.ts';
import { refineValues } from './refine.ts';
import { claimMessage, isThenable, outputMessage, resultMessage, showSample } from '../src/model/values.ts';

export interface ChunkRunner {
  simulate(task: SimulateTask): SimulateResult;
  evaluate(task: EvaluateTask): EvaluateResult;
  select(task: SelectTask): SelectResult;
  /** The chunk again, returning only what lies in the wanted cells (`refine.ts`). */
  refine(task: RefineTask): RefineResult;
  /** Any task, by its kind. */
  run(task: Task): TaskResult;
}

/**
 * `kernels`: kernels kept across models that differ only in their distributions; `scratch`: the
 * scratch buffers of the thread's runners (both for `serve`'s warm threads, a runner per set of overrides).
 */
export function createChunkRunner(model: ResolvedModel, kernels?: KernelCache, scratch?: ScratchBuffers): ChunkRunner {
  const varying = model.parameters.filter((p) => !p.dist.isConstant);
  const target = correlationTarget(model.correlations, model.parameters.map((p) => p.name), (name) =>
    model.parameters.some((p) => p.name === name && p.dist.isConstant),
  );
  const correlated = target ? target.names.map((name) => varying.findIndex((p) => p.name === name)) : [];
  const simulateKernel = buildSimulateKernel(model, kernels);
  // One random stream, reseeded per chunk: the fill loops keep calling the same function (see plan.ts).
  const stream = createChunkStream();
  const evaluateKernel = buildEvaluateKernel(model, kernels);
  const m = model.outputs.length;
  const finite = new Int32Array(m);
  const nonFinite = new Int32Array(m);
  const holds = new Int32Array(model.claims.length);
  const stats = new Float64Array(STATS * m);
  // Scratch buffers grow to the largest chunk seen and are then reused chunk after chunk.
  let capacity = 0;
  let cols: Float64Array[] = [];
  let outs: Float64Array[] = [];
  let perm = new Int32Array(0);
  const ensure = (n: number) => {
    if (n <= capacity) return;
    capacity = n;
    cols = scratch ? scratch.doubles('cols', varying.length, n) : varying.map(() => new Float64Array(n));
    outs = scratch ? scratch.doubles('outs', model.outputs.length, n) : model.outputs.map(() => new Float64Array(n));
    perm = scratch ? scratch.ints(n) : new Int32Array(n);
  };

  // One scrambled Sobol sequence per run (keyed by seed), shared by all chunks: chunk k reads points start..start+n.
  let sobol: { seed: string; sequence: SobolSequence; point: Float64Array } | undefined;
  const fillSobol = (task: SimulateTask | RefineTask, n: number) => {
    const k = varying.length;
    if (task.start + n > 2 ** 32 - 1) throw new InputError('--samples', task.start + n, 'at most 2^32 − 1 samples with --sampling sobol');
    if (!sobol || sobol.seed !== task.seed) {
      sobol = { seed: task.seed, sequence: new SobolSequence(Math.max(k, 1), { scramble: { seed: task.seed } }), point: new Float64Array(Math.max(k, 1)) };
    }
    const { sequence, point } = sobol;
    sequence.seek(task.start);
    for (let i = 0; i < n; i++) {
      sequence.next(point, 0, true);
      for (let j = 0; j < k; j++) cols[j][i] = varying[j].dist.quantile(point[j]);
    }
  };

  // One sketch per output, cleared and refilled chunk after chunk; its trimmed copy is what travels.
  const sketches = model.outputs.map(() => createSketch());
  const sketchOf = (j: number, values: Float64Array, n: number): SketchTransfer => {
    const sketch = sketches[j];
    sketch.clear();
    sketch.addAll(values, n);
    return sketch.toTransfer();
  };

  // A first-digit count table, cleared and refilled per output: what an exact chunk returns when nobody keeps values.
  const digitTable = new DigitTable();
  const digitsOf = (values: Float64Array, n: number): Uint8Array => {
    digitTable.clear();
    digitTable.addValues(values, n);
    return digitTable.pack();
  };

  /** The chunk's parameter columns, drawn as its seed and index say (then correlated if the model asks). */
  const draw = (task: SimulateTask | RefineTask, n: number) => {
    ensure(n);
    stream.reset(task.seed, task.chunk);
    const random = stream.random;
    if (task.sampling === 'sobol') fillSobol(task, n);
    else {
      for (let j = 0; j < varying.length; j++) {
        if (task.sampling === 'lhs') fillLatinHypercube(varying[j].dist, random, cols[j], perm, n);
        else varying[j].dist.fill(random, cols[j], 0, n);
      }
    }
    if (target) imposeRankCorrelation(correlated.map((j) => cols[j]), n, target, random);
  };

  const runner: ChunkRunner = {
    run(task) {
      switch (task.kind) {
        case 'simulate':
          return runner.simulate(task);
        case 'evaluate':
          return runner.evaluate(task);
        case 'refine':
          return runner.refine(task);
        default:
          return runner.select(task);
      }
    },

    refine(task) {
      const n = task.size;
      draw(task, n);
      check(simulateKernel(n, cols, outs, finite, nonFinite, holds, stats), model, varying, cols);
      const parts = outs.map((o, j) => refineValues(o, finite[j], task.cells[j], task.chunk));
      return { kind: 'refine', chunk: task.chunk, values: parts.map((p) => p.values), counts: parts.map((p) => p.counts) };
    },

    select(task) {
      const { x, prefixX, counts } = selectOne(task);
      return { kind: 'select', id: task.id, x, ...(prefixX ? { prefixX } : {}), ...(counts ? { counts } : {}) };
    },

    simulate(task) {
      const n = task.size;
      draw(task, n);
      // Exact percentiles keep every value: the kernel writes straight into the run's shared buffers
      // (or into fresh arrays that are transferred, not copied). A sketch, or the first-digit counts
      // of an exact run whose values nobody keeps, is built from scratch arrays.
      const exact = task.percentileMethod === 'exact';
      const into = !exact || task.digits
        ? outs
        : task.shared
          ? task.shared.map((sab) => new Float64Array(sab, 8 * task.start, n))
          : model.outputs.map(() => new Float64Array(n));
      check(simulateKernel(n, cols, into, finite, nonFinite, holds, stats), model, varying, cols);
      checkFirstChunk(model, task, finite);
      const moments = into.map((o, j) => momentsFromSums(finite[j], stats, STATS * j, o)); // o: the values, rescanned only if the sums overflowed
      const kept = !exact
        ? { sketches: into.map((o, j) => sketchOf(j, o, finite[j])) }
        : task.digits
          ? { digits: into.map((o, j) => digitsOf(o, finite[j])) }
          : task.shared
            ? {}
            : { values: into.map((o, j) => o.subarray(0, finite[j])) };
      return {
        kind: 'simulate',
        chunk: task.chunk,
        start: task.start,
        size: n,
        finite: Array.from(finite),
        ...kept,
        moments,
        nonFinite: Array.from(nonFinite),
        holds: Array.from(holds),
      };
    },

    evaluate(task) {
      const n = task.rows;
      const k = varying.length;
      if (task.unit.length !== n * k) {
        throw new Error(`design chunk ${task.chunk} has ${task.unit.length} values; expected ${n} rows × ${k} parameters`);
      }
      const columns = varying.map(() => new Float64Array(n));
      for (let j = 0; j < k; j++) {
        const dist = varying[j].dist;
        const col = columns[j];
        for (let i = 0; i < n; i++) col[i] = dist.quantile(task.unit[i * k + j]);
      }
      const outputs = model.outputs.map(() => new Float64Array(n));
      const claims = model.claims.map(() => new Uint8Array(n));
      check(evaluateKernel(n, columns, outputs, claims), model, varying, columns);
      return { kind: 'evaluate', chunk: task.chunk, rows: n, outputs, claims };
    },
  };
  return runner;
}

/** Turns a kernel failure into a ModelError that carries the offending sample's parameters. */
function check(failure: KernelFailure | null, model: ResolvedModel, varying: readonly ResolvedParameter[], cols: readonly Float64Array[]): void {
  if (!failure) return;
  const sample: Record<string, number> = Object.fromEntries(
    model.parameters.map((p) => [p.name, p.dist.isConstant ? p.dist.mean : cols[varying.indexOf(p)][failure.index]]),
  );
  const shown = showSample(sample);
  throw new ModelError(failureMessage(model, failure, shown), sample);
}

function failureMessage(model: ResolvedModel, failure: KernelFailure, shown: string): string {
  const outputs = model.outputs.map((o) => o.name);
  switch (failure.kind) {
    case 'threw': {
      const reason = (failure.error instanceof Error ? failure.error.message : String(failure.error)).replace(/\s*\n\s*/g, ' ');
      return `model ${model.name}: ${failure.where} threw "${reason}" for the sample ${shown}`;
    }
    case 'result':
      return resultMessage(model.name, outputs, failure.value, shown);
    case 'output':
      if (isThenable(failure.result) && failure.result instanceof Promise) failure.result.catch(() => {}); // an async compute's rejection must not surface later
      return outputMessage(model.name, failure.output, failure.value, failure.result, shown);
    case 'claim':
      return claimMessage(model.name, failure.claim, failure.value, shown);
  }
}

/**
 * An output that is NaN or ±Infinity at every sample of chunk 0 stops the run: there would be
 * nothing to summarise (and with fewer samples than a chunk, that is the whole run). Chunk 0's
 * samples depend on the seed only, so the verdict is the same for any number of workers.
 */
function checkFirstChunk(model: ResolvedModel, task: SimulateTask, finite: Int32Array): void {
  if (task.chunk !== 0) return;
  model.outputs.forEach((o, j) => {
    if (finite[j] > 0) return;
    throw new ModelError(
      `model ${model.name}: output ${o.name} is NaN or ±Infinity at every one of the first ${task.size.toLocaleString('en-US')} samples, so it has no distribution to summarise; check how compute calculates ${o.name}`,
    );
  });
}

/**
 * Scratch buffers shared by the chunk runners of one thread. `serve`'s warm threads make a runner
 * per set of overrides; with buffers of their own, each new runner wrote ~8 MB of fresh memory
 * per thread (edunov-2023: 16 columns of 65,536 samples), and the page faults of those first
 * writes made a new override's 10^5-sample run 70–115 ms slower than a seen one's (median of 20,
 * 2-core development machine at load 4–5; alike with shared buffers). Sharing is sound because a thread runs one task at a time and a chunk writes every
 * scratch value it reads before reading it; the arrays of one use (`cols`, `outs`) never alias
 * another's, and may be longer than a chunk, as a runner's own are after a larger chunk.
 */
export class ScratchBuffers {
  private readonly pools = new Map<'cols' | 'outs', Float64Array[]>();
  private perm: Int32Array<ArrayBuffer> = new Int32Array(0);

  /** `count` arrays of at least `n` doubles for this use, the ones handed out before when long enough. */
  doubles(use: 'cols' | 'outs', count: number, n: number): Float64Array[] {
    const pool = this.pools.get(use) ?? [];
    this.pools.set(use, pool);
    for (let i = 0; i < count; i++) if (pool[i] === undefined || pool[i].length < n) pool[i] = new Float64Array(n);
    return pool.slice(0, count);
  }

  ints(n: number): Int32Array<ArrayBuffer> {
    if (this.perm.length < n) this.perm = new Int32Array(n);
    return this.perm;
  }
}
