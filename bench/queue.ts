/**
 * `npm run bench -- queue`: what the Redis queue costs (issue 13). The same run three ways on this
 * machine: `--workers 2` in one process, and `--queue` with two `worker --workers 1` processes on
 * loopback (a Redis server started here, nothing saved), plus the bytes the queue carried:
 * job data sent and results received by the coordinator (base64 text, as Redis stores it) and
 * Redis's own network counters (everything, BullMQ's bookkeeping included).
 *
 * Settings: BENCH_QUEUE_SAMPLES (default 1e8), BENCH_QUEUE_MODEL (edunov-2023), BENCH_QUEUE_BATCH
 * (the default batch when unset), BENCH_QUEUE_REPEATS (1, alternating local and queued).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { printTable } from './table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ai-energy-mc.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function timed(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench queue: ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds: (performance.now() - t0) / 1000, stderr: r.stderr };
}

async function netBytes(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  const get = (k: string) => Number(new RegExp(`${k}:(\\d+)`).exec(info)?.[1] ?? 0);
  return get('total_net_input_bytes') + get('total_net_output_bytes');
}

export async function queueSection(): Promise<void> {
  const samples = Number(process.env.BENCH_QUEUE_SAMPLES ?? 1e8);
  const model = process.env.BENCH_QUEUE_MODEL ?? 'edunov-2023';
  const repeats = Number(process.env.BENCH_QUEUE_REPEATS ?? 1);
  const batch = process.env.BENCH_QUEUE_BATCH;
  const redisServer = spawnSync('which', ['redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!redisServer) {
    console.log('\n### Queue overhead\n\nSkipped: redis-server is not installed (apt-get install redis-server).');
    return;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const tmp = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  const server = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const workers: ChildProcess[] = [];
  const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
  redis.on('error', () => {});
  try {
    await redis.ping(); // queued until the server listens
    for (let i = 0; i < 2; i++) {
      const w = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--workers', '1', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => w.stdout!.on('data', (d: Buffer) => d.toString().includes('worker: serving') && resolve()));
      workers.push(w);
    }
    const common = ['run', model, '-n', String(samples), '--seed', 'bench', '--quiet', '--force'];
    const local: number[] = [];
    const queued: number[] = [];
    let sent = 0;
    let received = 0;
    let net = 0;
    for (let r = 0; r < repeats; r++) {
      process.stderr.write(`[bench] queue: local --workers 2, ${samples} samples\n`);
      local.push(timed([...common, '--workers', '2', '--out', join(tmp, 'local')]).seconds);
      process.stderr.write(`[bench] queue: --queue with two 1-thread workers\n`);
      const before = await netBytes(redis);
      const q = timed([...common, '--queue', url, ...(batch ? ['--batch', batch] : []), '--out', join(tmp, 'queued')], { ...process.env, AI_ENERGY_MC_QUEUE_BYTES: '1' });
      net = (await netBytes(redis)) - before;
      queued.push(q.seconds);
      const m = /queue bytes: sent (\d+), received (\d+)/.exec(q.stderr);
      sent = Number(m?.[1] ?? NaN);
      received = Number(m?.[2] ?? NaN);
    }
    const best = (xs: number[]) => Math.min(...xs);
    const each = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    const overhead = best(queued) / best(local) - 1;
    const per1e8 = (b: number) => `${((b * 1e8) / samples / 1e6).toFixed(2)} MB`;
    printTable(
      `Queue overhead: ${model}, ${samples.toExponential(0)} samples, best of ${repeats}`,
      [{ title: 'how', align: 'left' }, 'wall s', 'each run, s', 'vs local', 'job data', 'results', 'Redis traffic'],
      [
        ['one process, --workers 2', best(local).toFixed(1), each(local), '', '', '', ''],
        ['--queue, two `worker --workers 1` on loopback', best(queued).toFixed(1), each(queued), `${overhead >= 0 ? '+' : ''}${(100 * overhead).toFixed(1)}%`, per1e8(sent), per1e8(received), per1e8(net)],
      ],
      [
        'wall time of the whole command, start-up included; the queued run also loads the model in each worker (once per run)',
        'bytes per 10^8 samples: job data sent (base64, in BullMQ\'s JSON) and results received (binary, under their own keys) by the coordinator, and Redis\'s total_net_input_bytes + total_net_output_bytes over the run',
      ],
    );
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    redis.disconnect();
    server.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}
