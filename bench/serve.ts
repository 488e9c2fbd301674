/**
 * `npm run bench -- serve`: the explorer's loop. A `serve` process (the built CLI, 2 workers) is
 * asked for edunov-2023 at 10^5 samples, seed 1: the first run (threads loading the model), then
 * warm reruns alternating two overrides of gpus (each a model the threads have loaded once), warm
 * reruns with a new override each time (as a slider gives), and, for scale, a whole `run --json`
 * process of the same run.
 * Time from the POST to the whole JSON reply (summary, distributions, charts), on loopback.
 * BENCH_SERVE_REPEATS warm reruns (default 20).
 */
import { execFileSync, spawn } from 'node:child_process';
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

export async function serveSection(): Promise<void> {
  const repeats = envNumber('BENCH_SERVE_REPEATS', 20);
  const child = spawn(process.execPath, [BIN, 'serve', 'edunov-2023', '--port', '0', '--no-open', '--workers', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with code ${code}`)));
    });
    const run = async (set: Record<string, string>) => {
      const t0 = performance.now();
      const res = await fetch(`${url}api/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'edunov-2023', samples: 100_000, seed: 1, set }) });
      const body = (await res.json()) as { wallMs: number };
      if (!res.ok) throw new Error(`serve answered ${res.status}: ${JSON.stringify(body)}`);
      return { total: performance.now() - t0, engine: body.wallMs };
    };
    const loadBefore = load();
    const first = await run({});
    const sets = [{ gpus: '1e6 to 3e6' }, { gpus: '1e6 to 2e6' }];
    await run(sets[0]);
    const warm: { total: number; engine: number }[] = [];
    for (let i = 0; i < repeats; i++) warm.push(await run(sets[i % 2]));
    // A slider's case: every rerun a distribution not seen before (the threads build its sampler and kernel anew).
    const fresh: { total: number; engine: number }[] = [];
    for (let i = 0; i < repeats; i++) fresh.push(await run({ gpus: `1e6 to ${(2 + (i + 1) / 100).toFixed(2)}e6` }));
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-bench-serve-')), 'run');
    const t0 = performance.now();
    execFileSync(process.execPath, [BIN, 'run', 'edunov-2023', '--samples', '1e5', '--seed', '1', '--workers', '2', '--json', '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const cli = performance.now() - t0;
    printTable(
      'serve: a rerun of edunov-2023 at 10^5 samples, seed 1, 2 workers',
      [{ title: 'what', align: 'left' }, { title: 'reply (ms)', align: 'right' }, { title: 'engine (ms)', align: 'right' }],
      [
        ['first run (threads load the model)', first.total.toFixed(0), first.engine.toFixed(0)],
        [`warm rerun, two overrides in turn (median of ${repeats})`, median(warm.map((w) => w.total)).toFixed(0), median(warm.map((w) => w.engine)).toFixed(0)],
        [`… slowest of ${repeats}`, Math.max(...warm.map((w) => w.total)).toFixed(0), Math.max(...warm.map((w) => w.engine)).toFixed(0)],
        [`warm rerun, a new override each time (median of ${repeats})`, median(fresh.map((w) => w.total)).toFixed(0), median(fresh.map((w) => w.engine)).toFixed(0)],
        [`… 90th percentile of ${repeats}`, quantile(fresh.map((w) => w.total), 0.9).toFixed(0), quantile(fresh.map((w) => w.engine), 0.9).toFixed(0)],
        [`… slowest of ${repeats}`, Math.max(...fresh.map((w) => w.total)).toFixed(0), Math.max(...fresh.map((w) => w.engine)).toFixed(0)],
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
