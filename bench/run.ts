/**
 * `npm run bench`: the engine's benchmark suite, printed as Markdown tables that the README quotes.
 *
 * Sections (all by default; pick by name, `npm run bench -- peers`, or BENCH_ONLY=throughput,baseline,…):
 * - throughput  — samples/s per worker (hot loop) and of full runs with 1 and 2 workers (`throughput.ts`);
 * - baseline    — the engine vs a plain single-threaded JavaScript loop of edunov-2023 (`baseline.ts`);
 * - breakdown   — where a worker's time goes (sampling, kernel, copy-out or sketches) and the main thread's
 *                 aggregation cost (`breakdown.ts`);
 * - rss         — peak resident memory of whole runs at 1e7, 1e8, 1e9 samples (`rss.ts`);
 * - design-rss  — peak resident memory of a 30-input Sobol' study (`rss.ts`; BENCH_DESIGN_RSS_SIZES);
 * - sampling    — RMSE-of-the-mean slopes of mc, lhs and sobol (`sampling.ts`);
 * - sensitivity — model evaluations per second of the sensitivity methods (`sensitivity.ts`).
 * - peers       — whole processes side by side with the plain JS loop, C, numpy and OpenTURNS on the
 *                 peer model of ../shared/peers, at 10^6–10^8 samples (`peers.ts`, its settings there).
 * - startup     — whole CLI processes against the start-up targets: `models`, 1,000-sample runs, the
 *                 default study (`startup.ts`; BENCH_STARTUP_RUNS rounds, default 10).
 * - reference-drift — how far results/reference moved between two revisions, in standard errors
 *                 (`reference-drift.ts`; BENCH_DRIFT_FROM, BENCH_DRIFT_TO).
 * - kernel-ab   — the hot loop of this checkout against another's, interleaved in one process
 *                 (`kernel-ab.ts`; BENCH_AB_OTHER=<checkout>; skipped without it).
 * - queue       — the Redis queue's overhead: two `worker --workers 1` processes on loopback
 *                 against --workers 2 in one process, and the bytes per 10^8 samples (`queue.ts`).
 * - serve       — the explorer's warm rerun: a `serve` process answering 10^5-sample runs of edunov-2023
 *                 as overrides change (`serve.ts`; BENCH_SERVE_REPEATS, default 20).
 *
 * Settings (environment): BENCH_SAMPLES (full runs, default 1e7), BENCH_HOT_SAMPLES (hot loops,
 * 5e6), BENCH_REPEATS (hot-loop repetitions, 3), BENCH_RUN_REPEATS (full runs, 1),
 * BENCH_RSS_SIZES (1e7,1e8,1e9; a one-chunk "floor" run always comes first), BENCH_AGG_SAMPLES
 * (5e6), BENCH_SAMPLING_SIZES (256,1024,4096,16384), BENCH_SAMPLING_REPLICATES (32),
 * BENCH_SENSITIVITY_SAMPLES (16384). Progress goes to stderr, tables to stdout.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { baselineSection } from './baseline.ts';
import { breakdownSection } from './breakdown.ts';
import { designRssSection, rssSection } from './rss.ts';
import { samplingSection } from './sampling.ts';
import { sensitivitySection } from './sensitivity.ts';
import { throughputSection } from './throughput.ts';
import { peersSection } from './peers.ts';
import { startupSection } from './startup.ts';
import { referenceDriftSection } from './reference-drift.ts';
import { kernelAbSection } from './kernel-ab.ts';
import { queueSection } from './queue.ts';
import { serveSection } from './serve.ts';

const SECTIONS: Record<string, () => Promise<void>> = {
  throughput: throughputSection,
  baseline: baselineSection,
  breakdown: breakdownSection,
  rss: rssSection,
  'design-rss': designRssSection,
  sampling: samplingSection,
  sensitivity: sensitivitySection,
  peers: peersSection,
  startup: startupSection,
  'reference-drift': referenceDriftSection,
  'kernel-ab': kernelAbSection,
  queue: queueSection,
  serve: serveSection,
};

// Sections by name: `npm run bench -- peers` or BENCH_ONLY=peers,rss.
const only = [...process.argv.slice(2), process.env.BENCH_ONLY ?? ''].join(',').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((s) => !(s in SECTIONS));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')} (named on the command line or in BENCH_ONLY); choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const chosen = only.length > 0 ? only : Object.keys(SECTIONS);

const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
console.log('## Benchmark\n');
console.log(`- machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`);
console.log(`- Node ${process.versions.node} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}`);
console.log(`- ${new Date().toISOString()}; load average at start (1, 5, 15 min): ${load()}`);
console.log(`- sections: ${chosen.join(', ')}`);

const t0 = performance.now();
for (const name of chosen) {
  process.stderr.write(`[bench] ${name}\n`);
  await SECTIONS[name]();
}
console.log(`\n_Load average at end (1, 5, 15 min): ${load()}; benchmark took ${((performance.now() - t0) / 1000).toFixed(0)} s._`);
