/**
 * Issue 13, the queue: a real Redis server (started here on a free loopback port, nothing saved),
 * two `worker` processes through the real CLI, and `run|sensitivity … --queue URL` against them:
 * the same bytes as one machine for mc with exact percentiles, sobol with the DDSketch,
 * --precision and a sensitivity study; then one worker SIGKILLed mid-run (its job is run again,
 * the bytes unchanged), an interrupted coordinator, an unreachable server and one that may evict.
 * Outside CI these tests are skipped (with the reason) when redis-server is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { encodeText } from '../../src/distributed/codec.ts';
import { ENGINE_VERSION } from '../../src/version.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, fixture, ROOT } from './helpers.ts';
import { expectSameResults, freePort, REDIS_SERVER, startRedis } from './dist13-helpers.ts';

const skip = !REDIS_SERVER && !process.env.CI;
if (skip) console.warn('dist13-queue: skipped: redis-server is not installed (apt-get install redis-server); CI installs it');

const MODEL = fixture('dist13-two-outputs.ts');
const tmp = mkdtempSync(join(tmpdir(), 'dist13-queue-'));
let server: ChildProcess | undefined;
let url = '';
let port = 0;
const workers: Array<{ proc: ChildProcess; out: string[] }> = [];
/** Short locks, so that a killed worker's job is taken over within seconds. */
const ENV = { ...process.env, FORCE_COLOR: '0', AI_ENERGY_MC_QUEUE_LOCK_MS: '4000' };


async function startWorker(): Promise<{ proc: ChildProcess; out: string[] }> {
  const proc = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--workers', '1'], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const w = { proc, out };
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out.push(...d.toString().split('\n').filter(Boolean));
      if (out.some((l) => l.startsWith('worker: serving'))) resolve();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
    proc.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${out.join('\n')}`)));
  });
  workers.push(w);
  return w;
}

/** Starts the CLI with the test's environment (short locks), as a user would. */
function start(args: readonly string[], env: NodeJS.ProcessEnv = ENV): { proc: ChildProcess; done: Promise<{ code: number; stdout: string; stderr: string }> } {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { proc, done: new Promise((resolve) => proc.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))) };
}

const run = (args: readonly string[]) => start(args).done;

/** `args` with --queue (and `queueArgs`, e.g. --batch) against `args` on one machine. */
async function sameAsOneMachine(name: string, args: readonly string[], queueArgs: readonly string[] = []): Promise<{ stderr: string; queue: Record<string, unknown> }> {
  const queued = join(tmp, `${name}-queue`);
  const one = join(tmp, `${name}-one`);
  const [q, o] = await Promise.all([run(['run', MODEL, ...args, '--queue', url, ...queueArgs, '--out', queued, '-q']), cli(['run', MODEL, ...args, '--out', one, '-q', '--workers', '1'])]);
  // A busy machine may let a job's lock lapse while a worker loads the model: the job is then run
  // again (and said so in a note), which must not change a byte either.
  expect(q.stderr).not.toContain('error');
  expect([q.code, o.code, o.stderr]).toEqual([0, 0, '']);
  const queue = expectSameResults(queued, one, 'queue');
  expect(queue.url).toBe(url);
  return { stderr: q.stderr, queue };
}

describe.skipIf(skip)('run|sensitivity --queue with a real Redis and two workers (issue 13)', () => {
  beforeAll(async () => {
    ({ proc: server, port, url } = await startRedis());
  }, 30_000);

  afterAll(async () => {
    for (const w of workers) w.proc.kill('SIGKILL');
    server?.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('with no worker connected it says so and gives up after --queue-timeout (exit 1, no results folder)', async () => {
    const out = join(tmp, 'no-worker');
    const r = await run(['run', MODEL, '-n', '1000', '--queue', url, '--queue-timeout', '1', '--out', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`waiting for a worker on ${url}`);
    expect(r.stderr).toContain(`error: no worker connected to the queue at ${url} within --queue-timeout 1 s`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('mc with exact percentiles gives the one-machine bytes', async () => {
    await startWorker();
    await startWorker();
    const { queue } = await sameAsOneMachine('exact', ['-n', '300000', '--seed', 'q1'], ['--batch', '1']);
    // 300,000 samples are 5 chunks of 65,536 at most: 5 jobs of one chunk, on one or both workers.
    expect(queue).toMatchObject({ url, jobs: 5 });
    expect(Object.keys(queue)).toEqual(['url', 'workers', 'jobs', 'retried']);
    expect([1, 2]).toContain(queue.workers);
    // Results travel under their own keys (not in BullMQ's return values and event stream); a finished run leaves none behind.
    const c = new Redis({ port, host: '127.0.0.1' });
    try {
      expect(await c.keys('ai-energy-mc:run:*')).toEqual([]);
      const events = (await c.xrange('bull:ai-energy-mc:events', '-', '+')) as Array<[string, string[]]>;
      const returned = events.flatMap(([, fields]) => fields.filter((_, i) => i > 0 && fields[i - 1] === 'returnvalue'));
      expect(returned.length).toBeGreaterThan(0);
      expect(Math.max(...returned.map((v) => v.length))).toBeLessThan(20);
    } finally {
      c.disconnect();
    }
  }, 120_000);

  it('sobol with the DDSketch gives the one-machine bytes; a password in the URL is never written', async () => {
    // This server has no password: Redis answers AUTH with a warning that ioredis passes over.
    await sameAsOneMachine('sketch', ['-n', '200000', '--seed', 'q2', '--sampling', 'sobol', '--percentile-method', 'ddsketch'], ['--queue', url.replace('//', '//:s3cret@')]);
    const manifest = readFileSync(join(tmp, 'sketch-queue', 'manifest.json'), 'utf8');
    expect(manifest).toContain(`"${url}"`);
    expect(manifest).not.toContain('s3cret');
    const summary = readFileSync(join(tmp, 'sketch-queue', 'summary.json'), 'utf8');
    expect(JSON.parse(summary).queue.url).toBe(url);
    expect(summary).not.toContain('s3cret');
  }, 120_000);

  it('--precision stops at the same checkpoint with the same bytes', async () => {
    await sameAsOneMachine('precision', ['--precision', '2%', '--max-samples', '1000000', '--seed', 'q3']);
  }, 120_000);

  it('a sensitivity study gives the one-machine indices', async () => {
    const queued = join(tmp, 'sens-queue');
    const one = join(tmp, 'sens-one');
    const args = ['sensitivity', MODEL, '--method', 'sobol', '-n', '1024', '--seed', 'q4', '-q'];
    const [q, o] = await Promise.all([run([...args, '--queue', url, '--out', queued]), cli([...args, '--out', one, '--workers', '1'])]);
    expect(q.code).toBe(0);
    expect(o.code).toBe(0);
    for (const f of ['sensitivity.json', 'sensitivity.csv', 'sensitivity.md']) expect(readFileSync(join(queued, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  }, 120_000);

  it('a study of every method gives the one-machine bytes; its jobs carry the design spec, not the rows', async () => {
    const sent = async (name: string, args: readonly string[]): Promise<number> => {
      const queued = join(tmp, `${name}-queue`);
      const one = join(tmp, `${name}-one`);
      const all = ['sensitivity', MODEL, ...args, '-q'];
      const [q, o] = await Promise.all([start([...all, '--queue', url, '--out', queued], { ...ENV, AI_ENERGY_MC_QUEUE_BYTES: '1' }).done, cli([...all, '--out', one, '--workers', '1'])]);
      expect([q.code, o.code]).toEqual([0, 0]);
      for (const f of ['sensitivity.json', 'sensitivity.csv', 'sensitivity.md']) expect(readFileSync(join(queued, f)).equals(readFileSync(join(one, f))), `${name} ${f}`).toBe(true);
      const m = /queue bytes: sent (\d+), received \d+/.exec(q.stderr);
      expect(m, q.stderr).not.toBeNull();
      return Number(m![1]);
    };
    // Monte Carlo rows with Iman–Conover correlations, Saltelli, Morris and tornado designs in one evaluation.
    expect(await sent('sens-all', ['--method', 'all', '-n', '4096', '--seed', 'b5'])).toBeLessThan(2000);
    // 2^16 · (3 + 2) rows of 3 doubles would be 7.9 MB (10.5 MB as base64): the jobs hold the spec and row numbers.
    expect(await sent('sens-large', ['--method', 'sobol', '-n', '65536', '--seed', 'b6'])).toBeLessThan(2000);
  }, 180_000);

  it('a worker refuses a job of a run made by another engine version, saying which', async () => {
    const admin = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
    const queue = new Queue('ai-energy-mc', { connection: admin });
    try {
      const record = { id: 'dist13-old', model: { fileName: 'x.ts', source: '', sha256: '', overrides: {} }, versions: { engine: '0.0.1-old', node: process.versions.node, v8: process.versions.v8 }, createdAt: '' };
      await admin.set('ai-energy-mc:run:dist13-old', JSON.stringify(record), 'EX', 60);
      await queue.add('chunks', { run: 'dist13-old', first: 0, last: 0, tasks: encodeText([]) }, { jobId: 'dist13-old.0' });
      let reason = '';
      for (let i = 0; i < 200 && !reason; i++) {
        reason = (await Job.fromId(queue, 'dist13-old.0'))?.failedReason ?? '';
        if (!reason) await new Promise((r) => setTimeout(r, 100));
      }
      expect(reason).toContain(`its engine, Node or V8 differs from the coordinator's (engine ${ENGINE_VERSION} here, 0.0.1-old there)`);
      await queue.remove('dist13-old.0');
    } finally {
      await queue.close();
      admin.disconnect();
    }
  }, 60_000);

  it('an unreachable server: one line naming the URL without its password, exit 1, no results folder', async () => {
    const closed = await freePort();
    const out = join(tmp, 'unreachable');
    const r = await run(['run', MODEL, '-n', '1000', '--queue', `redis://:s3cret@127.0.0.1:${closed}`, '--out', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: cannot use the Redis server at redis://127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\)[^\\n]*\\n$`));
    expect(r.stderr).not.toContain('s3cret');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a server that may evict keys is refused (maxmemory-policy must be noeviction)', async () => {
    const admin = new Redis({ port, host: '127.0.0.1' });
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const r = await run(['run', MODEL, '-n', '1000', '--queue', url, '-q', '--out', join(tmp, 'evict')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('has maxmemory-policy allkeys-lru');
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  }, 60_000);

  it('Ctrl-C on the coordinator cancels the run and removes its jobs; the workers go on serving', async () => {
    const out = join(tmp, 'interrupted');
    const coordinator = start(['run', MODEL, '-n', '2000000', '--percentile-method', 'ddsketch', '--batch', '1', '--queue', url, '--out', out, '-q']);
    const before = workers.map((w) => w.out.length);
    for (let i = 0; i < 600 && workers.every((w, k) => w.out.length === before[k]); i++) await new Promise((r) => setTimeout(r, 100));
    coordinator.proc.kill('SIGINT');
    const r = await coordinator.done;
    expect(r.code).toBe(130);
    expect(existsSync(out)).toBe(false);
    const admin = new Redis({ port, host: '127.0.0.1' });
    try {
      let waiting = -1;
      for (let i = 0; i < 100 && waiting !== 0; i++) {
        waiting = (await admin.llen('bull:ai-energy-mc:wait')) + (await admin.zcard('bull:ai-energy-mc:prioritized'));
        if (waiting !== 0) await new Promise((res) => setTimeout(res, 200));
      }
      expect(waiting).toBe(0);
    } finally {
      admin.disconnect();
    }
    // Still serving: another run goes through.
    await sameAsOneMachine('after-interrupt', ['-n', '100000', '--seed', 'q5']);
  }, 180_000);

  it('a worker killed by SIGKILL mid-run: its job is run again elsewhere and the bytes are unchanged', async () => {
    const queued = join(tmp, 'killed-queue');
    const one = join(tmp, 'killed-one');
    const args = ['-n', '1000000', '--seed', 'q6', '--percentile-method', 'ddsketch'];
    const victim = workers[0];
    const seen = victim.out.length;
    const pending = run(['run', MODEL, ...args, '--batch', '1', '--queue', url, '--out', queued, '-q']);
    for (let i = 0; i < 600 && !victim.out.slice(seen).some((l) => l.startsWith('job ')); i++) await new Promise((r) => setTimeout(r, 50));
    victim.proc.kill('SIGKILL'); // it holds its next job by now (BullMQ fetches it as it finishes one)
    const [q, o] = await Promise.all([pending, cli(['run', MODEL, ...args, '--out', one, '-q', '--workers', '1'])]);
    expect(q.code).toBe(0);
    expect(o.code).toBe(0);
    expect(q.stderr).toMatch(/note: \d+ jobs? (was|were) run again after the worker holding (it|them) stopped/);
    expect(workers[1].out.some((l) => l.includes('(run again: its first worker stopped)'))).toBe(true);
    const queue = expectSameResults(queued, one, 'queue');
    expect(queue.retried).toBeGreaterThanOrEqual(1);
    expect(queue.workers).toBeGreaterThanOrEqual(1);
  }, 180_000);

  // Signalled the moment it says "serving" (a race that once left the worker serving: src/cli/signals.ts), three times over.
  it('a worker stops cleanly on SIGTERM, even one sent as "serving" is printed: no new job, exit 0', async () => {
    for (let round = 0; round < 3; round++) {
      const w = await startWorker();
      const exited = new Promise<number | null>((resolve) => w.proc.on('close', (code) => resolve(code)));
      w.proc.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 45 s'), 45_000))]);
      expect(code, w.out.join('\n')).toBe(0);
      expect(w.out.join('\n')).toContain('worker: stopped');
    }
  }, 150_000);

  it('the server lost mid-run: one line naming the URL, a non-zero exit, no results folder', async () => {
    const out = join(tmp, 'lost');
    const coordinator = start(['run', MODEL, '-n', '3000000', '--percentile-method', 'ddsketch', '--batch', '1', '--queue', url, '--out', out, '-q']);
    const before = workers.map((w) => w.out.length);
    for (let i = 0; i < 600 && workers.every((w, k) => w.out.length === before[k]); i++) await new Promise((r) => setTimeout(r, 100));
    server!.kill('SIGKILL');
    const r = await coordinator.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: lost the connection to the Redis server at ${url.replaceAll('.', '\\.')} for more than 10 s; the run is abandoned\n$`));
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
