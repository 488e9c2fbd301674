/**
 * Sobol' low-discrepancy sequence in base 2, generated in Gray-code order, with Joe–Kuo direction
 * numbers and an optional seeded randomisation. Used by `run --sampling sobol` (`workers/chunk.ts`) and by
 * the Saltelli design (`src/sensitivity/sample/saltelli.ts`). It lives under `sampling/`, beside LHS, so
 * that a plain run never loads the sensitivity package.
 *
 * Construction (I. M. Sobol', USSR Comput. Math. Math. Phys. 7(4), 1967; the Gray-code recurrence of
 * Antonov & Saleev, USSR Comput. Math. Math. Phys. 19(1), 1979; as set out in S. Joe and F. Y. Kuo,
 * "Notes on generating Sobol' sequences", 2008, and SIAM J. Sci. Comput. 30(5), 2008):
 * - dimension j has a primitive polynomial x^s + a_1 x^{s-1} + … + a_{s-1} x + 1 over GF(2) and initial
 *   odd integers m_1 … m_s (m_k < 2^k), taken from `new-joe-kuo-6.21201` (`joe-kuo-6.21201.ts`);
 *   dimension 1 has all m_k = 1;
 * - further m_k follow the recurrence m_k = 2 a_1 m_{k-1} ⊕ 4 a_2 m_{k-2} ⊕ … ⊕ 2^{s-1} a_{s-1} m_{k-s+1}
 *   ⊕ 2^s m_{k-s} ⊕ m_{k-s};
 * - the direction numbers are v_k = m_k / 2^k, held as 32-bit integers V_k = m_k · 2^{32-k};
 * - point i (i = 0, 1, 2, …) is x_i = x_{i-1} ⊕ V_c with c the position of the lowest set bit of i
 *   (equivalently: the XOR of the V_k for the bits of the Gray code i ⊕ (i >> 1)). Point 0 is the origin.
 *   The first 2^m points are the same set as in Sobol's natural order, only permuted.
 *
 * Randomisation (`scramble`, default on with a seed): a random linear matrix scramble followed by a
 * random digital shift (J. Matoušek, "On the L2-discrepancy for anchored boxes", J. Complexity 14, 1998;
 * A. B. Owen, "Variance with alternative scramblings of digital nets", ACM TOMACS 13(4), 2003).
 * Each dimension's generator matrix C is replaced by L·C, L a random 32×32 lower-triangular binary
 * matrix with unit diagonal, and every point is XORed with a random 32-bit vector e. Why this one:
 * - L is non-singular and lower triangular, so L·C has the same t-value as C: every elementary interval
 *   that held exactly one point of the first 2^m still does (tested), so the Saltelli estimators keep
 *   the quasi-Monte Carlo convergence rate;
 * - the digital shift makes every single point uniformly distributed on the 2^-32 grid, so the
 *   estimators are unbiased and repeated seeds give independent replicates;
 * - it costs nothing in the generation loop: L is applied once to the 32 direction numbers of each
 *   dimension and e once per point.
 * A Cranley–Patterson rotation (x + u mod 1) would be as cheap but destroys the dyadic net structure;
 * Owen's full nested scrambling has slightly better variance but needs a random bit per tree node, far
 * costlier at millions of points.
 *
 * Output: `nextInt` gives the raw 32-bit integers. `next` gives doubles: x / 2^32 by default (exact, so
 * the unscrambled points equal the published ones), or with `midpoint` the centre of the 2^-32 cell,
 * (x + ½) / 2^32, which lies strictly inside (0, 1) so an inverse CDF never sees 0 (the designs use this).
 *
 * @example
 * const seq = new SobolSequence(3, { scramble: false });
 * const p = new Float64Array(3);
 * seq.next(p); seq.next(p); seq.next(p); // p = [0.75, 0.25, 0.25]
 */
import { InputError } from '../errors.ts';
import { uint32Stream } from './random.ts';
import { JOE_KUO_6_21201, JOE_KUO_MAX_DIMENSION } from './joe-kuo-6.21201.ts';

/** Highest dimension this generator supports (the Joe–Kuo data bundled). */
export const SOBOL_MAX_DIMENSION = JOE_KUO_MAX_DIMENSION;
/** Bits per coordinate; at most 2^32 − 1 points can be drawn. */
export const SOBOL_BITS = 32;
const TWO_POW_32 = 4294967296;

export interface SobolOptions {
  /**
   * `false` for the plain (published) sequence; otherwise the seed of the linear matrix scramble and
   * digital shift (drawn from `seedrandom.xor4096(`${seed}:sobol-scramble`)`).
   */
  readonly scramble: false | { readonly seed: string };
  /** Index of the first point to return (default 0). */
  readonly skip?: number;
}

interface PolyEntry {
  readonly s: number;
  readonly a: number;
  readonly m: readonly number[];
}

let table: PolyEntry[] | undefined;

/** The Joe–Kuo table, parsed once: entry j-2 is dimension j. */
function joeKuoTable(): PolyEntry[] {
  if (table) return table;
  const parsed: PolyEntry[] = [];
  for (const line of JOE_KUO_6_21201.split('\n')) {
    const f = line.trim().split(/\s+/).map(Number);
    if (f.length < 4) continue;
    const [d, s, a, ...m] = f;
    if (d !== parsed.length + 2 || m.length !== s) throw new Error(`Joe–Kuo table corrupt at dimension ${d}`);
    parsed.push({ s, a, m });
  }
  table = parsed;
  return parsed;
}

/**
 * The 32 direction numbers V_1 … V_32 of dimension `dim` (1-based), as unsigned 32-bit integers,
 * V_k = m_k · 2^{32-k}, following Joe & Kuo's recurrence.
 */
export function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(SOBOL_BITS);
  if (dim === 1) {
    for (let k = 1; k <= SOBOL_BITS; k++) v[k - 1] = 2 ** (SOBOL_BITS - k);
    return v;
  }
  const { s, a, m: initial } = joeKuoTable()[dim - 2];
  const m = new Array<number>(SOBOL_BITS + 1); // m[1..32]
  for (let k = 1; k <= s; k++) m[k] = initial[k - 1];
  for (let k = s + 1; k <= SOBOL_BITS; k++) {
    // 2^s m_{k-s} ⊕ m_{k-s} ⊕ Σ_{l=1}^{s-1} 2^l a_l m_{k-l}; a_l is bit (s-1-l) of a. All terms < 2^k <= 2^32.
    let mk = (m[k - s] ^ (m[k - s] << s)) >>> 0;
    for (let l = 1; l < s; l++) {
      if ((a >>> (s - 1 - l)) & 1) mk = (mk ^ (m[k - l] << l)) >>> 0;
    }
    m[k] = mk;
  }
  for (let k = 1; k <= SOBOL_BITS; k++) v[k - 1] = (m[k] << (SOBOL_BITS - k)) >>> 0;
  return v;
}

/** Parity (XOR of all bits) of a 32-bit integer. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * A Sobol' sequence generator over `dimensions` coordinates. Stateful: each `next` returns the next point.
 */
export class SobolSequence {
  readonly dimensions: number;
  /** Direction numbers, dimension-major: v[d * 32 + k] is V_{k+1} of dimension d+1 (after scrambling). */
  private readonly v: Uint32Array;
  /** Digital shift per dimension (zeros when not scrambled). */
  private readonly shift: Uint32Array;
  /** Unshifted state x_{index-1}. */
  private readonly state: Uint32Array;
  private nextIndex: number;

  constructor(dimensions: number, options: SobolOptions) {
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSION) {
      throw new InputError('dimensions', dimensions, `an integer from 1 to ${SOBOL_MAX_DIMENSION} (the Joe–Kuo direction numbers bundled)`);
    }
    this.dimensions = dimensions;
    this.v = new Uint32Array(dimensions * SOBOL_BITS);
    this.shift = new Uint32Array(dimensions);
    for (let d = 0; d < dimensions; d++) this.v.set(directionNumbers(d + 1), d * SOBOL_BITS);
    if (options.scramble) this.scramble(options.scramble.seed);
    this.state = new Uint32Array(dimensions);
    this.nextIndex = 0;
    this.seek(options.skip ?? 0);
  }

  /** Index of the point the next call to `next`/`nextInt` returns. */
  get index(): number {
    return this.nextIndex;
  }

  /** Position the generator so the next point returned is point `index` (O(32·dimensions)). */
  seek(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= TWO_POW_32) {
      throw new InputError('skip', index, `an integer from 0 to 2^32 − 1`);
    }
    this.nextIndex = index;
    // Point 0 is the state 0 (shifted): a generator that has drawn points must forget them.
    if (index === 0) return void this.state.fill(0);
    // state holds x_{index-1} = XOR of V_k over the bits of gray(index-1).
    const prev = index - 1;
    const gray = (prev ^ Math.floor(prev / 2)) >>> 0;
    for (let d = 0; d < this.dimensions; d++) {
      let x = 0;
      for (let k = 0; k < SOBOL_BITS; k++) if ((gray >>> k) & 1) x ^= this.v[d * SOBOL_BITS + k];
      this.state[d] = x >>> 0;
    }
  }

  /** Writes the next point's 32-bit integer coordinates into `out[offset … offset+dimensions)`. */
  nextInt(out: Uint32Array, offset = 0): void {
    const i = this.nextIndex;
    if (i >= TWO_POW_32 - 1) throw new InputError('samples', i + 1, 'at most 2^32 − 1 Sobol points');
    const dims = this.dimensions;
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i); // lowest set bit of i
      for (let d = 0; d < dims; d++) this.state[d] ^= this.v[d * SOBOL_BITS + c];
    }
    for (let d = 0; d < dims; d++) out[offset + d] = (this.state[d] ^ this.shift[d]) >>> 0;
    this.nextIndex = i + 1;
  }

  /**
   * Writes the next point into `out[offset … offset+dimensions)` as doubles in [0, 1): x / 2^32, or with
   * `midpoint` (x + ½) / 2^32, strictly inside (0, 1).
   */
  next(out: Float64Array, offset = 0, midpoint = false): void {
    const i = this.nextIndex;
    if (i >= TWO_POW_32 - 1) throw new InputError('samples', i + 1, 'at most 2^32 − 1 Sobol points');
    const dims = this.dimensions;
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i);
      for (let d = 0; d < dims; d++) this.state[d] ^= this.v[d * SOBOL_BITS + c];
    }
    const half = midpoint ? 0.5 : 0;
    for (let d = 0; d < dims; d++) out[offset + d] = (((this.state[d] ^ this.shift[d]) >>> 0) + half) / TWO_POW_32;
    this.nextIndex = i + 1;
  }

  /** Linear matrix scramble of the direction numbers and a digital shift, from the seed. */
  private scramble(seed: string): void {
    const bits = uint32Stream(seed, 'sobol-scramble');
    const rows = new Uint32Array(SOBOL_BITS);
    for (let d = 0; d < this.dimensions; d++) {
      // Row r (digit r+1, bit 31-r) of L: the diagonal bit plus random bits in the more significant digits.
      for (let r = 0; r < SOBOL_BITS; r++) {
        const above = r === 0 ? 0 : (0xffffffff << (SOBOL_BITS - r)) >>> 0;
        rows[r] = ((bits() & above) | (1 << (31 - r))) >>> 0;
      }
      for (let k = 0; k < SOBOL_BITS; k++) {
        const col = this.v[d * SOBOL_BITS + k];
        let scrambled = 0;
        for (let r = 0; r < SOBOL_BITS; r++) scrambled |= parity(col & rows[r]) << (31 - r);
        this.v[d * SOBOL_BITS + k] = scrambled >>> 0;
      }
      this.shift[d] = bits();
    }
  }
}

/**
 * `n` points of a `dimensions`-dimensional Sobol' sequence, row-major (point i's coordinate d at
 * `i * dimensions + d`), as doubles; see `SobolSequence` for the options.
 *
 * @example sobolPoints(4, 2, { scramble: false }) // [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 */
export function sobolPoints(n: number, dimensions: number, options: SobolOptions & { readonly midpoint?: boolean }): Float64Array {
  const seq = new SobolSequence(dimensions, options);
  const out = new Float64Array(n * dimensions);
  const midpoint = options.midpoint ?? false;
  for (let i = 0; i < n; i++) seq.next(out, i * dimensions, midpoint);
  return out;
}
