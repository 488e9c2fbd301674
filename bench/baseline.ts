/**
 * Section `baseline`: the engine's per-worker hot loop on edunov-2023 side by side with a plain,
 * dependency-free, single-threaded JavaScript loop of the same model (`baseline-edunov.ts`).
 * Repetitions alternate (baseline, engine exact, engine ddsketch, baseline, …) so that load from
 * other processes hits all three alike; the best repetition of each is compared.
 * Then checks that the two produce the same distributions: means within a few standard errors,
 * claim probabilities within a few standard errors of their difference.
 */
import { loadModel } from '../src/model/load.ts';
import { variance, type Moments } from '../src/stats/moments.ts';
import { BASELINE_CLAIMS, BASELINE_OUTPUTS, runBaselineEdunov, type BaselineOutput } from './baseline-edunov.ts';
import { hotLoop, type HotLoopResult } from './engine-loop.ts';
import { count, envNumber, note, percent, printTable, rate } from './table.ts';

/** |z| above this flags an inconsistency (a 4σ event has probability 6e-5). */
const Z_LIMIT = 4;
/** Issue 6: the engine's per-worker throughput should be at least 70% of the plain loop's. */
const TARGET = 0.7;

export async function baselineSection(): Promise<void> {
  const samples = envNumber('BENCH_HOT_SAMPLES', 5_000_000);
  const repeats = envNumber('BENCH_REPEATS', 3);
  const handle = await loadModel('edunov-2023');
  runBaselineEdunov(4 * 65_536, { seed: 1 }); // warm-up: let V8 optimise the loop before timing

  const base: number[] = [];
  const exact: HotLoopResult[] = [];
  const sketch: HotLoopResult[] = [];
  let stats: Record<BaselineOutput, Moments> | undefined;
  let baseHolds: Record<string, number> = {};
  for (let r = 0; r < repeats; r++) {
    note(`baseline: round ${r + 1} of ${repeats}`);
    const acc = Object.fromEntries(BASELINE_OUTPUTS.map((o) => [o, { count: 0, sum: 0, sumSq: 0 }])) as Record<BaselineOutput, { count: number; sum: number; sumSq: number }>;
    const run = runBaselineEdunov(samples, {
      onBlock: (outs, n) => {
        for (const name of BASELINE_OUTPUTS) {
          const a = acc[name];
          const v = outs[name];
          for (let i = 0; i < n; i++) {
            a.sum += v[i];
            a.sumSq += v[i] * v[i];
          }
          a.count += n;
        }
      },
    });
    base.push(run.samples / run.seconds);
    baseHolds = run.holds;
    stats = Object.fromEntries(BASELINE_OUTPUTS.map((o) => {
      const a = acc[o];
      const mean = a.sum / a.count;
      return [o, { count: a.count, mean, m2: Math.max(0, a.sumSq - a.count * mean * mean), min: NaN, max: NaN }];
    })) as Record<BaselineOutput, Moments>;
    exact.push(hotLoop(handle, { samples, repeats: 1, method: 'exact' }));
    sketch.push(hotLoop(handle, { samples, repeats: 1, method: 'ddsketch' }));
  }
  const best = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const baseBest = best(base);
  const rows = [
    ['plain JS loop (bench/baseline-edunov.ts)', rate(baseBest), rate(median(base)), '100%', ''],
    ...([['engine hot loop, exact path', exact], ['engine hot loop, ddsketch path', sketch]] as const).map(([label, runs]) => {
      const b = best(runs.map((x) => x.best));
      return [label, rate(b), rate(median(runs.map((x) => x.best))), percent(b / baseBest), b / baseBest >= TARGET ? 'yes' : 'no'];
    }),
  ];
  printTable(
    'edunov-2023: engine per worker vs a plain single-threaded JavaScript loop',
    [{ title: 'implementation', align: 'left' }, 'best', 'median', 'of baseline', `≥ ${percent(TARGET)}?`],
    rows,
    [
      `${count(samples)} samples per repetition, ${repeats} alternating repetitions; best and median samples per second.`,
      'Both store all 11 outputs in typed arrays and count the 3 claims. The engine also computes per-chunk moments and copies the values out (exact) or sketches them (ddsketch); the plain loop does neither.',
    ],
  );

  // Consistency: the last repetitions of both, same sample counts up to chunk rounding.
  const engine = exact[exact.length - 1];
  const check: string[][] = [];
  let worst = 0;
  for (const name of ['annual_twh', 'reactors', 'plants', 'tokens_per_person_day', 'j_per_token_fleet', 'fleet_to_claim_token_ratio'] as const) {
    const b = stats![name];
    const e = engine.moments[name];
    const sb = Math.sqrt(variance(b));
    const se = Math.sqrt(variance(e));
    const z = (b.mean - e.mean) / Math.sqrt((sb * sb) / b.count + (se * se) / e.count);
    worst = Math.max(worst, Math.abs(z));
    check.push([`mean ${name}`, fmt(b.mean), fmt(e.mean), `sd ${fmt(sb)} / ${fmt(se)}`, z.toFixed(2)]);
  }
  for (const name of BASELINE_CLAIMS) {
    const nb = samples;
    const ne = engine.samples;
    const pb = baseHolds[name] / nb;
    const pe = engine.holds[name] / ne;
    const z = (pb - pe) / Math.sqrt((pb * (1 - pb)) / nb + (pe * (1 - pe)) / ne);
    worst = Math.max(worst, Math.abs(z));
    check.push([`P(${name})`, pb.toFixed(5), pe.toFixed(5), '', Number.isFinite(z) ? z.toFixed(2) : 'n/a']);
  }
  printTable(
    'Statistical consistency: plain loop vs engine (edunov-2023)',
    [{ title: 'quantity', align: 'left' }, 'plain loop', 'engine', 'sd (loop / engine)', 'z'],
    check,
    [
      `z = difference ÷ its standard error (independent samples, ${count(samples)} vs ${count(engine.samples)}); |z| < ${Z_LIMIT} everywhere: ${worst < Z_LIMIT ? 'consistent' : 'NOT consistent'} (largest |z| = ${worst.toFixed(2)}).`,
    ],
  );
}

function fmt(x: number): string {
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(4) : x.toPrecision(6);
}
