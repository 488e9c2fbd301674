/**
 * Model resolution: from a module's default export (plain data + compute) to the validated
 * `ResolvedModel` that sampling, workers and analyses share. Every problem is reported as an
 * InputError naming the field, the value and what is allowed.
 */
import { InputError, ModelError } from '../errors.ts';
import { fromSpec, parseDistribution } from '../distributions/index.ts';
import { correlationTarget } from '../sampling/correlation-matrix.ts';
import type { ParameterInput, ResolvedClaim, ResolvedModel, ResolvedOutput, ResolvedParameter, Values } from './types.ts';

/** `--set name=dist` overrides, by parameter name, as written on the command line. */
export type Overrides = Readonly<Record<string, string>>;

const DOC_FIELDS = ['unit', 'source', 'description'] as const;

export function resolveModel(definition: unknown, file: string, overrides: Overrides = {}): ResolvedModel {
  if (!isRecord(definition)) {
    throw new InputError(`${file}: default export`, definition, 'a model file must `export default { name, parameters, outputs, compute }`');
  }
  const d = definition;
  const name = d.name;
  if (typeof name !== 'string' || name.trim() === '') throw new InputError('name', name, 'a model needs a non-empty string `name`');
  if (typeof d.compute !== 'function') {
    throw new InputError(`${name}.compute`, d.compute, 'a model needs `compute: (params) => ({ output: number, … })`');
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

  const parameters: ResolvedParameter[] = parameterNames.map((key) => {
    const spec = (d.parameters as Record<string, unknown>)[key] as ParameterInput;
    const docs = isRecord(spec) ? pickDocs(spec, `parameters.${key}`) : {};
    const override = overrides[key];
    const dist = override !== undefined ? parseDistribution(`--set ${key}`, override) : fromSpec(`parameters.${key}`, spec);
    return { name: key, dist, spec: override ?? spec, ...docs, ...(override !== undefined ? { overridden: override } : {}) };
  });

  const outputs: ResolvedOutput[] = Object.entries(d.outputs).map(([key, spec]) => {
    if (!isRecord(spec)) throw new InputError(`outputs.${key}`, spec, 'an output is described by { unit?, description? }');
    return { name: key, ...pickDocs(spec, `outputs.${key}`) };
  });

  const claims: ResolvedClaim[] = Object.entries(isRecord(d.claims) ? d.claims : d.claims === undefined ? {} : invalid('claims', d.claims)).map(
    ([key, claim]) => {
      if (typeof claim === 'function') return { name: key, test: claim as ResolvedClaim['test'] };
      if (isRecord(claim) && typeof claim.test === 'function') {
        return { name: key, test: claim.test as ResolvedClaim['test'], ...(typeof claim.description === 'string' ? { description: claim.description } : {}) };
      }
      throw new InputError(`claims.${key}`, claim, 'a claim is a function (outputs, params) => boolean, or { description, test }');
    },
  );

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
    correlations: rawCorrelations as Array<[string, string, number]>,
    compute: d.compute as ResolvedModel['compute'],
  };
  preflight(model);
  return model;
}

/**
 * Runs compute once at every parameter's median, so that a model whose compute returns the
 * wrong shape fails with a message now rather than as millions of silent non-finite samples.
 */
function preflight(model: ResolvedModel): void {
  const p: Record<string, number> = {};
  for (const param of model.parameters) p[param.name] = param.dist.isConstant ? param.dist.mean : param.dist.quantile(0.5);
  const shown = Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ');
  let out: unknown;
  try {
    out = model.compute(p);
  } catch (err) {
    throw new ModelError(`model ${model.name}: compute threw "${err instanceof Error ? err.message : String(err)}" for the sample ${shown}`, p);
  }
  if (!isRecord(out)) throw new InputError(`${model.name}.compute`, out, `compute must return an object with the outputs ${model.outputs.map((o) => o.name).join(', ')}`);
  for (const o of model.outputs) {
    if (typeof out[o.name] !== 'number') {
      throw new InputError(`${model.name}.compute → ${o.name}`, out[o.name], `compute must return a number for every declared output (at the medians: ${shown})`);
    }
  }
  for (const c of model.claims) {
    let holds: unknown;
    try {
      holds = c.test(out as Values<string>, p);
    } catch (err) {
      throw new ModelError(`model ${model.name}: claim ${c.name} threw "${err instanceof Error ? err.message : String(err)}" for the sample ${shown}`, p);
    }
    if (typeof holds !== 'boolean') throw new InputError(`claims.${c.name}`, holds, 'a claim must return true or false');
  }
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
  throw new InputError(field, value, 'an object of named claims: { name: (outputs) => boolean }');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
