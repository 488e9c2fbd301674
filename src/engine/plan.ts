/**
 * A run is cut into chunks of a fixed size that does not depend on the number of workers.
 * Chunk k covers samples [k·size, min((k+1)·size, total)) and draws from its own random
 * stream derived from (seed, k) only: that is what makes a run bit-identical for any worker
 * count and any scheduling order.
 */
import seedrandom from 'seedrandom';
import type { RandomSource } from '../distributions/types.ts';

/** 2^16 samples: big enough to amortise messaging (~1 ms of work), small enough for smooth progress. */
export const DEFAULT_CHUNK_SIZE = 65_536;

export interface Chunk {
  readonly index: number;
  readonly start: number;
  readonly size: number;
}

export function planChunks(total: number, chunkSize = DEFAULT_CHUNK_SIZE): Chunk[] {
  const chunks: Chunk[] = [];
  for (let index = 0, start = 0; start < total; index++, start += chunkSize) {
    chunks.push({ index, start, size: Math.min(chunkSize, total - start) });
  }
  return chunks;
}

/**
 * The random stream of chunk k: seedrandom's xor4096 (Brent 2006, "Some long-period random
 * number generators using shifts and rotations"; period 2^4096 − 1), which its author
 * recommends for long simulations, keyed by the run seed and the chunk index.
 */
export function chunkRandom(seed: string, chunk: number, stream = 'mc'): RandomSource {
  return seedrandom.xor4096(`ai-energy-mc/${stream}/${seed}/${chunk}`);
}
