/**
 * `ai-energy-mc worker --queue URL [--workers W]`: serves the jobs of every run on the queue until
 * stopped. SIGTERM or SIGINT: it takes no new job, finishes those under way and exits 0; a second
 * signal exits at once (the queue gives its jobs to another worker once their locks expire).
 */
import { parseQueueUrl } from '../../distributed/queue/redis-url.ts';
import { takeOverSignals } from '../signals.ts';

export interface WorkerCommandOptions {
  readonly queue: string;
  readonly workers: number;
  readonly quiet: boolean;
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export async function workerCommand(options: WorkerCommandOptions): Promise<void> {
  const url = parseQueueUrl(options.queue);
  const log = options.quiet ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  // Imported here, not at the top: bullmq and ioredis take ~0.4 s to load, which every other command would pay.
  const { startWorker } = await import('../../distributed/queue/worker.ts');
  const worker = await startWorker(url, { workers: options.workers, log });
  let stopping = false;
  takeOverSignals(Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>, (signal) => {
    if (stopping) process.exit(SIGNALS[signal as keyof typeof SIGNALS]);
    stopping = true;
    process.stderr.write(`worker: ${signal}: finishing the jobs under way, then stopping\n`);
    void worker.stop();
  });
  // Announced once a signal would be handled: a supervisor that waits for this line may signal at once.
  process.stdout.write(`worker: serving the queue at ${url.display} with ${options.workers} thread${options.workers === 1 ? '' : 's'} (SIGTERM or Ctrl-C stops it)\n`);
  await worker.stopped;
  // Everything of ours is closed; a connection BullMQ could not close in time (a server that went
  // away) must not keep a stopped worker alive.
  await new Promise<void>((resolve) => process.stdout.write('worker: stopped\n', () => resolve()));
  process.exit(0);
}
