/**
 * Reading a results folder for the charts and the report: summary.json, distributions.json,
 * manifest.json and sensitivity.json, each optional except that a folder must hold
 * summary.json or sensitivity.json.
 *
 * Every file the engine has ever written must load, and anything else must fail with one line
 * naming the file and the field. So each file is normalised here, once, into the types the
 * charts and the report read:
 * - maps keyed by a name from the model (outputs, claims, percentiles, parameters, indices) become
 *   null-prototype objects, so `outputs[name]` is an own entry or undefined, even for names such as
 *   `toString` or `__proto__`;
 * - a statistic written as `null` (JSON has no Infinity or NaN: a statistic that no double could
 *   hold, see `engine/unrepresentable.ts`, or one that older versions overflowed) becomes NaN,
 *   which every chart and table shows as missing (sensitivity indices keep their contract's null,
 *   and every index field is present: `SensitivityReading`);
 * - fields added in later versions get their neutral value when absent (`warnings: []`; no label,
 *   no declared threshold, reference or series: charts then draw none);
 * - what a model declares (an output's `label`, `references`, `series`, `primary`; a claim's
 *   `output`, `op`, `value`) is checked as strictly as the rest: charts draw it as written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import type { ClaimSummary, Distributions, Interval, Manifest, ManifestParameter, OutputDistribution, OutputSummary, Summary } from '../results/types.ts';

/** A claim's comparison operators, as model files and summary.json write them. */
const OPS = ['<', '<=', '>', '>='] as const;
type Op = (typeof OPS)[number];
import { emptyIndices, type ParameterIndices, type SensitivityReading } from '../sensitivity/result.ts';

export interface LoadedResults {
  readonly dir: string;
  readonly summary?: Summary;
  readonly distributions?: Distributions;
  readonly manifest?: Manifest;
  readonly sensitivity?: SensitivityReading;
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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's path for messages: `outputs.annual_twh`, or `outputs["odd name"]` when the key is not a plain identifier. */
function at(path: string, key: string): string {
  if (path.endsWith(':')) return `${path} ${key}`; // a file's top-level field: `manifest.json: title`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function fail(field: string, value: unknown, allowed: string): never {
  throw new InputError(field, value, allowed);
}

/** A null-prototype map of `v`'s own entries, each converted by `each` (given its field path). */
function byName<T>(v: unknown, field: string, allowed: string, each: (x: unknown, field: string) => T): Record<string, T> {
  if (!isObject(v)) fail(field, v, allowed);
  const out = Object.create(null) as Record<string, T>;
  // defineProperty: "__proto__" too becomes an ordinary own entry.
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: each(x, at(field, k)), enumerable: true, writable: true, configurable: true });
  return out;
}

const STAT = 'a number (null where the statistic could not be represented)';

/** A statistic: a number, or null/absent read as NaN. */
function stat(v: unknown, field: string): number {
  if (v === null || v === undefined) return NaN;
  return typeof v === 'number' ? v : fail(field, v, STAT);
}

function stats(v: unknown, field: string): number[] {
  return Array.isArray(v) ? v.map((x, i) => stat(x, `${field}[${i}]`)) : fail(field, v, `an array of numbers (null where a value could not be represented)`);
}

/** A number that must be there (a count, a sample size). */
function count(v: unknown, field: string): number {
  return typeof v === 'number' ? v : fail(field, v, 'a number');
}

function interval(v: unknown, field: string): Interval {
  if (v === null || v === undefined) return [NaN, NaN];
  if (!Array.isArray(v) || v.length !== 2) fail(field, v, `[low, high]: two numbers (null where not representable)`);
  return [stat(v[0], `${field}[0]`), stat(v[1], `${field}[1]`)];
}

function text(v: unknown, field: string): string {
  return typeof v === 'string' ? v : fail(field, v, 'a string');
}

function optionalText(v: unknown, field: string): string | undefined {
  return v === undefined || v === null ? undefined : text(v, field);
}

function texts(v: unknown, field: string): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fail(field, v, 'an array of strings');
}

function outputSummary(v: unknown, field: string): OutputSummary {
  if (!isObject(v)) fail(field, v, 'an object with unit, count and percentiles');
  const label = optionalText(v.label, `${field}.label`);
  return {
    unit: text(v.unit, `${field}.unit`),
    ...(label !== undefined ? { label } : {}),
    count: count(v.count, `${field}.count`),
    nonFinite: v.nonFinite === undefined ? 0 : count(v.nonFinite, `${field}.nonFinite`),
    mean: stat(v.mean, `${field}.mean`),
    sd: stat(v.sd, `${field}.sd`),
    min: stat(v.min, `${field}.min`),
    max: stat(v.max, `${field}.max`),
    meanCI95: interval(v.meanCI95, `${field}.meanCI95`),
    percentiles: byName(v.percentiles, `${field}.percentiles`, 'an object such as { "p5": 1, "p50": 2, "p95": 3 }', stat),
    percentileCI95: v.percentileCI95 === undefined ? Object.create(null) : byName(v.percentileCI95, `${field}.percentileCI95`, 'an object such as { "p5": [0.9, 1.1] }', interval),
  };
}

function claimSummary(v: unknown, field: string): ClaimSummary {
  if (!isObject(v)) fail(`${field}.probability`, v, 'a number in [0, 1]');
  if (typeof v.probability !== 'number' && v.probability !== null) fail(`${field}.probability`, v.probability, 'a number in [0, 1]');
  const description = optionalText(v.description, `${field}.description`);
  return {
    probability: stat(v.probability, `${field}.probability`),
    ci95: interval(v.ci95, `${field}.ci95`),
    holds: stat(v.holds, `${field}.holds`),
    count: stat(v.count, `${field}.count`),
    ...(description !== undefined ? { description } : {}),
    ...claimThreshold(v, field),
  };
}

/**
 * A declared claim's comparison (`output`, `op`, `value`), all three or none: a claim written as a
 * function has none, and charts then draw no threshold for it.
 */
function claimThreshold(v: Json, field: string): { output?: string; op?: Op; value?: number } {
  if (v.output === undefined && v.op === undefined && v.value === undefined) return {};
  const output = text(v.output, `${field}.output`);
  if (!OPS.includes(v.op as Op)) fail(`${field}.op`, v.op, 'one of <, <=, >, >=');
  if (typeof v.value !== 'number' || !Number.isFinite(v.value)) fail(`${field}.value`, v.value, 'a finite number (the threshold)');
  return { output, op: v.op as Op, value: v.value };
}

function checkSummary(v: unknown): Summary {
  const f = 'summary.json';
  if (!isObject(v)) fail(f, v, 'an object with "model", "outputs" and "claims"');
  return {
    ...(v as unknown as Summary),
    model: text(v.model, `${f}: model`),
    title: optionalText(v.title, `${f}: title`) ?? text(v.model, `${f}: model`),
    samples: count(v.samples, `${f}: samples`),
    seed: text(v.seed, `${f}: seed`),
    sampling: text(v.sampling, `${f}: sampling`) as Summary['sampling'],
    ...optionalTexts(v, `${f}:`, ['scenario', 'primaryOutput']),
    outputs: byName(v.outputs, `${f}: outputs`, 'an object of outputs by name', outputSummary),
    claims: v.claims === undefined ? Object.create(null) : byName(v.claims, `${f}: claims`, 'an object of claims by name', claimSummary),
    // Written since the trust issue (#9); older folders have none.
    warnings: v.warnings === undefined ? [] : texts(v.warnings, `${f}: warnings`),
  };
}

function outputDistribution(v: unknown, field: string): OutputDistribution {
  if (!isObject(v)) fail(field, v, 'an object with quantiles, histogram and convergence');
  const q = v.quantiles;
  if (!isObject(q)) fail(`${field}.quantiles`, q, '{ p, x }: arrays of equal length');
  const p = stats(q.p, `${field}.quantiles.p`);
  const x = stats(q.x, `${field}.quantiles.x`);
  if (p.length !== x.length) fail(`${field}.quantiles`, `${p.length} p and ${x.length} x`, 'p and x of equal length');
  const h = v.histogram;
  if (!isObject(h)) fail(`${field}.histogram`, h, '{ scale, edges, counts }');
  const edges = stats(h.edges, `${field}.histogram.edges`);
  const counts = stats(h.counts, `${field}.histogram.counts`);
  if (!(edges.length === counts.length + 1 || (edges.length === 0 && counts.length === 0))) {
    fail(`${field}.histogram`, `${edges.length} edges and ${counts.length} counts`, 'edges and counts: number arrays with edges.length = counts.length + 1 (both empty when no sample was finite)');
  }
  if (h.scale !== undefined && h.scale !== 'linear' && h.scale !== 'log') fail(`${field}.histogram.scale`, h.scale, '"linear" or "log"');
  const c = v.convergence;
  if (!isObject(c)) fail(`${field}.convergence`, c, 'n, mean, meanCI95, p50, p95, p95CI95 arrays');
  const n = stats(c.n, `${field}.convergence.n`);
  const series = (key: string): number[] => (c[key] === undefined ? n.map(() => NaN) : sameLength(stats(c[key], `${field}.convergence.${key}`), n, `${field}.convergence.${key}`));
  const intervals = (key: string): Interval[] =>
    c[key] === undefined
      ? n.map((): Interval => [NaN, NaN])
      : Array.isArray(c[key])
        ? sameLength((c[key] as unknown[]).map((x, i) => interval(x, `${field}.convergence.${key}[${i}]`)), n, `${field}.convergence.${key}`)
        : fail(`${field}.convergence.${key}`, c[key], 'an array of [low, high] pairs');
  if (c.mean === undefined || c.p95 === undefined) fail(`${field}.convergence`, c, 'n, mean, meanCI95, p50, p95, p95CI95 arrays');
  return {
    unit: v.unit === undefined ? '' : text(v.unit, `${field}.unit`),
    quantiles: { p, x },
    histogram: { scale: h.scale === 'log' ? 'log' : 'linear', edges, counts },
    // p50CI95: recorded since issue 11; NaN (no band) in older files.
    convergence: { n, mean: series('mean'), meanCI95: intervals('meanCI95'), p50: series('p50'), p95: series('p95'), p95CI95: intervals('p95CI95'), p50CI95: intervals('p50CI95') },
  };
}

function sameLength<T>(values: T[], n: readonly number[], field: string): T[] {
  return values.length === n.length ? values : fail(field, `${values.length} entries`, `one per entry of convergence.n (${n.length})`);
}

function checkDistributions(v: unknown): Distributions {
  const f = 'distributions.json';
  if (!isObject(v)) fail(`${f}: outputs`, v, 'an object of outputs by name');
  return {
    model: v.model === undefined ? '' : text(v.model, `${f}: model`),
    outputs: byName(v.outputs, `${f}: outputs`, 'an object of outputs by name', outputDistribution),
  };
}

function manifestParameter(v: unknown, field: string): ManifestParameter {
  if (!isObject(v)) fail(field, v, 'an object with dist, label and params');
  const label = optionalText(v.label, `${field}.label`);
  return {
    ...(v as unknown as ManifestParameter),
    dist: v.dist === undefined ? '' : text(v.dist, `${field}.dist`),
    label: label ?? '',
    params: v.params === undefined ? {} : byName(v.params, `${field}.params`, 'an object of numbers', (x, at2) => (Array.isArray(x) ? stats(x, at2) : stat(x, at2))),
    ...optionalTexts(v, field, ['unit', 'source', 'description', 'overridden']),
  };
}

function optionalTexts(v: Json, field: string, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const t = optionalText(v[k], at(field, k));
    if (t !== undefined) out[k] = t;
  }
  return out;
}

function manifestClaim(v: unknown, field: string): Manifest['claims'][string] {
  if (!isObject(v)) fail(field, v, 'an object (with an optional description)');
  return { ...optionalTexts(v, field, ['description']), ...claimThreshold(v, field) };
}

type ManifestOutput = Manifest['outputs'][string];

/** An output as the model declared it: unit, description, and the optional label, primary, references and series. */
function manifestOutput(v: unknown, field: string): ManifestOutput {
  if (!isObject(v)) fail(field, v, 'an object (with an optional unit, description, label, primary, references and series)');
  const out: { -readonly [K in keyof ManifestOutput]: ManifestOutput[K] } = optionalTexts(v, field, ['unit', 'description', 'label']);
  if (v.primary !== undefined) out.primary = typeof v.primary === 'boolean' ? v.primary : fail(`${field}.primary`, v.primary, 'true or false');
  if (v.references !== undefined) {
    if (!Array.isArray(v.references)) fail(`${field}.references`, v.references, 'an array of { "label": text, "value": number }');
    out.references = v.references.map((r: unknown, i: number) => {
      const at2 = `${field}.references[${i}]`;
      if (!isObject(r)) fail(at2, r, '{ "label": text, "value": number }');
      if (typeof r.value !== 'number' || !Number.isFinite(r.value)) fail(`${at2}.value`, r.value, 'a finite number');
      return { label: text(r.label, `${at2}.label`), value: r.value };
    });
  }
  if (v.series !== undefined) {
    const s = v.series;
    if (!isObject(s)) fail(`${field}.series`, s, '{ "name": text, "x": number }');
    if (typeof s.x !== 'number' || !Number.isFinite(s.x)) fail(`${field}.series.x`, s.x, 'a finite number (the position on the series axis, e.g. a year)');
    out.series = { name: text(s.name, `${field}.series.name`), x: s.x };
  }
  return out;
}

function checkManifest(v: unknown): Manifest {
  const f = 'manifest.json';
  if (!isObject(v)) fail(f, v, 'an object');
  const correlations = v.correlations === undefined ? [] : v.correlations;
  if (!Array.isArray(correlations) || !correlations.every((c) => Array.isArray(c) && c.length === 3 && typeof c[0] === 'string' && typeof c[1] === 'string' && typeof c[2] === 'number')) {
    fail(`${f}: correlations`, v.correlations, 'an array of [name, name, rho]');
  }
  return {
    ...(v as unknown as Manifest),
    ...optionalTexts(v, `${f}:`, ['model', 'title', 'description', 'modelFile', 'modelFileSha256', 'seed', 'sampling', 'startedAt', 'finishedAt']),
    command: v.command === undefined ? [] : texts(v.command, `${f}: command`),
    parameters: v.parameters === undefined ? Object.create(null) : byName(v.parameters, `${f}: parameters`, 'an object of parameters by name', manifestParameter),
    ...optionalTexts(v, `${f}:`, ['scenario']),
    outputs: v.outputs === undefined ? Object.create(null) : byName(v.outputs, `${f}: outputs`, 'an object of outputs by name', manifestOutput),
    claims: v.claims === undefined ? Object.create(null) : byName(v.claims, `${f}: claims`, 'an object of claims by name', manifestClaim),
    overrides: v.overrides === undefined ? {} : byName(v.overrides, `${f}: overrides`, 'an object of --set overrides by name', text),
    versions: v.versions === undefined ? {} : byName(v.versions, `${f}: versions`, 'an object of versions by package', text),
    correlations: correlations as Manifest['correlations'],
  };
}

/** An input's indices: every field of the contract, null where the file has none (a method that did not run, an older file). */
function sensitivityIndex(v: unknown, field: string): ParameterIndices {
  if (!isObject(v)) fail(field, v, 'an object of numbers');
  const out = emptyIndices();
  const fields = out as unknown as Record<string, number | Interval | null>;
  for (const key of Object.keys(out)) {
    const x = v[key];
    if (x === undefined || x === null) continue;
    fields[key] = key.endsWith('CI95') ? interval(x, at(field, key)) : stat(x, at(field, key));
  }
  return out;
}

function checkSensitivity(v: unknown): SensitivityReading {
  const f = 'sensitivity.json';
  if (!isObject(v)) fail(`${f}: indices`, v, 'an object of indices by parameter name');
  const t = v.target;
  if (!isObject(t) || !(typeof t.output === 'string' || typeof t.claim === 'string')) fail(`${f}: target`, t, '{ "output": NAME } or { "claim": NAME }');
  const target = typeof t.output === 'string' ? { output: t.output } : { claim: t.claim as string };
  return {
    // Fields the charts do not read (title, ranking, …) stay as written.
    ...(v as unknown as SensitivityReading),
    model: text(v.model, `${f}: model`),
    target,
    method: text(v.method, `${f}: method`),
    samples: count(v.samples, `${f}: samples`),
    seed: text(v.seed, `${f}: seed`),
    evaluations: count(v.evaluations, `${f}: evaluations`),
    warnings: v.warnings === undefined ? [] : texts(v.warnings, `${f}: warnings`),
    details: v.details === undefined ? {} : sensitivityDetails(v.details, `${f}: details`),
    indices: byName(v.indices, `${f}: indices`, 'an object of indices by parameter name', sensitivityIndex),
  };
}

/** The per-method details; only the tornado's all-medians `base` is read (by the tornado chart). */
function sensitivityDetails(v: unknown, field: string): SensitivityReading['details'] {
  if (!isObject(v)) fail(field, v, 'an object of details by method');
  if (v.tornado === undefined) return { ...v };
  if (!isObject(v.tornado)) fail(`${field}.tornado`, v.tornado, 'an object with "base"');
  const base = v.tornado.base;
  if (base !== undefined && base !== null && typeof base !== 'number') fail(`${field}.tornado.base`, base, 'a number (or null)');
  return { ...v, tornado: { ...v.tornado, base: typeof base === 'number' ? base : null } };
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
