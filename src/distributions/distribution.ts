import type { Distribution, RandomSource } from './types.ts';

/** The parts a family factory computes; `makeDistribution` assembles and freezes them. */
export interface DistributionParts {
  readonly kind: string;
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  readonly label: string;
  readonly isConstant?: boolean;
  readonly continuous?: boolean;
  readonly mean: number;
  readonly variance: number;
  readonly support: readonly [number, number];
  readonly cdf: (x: number) => number;
  readonly quantile: (u: number) => number;
  readonly fill: (random: RandomSource, out: Float64Array, start: number, end: number) => void;
}

/**
 * Builds a frozen `Distribution` with the same property order for every family, so that every
 * distribution object shares one hidden class and the engine's `dist.fill(…)` call sites stay cheap.
 * Array-valued params are copied and frozen.
 */
export function makeDistribution(parts: DistributionParts): Distribution {
  const params: Record<string, number | readonly number[]> = {};
  for (const [key, value] of Object.entries(parts.params)) {
    params[key] = typeof value === 'number' ? value : Object.freeze([...value]);
  }
  return Object.freeze({
    kind: parts.kind,
    params: Object.freeze(params),
    label: parts.label,
    isConstant: parts.isConstant ?? false,
    continuous: parts.continuous ?? true,
    mean: parts.mean,
    variance: parts.variance,
    support: Object.freeze([parts.support[0], parts.support[1]] as const),
    cdf: parts.cdf,
    quantile: parts.quantile,
    fill: parts.fill,
  });
}
