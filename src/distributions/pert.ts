import { InputError } from '../errors.ts';
import { scaledBeta } from './beta.ts';
import type { LabelValue } from './format.ts';
import type { Distribution } from './types.ts';
import { requireFinite, requireMode, requireRange } from './validate.ts';

/**
 * PERT distribution on [min, max] with most likely value `mode`: a beta law scaled to the range,
 * with shapes α = 1 + λ(mode − min)/(max − min) and β = 1 + λ(max − mode)/(max − min), so that the
 * mean is (min + λ·mode + max)/(λ + 2) and the variance (mean − min)(max − mean)/(λ + 3)
 * (Malcolm, Roseboom, Clark & Fazar 1959, *Operations Research* 7(5):646; the λ generalisation is the
 * "modified PERT" of D. Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed., 2008). λ = 4 is the classic PERT; larger λ concentrates
 * mass around the mode. Smoother tails than `triangular` for the same three numbers.
 * params report the derived `alpha` and `beta`.
 *
 * @example
 * const d = pert(1, 2, 5);
 * d.mean;         // 2.333333333333333 (= (1 + 4·2 + 5)/6)
 * d.params.alpha; // 2
 */
export function pert(min: number, mode: number, max: number, lambda = 4): Distribution {
  const [lo, hi] = requireRange(min, max);
  const m = requireMode(mode, lo, hi);
  const l = requireFinite('lambda', lambda, 'lambda must be a finite number > 0 (4 is the classic PERT)');
  if (!(l > 0)) throw new InputError('lambda', lambda, 'lambda must be a finite number > 0 (4 is the classic PERT)');
  const width = hi - lo;
  const a = 1 + (l * (m - lo)) / width;
  const b = 1 + (l * (hi - m)) / width;
  const entries: Array<readonly [string, LabelValue]> = [
    ['min', lo],
    ['mode', m],
    ['max', hi],
  ];
  if (l !== 4) entries.push(['lambda', l]);
  return scaledBeta('pert', entries, { min: lo, mode: m, max: hi, lambda: l, alpha: a, beta: b }, a, b, lo, hi);
}
