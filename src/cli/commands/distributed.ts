/**
 * The command line of runs spread over machines: `run … --shard I/N`, `merge DIR…`, and (through
 * a Redis server) `worker --queue URL` with `run|sensitivity … --queue URL`. Added to the program
 * main.ts builds, so the commands' own options stay where they are declared.
 */
import { Command, Option } from 'commander';
import { InputError } from '../../errors.ts';
import { setRunnerFactory } from '../../engine/runner.ts';
import { parseQueueUrl } from '../../distributed/queue/redis-url.ts';
import { setPlacement } from '../../distributed/placement.ts';
import { defaultWorkers, parsePositiveInteger, parseTimeout, parseWorkers } from '../options.ts';
import { mergeCommand } from './merge.ts';
import { shardCommand } from './shard.ts';
import { workerCommand } from './worker.ts';
import type { RunOptions } from './run.ts';

/** The options a queued command may carry. */
export interface QueueOptions {
  readonly queue?: string;
  readonly batch?: number;
  readonly queueTimeout?: number;
  readonly seed?: string;
  readonly sampling?: string;
  readonly percentileMethod?: string;
  readonly quiet?: boolean;
}

/**
 * `DEFAULT_BATCH` of distributed/queue/coordinator.ts, for the help text: that module loads bullmq
 * and ioredis (~0.4 s), so it is imported only when --queue is given (test/cli/speed-lazy-queue.test.ts
 * holds the two equal).
 */
export const DEFAULT_BATCH_HELP = 16;

/** Adds --shard to `run`, --queue to `run` and `sensitivity`, and the `merge` and `worker` commands. */
export function addDistributedCommands(program: Command, argv: readonly string[]): void {
  const run = program.commands.find((c) => c.name() === 'run');
  run?.addOption(new Option('--shard <I/N>', 'compute only shard I of N (I from 0 to N−1) into --out DIR, for merge; e.g. a Slurm array or a Kubernetes Indexed Job'));
  for (const command of program.commands.filter((c) => c.name() === 'run' || c.name() === 'sensitivity')) {
    command
      .addOption(new Option('--queue <url>', 'run the chunks on the workers of a Redis queue (redis://[:password@]host:port[/db], rediss:// for TLS); this process coordinates'))
      .addOption(new Option('--batch <chunks>', `with --queue: chunks per job (default ${DEFAULT_BATCH_HELP})`).argParser((t) => parsePositiveInteger('--batch', t, 1_000_000)))
      .addOption(new Option('--queue-timeout <seconds>', 'with --queue: give up when no worker has connected after this many seconds (default: wait)').argParser((t) => parseTimeout(t)));
  }
  // The command line is recorded in manifest.json: a --queue password must not be. Commander has
  // parsed its own copy by now; the actions' `argv` is this array.
  program.hook('preAction', () => {
    const args = argv as string[];
    args.forEach((a, i) => (args[i] = /^(--queue=)?rediss?:\/\//.test(a) ? a.replace(/^(--queue=)?(rediss?:\/\/)[^@/]*@/, '$1$2') : a));
  });
  program
    .command('merge')
    .description('merge the shards of one run (run … --shard I/N --out DIR) into its results folder')
    .argument('<shard-dir...>', 'the folders of every shard of the run')
    .option('-o, --out <dir>', 'results folder: a new or empty folder (default results/runs/<model>/<timestamp>-<seed>)')
    .option('--force', 'replace an earlier results folder at --out once the new one is complete (never any other folder or file)', false)
    .option('--json', 'print summary.json on stdout and nothing else', false)
    .option('-q, --quiet', 'no progress bar', false)
    .option('--charts', 'also render charts (SVG, PNG, vega-lite JSON) into <out>/charts/', false)
    .option('--report', 'also write a self-contained report.html into <out>', false)
    .action(async (dirs: string[], opts) => mergeCommand(dirs, opts, argv));
  program
    .command('worker')
    .description('serve the jobs of runs on a Redis queue (run|sensitivity … --queue URL) until stopped')
    .requiredOption('--queue <url>', 'the queue: redis://[:password@]host:port[/db], or rediss://… for TLS')
    .option('-w, --workers <W>', 'worker threads, each running one job at a time (default: one per core)', parseWorkers, defaultWorkers())
    .option('-q, --quiet', 'no line per job', false)
    .action(async (opts) => workerCommand(opts));
}

/** `run`'s action: a shard of the run with --shard, a queued run with --queue, else `local` (the usual run). */
export async function runOrShard(model: string, opts: RunOptions & QueueOptions & { readonly shard?: string }, argv: readonly string[], local: () => Promise<void>): Promise<void> {
  if (opts.shard !== undefined) {
    if (opts.queue !== undefined) throw new InputError('--shard', opts.shard, 'either --shard (a batch scheduler runs the shards) or --queue (workers take the chunks), not both');
    return shardCommand(model, opts.shard, opts, argv);
  }
  return viaQueue(opts, local);
}

/** Runs `command` with its chunks on the queue's workers when --queue is given. */
export async function viaQueue(opts: QueueOptions, command: () => Promise<void>): Promise<void> {
  if (opts.queue === undefined) {
    if (opts.batch !== undefined) throw new InputError('--batch', opts.batch, 'goes with --queue URL');
    if (opts.queueTimeout !== undefined) throw new InputError('--queue-timeout', opts.queueTimeout, 'goes with --queue URL');
    return command();
  }
  const url = parseQueueUrl(opts.queue);
  const { DEFAULT_BATCH, openCoordinator } = await import('../../distributed/queue/coordinator.ts');
  const coordinator = await openCoordinator(url, {
    batch: opts.batch ?? DEFAULT_BATCH,
    ...(opts.queueTimeout !== undefined ? { queueTimeout: opts.queueTimeout } : {}),
    describe: { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.sampling !== undefined ? { sampling: opts.sampling } : {}), ...(opts.percentileMethod !== undefined ? { percentileMethod: opts.percentileMethod } : {}) },
  });
  setRunnerFactory(coordinator.factory);
  setPlacement(() => ({ queue: coordinator.placement() }));
  try {
    await command();
  } finally {
    setRunnerFactory(undefined);
    setPlacement(undefined);
    await coordinator.close();
  }
  if (coordinator.retried > 0) process.stderr.write(`note: ${coordinator.retried} job${coordinator.retried === 1 ? ' was' : 's were'} run again after the worker holding ${coordinator.retried === 1 ? 'it' : 'them'} stopped\n`);
  if (process.env.AI_ENERGY_MC_QUEUE_BYTES === '1') process.stderr.write(`queue bytes: sent ${coordinator.bytes.sent}, received ${coordinator.bytes.received}\n`);
}
