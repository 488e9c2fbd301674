/**
 * Section `kernel-ab` (`BENCH_AB_OTHER=<checkout> npm run bench -- kernel-ab`): the per-worker hot
 * loop of this checkout against another's (an older commit in a `git worktree`, with node_modules
 * linked), interleaved in one process: round after round, each runs the same chunks (same seed,
 * chunk size and percentile method as a worker) in turn, the order alternating, so that a busy
 * spell of a shared machine falls on both alike. Prints the median and the range of the per-round
 * ratios (other ÷ this: above 1 means this checkout is faster). Both load their own sources through
 * tsx, as the other sections do.
 *
 * This is how a change to the hot loop is measured before it is kept. The type checks of outputs
 * and claims (2552e70) against the loop before them: `BENCH_AB_THIS=<worktree at 2552e70>
 * BENCH_AB_OTHER=<worktree at 2552e70^>`.
 *
 * Settings (environment): BENCH_AB_OTHER (required; without it the section says so and stops),
 * BENCH_AB_THIS (the checkout measured against it; default this one),
 * BENCH_AB_MODEL (a model file read by both; default bench/models/ten-params.ts of this checkout), BENCH_AB_ROUNDS (20), BENCH_AB_CHUNKS (16 chunks a round),
 * BENCH_AB_METHOD (exact: the kernel writes into fresh arrays, as without shared buffers; or ddsketch).
 */
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_CHUNK_SIZE } from '../src/engine/plan.ts';
import { envNumber, note, printTable, ratio } from './table.ts';

interface Side {
  readonly name: string;
  readonly simulate: (chunk: number) => void;
}

/** The chunk runner of the checkout at `root`, on a model (built-in name or file), through that checkout's own sources. */
async function side(name: string, root: string, model: string, method: string): Promise<Side> {
  const load = (await import(pathToFileURL(resolve(root, 'src/model/load.ts')).href)) as { loadModel: (ref: string) => Promise<{ model: unknown }> };
  const chunk = (await import(pathToFileURL(resolve(root, 'workers/chunk.ts')).href)) as { createChunkRunner: (m: unknown) => { simulate: (t: object) => unknown } };
  const { model: resolved } = await load.loadModel(model);
  const runner = chunk.createChunkRunner(resolved);
  const size = DEFAULT_CHUNK_SIZE;
  return { name, simulate: (k) => void runner.simulate({ kind: 'simulate', chunk: k, start: k * size, size, seed: 'ab', sampling: 'mc', percentileMethod: method }) };
}

export async function kernelAbSection(): Promise<void> {
  const other = process.env.BENCH_AB_OTHER;
  if (!other) {
    console.log('\n### Hot loop A/B\n\n- skipped: set BENCH_AB_OTHER to another checkout of ai-energy-mc (e.g. `git worktree add /tmp/old <commit>` with node_modules linked).');
    return;
  }
  // One model file for both (a built-in model's source may differ between the checkouts).
  const model = process.env.BENCH_AB_MODEL ?? fileURLToPath(new URL('models/ten-params.ts', import.meta.url));
  const method = process.env.BENCH_AB_METHOD ?? 'exact';
  const rounds = envNumber('BENCH_AB_ROUNDS', 20);
  const chunks = envNumber('BENCH_AB_CHUNKS', 16);
  const here = await side('this checkout', process.env.BENCH_AB_THIS ?? fileURLToPath(new URL('..', import.meta.url)), model, method);
  const there = await side(other, other, model, method);
  const time = (s: Side) => {
    const t0 = performance.now();
    for (let k = 0; k < chunks; k++) s.simulate(k);
    return performance.now() - t0;
  };
  // Warm-up: V8 optimises both loops before anything is timed.
  for (let i = 0; i < 3; i++) (time(here), time(there));
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    note(`kernel A/B round ${r + 1}/${rounds}`);
    const [a, b] = r % 2 === 0 ? [time(here), time(there)] : (([y, x]) => [x, y])([time(there), time(here)]);
    ratios.push(b / a);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  printTable(`Hot loop A/B: ${basename(model)}, ${method}, ${chunks} chunks of ${DEFAULT_CHUNK_SIZE} a round, ${rounds} rounds`, [{ title: 'other checkout', align: 'left' }, 'median ratio (other ÷ this)', 'middle 80% of rounds', 'all rounds'], [
    [other, ratio(at(0.5)), `${ratio(at(0.1))} – ${ratio(at(0.9))}`, `${ratio(sorted[0])} – ${ratio(sorted.at(-1)!)}`],
  ], ['Above 1×: this checkout\'s loop is faster. One process, both loops warmed up, the order alternating round by round.']);
}
