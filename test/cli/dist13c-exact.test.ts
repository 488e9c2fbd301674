/**
 * Issue 13, exact percentiles through the queue without shipping every value: a real Redis server
 * (started here on a free loopback port, nothing saved) and two `worker` processes through the
 * real CLI. The workers return counts per radix-key digit, then run the chunks again for the
 * values of the cells the selections need (src/engine/remote-select.ts); the results must be the
 * one-machine run's bytes — mc, lhs, sobol and --precision, on outputs chosen to be hard (a
 * constant, a 3-valued output, ±0 ties, 1,200 binades, subnormals, a point mass) — and the bytes
 * the coordinator receives a small part of the values a one-machine run keeps.
 * Outside CI these tests are skipped (with the reason) when redis-server is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, fixture, ROOT } from './helpers.ts';
import { expectSameResults, REDIS_SERVER, startRedis } from './dist13-helpers.ts';

const skip = !REDIS_SERVER && !process.env.CI;
if (skip) console.warn('dist13c-exact: skipped: redis-server is not installed (apt-get install redis-server); CI installs it');

const HARD = fixture('refine13-adversarial.ts');
const SMOOTH = fixture('dist13-two-outputs.ts');
const tmp = mkdtempSync(join(tmpdir(), 'dist13c-exact-'));
const ENV = { ...process.env, FORCE_COLOR: '0', AI_ENERGY_MC_QUEUE_BYTES: '1' };
let server: ChildProcess | undefined;
let url = '';
const workers: ChildProcess[] = [];

async function startWorker(): Promise<void> {
  const proc = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--workers', '1'], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  workers.push(proc);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker: serving')) resolve();
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
}

function run(args: readonly string[], env: NodeJS.ProcessEnv = ENV): Promise<{ code: number; stderr: string }> {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code: code ?? 1, stderr })));
}

/** `args` through the queue against `args` on one machine: the same bytes; returns the bytes received. */
async function sameAsOneMachine(name: string, model: string, args: readonly string[]): Promise<number> {
  const queued = join(tmp, `${name}-queue`);
  const one = join(tmp, `${name}-one`);
  const [q, o] = await Promise.all([run(['run', model, ...args, '--queue', url, '--out', queued, '-q']), cli(['run', model, ...args, '--out', one, '-q', '--workers', '1'])]);
  expect(q.stderr).not.toContain('error');
  expect([q.code, o.code]).toEqual([0, 0]);
  // The same warnings (an output's NaN share, say) on both, and nothing else but the byte count.
  expect(q.stderr.replace(/^queue bytes: .*\n/m, '')).toBe(o.stderr);
  const queue = expectSameResults(queued, one, 'queue');
  expect(queue.url).toBe(url);
  const m = /queue bytes: sent (\d+), received (\d+)/.exec(q.stderr);
  expect(m, q.stderr).not.toBeNull();
  return Number(m![2]);
}

describe.skipIf(skip)('exact percentiles through the queue from counts and refinement passes (issue 13)', () => {
  beforeAll(async () => {
    ({ proc: server, url } = await startRedis());
    await startWorker();
    await startWorker();
  }, 60_000);

  afterAll(() => {
    for (const w of workers) w.kill('SIGKILL');
    server?.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('mc, exact: the one-machine bytes, for a tenth of the values’ bytes or less', async () => {
    const n = 1_000_000;
    const received = await sameAsOneMachine('smooth', SMOOTH, ['-n', String(n), '--seed', 'c1', '--percentile-method', 'exact']);
    // The values of 2 outputs would be 8 bytes each (16 MB); counts and the wanted cells' values are far less.
    expect(received).toBeLessThan((8 * n * 2) / 10);
    expect(received).toBeGreaterThan(0);
  }, 240_000);

  it('mc, exact, on hard outputs: a constant, 3 values, ±0 ties, 1,200 binades, subnormals, a point mass, NaN', async () => {
    await sameAsOneMachine('hard-mc', HARD, ['-n', '200000', '--seed', 'c2', '--percentile-method', 'exact']);
  }, 240_000);

  it('lhs and sobol, exact: the one-machine bytes (sobol runs chunk 0 again on a worker that has run it)', async () => {
    await sameAsOneMachine('hard-lhs', HARD, ['-n', '150000', '--seed', 'c3', '--sampling', 'lhs', '--percentile-method', 'exact']);
    await sameAsOneMachine('hard-sobol', HARD, ['-n', '150000', '--seed', 'c4', '--sampling', 'sobol']);
  }, 240_000);

  it('--precision with exact percentiles: the same checkpoint and bytes', async () => {
    await sameAsOneMachine('precision', SMOOTH, ['--precision', '1%', '--max-samples', '2000000', '--seed', 'c5', '--percentile-method', 'exact']);
    await sameAsOneMachine('precision-hard', HARD, ['--precision', '2%', '--max-samples', '300000', '--seed', 'c6']);
  }, 300_000);

  it('a long job\'s log (AI_ENERGY_MC_PROGRESS=1) says when the chunks run again for exact values', async () => {
    const r = await run(['run', SMOOTH, '-n', '300000', '--seed', 'c5', '--percentile-method', 'exact', '--queue', url, '--batch', '1', '--out', join(tmp, 'progress')], { ...ENV, AI_ENERGY_MC_PROGRESS: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^dist13-two-outputs: exact percentiles, chunks run again for their values: 5 chunks\n/m);
    expect(r.stderr).toMatch(/^dist13-two-outputs: exact percentiles, chunks run again for their values: done in \d+\.\d s\n/m);
  }, 120_000);
});
