import { InputError } from '../errors.ts';
import { beta } from './beta.ts';
import { constant } from './constant.ts';
import { discrete } from './discrete.ts';
import { gamma } from './gamma.ts';
import { lognormal, lognormalFromQuantiles, quantileLevel } from './lognormal.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { pert } from './pert.ts';
import { didYouMean } from './suggest.ts';
import { triangular } from './triangular.ts';
import { truncate } from './truncate.ts';
import type { Distribution } from './types.ts';
import { uniform } from './uniform.ts';

/** Every distribution family a model may name, in the order messages list them. */
export const DISTRIBUTION_KINDS = [
  'constant',
  'uniform',
  'normal',
  'lognormal',
  'triangular',
  'pert',
  'beta',
  'gamma',
  'discrete',
  'mixture',
] as const;

export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/** Per family: the fields it takes (the documentation that error messages quote). */
export const DISTRIBUTION_FIELDS: Readonly<Record<DistributionKind, string>> = {
  constant: 'value (any finite number; a bare number means the same)',
  uniform: 'min, max (min < max)',
  normal: 'mean, sd (> 0); optional truncation min, max',
  lognormal:
    'either mu, sigma (> 0) or two of median, p<level> (p1, p5, p10, p25, p75, p90, p95, p99, any 0 < level < 100) and mean; optional truncation min, max',
  triangular: 'min, mode, max (min ≤ mode ≤ max, min < max)',
  pert: 'min, mode, max (min ≤ mode ≤ max, min < max); optional lambda (> 0, default 4)',
  beta: 'alpha, beta (> 0); optional support min, max (default 0 and 1)',
  gamma: 'shape, scale (> 0); optional truncation min, max',
  discrete: 'values (non-empty array); optional weights (array of numbers ≥ 0, one per value; default equal)',
  mixture:
    'components (non-empty array of distributions: numbers, strings such as "1e6 to 2e6", objects); optional weights (numbers > 0, one per component; default equal); as a string mx(a, b, …, [wa, wb, …])',
};

/** Per family: the order of positional arguments in the string form, e.g. `normal(10, 2)`. */
export const DISTRIBUTION_POSITIONAL: Readonly<Record<DistributionKind, readonly string[]>> = {
  constant: ['value'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mu', 'sigma'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max', 'lambda'],
  beta: ['alpha', 'beta', 'min', 'max'],
  gamma: ['shape', 'scale'],
  discrete: ['values', 'weights'],
  mixture: ['components', 'weights'],
};

const FIXED_FIELDS: Readonly<Record<DistributionKind, readonly string[]>> = {
  constant: ['value'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['mu', 'sigma', 'median', 'mean', 'min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max', 'lambda'],
  beta: ['alpha', 'beta', 'min', 'max'],
  gamma: ['shape', 'scale', 'min', 'max'],
  discrete: ['values', 'weights'],
  mixture: ['components', 'weights'],
};

export function isDistributionKind(name: string): name is DistributionKind {
  return (DISTRIBUTION_KINDS as readonly string[]).includes(name);
}

/** The InputError for an unknown family name, with a "did you mean" hint. */
export function unknownKind(field: string, name: unknown): InputError {
  const hint = typeof name === 'string' ? didYouMean(name, DISTRIBUTION_KINDS) : '';
  return new InputError(field, name, `unknown distribution${hint}; allowed: ${DISTRIBUTION_KINDS.join(', ')}`);
}

/**
 * Builds a distribution of `kind` from named arguments (as read from a model object or a string).
 * `field` is the dotted path used in messages; errors name `field.<argument>`.
 */
export function buildDistribution(field: string, kind: DistributionKind, args: ReadonlyMap<string, unknown>): Distribution {
  for (const [key, value] of args) {
    const known = FIXED_FIELDS[kind].includes(key) || (kind === 'lognormal' && quantileLevel(key) !== undefined);
    if (!known) {
      throw new InputError(
        `${field}.${key}`,
        value,
        `unknown field for ${kind}${didYouMean(key, FIXED_FIELDS[kind])}; ${kind} takes ${DISTRIBUTION_FIELDS[kind]}`,
      );
    }
  }
  try {
    return BUILDERS[kind](args, kind);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${field}.${error.field}`, error.value, error.allowed);
    throw error;
  }
}

type Builder = (args: ReadonlyMap<string, unknown>, kind: DistributionKind) => Distribution;

function need(args: ReadonlyMap<string, unknown>, kind: DistributionKind, key: string): number {
  if (!args.has(key)) throw new InputError(key, undefined, `${kind} needs ${key}; ${kind} takes ${DISTRIBUTION_FIELDS[kind]}`);
  return args.get(key) as number;
}

function optional(args: ReadonlyMap<string, unknown>, key: string): number | undefined {
  return args.has(key) ? (args.get(key) as number) : undefined;
}

function withTruncation(dist: Distribution, args: ReadonlyMap<string, unknown>): Distribution {
  const min = optional(args, 'min');
  const max = optional(args, 'max');
  return min === undefined && max === undefined ? dist : truncate(dist, min, max);
}

const BUILDERS: Readonly<Record<DistributionKind, Builder>> = {
  constant: (args, kind) => constant(need(args, kind, 'value')),
  uniform: (args, kind) => uniform(need(args, kind, 'min'), need(args, kind, 'max')),
  normal: (args, kind) => withTruncation(normal(need(args, kind, 'mean'), need(args, kind, 'sd')), args),
  lognormal: (args, kind) => {
    const quantileKeys = [...args.keys()].filter((k) => k === 'mean' || quantileLevel(k) !== undefined);
    if (args.has('mu') || args.has('sigma')) {
      if (quantileKeys.length > 0) {
        const key = quantileKeys[0];
        throw new InputError(
          key,
          args.get(key),
          'lognormal takes either mu and sigma or two of median, p<level>, mean — not both',
        );
      }
      return withTruncation(lognormal(need(args, kind, 'mu'), need(args, kind, 'sigma')), args);
    }
    if (quantileKeys.length === 0) {
      throw new InputError('mu', undefined, `lognormal needs mu and sigma, or two quantiles such as p5 and p95; lognormal takes ${DISTRIBUTION_FIELDS.lognormal}`);
    }
    const points: Record<string, number> = {};
    for (const key of quantileKeys) points[key] = args.get(key) as number;
    return withTruncation(lognormalFromQuantiles(points), args);
  },
  triangular: (args, kind) => triangular(need(args, kind, 'min'), need(args, kind, 'mode'), need(args, kind, 'max')),
  pert: (args, kind) => pert(need(args, kind, 'min'), need(args, kind, 'mode'), need(args, kind, 'max'), optional(args, 'lambda')),
  beta: (args, kind) => beta(need(args, kind, 'alpha'), need(args, kind, 'beta'), optional(args, 'min'), optional(args, 'max')),
  gamma: (args, kind) => withTruncation(gamma(need(args, kind, 'shape'), need(args, kind, 'scale')), args),
  discrete: (args, kind) => {
    if (!args.has('values')) need(args, kind, 'values');
    return discrete(args.get('values') as number[], args.get('weights') as number[] | undefined);
  },
  // The readers (`fromSpec`, `parseDistribution`) build the components first, each under its own field.
  mixture: (args, kind) => {
    if (!args.has('components')) need(args, kind, 'components');
    const components = args.get('components');
    if (Array.isArray(components)) {
      components.forEach((c: unknown, i) => {
        if (!isDistribution(c)) throw new InputError(`components[${i}]`, c, 'a component is a number, a distribution string or a distribution object');
      });
    }
    return mixture(components as Distribution[], args.get('weights') as number[] | undefined);
  },
};

function isDistribution(value: unknown): value is Distribution {
  return typeof value === 'object' && value !== null && typeof (value as Distribution).fill === 'function' && typeof (value as Distribution).quantile === 'function';
}
