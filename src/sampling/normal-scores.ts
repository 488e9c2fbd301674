/** Φ⁻¹ for normal scores, taken from the engine's own normal distribution (one implementation, one test). */
import { fromSpec } from '../distributions/index.ts';

const standard = fromSpec('standard normal', { dist: 'normal', mean: 0, sd: 1 });

export function standardNormalQuantile(u: number): number {
  return standard.quantile(u);
}
