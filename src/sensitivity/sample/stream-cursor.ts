/**
 * A design's seeded stream (`stream(seed, purpose)` of `sampling/random.ts`: seedrandom's xor4096 on
 * `${seed}:${purpose}`) started at its n-th draw, for designs drawn value by value (Monte Carlo rows,
 * Morris trajectories) whose rows a queue worker makes without the rest.
 *
 * xor4096 has no jump-ahead: reaching draw n means making the n draws before it, cheap beside a model
 * run but not free (~10 ns a draw). Saved states make the cost the distance from the nearest saved
 * position at or before n instead of from 0, so a worker that makes a design's rows job after job,
 * in whatever order the jobs reach it, draws each value about once. The states (~1 kB each) are kept
 * per process, a few streams and a few hundred positions at most, the oldest dropped first.
 *
 * @example
 * const c = streamAt('42', 'montecarlo', 1000); // c.next() === the 1001st value of stream('42', 'montecarlo')
 */
import seedrandom from 'seedrandom';

type State = seedrandom.State.Xor4096;

export interface StreamCursor {
  /** The stream's next value: a uniform double on (0, 1), as `stream(seed, purpose)()` gives it here. */
  readonly next: () => number;
  /** Keeps the stream's state at its current position for later cursors on it. */
  readonly save: () => void;
}

const MAX_STREAMS = 4;
const MAX_STATES = 256;
/** Saved states by stream, each list in the order saved. */
const saved = new Map<string, Array<{ readonly draw: number; readonly state: State }>>();

/** A cursor on stream `(seed, purpose)` whose first `next()` is the stream's draw `draw` (0-based). */
export function streamAt(seed: string, purpose: string, draw: number): StreamCursor {
  if (!Number.isSafeInteger(draw) || draw < 0) throw new Error(`a stream position is a whole number of draws; got ${draw}`);
  // The same key as random.ts `stream`, so the values are the same bits.
  const key = `${String(seed)}:${purpose}`;
  const states = saved.get(key) ?? [];
  let from: { readonly draw: number; readonly state: State } | undefined;
  for (const s of states) if (s.draw <= draw && (from === undefined || s.draw > from.draw)) from = s;
  const prng = from ? seedrandom.xor4096('', { state: from.state }) : seedrandom.xor4096(key, { state: true });
  let position = from?.draw ?? 0;
  while (position < draw) {
    prng.double();
    position++;
  }
  return {
    next: () => {
      position++;
      return prng.double();
    },
    save: () => {
      if (states.some((s) => s.draw === position)) return;
      states.push({ draw: position, state: prng.state() });
      if (states.length > MAX_STATES) states.shift();
      saved.delete(key); // re-inserted last: the map's order is the streams' last use
      saved.set(key, states);
      if (saved.size > MAX_STREAMS) saved.delete(saved.keys().next().value as string);
    },
  };
}
