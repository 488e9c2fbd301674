/**
 * Seeded random streams for the sampling designs that are not drawn chunk by chunk: the Sobol'
 * scramble (`sobol.ts`), the sensitivity designs (Monte Carlo rows, Morris trajectories) and the
 * bootstraps of the sensitivity analyses.
 *
 * Every stream is `seedrandom.xor4096(`${seed}:${purpose}`)`, the purpose keeping the streams of one run
 * independent: `stream('42', 'sobol-scramble')`. This is not the generator of a run's samples (chunk k of
 * a run draws from its own stream, `chunkRandom` in `src/engine/plan.ts`); the two never share a state, so
 * changing one leaves the other's results as they were. Changing xor4096 here would change every
 * sensitivity result and every scrambled Sobol' point for a given seed.
 */
import seedrandom from 'seedrandom';

/** A uniform double on [0, 1), 53 random bits (seedrandom's `double()`). */
export type UnitStream = () => number;

/** The xor4096 stream for `(seed, purpose)`: uniform doubles on [0, 1). */
export function stream(seed: string, purpose: string): UnitStream {
  const prng = seedrandom.xor4096(`${String(seed)}:${purpose}`);
  return () => prng.double();
}

/** 32 random bits as an unsigned integer, from the xor4096 stream for `(seed, purpose)`. */
export function uint32Stream(seed: string, purpose: string): () => number {
  const prng = seedrandom.xor4096(`${String(seed)}:${purpose}`);
  return () => prng.int32() >>> 0;
}

/**
 * A fast integer generator for the bootstrap's index draws: xoshiro128** (Blackman & Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), its 128-bit state seeded
 * from the xor4096 stream for `(seed, purpose)`. A bootstrap of N = 2^16 base rows with 500 resamples
 * draws 33 million indices; xor4096's `int32()` would take most of a second for that, this about 0.1 s.
 *
 * `index(n)` returns an integer in [0, n) by multiply-and-floor of 32 random bits (Lemire's method
 * without rejection): its bias is below n / 2^32, under 2e-5 for n = 2^16, far below bootstrap noise.
 */
export class FastIndexStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: string, purpose: string) {
    const next = uint32Stream(seed, purpose);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** 32 random bits, unsigned. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform integer in [0, n), n <= 2^32. */
  index(n: number): number {
    return Math.floor((this.nextUint32() * n) / 4294967296);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
