/**
 * Plain Monte Carlo design for the correlation methods (`analyze/spearman.ts`, `analyze/prcc.ts`):
 * `n` rows of independent uniforms from `seedrandom.xor4096`, and, when the model declares rank
 * correlations, those correlations imposed on the unit columns by Iman–Conover (R. L. Iman &
 * W. J. Conover, Commun. Stat. B 11(3), 1982), with the engine's own implementation
 * (`src/sampling/iman-conover.ts`), so Spearman and PRCC describe the same joint distribution as `run`.
 * Iman–Conover only re-pairs values, so each column stays an exact uniform sample.
 *
 * @example sampleMonteCarlo(3, { n: 1000, seed: '7' }).rows // 1000
 */
import { InputError } from '../../errors.ts';
import { correlationTarget } from '../../sampling/correlation-matrix.ts';
import { imposeRankCorrelation } from '../../sampling/iman-conover.ts';
import { stream } from '../../sampling/random.ts';
import type { Design, MonteCarloLayout } from '../types.ts';
import { streamAt } from './stream-cursor.ts';
import { checkCount, checkRange, rowsInto } from './validate.ts';

export interface MonteCarloOptions {
  readonly n: number;
  readonly seed: string;
  /** Rank (Spearman) correlations between design columns: `[i, j, rho]`, 0-based column indices. */
  readonly correlations?: ReadonlyArray<readonly [number, number, number]>;
}

const TINY = 2 ** -53;

function checkMonteCarlo(k: number, n: number): void {
  checkCount('k', k);
  checkCount('samples', n, 4);
  if (n * k > 2 ** 31) throw new InputError('samples', n, `at most ${Math.floor(2 ** 31 / k)} rows for ${k} inputs`);
}

/** Fills `unit` with the stream's next values, row-major: value i of the design is draw i of the stream. */
function fillUniform(random: () => number, unit: Float64Array): void {
  for (let i = 0; i < unit.length; i++) {
    const u = random();
    unit[i] = u === 0 ? TINY : u;
  }
}

/** `into`: where to write the rows (n × k values), else a new array. */
export function sampleMonteCarlo(k: number, options: MonteCarloOptions, into?: Float64Array): Design<MonteCarloLayout> {
  const n = options.n;
  checkMonteCarlo(k, n);
  const correlations = options.correlations ?? [];
  const unit = rowsInto(into, n * k);
  fillUniform(stream(options.seed, 'montecarlo'), unit);
  if (correlations.length > 0) {
    const names = Array.from({ length: k }, (_, i) => String(i));
    const target = correlationTarget(
      correlations.map(([i, j, rho]) => [String(i), String(j), rho]),
      names,
      () => false,
    );
    if (target) {
      const columns = target.names.map((name) => {
        const c = Number(name);
        const col = new Float64Array(n);
        for (let r = 0; r < n; r++) col[r] = unit[r * k + c];
        return col;
      });
      imposeRankCorrelation(columns, n, target, stream(options.seed, 'montecarlo-iman-conover'));
      target.names.forEach((name, t) => {
        const c = Number(name);
        for (let r = 0; r < n; r++) unit[r * k + c] = columns[t][r];
      });
    }
  }
  return { unit, rows: n, k, layout: { method: 'montecarlo', k, rows: n, seed: options.seed, correlations } };
}

/**
 * Rows [first, first + count) of `sampleMonteCarlo(k, options).unit` for independent inputs, without
 * the others: row r holds draws r·k … r·k + k − 1 of the design's stream (`stream-cursor.ts`).
 * A design with rank correlations has no such form: Iman–Conover re-pairs whole columns by their ranks
 * over all n rows, so any one row depends on every other; it is made whole (`design-spec.ts`).
 *
 * @example monteCarloRows(3, { n: 1000, seed: '7' }, 10, 5).length // 15
 */
export function monteCarloRows(k: number, options: Omit<MonteCarloOptions, 'correlations'>, first: number, count: number): Float64Array {
  checkMonteCarlo(k, options.n);
  checkRange(first, count, options.n);
  const cursor = streamAt(options.seed, 'montecarlo', first * k);
  cursor.save();
  const unit = new Float64Array(count * k);
  fillUniform(cursor.next, unit);
  cursor.save();
  return unit;
}
