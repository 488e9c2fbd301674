/**
 * `merge DIR…`: the shards of one run back into its results. The shards are checked first (every
 * one of the same run by its fingerprint, each index once, none missing, each holding exactly its
 * chunks), then the engine's own `simulate` runs over a runner that answers each chunk task with
 * the stored result of that chunk (`replayFactory`): aggregation in chunk order, precision
 * checkpoints, exact selection and the sketch merges are the code a one-machine run goes through,
 * which is what makes the merged folder the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulateResult, SimulateTask, TaskResult } from '../../workers/protocol.ts';
import { InputError, RunError } from '../errors.ts';
import { abortReason, type Runner, type RunnerFactory } from '../engine/runner.ts';
import { selectOne } from '../engine/select.ts';
import { decode } from './codec.ts';
import { SHARD_FILES, type ShardRecord } from './shard.ts';

export interface ShardFolder {
  readonly dir: string;
  readonly record: ShardRecord;
}

/** Reads shard.json of each folder; a folder without one (or with another format) is named. */
export function readShardRecords(dirs: readonly string[]): ShardFolder[] {
  return dirs.map((dir) => {
    const file = join(dir, SHARD_FILES.record);
    if (!existsSync(file)) throw new InputError('merge', dir, `a folder written by run … --shard I/N --out DIR (it holds ${SHARD_FILES.record} and ${SHARD_FILES.results}); this one has no ${SHARD_FILES.record}`);
    let record: ShardRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as ShardRecord;
    } catch (err) {
      throw new InputError('merge', dir, `a shard folder whose ${SHARD_FILES.record} is readable JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (record?.format !== 'ai-energy-mc/shard' || record.formatVersion !== 1) {
      throw new InputError('merge', dir, `a shard folder of format ai-energy-mc/shard version 1; its ${SHARD_FILES.record} is not`);
    }
    return { dir, record };
  });
}

const label = (s: ShardFolder) => `shard ${s.record.shard.index}/${s.record.shard.count} (${s.dir})`;

/**
 * Every shard of one run, each once, none missing. Throws an InputError (exit 2) naming the first
 * shard that does not fit and why, or every missing index.
 */
export function checkShards(shards: readonly ShardFolder[]): void {
  if (shards.length === 0) throw new InputError('merge', '', 'one or more shard folders');
  const first = shards[0];
  for (const s of shards.slice(1)) {
    if (s.record.fingerprint === first.record.fingerprint && s.record.shard.count === first.record.shard.count) continue;
    throw new InputError('merge', s.dir, `shards of one run; ${label(s)} differs from ${label(first)} in ${differences(first.record, s.record)}`);
  }
  const count = first.record.shard.count;
  const seen = new Map<number, ShardFolder>();
  for (const s of shards) {
    const earlier = seen.get(s.record.shard.index);
    if (earlier) throw new InputError('merge', s.dir, `each shard once; shard ${s.record.shard.index}/${count} is given twice (${earlier.dir} and ${s.dir})`);
    seen.set(s.record.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${count}`).join(', ') + (missing.length > 10 ? `, … (${missing.length} in all)` : '');
    throw new InputError('merge', shards.map((s) => s.dir).join(' '), `every shard of the run, 0/${count} to ${count - 1}/${count}; missing: shard ${shown}`);
  }
}

/** Which parts of two shard records differ, for the message. */
function differences(a: ShardRecord, b: ShardRecord): string {
  const out: string[] = [];
  if (a.shard.count !== b.shard.count) out.push(`its shard count (${b.shard.count}, not ${a.shard.count})`);
  if (a.model.sha256 !== b.model.sha256) out.push('its model (another SHA-256 of the model file)');
  if (JSON.stringify(a.model.overrides) !== JSON.stringify(b.model.overrides) || a.model.scenario !== b.model.scenario) out.push('its --set overrides or --scenario');
  for (const key of Object.keys({ ...a.run, ...b.run }) as Array<keyof ShardRecord['run']>) {
    if (JSON.stringify(a.run[key]) !== JSON.stringify(b.run[key])) out.push(`${key} (${JSON.stringify(b.run[key])}, not ${JSON.stringify(a.run[key])})`);
  }
  for (const key of ['engine', 'node', 'v8'] as const) {
    if (a.versions[key] !== b.versions[key]) out.push(`its ${key} version (${b.versions[key]}, not ${a.versions[key]})`);
  }
  return out.length > 0 ? out.join(', ') : 'its fingerprint';
}

/** The chunk results of every shard, by chunk; each shard must hold exactly its own chunks. */
export function readShardResults(shards: readonly ShardFolder[]): Map<number, SimulateResult> {
  const byChunk = new Map<number, SimulateResult>();
  for (const s of shards) {
    const file = join(s.dir, SHARD_FILES.results);
    let results: SimulateResult[];
    try {
      results = decode<SimulateResult[]>(readFileSync(file));
    } catch (err) {
      throw new InputError('merge', s.dir, `a complete shard folder; its ${SHARD_FILES.results} cannot be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
    const { first, end } = s.record.chunks;
    const ok = Array.isArray(results) && results.length === end - first && results.every((r, i) => r?.kind === 'simulate' && r.chunk === first + i);
    if (!ok) throw new InputError('merge', s.dir, `a complete shard folder; ${label(s)} should hold chunks ${first} to ${end - 1} and does not`);
    for (const r of results) byChunk.set(r.chunk, r);
  }
  return byChunk;
}

/**
 * Runners that answer each chunk task from stored results (and run the end's selections here).
 * A task for a chunk that is not stored, or stored with another start or size, is a RunError: the
 * shards do not describe this run.
 */
export function replayFactory(results: ReadonlyMap<number, SimulateResult>): RunnerFactory {
  return async () => replayRunner(results);
}

function replayRunner(results: ReadonlyMap<number, SimulateResult>): Runner {
  const answer = (task: SimulateTask): SimulateResult => {
    const r = results.get(task.chunk);
    if (!r || r.start !== task.start || r.size !== task.size) throw new RunError(`the shards hold no result for chunk ${task.chunk} (samples ${task.start} to ${task.start + task.size - 1}) of this run`);
    return r;
  };
  return {
    workers: 0,
    async run(tasks, onResult, signal) {
      for (const task of tasks) {
        if (signal?.aborted) throw abortReason(signal);
        let result: TaskResult;
        if (task.kind === 'simulate') result = answer(task);
        else if (task.kind === 'select') {
          const { x, prefixX, counts } = selectOne(task);
          result = { kind: 'select', id: task.id, x, ...(prefixX ? { prefixX } : {}), ...(counts ? { counts } : {}) };
        } else throw new RunError('a design evaluation (sensitivity) cannot be merged from shards');
        onResult(result);
      }
    },
    async close() {},
  };
}
