/**
 * `npm run bench -- serve`: the explorer's loop. A `serve` process (the built CLI, 2 workers) is
 * asked for edunov-2023 at 10^5 samples, seed 1, as the page asks:
 * - at once after start (the warm-up cut short by the first request): the first answer, then
 *   the first new override right after it (a slider moved as soon as the page shows numbers);
 * - BENCH_SERVE_PAUSE ms after start (default 4000: a user opening the page; the warm-up done):
 *   the same two;
 * - then, warm: reruns alternating two overrides (each a model the threads have loaded once),
 *   and reruns with a new override each time (the slider's case: a distribution never seen);
 * - and, for scale, a whole `run --json` process of the same run.
 * Time from the POST to the whole JSON reply (summary, distributions, charts), on loopback.
 * BENCH_SERVE_REPEATS warm reruns of each kind (default 20).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, printTable } from './table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ai-energy-mc.mjs');

const median = (xs: number[]) => quantile(xs, 0.5);
/** The p-quantile of a few timings, by the nearest rank (the 90th of 20: the 18th smallest). */
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');

interface Timing {
  readonly total: number;
  readonly engine: number;
}

/** A `serve` process and a client of its /api/run. */
async function server(): Promise<{ child: ChildProcess; run: (set: Record<string, string>) => Promise<Timing> }> {
  const child = spawn(process.execPath, [BIN, 'serve', 'edunov-2023', '--port', '0', '--no-open', '--workers', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with code ${code}`)));
  });
  const run = async (set: Record<string, string>): Promise<Timing> => {
    const t0 = performance.now();
    const res = await fetch(`${url}api/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'edunov-2023', samples: 100_000, seed: 1, set }) });
    const body = (await res.json()) as { wallMs: number };
    if (!res.ok) throw new Error(`serve answered ${res.status}: ${JSON.stringify(body)}`);
    return { total: performance.now() - t0, engine: body.wallMs };
  };
  return { child, run };
}

/** The first answer and the first new override right after it, `pauseMs` after the server printed its URL. */
async function startUp(pauseMs: number): Promise<[Timing, Timing]> {
  const { child, run } = await server();
  try {
    await new Promise((r) => setTimeout(r, pauseMs));
    const first = await run({});
    return [first, await run({ gpus: '1e6 to 3e6' })];
  } finally {
    child.kill('SIGTERM');
  }
}

export async function serveSection(): Promise<void> {
  const repeats = envNumber('BENCH_SERVE_REPEATS', 20);
  const pause = envNumber('BENCH_SERVE_PAUSE', 4000);
  const loadBefore = load();
  const atOnce = await startUp(0);
  const paused = await startUp(pause);
  const { child, run } = await server();
  try {
    // Warm: the two start-up requests, then the same sets again and again.
    await run({});
    const sets = [{ gpus: '1e6 to 3e6' }, { gpus: '1e6 to 2e6' }];
    await run(sets[0]);
    const warm: Timing[] = [];
    for (let i = 0; i < repeats; i++) warm.push(await run(sets[i % 2]));
    // A slider's case: every rerun a distribution not seen before.
    const fresh: Timing[] = [];
    for (let i = 0; i < repeats; i++) fresh.push(await run({ gpus: `1e6 to ${(2 + (i + 1) / 100).toFixed(2)}e6` }));
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-bench-serve-')), 'run');
    const t0 = performance.now();
    execFileSync(process.execPath, [BIN, 'run', 'edunov-2023', '--samples', '1e5', '--seed', '1', '--workers', '2', '--json', '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const cli = performance.now() - t0;
    const row = (what: string, t: Timing): string[] => [what, t.total.toFixed(0), t.engine.toFixed(0)];
    const stat = (what: string, ts: readonly Timing[], f: (xs: number[]) => number): string[] => [what, f(ts.map((t) => t.total)).toFixed(0), f(ts.map((t) => t.engine)).toFixed(0)];
    printTable(
      'serve: a rerun of edunov-2023 at 10^5 samples, seed 1, 2 workers',
      [{ title: 'what', align: 'left' }, { title: 'reply (ms)', align: 'right' }, { title: 'engine (ms)', align: 'right' }],
      [
        row('first answer, asked at once after start', atOnce[0]),
        row('… then a new override at once', atOnce[1]),
        row(`first answer, asked ${(pause / 1000).toFixed(0)} s after start (warm-up done)`, paused[0]),
        row('… then a new override at once', paused[1]),
        stat(`warm, two overrides in turn (median of ${repeats})`, warm, median),
        stat(`… slowest of ${repeats}`, warm, (xs) => Math.max(...xs)),
        stat(`warm, a new override each time (median of ${repeats})`, fresh, median),
        stat(`… 90th percentile of ${repeats}`, fresh, (xs) => quantile(xs, 0.9)),
        stat(`… slowest of ${repeats}`, fresh, (xs) => Math.max(...xs)),
        ['`run --json` as a whole process, for scale', cli.toFixed(0), ''],
      ],
      [
        "reply: POST to the whole JSON (summary, distributions, charts) on loopback; engine: the server's wallMs",
        `load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()} (2 cores shared)`,
      ],
    );
  } finally {
    child.kill('SIGTERM');
  }
}
