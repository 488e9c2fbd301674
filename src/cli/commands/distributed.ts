/**
 * The command line of runs spread over machines: `run … --shard I/N`, `merge DIR…`, and (through
 * a Redis server) `worker --queue URL` with `run|sensitivity … --queue URL`. Added to the program
 * main.ts builds, so the commands' own options stay where they are declared.
 */
import { Command, Option } from 'commander';
import { mergeCommand } from './merge.ts';
import { shardCommand } from './shard.ts';
import type { RunOptions } from './run.ts';

/** Adds --shard to `run`, and the `merge` command. */
export function addDistributedCommands(program: Command, argv: readonly string[]): void {
  const run = program.commands.find((c) => c.name() === 'run');
  run?.addOption(new Option('--shard <I/N>', 'compute only shard I of N (I from 0 to N−1) into --out DIR, for merge; e.g. a Slurm array or a Kubernetes Indexed Job'));
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
}

/** `run`'s action: a shard of the run when --shard is given, else `local` (the usual run). */
export async function runOrShard(model: string, opts: RunOptions & { readonly shard?: string }, argv: readonly string[], local: () => Promise<void>): Promise<void> {
  if (opts.shard !== undefined) return shardCommand(model, opts.shard, opts, argv);
  return local();
}
