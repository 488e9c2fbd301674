/**
 * Where a run ran, for summary.json's optional `queue` or `shard` field. The queue's coordinator
 * and `merge` set a source before the run command writes its folder; the run command asks it once
 * per summary (a `--scenario all` run asks once per scenario, and a queue's source reports the
 * jobs since the last ask). Kept apart from the queue's modules so that plain runs load no
 * bullmq or ioredis.
 */
import type { QueuePlacement, ShardPlacement, Summary } from '../results/types.ts';

export type Placement = { readonly queue: QueuePlacement } | { readonly shard: ShardPlacement };

let source: (() => Placement) | undefined;

/** Sets (or, with undefined, clears) what the next summaries say about where they ran. */
export function setPlacement(next: (() => Placement) | undefined): void {
  source = next;
}

/** `summary` with the placement (if any) right after `workers`: the one-machine summary's fields otherwise untouched, in order. */
export function withPlacement(summary: Summary): Summary {
  if (!source) return summary;
  const placement = source();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] = value;
    if (key === 'workers') Object.assign(out, placement);
  }
  return out as unknown as Summary;
}
