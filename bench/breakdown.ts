/**
 * Section `breakdown`: where one worker's time goes, per phase of the chunk loop of
 * `workers/chunk.ts`, re-run phase by phase with the same building blocks (one random stream
 * reseeded per chunk, each parameter's `fill`, the generated kernel with its fused moment sums, then
 * either the copy-out of the exact path or the per-output DDSketch). Nanoseconds per sample; the phases add
 * up to about the hot loop's time per sample. Models with rank correlations are skipped (the
 * Iman–Conover step is not timed here).
 */
import { loadModel } from '../src/model/load.ts';
import { DEFAULT_CHUNK_SIZE, createChunkStream } from '../src/engine/plan.ts';
import { momentsFromSums } from '../src/stats/moments.ts';
import { createAggregator } from '../src/engine/aggregate.ts';
import { DEFAULT_PERCENTILES } from '../src/engine/simulate.ts';
import type { PercentileMethod } from '../workers/protocol.ts';
import { createChunkRunner } from '../workers/chunk.ts';
import { createSketch } from '../src/stats/sketch/ddsketch.ts';
import { buildSimulateKernel, STATS } from '../workers/kernel.ts';
import { BENCH_MODELS } from './throughput.ts';
import { count, envNumber, note, percent, printTable, seconds } from './table.ts';

export async function breakdownSection(): Promise<void> {
  const chunks = Math.max(4, Math.round(envNumber('BENCH_HOT_SAMPLES', 5_000_000) / DEFAULT_CHUNK_SIZE / 2));
  const n = DEFAULT_CHUNK_SIZE;
  const rows: string[][] = [];
  const mainRows: string[][] = [];
  const aggChunks = Math.max(2, Math.round(envNumber('BENCH_AGG_SAMPLES', 5_000_000) / DEFAULT_CHUNK_SIZE));
  for (const ref of BENCH_MODELS) {
    const { model } = await loadModel(ref);
    if (model.correlations.length > 0) continue;
    note(`breakdown: ${model.name}`);
    const varying = model.parameters.filter((p) => !p.dist.isConstant);
    const cols = varying.map(() => new Float64Array(n));
    const outs = model.outputs.map(() => new Float64Array(n));
    const finite = new Int32Array(model.outputs.length);
    const nonFinite = new Int32Array(model.outputs.length);
    const holds = new Int32Array(model.claims.length);
    const stats = new Float64Array(STATS * model.outputs.length);
    const kernel = buildSimulateKernel(model);
    const stream = createChunkStream();
    const byKind = new Map<string, number>();
    const t = { stream: 0, kernel: 0, copy: 0, sketch: 0 };
    const pass = (timed: boolean) => {
      for (let k = 0; k < chunks; k++) {
        let t0 = performance.now();
        stream.reset('breakdown', k);
        const random = stream.random;
        let t1 = performance.now();
        if (timed) t.stream += t1 - t0;
        for (let j = 0; j < varying.length; j++) {
          t0 = t1;
          varying[j].dist.fill(random, cols[j], 0, n);
          t1 = performance.now();
          if (timed) byKind.set(varying[j].dist.kind, (byKind.get(varying[j].dist.kind) ?? 0) + t1 - t0);
        }
        kernel(n, cols, outs, finite, nonFinite, holds, stats);
        for (let j = 0; j < outs.length; j++) momentsFromSums(finite[j], stats, STATS * j);
        t0 = performance.now();
        if (timed) t.kernel += t0 - t1;
        t1 = t0;
        for (let j = 0; j < outs.length; j++) outs[j].slice(0, finite[j]);
        t0 = performance.now();
        if (timed) t.copy += t0 - t1;
        for (let j = 0; j < outs.length; j++) {
          const s = createSketch();
          s.addAll(outs[j], finite[j]);
          s.toTransfer();
        }
        t1 = performance.now();
        if (timed) t.sketch += t1 - t0;
      }
    };
    pass(false);
    pass(true);
    const ns = (ms: number) => (ms * 1e6) / (chunks * n);
    const fills = [...byKind.values()].reduce((a, b) => a + b, 0);
    const exactTotal = t.stream + fills + t.kernel + t.copy;
    const sketchTotal = exactTotal - t.copy + t.sketch;
    const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `${kind} ${ns(ms).toFixed(0)}`).join(', ');
    rows.push([
      model.name,
      ns(fills).toFixed(0),
      kinds,
      ns(t.kernel).toFixed(0),
      ns(t.copy).toFixed(0),
      ns(t.sketch).toFixed(0),
      `${ns(exactTotal).toFixed(0)} / ${ns(sketchTotal).toFixed(0)}`,
      `${percent(fills / exactTotal)} / ${percent(t.kernel / exactTotal)} / ${percent(t.copy / exactTotal)}`,
    ]);

    note(`breakdown: ${model.name}, main-thread aggregation`);
    const main: string[] = [model.name];
    for (const method of ['exact', 'ddsketch'] as PercentileMethod[]) {
      const runner = createChunkRunner(model);
      const agg = createAggregator(model, method, aggChunks * n);
      let add = 0;
      for (let k = 0; k < aggChunks; k++) {
        const r = runner.simulate({ kind: 'simulate', chunk: k, start: k * n, size: n, seed: 'breakdown', sampling: 'mc', percentileMethod: method });
        const t0 = performance.now();
        agg.add(r);
        add += performance.now() - t0;
      }
      const t0 = performance.now();
      await agg.finish(DEFAULT_PERCENTILES);
      const finish = (performance.now() - t0) / 1000;
      main.push(ns(add * (chunks / aggChunks)).toFixed(0), seconds(finish));
    }
    mainRows.push(main);
  }
  printTable(
    'Where a worker\'s time goes (ns per sample, one thread)',
    [{ title: 'model', align: 'left' }, 'sampling (fill)', { title: 'fill by family', align: 'left' }, 'kernel (compute, claims, moments)', 'exact: copy-out', 'ddsketch: sketches', 'total exact / ddsketch', 'fill / kernel / copy-out (exact)'],
    rows,
    [`${chunks} chunks of ${DEFAULT_CHUNK_SIZE.toLocaleString('en-US')} after one untimed pass; per-chunk reseeding of the random stream is included in the totals (negligible).`],
  );
  printTable(
    `Main thread: aggregating ${count(aggChunks * n)} samples (one thread)`,
    [{ title: 'model', align: 'left' }, 'exact: add, ns/sample', 'exact: finish', 'ddsketch: add, ns/sample', 'ddsketch: finish'],
    mainRows,
    [
      'add: consuming chunk results in order (moments merge; exact values appended to buffers that double when full; sketches merged), including the running convergence checkpoints at 1, 2, 4, … chunks (exact quantiles of everything so far in exact mode).',
      'finish: the final percentiles with their intervals, the quantile grid and the histograms; in exact mode it grows with the sample count (selection over every kept value), in ddsketch mode it does not.',
      'With 1 worker the main thread has a core of its own; with 2 workers on 2 cores it competes with them, so its add cost comes off the workers\' throughput.',
    ],
  );
}
