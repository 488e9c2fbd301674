/** The library's `parseDistribution(text)`: a distribution from its one-line form, as `--set` and model files write it. */
import { parseDistribution as parse } from '../distributions/parse.ts';
import type { Distribution } from '../distributions/types.ts';

/**
 * Parses `'normal(10, 2)'`, `'1e6 to 2e6'` (a lognormal with p5 and p95), `'pert(1, 2, 5)'`, `'700'` …
 * and builds the distribution: its `quantile`, `cdf`, `mean`, `variance`, `support` and `label`.
 * A bad text throws an InputError naming `field` (default `'distribution'`).
 *
 * @example
 * parseDistribution('1e6 to 2e6').label;      // 'lognormal(p5=1e6, p95=2e6)'
 * parseDistribution('normal(10, 2)').quantile(0.5); // 10
 */
export function parseDistribution(text: string, field = 'distribution'): Distribution {
  return parse(field, text);
}
