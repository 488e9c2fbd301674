import { InputError } from '../errors.ts';
import { constant } from './constant.ts';
import { buildDistribution, DISTRIBUTION_KINDS, isDistributionKind, unknownKind } from './kinds.ts';
import { parseDistribution } from './parse.ts';
import type { Distribution } from './types.ts';

/** Fields any parameter object may carry for documentation; they do not affect the distribution. */
export const DOCUMENTATION_FIELDS: readonly string[] = ['unit', 'source', 'description', 'label'];

/**
 * Builds the distribution of one model parameter from what the model file wrote:
 * - a number → `constant`;
 * - a string → `parseDistribution` (`'lognormal(p5=1e6, p95=2e6)'`, `'1e6 to 2e6'`, `'700'`);
 * - an object `{ dist: 'lognormal', p5: 1e6, p95: 2e6, unit?, source?, description? }` → that family,
 *   with the documentation fields ignored and any other unknown field rejected; a mixture's
 *   `components` are each read the same way (`{ dist: 'mixture', components: ['1e6 to 2e6', 3e6], weights: [9, 1] }`).
 *
 * `field` is the dotted path of the parameter (`parameters.gpus`), used in every message:
 * `parameters.gpus.sd: got -1; sd must be a finite number > 0`.
 *
 * @example
 * fromSpec('parameters.gpus', { dist: 'normal', mean: 10, sd: 2, unit: 'GPU' }).label; // 'normal(mean=10, sd=2)'
 * fromSpec('parameters.pue', 1.2).isConstant;                                         // true
 */
export function fromSpec(field: string, spec: unknown): Distribution {
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec)) throw new InputError(field, spec, 'a constant must be a finite number');
    return constant(spec);
  }
  if (typeof spec === 'string') return parseDistribution(field, spec);
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new InputError(
      field,
      spec,
      'a parameter is a number (a constant), a distribution string such as "lognormal(p5=1e6, p95=2e6)" or "1e6 to 2e6", or an object such as { dist: "normal", mean: 10, sd: 2 }',
    );
  }
  const record = spec as Record<string, unknown>;
  const dist = record.dist;
  if (dist === undefined) {
    throw new InputError(`${field}.dist`, dist, `dist is required: name a distribution, one of ${DISTRIBUTION_KINDS.join(', ')}`);
  }
  const kind = typeof dist === 'string' ? dist.trim().toLowerCase() : '';
  if (!isDistributionKind(kind)) throw unknownKind(`${field}.dist`, dist);
  const args = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (key === 'dist' || DOCUMENTATION_FIELDS.includes(key)) continue;
    args.set(key, value);
  }
  const components = args.get('components');
  if (kind === 'mixture' && Array.isArray(components)) {
    // Each component is itself a parameter value (number, string or object), read under its own field.
    args.set('components', components.map((c: unknown, i) => fromSpec(`${field}.components[${i}]`, c)));
  }
  return buildDistribution(field, kind, args);
}
