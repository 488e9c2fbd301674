/**
 * Saltelli's sampling scheme for first- and total-order Sobol' indices, on a scrambled Sobol' sequence.
 * Mirrors `analyze/sobol.ts`.
 *
 * Two N × k matrices A and B are the first and last k coordinates of N points of a 2k-dimensional
 * Sobol' sequence; for each input i, AB_i is A with its column i taken from B. The design stacks the
 * blocks A, B, AB_0 … AB_{k−1}: N·(k + 2) rows (A. Saltelli et al., "Variance based sensitivity analysis
 * of model output. Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181(2),
 * 259–270, 2010, §3 and Table 2 — their matrices A, B and A_B^(i)). N should be a power of two so the
 * Sobol' points are balanced (each elementary interval equally filled).
 *
 * The sequence is randomised by a linear matrix scramble and digital shift from `seed` (see
 * `src/sampling/sobol.ts`), so no point needs to be skipped and the bootstrap has independent replicates to
 * describe. Every unit value is a cell midpoint, strictly inside (0, 1).
 *
 * @example
 * const d = sampleSaltelli(3, { n: 1024, seed: '42' });
 * d.rows // 5120 = 1024 · (3 + 2)
 * d.layout.blocks.map((b) => b.name) // ['A', 'B', 'AB_0', 'AB_1', 'AB_2']
 */
import { InputError } from '../../errors.ts';
import { SOBOL_MAX_DIMENSION, SobolSequence } from '../../sampling/sobol.ts';
import type { Block, Design, SaltelliLayout } from '../types.ts';
import { checkCount, checkRange, rowsInto } from './validate.ts';

export interface SaltelliOptions {
  /** Base sample size N (a power of two is best). */
  readonly n: number;
  /** Seed of the scramble; `null` for the plain Joe–Kuo sequence (tests only). */
  readonly seed: string | null;
  /** Sobol' points to skip first (default 0). */
  readonly skip?: number;
}

/** The checks both entry points make; returns the design's rows. */
function checkSaltelli(k: number, options: SaltelliOptions): number {
  checkCount('k', k);
  checkCount('samples', options.n, 2);
  if (2 * k > SOBOL_MAX_DIMENSION) {
    throw new InputError('parameters', k, `at most ${Math.floor(SOBOL_MAX_DIMENSION / 2)} uncertain parameters for the Sobol' method (2k Sobol' dimensions)`);
  }
  const rows = options.n * (k + 2);
  if (rows * k > 2 ** 31) throw new InputError('samples', options.n, `a base sample small enough that N·(k+2)·k stays below 2^31 (k = ${k})`);
  return rows;
}

function sequence(k: number, options: SaltelliOptions, first: number): SobolSequence {
  return new SobolSequence(2 * k, { scramble: options.seed === null ? false : { seed: options.seed }, skip: (options.skip ?? 0) + first });
}

/** `into`: where to write the rows (N·(k + 2) × k values), else a new array. */
export function sampleSaltelli(k: number, options: SaltelliOptions, into?: Float64Array): Design<SaltelliLayout> {
  const layout = saltelliLayout(k, options);
  const { rows, n } = layout;
  const dims = 2 * k;
  const seq = sequence(k, options, 0);
  const unit = rowsInto(into, rows * k);
  const point = new Float64Array(dims);
  const bStart = n * k;
  for (let j = 0; j < n; j++) {
    seq.next(point, 0, true);
    const aRow = j * k;
    for (let c = 0; c < k; c++) {
      unit[aRow + c] = point[c];
      unit[bStart + aRow + c] = point[k + c];
    }
    for (let i = 0; i < k; i++) {
      const row = ((2 + i) * n + j) * k;
      for (let c = 0; c < k; c++) unit[row + c] = point[c];
      unit[row + i] = point[k + i];
    }
  }
  return { unit, rows, k, layout };
}

/**
 * The layout of `sampleSaltelli(k, options)` without its rows, after the same checks: Sobol' analysis
 * reads only the blocks and the responses, so a study whose rows are made elsewhere (a queue's
 * workers) needs no more here.
 *
 * @example saltelliLayout(3, { n: 1024, seed: '42' }).rows // 5120
 */
export function saltelliLayout(k: number, options: SaltelliOptions): SaltelliLayout {
  const rows = checkSaltelli(k, options);
  const n = options.n;
  const blocks: Block[] = [
    { name: 'A', start: 0, rows: n },
    { name: 'B', start: n, rows: n },
  ];
  for (let i = 0; i < k; i++) blocks.push({ name: `AB_${i}`, start: (2 + i) * n, rows: n });
  return {
    method: 'saltelli',
    k,
    rows,
    n,
    blocks,
    sequence: {
      kind: 'sobol',
      directionNumbers: 'new-joe-kuo-6.21201',
      dimensions: 2 * k,
      randomisation: options.seed === null ? 'none' : 'linear-matrix-scramble+digital-shift',
      seed: options.seed,
      skip: options.skip ?? 0,
    },
  };
}

/**
 * Rows [first, first + count) of `sampleSaltelli(k, options).unit`, bit for bit, without the others: row
 * j of every block is made from Sobol' point skip + j alone, and the sequence seeks to any point
 * (`SobolSequence.seek`, the scramble being fixed per dimension), so a queue worker makes only its
 * job's rows. Each row costs one 2k-dimensional point where the whole design shares one point
 * between a base row's k + 2 rows: (k + 2) times the generation work, still small beside a model run.
 *
 * @example saltelliRows(3, { n: 1024, seed: '42' }, 1020, 8) // rows 1020–1023 of A, then 0–3 of B
 */
export function saltelliRows(k: number, options: SaltelliOptions, first: number, count: number): Float64Array {
  const rows = checkSaltelli(k, options);
  checkRange(first, count, rows);
  const n = options.n;
  const unit = new Float64Array(count * k);
  const point = new Float64Array(2 * k);
  // One run of consecutive points per block the range touches.
  for (let r = first; r < first + count; ) {
    const block = Math.floor(r / n);
    const j0 = r - block * n;
    const end = Math.min(first + count, (block + 1) * n);
    const seq = sequence(k, options, j0);
    for (; r < end; r++) {
      seq.next(point, 0, true);
      const row = (r - first) * k;
      if (block === 1) {
        for (let c = 0; c < k; c++) unit[row + c] = point[k + c];
      } else {
        for (let c = 0; c < k; c++) unit[row + c] = point[c];
        if (block >= 2) unit[row + block - 2] = point[k + block - 2];
      }
    }
  }
  return unit;
}
