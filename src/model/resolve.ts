/**
 * Model resolution: from a module's default export (plain data + compute) to the validated
 * `ResolvedModel` that sampling, workers and analyses share. Every problem is reported as an
 * InputError naming the field, the value and what is allowed. Resolution reads the model's data
 * only; running its code is the preflight's job (`preflight.ts`, called by `loadModel`).
 */
import { InputError } from '../errors.ts';
import { checkEntryNames, checkModelName } from './names.ts';
import { fromSpec, parseDistribution } from '../distributions/index.ts';
import { correlationTarget } from '../sampling/correlation-matrix.ts';
import { resolveClaim } from './claim.ts';
import { resolveOutputs } from './outputs.ts';
import { checkScenarios, pickScenario } from './scenarios.ts';
import type { ParameterInput, ResolvedClaim, ResolvedModel, ResolvedOutput, ResolvedParameter } from './types.ts';

/** `--set name=dist` overrides, by parameter name, as written on the command line. */
export type Overrides = Readonly<Record<string, string>>;

const DOC_FIELDS = ['unit', 'source', 'description'] as const;

/**
 * `scenario` applies one of the model's declared scenarios (`--scenario NAME`; `base` or none for
 * the model as written); `overrides` (`--set`) stack on top of it.
 */
export function resolveModel(definition: unknown, file: string, overrides: Overrides = {}, scenario?: string): ResolvedModel {
  if (!isRecord(definition)) {
    throw new InputError(`${file}: default export`, definition, 'a model file must `export default { name, parameters, outputs, compute }`');
  }
  const d = definition;
  const name = checkModelName(d.name);
  if (typeof d.compute !== 'function') {
    throw new InputError(`${name}.compute`, d.compute, 'a model needs `compute: (params) => ({ output: number, … })`');
  }
  for (const field of ['parameters', 'outputs', 'claims'] as const) {
    const entries = d[field];
    if (isRecord(entries)) checkEntryNames(field, entries);
  }
  if (!isRecord(d.parameters) || Object.keys(d.parameters).length === 0) {
    throw new InputError(`${name}.parameters`, d.parameters, 'an object with at least one parameter, e.g. { gpus: { dist: "uniform", min: 1e6, max: 2e6 } }');
  }
  if (!isRecord(d.outputs) || Object.keys(d.outputs).length === 0) {
    throw new InputError(`${name}.outputs`, d.outputs, 'an object with at least one output, e.g. { annual_twh: { unit: "TWh/yr" } }');
  }
  const parameterNames = Object.keys(d.parameters);
  for (const key of Object.keys(overrides)) {
    if (!parameterNames.includes(key)) {
      throw new InputError('--set', key, `model ${name} has no parameter "${key}"; its parameters are: ${parameterNames.join(', ')}`);
    }
  }
  const scenarios = checkScenarios(name, d.scenarios, parameterNames);
  const applied = pickScenario(name, scenarios, scenario);

  // Precedence: --set, then the scenario, then the model file.
  const parameters: ResolvedParameter[] = parameterNames.map((key) => {
    const spec = (d.parameters as Record<string, unknown>)[key] as ParameterInput;
    const docs = isRecord(spec) ? pickDocs(spec, `parameters.${key}`) : {};
    // Own entries only: `overrides.constructor` is Object's, not a --set.
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    if (override !== undefined) {
      return { name: key, dist: parseDistribution(`--set ${key}`, override), spec: override, ...docs, overridden: override };
    }
    if (applied && Object.hasOwn(applied.specs, key)) {
      const set = applied.specs[key]!;
      const setDocs = isRecord(set) ? pickDocs(set, `scenarios.${applied.name}.set.${key}`) : {};
      return { name: key, dist: fromSpec(`scenarios.${applied.name}.set.${key}`, set), spec: set, ...docs, ...setDocs, fromScenario: applied.set[key]! };
    }
    return { name: key, dist: fromSpec(`parameters.${key}`, spec), spec, ...docs };
  });

  const outputs: ResolvedOutput[] = resolveOutputs(d.outputs);
  const outputNames = outputs.map((o) => o.name);

  const rawClaims = isRecord(d.claims) ? d.claims : d.claims === undefined ? {} : invalid('claims', d.claims);
  const claims: ResolvedClaim[] = Object.entries(rawClaims).map(([key, claim]) => resolveClaim(key, claim, outputNames));

  const rawCorrelations = d.correlations === undefined ? [] : d.correlations;
  if (!Array.isArray(rawCorrelations)) throw new InputError('correlations', rawCorrelations, "an array of ['a', 'b', rho] triples");
  correlationTarget(rawCorrelations, parameterNames, (n) => parameters.some((p) => p.name === n && p.dist.isConstant));

  const model: ResolvedModel = {
    name,
    title: typeof d.title === 'string' ? d.title : name,
    ...(typeof d.description === 'string' ? { description: d.description } : {}),
    parameters,
    outputs,
    claims,
    scenarios: scenarios.map(({ name: n, description, set }) => ({ name: n, ...(description !== undefined ? { description } : {}), set })),
    ...(applied ? { scenario: applied.name } : {}),
    correlations: rawCorrelations as Array<[string, string, number]>,
    compute: d.compute as ResolvedModel['compute'],
    warnings: [],
  };
  return model;
}

function pickDocs(spec: Record<string, unknown>, field: string): { unit?: string; source?: string; description?: string } {
  const docs: Record<string, string> = {};
  for (const key of DOC_FIELDS) {
    const v = spec[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new InputError(`${field}.${key}`, v, `${key} is text`);
    docs[key] = v;
  }
  return docs;
}

function invalid(field: string, value: unknown): never {
  throw new InputError(field, value, "an object of named claims: { name: (outputs) => boolean } or { name: { output: 'y', op: '<=', value: 2 } }");
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
