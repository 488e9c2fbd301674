/**
 * How fast does a sampling design's estimate of a mean converge? The root-mean-square error
 * of the mean over independent seeds, at several sample sizes, and the slope of log RMSE
 * against log N: about −1/2 for plain Monte Carlo; steeper for Latin hypercube on nearly
 * additive models (McKay, Beckman & Conover 1979; Stein 1987) and for scrambled Sobol points
 * on smooth ones (Owen 1997, "Scrambled net variance for integrals of smooth functions").
 */
import type { ModelHandle } from '../model/load.ts';
import type { Sampling } from '../../workers/protocol.ts';
import { simulate } from './simulate.ts';

export interface SamplingStudy {
  readonly sampling: Sampling;
  readonly sizes: readonly number[];
  readonly rmse: readonly number[];
  /** Least-squares slope of log RMSE on log N. */
  readonly slope: number;
}

export async function samplingErrorStudy(
  handle: ModelHandle,
  options: { sampling: Sampling; output: string; exactMean: number; sizes: readonly number[]; replicates: number },
): Promise<SamplingStudy> {
  const rmse: number[] = [];
  for (const n of options.sizes) {
    let sq = 0;
    for (let r = 0; r < options.replicates; r++) {
      // One chunk per run, so a Latin hypercube is stratified over all n samples.
      const run = await simulate(handle, { samples: n, seed: `study-${r}`, workers: 0, sampling: options.sampling, chunkSize: n, percentiles: [50] });
      sq += (run.summary.outputs[options.output].mean - options.exactMean) ** 2;
    }
    rmse.push(Math.sqrt(sq / options.replicates));
  }
  return { sampling: options.sampling, sizes: options.sizes, rmse, slope: slope(options.sizes.map(Math.log), rmse.map(Math.log)) };
}

function slope(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let num = 0;
  let den = 0;
  x.forEach((xi, i) => {
    num += (xi - mx) * (y[i] - my);
    den += (xi - mx) ** 2;
  });
  return num / den;
}
