/**
 * Target correlation matrices for Iman–Conover: built from the model's `[a, b, rho]` pairs,
 * validated, and factored.
 */
import { InputError } from '../errors.ts';

/** Lower-triangular Cholesky factor L of a symmetric matrix A = L·Lᵀ, or null if A is not positive definite. */
export function cholesky(a: readonly number[][]): number[][] | null {
  const k = a.length;
  const l = a.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  return l;
}

/** Inverse of a lower-triangular matrix by forward substitution. */
export function invertLower(l: readonly number[][]): number[][] {
  const k = l.length;
  const inv = l.map(() => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    inv[j][j] = 1 / l[j][j];
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= l[i][m] * inv[m][j];
      inv[i][j] = s / l[i][i];
    }
  }
  return inv;
}

export interface CorrelationTarget {
  /** Names of the correlated parameters, in model order. */
  readonly names: readonly string[];
  /** Target Spearman rank correlations among them. */
  readonly rank: readonly number[][];
  /** Lower Cholesky factor of the Pearson correlation of normal scores that yields `rank`. */
  readonly scoreCholesky: readonly number[][];
}

/**
 * Validates `[a, b, rho]` pairs against the parameter list and builds the target.
 * Spearman's ρ of a normal copula with Pearson r is (6/π)·asin(r/2) (Pearson 1907), so the
 * scores are correlated at r = 2·sin(πρ/6) to land on the rank correlation the user asked for.
 */
export function correlationTarget(
  pairs: ReadonlyArray<readonly unknown[]>,
  parameterNames: readonly string[],
  isConstant: (name: string) => boolean,
): CorrelationTarget | null {
  if (pairs.length === 0) return null;
  const seen = new Map<string, number>();
  const names: string[] = [];
  const entries: Array<[string, string, number]> = [];
  pairs.forEach((pair, i) => {
    const field = `correlations[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 3) {
      throw new InputError(field, pair, "a correlation is written ['parameterA', 'parameterB', rho]");
    }
    const [a, b, rho] = pair;
    for (const name of [a, b]) {
      if (typeof name !== 'string' || !parameterNames.includes(name)) {
        throw new InputError(field, name, `correlations name model parameters: ${parameterNames.join(', ')}`);
      }
      if (isConstant(name)) throw new InputError(field, name, 'a constant parameter cannot be correlated');
    }
    if (a === b) throw new InputError(field, pair, 'a parameter cannot be correlated with itself');
    if (typeof rho !== 'number' || !Number.isFinite(rho) || rho < -1 || rho > 1) {
      throw new InputError(`${field}[2]`, rho, 'a rank correlation is a number in [-1, 1]');
    }
    const key = [a, b].sort().join('\u0000');
    if (seen.has(key)) throw new InputError(field, pair, `the pair ${a}, ${b} is given twice`);
    seen.set(key, rho);
    entries.push([a as string, b as string, rho]);
  });
  for (const n of parameterNames) if (entries.some(([a, b]) => a === n || b === n)) names.push(n);
  const k = names.length;
  const rank: number[][] = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (const [a, b, rho] of entries) {
    const i = names.indexOf(a);
    const j = names.indexOf(b);
    rank[i][j] = rank[j][i] = rho;
  }
  // 2·sin(π/6) = 1: the diagonal stays exactly 1.
  const scores = rank.map((row) => row.map((rho) => 2 * Math.sin((Math.PI * rho) / 6)));
  for (let i = 0; i < k; i++) scores[i][i] = 1;
  const chol = cholesky(scores);
  if (!chol) {
    throw new InputError(
      'correlations',
      entries.map(([a, b, r]) => `${a}~${b}=${r}`).join(', '),
      'the correlation matrix must be positive definite (some of these pairs contradict each other, or |rho| = 1)',
    );
  }
  return { names, rank, scoreCholesky: chol };
}
