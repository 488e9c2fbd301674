/**
 * Section `throughput`: plain Monte Carlo samples per second on edunov-2023, the 10-parameter
 * and the 30-parameter benchmark models.
 *
 * - hot loop: one thread, chunk after chunk, what a worker does (see `engine-loop.ts`), with
 *   both per-chunk percentile paths: `exact` (values copied out, runs up to 10^7 samples) and
 *   `ddsketch` (one sketch per output and chunk, larger runs);
 * - full `simulate()` with 1 and 2 workers, with exact percentiles (what a run of up to 10^7
 *   samples uses) and with the DDSketch (larger runs; forced here at the same size). Wall time
 *   is split, from the onProgress callbacks, into start-up (spawn, tsx, model load, first
 *   chunk), the sampling phase (first to last chunk received; its rate is the steady-state
 *   throughput) and the serial tail (final percentiles, histograms, convergence series,
 *   closing the workers).
 */
import { fileURLToPath } from 'node:url';
import { loadModel, type ModelHandle } from '../src/model/load.ts';
import { simulate } from '../src/engine/simulate.ts';
import { DEFAULT_CHUNK_SIZE } from '../src/engine/plan.ts';
import type { PercentileMethod } from '../workers/protocol.ts';
import { hotLoop } from './engine-loop.ts';
import { count, envNumber, note, percent, printTable, rate, ratio, seconds } from './table.ts';

export const BENCH_MODELS: readonly string[] = [
  'edunov-2023',
  fileURLToPath(new URL('./models/ten-params.ts', import.meta.url)),
  fileURLToPath(new URL('./models/thirty-params.ts', import.meta.url)),
];

interface FullRun {
  readonly wall: number;
  readonly startup: number;
  readonly sampling: number;
  readonly tail: number;
  readonly samplingRate: number;
  readonly method: string;
}

export async function fullRun(handle: ModelHandle, workers: number, samples: number, method: 'auto' | PercentileMethod = 'auto', seed = 'bench'): Promise<FullRun> {
  let first = 0;
  let last = 0;
  const t0 = performance.now();
  const run = await simulate(handle, {
    samples,
    seed,
    workers,
    percentileMethod: method,
    onProgress: (done) => {
      const now = performance.now();
      if (first === 0) first = now;
      if (done >= samples) last = now;
    },
  });
  const end = performance.now();
  const firstChunk = Math.min(DEFAULT_CHUNK_SIZE, samples);
  return {
    wall: (end - t0) / 1000,
    startup: (first - t0) / 1000,
    sampling: (last - first) / 1000,
    tail: (end - last) / 1000,
    samplingRate: last > first ? (samples - firstChunk) / ((last - first) / 1000) : NaN,
    method: run.summary.percentileMethod,
  };
}

export async function throughputSection(): Promise<void> {
  const samples = envNumber('BENCH_SAMPLES', 10_000_000);
  const hotSamples = envNumber('BENCH_HOT_SAMPLES', 5_000_000);
  const repeats = envNumber('BENCH_REPEATS', 3);
  const runRepeats = envNumber('BENCH_RUN_REPEATS', 1);
  const methods: PercentileMethod[] = ['exact', 'ddsketch'];
  const hotRows: string[][] = [];
  const runRows: string[][] = [];
  const speedRows: string[][] = [];
  for (const ref of BENCH_MODELS) {
    const handle = await loadModel(ref);
    const { model } = handle;
    const k = model.parameters.filter((p) => !p.dist.isConstant).length;
    note(`throughput: ${model.name}, hot loop`);
    const hot = {
      exact: hotLoop(handle, { samples: hotSamples, repeats, method: 'exact' }),
      ddsketch: hotLoop(handle, { samples: hotSamples, repeats, method: 'ddsketch' }),
    };
    hotRows.push([model.name, String(k), String(model.outputs.length), rate(hot.exact.best), rate(hot.exact.median), rate(hot.ddsketch.best), rate(hot.ddsketch.median)]);

    const speed: string[] = [model.name];
    for (const method of methods) {
      const runs: Record<number, FullRun> = {};
      for (const workers of [1, 2]) {
        note(`throughput: ${model.name}, simulate() with ${workers} worker${workers > 1 ? 's' : ''}, ${method} percentiles`);
        let best: FullRun | undefined;
        for (let r = 0; r < runRepeats; r++) {
          const run = await fullRun(handle, workers, samples, method);
          if (!best || run.wall < best.wall) best = run;
        }
        const b = best!;
        runs[workers] = b;
        runRows.push([
          model.name,
          b.method,
          String(workers),
          seconds(b.wall),
          rate(samples / b.wall),
          seconds(b.startup),
          rate(b.samplingRate),
          rate(b.samplingRate / workers),
          `${seconds(b.tail)} (${percent(b.tail / b.wall)})`,
        ]);
      }
      speed.push(
        ratio(runs[1].wall / runs[2].wall),
        ratio(runs[2].samplingRate / runs[1].samplingRate),
        percent(runs[2].samplingRate / (2 * hot[method].best)),
      );
    }
    speedRows.push(speed);
  }

  printTable(
    'Hot loop per worker (one thread, chunk after chunk, plain Monte Carlo)',
    [{ title: 'model', align: 'left' }, 'uncertain params', 'outputs', 'exact: best', 'exact: median', 'ddsketch: best', 'ddsketch: median'],
    hotRows,
    [
      `${count(Math.round(hotSamples / DEFAULT_CHUNK_SIZE) * DEFAULT_CHUNK_SIZE)} samples per repetition in chunks of ${count(DEFAULT_CHUNK_SIZE)}, best and median of ${repeats} repetitions.`,
      '`exact`: each chunk copies its outputs out for exact percentiles (what runs up to 10^7 samples do); `ddsketch`: each chunk builds one DDSketch per output instead (larger runs).',
    ],
  );
  printTable(
    `Full simulate() runs, ${count(samples)} samples, plain Monte Carlo`,
    [{ title: 'model', align: 'left' }, { title: 'percentiles', align: 'left' }, 'workers', 'wall', 'full-run rate', 'start-up', 'sampling-phase rate', 'per worker', 'serial tail (share of wall)'],
    runRows,
    [
      `percentiles: \`exact\` is what \`run\` uses up to 10^7 samples (every value kept), \`ddsketch\` what it uses above (forced here at the same size for comparison).`,
      'start-up: from the call to the first chunk received (spawning workers, registering tsx, loading the model, the first chunk).',
      'sampling phase: first to last chunk received; its rate counts the samples received in it. The main thread aggregates chunks in order meanwhile.',
      'serial tail: after the last chunk, final percentiles, histograms and convergence series on the main thread, and closing the workers.',
      runRepeats > 1 ? `best of ${runRepeats} runs by wall time.` : 'one run each (BENCH_RUN_REPEATS=N for best of N).',
    ],
  );
  printTable(
    'Speed-up, 2 workers vs 1',
    [{ title: 'model', align: 'left' }, 'exact: full run', 'exact: sampling phase', 'exact: efficiency', 'ddsketch: full run', 'ddsketch: sampling phase', 'ddsketch: efficiency'],
    speedRows,
    ['efficiency: the 2-worker sampling-phase rate ÷ twice the hot loop of the same path (1 = two ideal workers).'],
  );
}
