/**
 * Reading a results folder for the charts and the report: summary.json, distributions.json,
 * manifest.json and sensitivity.json, each optional except that a folder must hold
 * summary.json or sensitivity.json. Shapes are checked where the charts depend on them, so
 * a damaged or hand-edited file gets a message naming the file and field rather than a
 * chart with nothing in it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import type { Distributions, Manifest, Summary } from '../results/types.ts';
import type { SensitivityResult } from './types.ts';

export interface LoadedResults {
  readonly dir: string;
  readonly summary?: Summary;
  readonly distributions?: Distributions;
  readonly manifest?: Manifest;
  readonly sensitivity?: SensitivityResult;
}

async function readJson(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InputError(join(dir, file), `${text.slice(0, 40)}…`, `a JSON file (${(err as Error).message})`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

function need(ok: boolean, field: string, value: unknown, allowed: string): void {
  if (!ok) throw new InputError(field, value, allowed);
}

function checkSummary(v: unknown): Summary {
  need(isObject(v), 'summary.json', v, 'an object with "model", "outputs" and "claims"');
  const s = v as Record<string, unknown>;
  need(isObject(s.outputs), 'summary.json: outputs', s.outputs, 'an object of outputs by name');
  need(s.claims === undefined || isObject(s.claims), 'summary.json: claims', s.claims, 'an object of claims by name');
  for (const [name, o] of Object.entries(s.outputs as Record<string, unknown>)) {
    need(isObject(o), `summary.json: outputs.${name}`, o, 'an object with unit, count and percentiles');
    const out = o as Record<string, unknown>;
    need(isObject(out.percentiles), `summary.json: outputs.${name}.percentiles`, out.percentiles, 'an object such as { "p5": 1, "p50": 2, "p95": 3 }');
    need(typeof out.unit === 'string', `summary.json: outputs.${name}.unit`, out.unit, 'a string ("" when dimensionless)');
  }
  for (const [name, c] of Object.entries((s.claims ?? {}) as Record<string, unknown>)) {
    need(isObject(c) && typeof c.probability === 'number', `summary.json: claims.${name}.probability`, isObject(c) ? c.probability : c, 'a number in [0, 1]');
  }
  return { ...(s as unknown as Summary), claims: (s.claims ?? {}) as Summary['claims'] };
}

function checkDistributions(v: unknown): Distributions {
  need(isObject(v) && isObject(v.outputs), 'distributions.json: outputs', isObject(v) ? v.outputs : v, 'an object of outputs by name');
  for (const [name, o] of Object.entries((v as { outputs: Record<string, unknown> }).outputs)) {
    const at = `distributions.json: outputs.${name}`;
    need(isObject(o), at, o, 'an object with quantiles, histogram and convergence');
    const d = o as Record<string, Record<string, unknown>>;
    const q = d.quantiles;
    need(isObject(q) && isNumberArray(q.p) && isNumberArray(q.x) && q.p.length === q.x.length, `${at}.quantiles`, q, 'p and x: number arrays of equal length');
    const h = d.histogram;
    need(
      isObject(h) && isNumberArray(h.edges) && isNumberArray(h.counts) && (h.edges.length === h.counts.length + 1 || (h.edges.length === 0 && h.counts.length === 0)),
      `${at}.histogram`,
      h,
      'edges and counts: number arrays with edges.length = counts.length + 1 (both empty when no sample was finite)',
    );
    const c = d.convergence;
    need(isObject(c) && isNumberArray(c.n) && Array.isArray(c.mean) && Array.isArray(c.p95), `${at}.convergence`, c, 'n, mean, meanCI95, p50, p95, p95CI95 arrays');
  }
  return v as unknown as Distributions;
}

function checkManifest(v: unknown): Manifest {
  need(isObject(v), 'manifest.json', v, 'an object');
  const m = v as Record<string, unknown>;
  need(m.parameters === undefined || isObject(m.parameters), 'manifest.json: parameters', m.parameters, 'an object of parameters by name');
  need(m.command === undefined || (Array.isArray(m.command) && m.command.every((c) => typeof c === 'string')), 'manifest.json: command', m.command, 'an array of strings');
  return { ...(m as unknown as Manifest), parameters: (m.parameters ?? {}) as Manifest['parameters'] };
}

function checkSensitivity(v: unknown): SensitivityResult {
  need(isObject(v) && isObject(v.indices), 'sensitivity.json: indices', isObject(v) ? v.indices : v, 'an object of indices by parameter name');
  const s = v as Record<string, unknown>;
  need(isObject(s.target) && (typeof s.target.output === 'string' || typeof s.target.claim === 'string'), 'sensitivity.json: target', s.target, '{ "output": NAME } or { "claim": NAME }');
  for (const [name, i] of Object.entries(s.indices as Record<string, unknown>)) need(isObject(i), `sensitivity.json: indices.${name}`, i, 'an object of numbers');
  return v as unknown as SensitivityResult;
}

/** Reads a results folder. Throws `InputError` when it holds neither summary.json nor sensitivity.json. */
export async function loadResults(dir: string): Promise<LoadedResults> {
  const [summary, distributions, manifest, sensitivity] = await Promise.all(
    ['summary.json', 'distributions.json', 'manifest.json', 'sensitivity.json'].map((f) => readJson(dir, f)),
  );
  if (summary === undefined && sensitivity === undefined) {
    throw new InputError('results folder', dir, 'a folder written by `run` (with summary.json) or by `sensitivity` (with sensitivity.json)');
  }
  return {
    dir,
    summary: summary === undefined ? undefined : checkSummary(summary),
    distributions: distributions === undefined ? undefined : checkDistributions(distributions),
    manifest: manifest === undefined ? undefined : checkManifest(manifest),
    sensitivity: sensitivity === undefined ? undefined : checkSensitivity(sensitivity),
  };
}
