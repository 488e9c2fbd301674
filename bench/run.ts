/**
 * `npm run bench`: throughput of the engine on this machine, printed as a Markdown table
 * that the README quotes.
 *
 * - hot loop: one thread running chunk after chunk exactly as a worker does (sampling,
 *   compute, compaction, moments), without messaging: the per-worker ceiling;
 * - run: the whole `simulate()` (worker start-up, transfers, aggregation, exact percentiles)
 *   with 1 worker and with one per core.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadModel, type ModelHandle } from '../src/model/load.ts';
import { simulate } from '../src/engine/simulate.ts';
import { createChunkRunner } from '../workers/chunk.ts';
import { DEFAULT_CHUNK_SIZE } from '../src/engine/plan.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10_000_000);
const cores = availableParallelism();
const models = ['edunov-2023', fileURLToPath(new URL('./models/ten-params.ts', import.meta.url))];

function hotLoop(handle: ModelHandle, samples: number): number {
  const runner = createChunkRunner(handle.model);
  const chunks = Math.ceil(samples / DEFAULT_CHUNK_SIZE);
  for (let k = 0; k < 8; k++) runner.simulate({ kind: 'simulate', chunk: k, start: k * DEFAULT_CHUNK_SIZE, size: DEFAULT_CHUNK_SIZE, seed: 'warm-up', sampling: 'mc', percentileMethod: 'exact' });
  const t0 = performance.now();
  for (let k = 0; k < chunks; k++) runner.simulate({ kind: 'simulate', chunk: k, start: k * DEFAULT_CHUNK_SIZE, size: DEFAULT_CHUNK_SIZE, seed: 'bench', sampling: 'mc', percentileMethod: 'exact' });
  return (chunks * DEFAULT_CHUNK_SIZE) / ((performance.now() - t0) / 1000);
}

async function fullRun(handle: ModelHandle, workers: number, samples: number): Promise<{ rate: number; seconds: number }> {
  const t0 = performance.now();
  await simulate(handle, { samples, seed: 'bench', workers });
  const seconds = (performance.now() - t0) / 1000;
  return { rate: samples / seconds, seconds };
}

const m = (rate: number) => `${(rate / 1e6).toFixed(2)} M/s`;
const rows: string[][] = [];
for (const ref of models) {
  const handle = await loadModel(ref);
  const k = handle.model.parameters.filter((p) => !p.dist.isConstant).length;
  process.stderr.write(`benchmarking ${handle.model.name} …\n`);
  const hot = hotLoop(handle, SAMPLES);
  const one = await fullRun(handle, 1, SAMPLES);
  const all = await fullRun(handle, cores, SAMPLES);
  rows.push([
    `${handle.model.name} (${k} uncertain)`,
    m(hot),
    `${m(one.rate)} (${one.seconds.toFixed(2)} s)`,
    `${m(all.rate)} (${all.seconds.toFixed(2)} s)`,
    `${(all.rate / one.rate).toFixed(2)}×`,
  ]);
}

console.log(`\n${SAMPLES.toLocaleString('en-US')} samples per run, plain Monte Carlo, ${cores} cores, Node ${process.versions.node}\n`);
console.log(`| model | hot loop, 1 thread | run, 1 worker | run, ${cores} workers | speed-up |`);
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
