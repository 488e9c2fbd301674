/**
 * Section `peers` (`npm run bench -- peers`): the peer model of `../shared/peers/` (seven inputs,
 * two outputs, one claim) run end to end as whole processes, side by side in one run, at 10^6,
 * 10^7 and 10^8 samples:
 * - ai-energy-mc, the CLI as a user runs it (`run <peers>/edunov-bench.mjs --quiet --json --out <tmp>`),
 *   1 and 2 workers, exact percentiles (up to 10^7) and the DDSketch;
 * - the plain, dependency-free JavaScript loop (`js/edunov.js`), the yardstick of the ratios;
 * - C, 1 thread and 2 OpenMP threads (`c/edunov.c`, built here with gcc -O3 -march=native into a
 *   temporary folder);
 * - numpy (`numpy/edunov.py`) and OpenTURNS (`openturns/edunov.py`, 1 thread) with /usr/bin/python3.
 *
 * The time is the wall time of the whole process, start-up and exit included, as a user waits
 * for it. A peer that is missing (no gcc, no numpy, no OpenTURNS, no peers folder) is skipped with
 * the reason. Above 10^7, the plain JS loop and ai-energy-mc with the DDSketch always run (the
 * targets compare them); the others only when their 10^7 time says they will take under
 * BENCH_PEERS_BIG_LIMIT seconds (default 40), so the section takes a few minutes.
 *
 * Settings (environment): BENCH_PEERS_DIR (default `../shared/peers` beside the project),
 * BENCH_PEERS_SIZES (1e6,1e7,1e8), BENCH_PEERS_REPEATS (1; with more, the best of them is shown),
 * BENCH_PEERS_BIG_LIMIT (40), BENCH_PEERS_ENGINE (another checkout of ai-energy-mc to time instead,
 * e.g. an older commit, for a before/after table), BENCH_PEERS_SEED (42).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, envNumbers, note, printTable, rate, ratio, seconds, sizeLabel } from './table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';
const EXACT_MAX = 1e7;

interface System {
  readonly name: string;
  /** Why it cannot run here, if it cannot. */
  readonly missing?: string;
  /** The command for n samples; `out` is a fresh temporary folder for the run's files. */
  readonly command?: (n: number, seed: number, out: string) => readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** The largest n it runs at (the exact percentiles of ai-energy-mc stop at 10^7). */
  readonly maxSamples?: number;
  /** Runs above 10^7 whatever its 10^7 time says (the yardstick, and the pair a target compares). */
  readonly always?: boolean;
}

interface Timing {
  readonly wall: number;
  readonly failed?: string;
}

export async function peersSection(): Promise<void> {
  const peers = resolve(process.env.BENCH_PEERS_DIR ?? join(ROOT, '..', 'shared', 'peers'));
  const engine = resolve(process.env.BENCH_PEERS_ENGINE ?? ROOT);
  const sizes = envNumbers('BENCH_PEERS_SIZES', [1e6, 1e7, 1e8]);
  const repeats = Math.round(envNumber('BENCH_PEERS_REPEATS', 1));
  const bigLimit = envNumber('BENCH_PEERS_BIG_LIMIT', 40);
  const seed = Math.round(envNumber('BENCH_PEERS_SEED', 42));
  const model = join(peers, 'edunov-bench.mjs');
  if (!existsSync(model)) {
    console.log(`\n### Side by side with the peers\n\nSkipped: no peer folder at ${peers} (the model edunov-bench.mjs is not there); set BENCH_PEERS_DIR.`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ai-energy-mc-peers-'));
  try {
    const unbuilt = buildEngine(engine);
    const systems = [...engineSystems(engine, model, unbuilt), ...peerSystems(peers, scratch)];
    const results = new Map<string, Map<number, Timing>>(systems.map((s) => [s.name, new Map()]));
    for (const n of sizes) {
      for (const system of systems) {
        if (!system.command || (system.maxSamples !== undefined && n > system.maxSamples)) continue;
        const previous = [...results.get(system.name)!.entries()].filter(([m, t]) => m < n && !t.failed).at(-1);
        if (n > 1e7 && !system.always && previous && (previous[1].wall * n) / previous[0] > bigLimit) {
          note(`peers: ${system.name} at ${sizeLabel(n)} skipped (about ${((previous[1].wall * n) / previous[0]).toFixed(0)} s expected, over ${bigLimit} s)`);
          continue;
        }
        const runs: Timing[] = [];
        for (let r = 0; r < repeats; r++) runs.push(timeProcess(system, n, seed + r, scratch));
        const ok = runs.filter((t) => !t.failed);
        results.get(system.name)!.set(n, ok.length > 0 ? { wall: Math.min(...ok.map((t) => t.wall)) } : runs[0]);
      }
    }
    report(systems, results, sizes, repeats, engine);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The engine as a user runs it: compiled first when the checkout has a build step, so that the sources are what is timed. */
function buildEngine(engine: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(engine, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.build) return undefined;
  note(`peers: npm run build in ${engine}`);
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: engine, encoding: 'utf8' });
  return r.status === 0 ? undefined : `its build failed (npm run build: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]})`;
}

function engineSystems(engine: string, model: string, missing: string | undefined): System[] {
  const bin = join(engine, 'bin', 'ai-energy-mc.mjs');
  const run = (workers: number, method: 'exact' | 'ddsketch') => (n: number, seed: number, out: string) => [
    process.execPath, bin, 'run', model, '--samples', String(n), '--seed', String(seed), '--workers', String(workers),
    '--percentile-method', method, '--quiet', '--json', '--out', join(out, 'run'),
  ];
  const systems: System[] = [];
  for (const method of ['exact', 'ddsketch'] as const) {
    for (const workers of [1, 2]) {
      const name = `ai-energy-mc, ${workers} worker${workers > 1 ? 's' : ''}, ${method === 'exact' ? 'exact' : 'DDSketch'}`;
      systems.push(missing ? { name, missing } : { name, command: run(workers, method), ...(method === 'exact' ? { maxSamples: EXACT_MAX } : { always: true }) });
    }
  }
  return systems;
}

function peerSystems(peers: string, scratch: string): System[] {
  const systems: System[] = [{ name: 'plain JS loop, 1 thread', command: (n, seed) => [process.execPath, join(peers, 'js', 'edunov.js'), String(n), String(seed)], always: true }];
  const cSource = join(peers, 'c', 'edunov.c');
  const gcc = (out: string, openmp: boolean): string | undefined => {
    if (!existsSync(cSource)) return `no ${cSource}`;
    const r = spawnSync('gcc', ['-O3', '-march=native', '-std=c99', ...(openmp ? ['-fopenmp'] : []), '-o', out, cSource, '-lm'], { encoding: 'utf8' });
    if (r.error) return `gcc: ${r.error.message}`;
    return r.status === 0 ? undefined : `gcc failed: ${r.stderr.split('\n')[0]}`;
  };
  const c1 = join(scratch, 'edunov_c');
  const c2 = join(scratch, 'edunov_c_omp');
  const c1Missing = gcc(c1, false);
  const c2Missing = gcc(c2, true);
  systems.push(c1Missing ? { name: 'C, 1 thread', missing: c1Missing } : { name: 'C, 1 thread', command: (n, seed) => [c1, String(n), String(seed)] });
  systems.push(c2Missing ? { name: 'C, 2 threads (OpenMP)', missing: c2Missing } : { name: 'C, 2 threads (OpenMP)', command: (n, seed) => [c2, String(n), String(seed)], env: { OMP_NUM_THREADS: '2' } });
  const python = (module: string, script: string, name: string, args: (n: number, seed: number) => string[], maxSamples?: number): System => {
    if (!existsSync(script)) return { name, missing: `no ${script}` };
    const r = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return { name, missing: `${PYTHON} cannot import ${module} (apt-get install python3-${module})` };
    return { name, command: (n, seed) => [PYTHON, script, ...args(n, seed)], ...(maxSamples ? { maxSamples } : {}) };
  };
  systems.push(python('numpy', join(peers, 'numpy', 'edunov.py'), 'numpy', (n, seed) => [String(n), String(seed)]));
  // One thread: with two, TBB's threads fought the machine's other jobs (5 s instead of 2 s at 10^6 under load).
  systems.push(python('openturns', join(peers, 'openturns', 'edunov.py'), 'OpenTURNS, 1 thread', (n, seed) => [String(n), String(seed), '1'], 1e7));
  return systems;
}

/** Wall time of one whole process, from spawn to exit; a non-zero exit is reported, not timed. */
function timeProcess(system: System, n: number, seed: number, scratch: string): Timing {
  const out = mkdtempSync(join(scratch, 'run-'));
  const [cmd, ...args] = system.command!(n, seed, out);
  note(`peers: ${system.name}, ${sizeLabel(n)}`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...system.env }, maxBuffer: 64 * 2 ** 20 });
  const wall = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.error) return { wall, failed: r.error.message };
  if (r.status !== 0) return { wall, failed: `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').at(-1)}` };
  return { wall };
}

function report(systems: readonly System[], results: ReadonlyMap<string, ReadonlyMap<number, Timing>>, sizes: readonly number[], repeats: number, engine: string): void {
  const js = results.get('plain JS loop, 1 thread')!;
  const rows = systems
    .filter((s) => s.command)
    .map((s) => [
      s.name,
      ...sizes.map((n) => {
        const t = results.get(s.name)!.get(n);
        if (!t) return '';
        if (t.failed) return `failed (${t.failed})`;
        const base = js.get(n);
        const vsJs = base && !base.failed ? `, ${ratio(base.wall / t.wall)}` : '';
        return `${seconds(t.wall)} · ${rate(n / t.wall)}${vsJs}`;
      }),
    ]);
  const missing = systems.filter((s) => s.missing).map((s) => `${s.name}: skipped, ${s.missing}.`);
  printTable(
    'Side by side with the peers: whole processes on the peer model (`../shared/peers/`)',
    [{ title: 'system', align: 'left' }, ...sizes.map((n) => `${sizeLabel(n)} samples`)],
    rows,
    [
      `Each cell: wall time of the whole process (start-up, sampling, exact or sketched percentiles, output, exit) · samples per second · speed relative to the plain JavaScript loop (above 1× is faster); ${repeats > 1 ? `best of ${repeats} runs` : 'one run'}, seeds from 42.`,
      `ai-energy-mc: the CLI of ${engine === ROOT ? 'this checkout' : engine} (\`run edunov-bench.mjs --quiet --json --out <tmp>\`); exact percentiles only up to ${sizeLabel(EXACT_MAX)} (the engine's own limit for keeping every value); the other systems compute exact percentiles.`,
      'Empty: skipped at that size (above 10^7 only the JS loop, the DDSketch runs and the systems whose 10^7 time says they stay under the limit; OpenTURNS stops at 10^7).',
      ...missing,
      ...targets(results),
    ],
  );
}

/** The issue's targets, read off this run: each figure with the target beside it. */
function targets(results: ReadonlyMap<string, ReadonlyMap<number, Timing>>): string[] {
  const wall = (name: string, n: number): number | undefined => {
    const t = results.get(name)?.get(n);
    return t && !t.failed ? t.wall : undefined;
  };
  const js7 = wall('plain JS loop, 1 thread', 1e7);
  const lines: string[] = [];
  const vsJs = (name: string, target: number) => {
    const t = wall(name, 1e7);
    if (js7 !== undefined && t !== undefined) lines.push(`Target: ${name} at 1e7 ≥ ${target}× the JS loop: ${ratio(js7 / t)} ${js7 / t >= target ? '(met)' : '(not met)'}.`);
  };
  vsJs('ai-energy-mc, 1 worker, exact', 0.7);
  vsJs('ai-energy-mc, 2 workers, exact', 1.3);
  const one = wall('ai-energy-mc, 1 worker, DDSketch', 1e8);
  const two = wall('ai-energy-mc, 2 workers, DDSketch', 1e8);
  if (one !== undefined && two !== undefined) lines.push(`Target: at 1e8 with the DDSketch, 2 workers ≥ 1.85× one worker: ${ratio(one / two)} ${one / two >= 1.85 ? '(met)' : '(not met)'}.`);
  return lines;
}
