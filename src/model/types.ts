/**
 * The model format: a user-facing contract. A model file's default export is plain data
 * plus one `compute` function, so it needs no import to be written; `defineModel` only adds types.
 *
 * ```ts
 * export default {
 *   name: 'ishigami',
 *   parameters: { x1: { dist: 'uniform', min: -Math.PI, max: Math.PI, source: 'Ishigami & Homma 1990' }, … },
 *   outputs: { y: { unit: '1' } },
 *   compute: (p) => ({ y: Math.sin(p.x1) + 7 * Math.sin(p.x2) ** 2 + 0.1 * p.x3 ** 4 * Math.sin(p.x1) }),
 *   claims: { positive: (o) => o.y > 0 },
 * };
 * ```
 *
 * What the engine holds a model to (refuse, don't coerce): `name` matches `^[a-z0-9][a-z0-9._-]*$`
 * (it names results folders); no parameter, output or claim is called `__proto__`; `compute` is
 * synchronous, reads only declared parameters, never writes to its argument, and returns a number
 * (NaN and ±Infinity are counted, not summarised) for every declared output; a claim returns
 * `true` or `false` and reads only outputs compute returns and declared parameters.
 */
import type { Distribution } from '../distributions/types.ts';

/** Documentation fields any parameter may carry next to its distribution. */
export interface ParameterDocs {
  readonly unit?: string;
  /** Publication or dataset, year, and what it measured; or why a judgement range was chosen. */
  readonly source?: string;
  readonly description?: string;
}

/**
 * A parameter as written: a distribution spec object (`{ dist: 'normal', mean: 1, sd: 0.1, unit, source }`),
 * a bare number (a constant), or a distribution string (`'lognormal(p5=1e6, p95=2e6)'`).
 */
export type ParameterInput = number | string | (ParameterDocs & { readonly dist: string; readonly [field: string]: unknown });

/** A reference value drawn on an output's charts, only where a model declares it. */
export interface OutputReference {
  /** What the value is, as a chart prints it: '2 reactors (1 GW, 90%)'. */
  readonly label: string;
  readonly value: number;
}

/** Places an output in a series (a year path): the fan chart reads this, never a name's suffix. */
export interface OutputSeries {
  /** The series' name, shared by its members: 'annual_twh'. */
  readonly name: string;
  /** This member's position on the series' axis: 2025. */
  readonly x: number;
}

export interface OutputSpec {
  readonly unit?: string;
  readonly description?: string;
  /** A human title for charts, tables and the report: 'Annual electricity'. Default: the output's name. */
  readonly label?: string;
  /** The model's answer (at most one per model): first row of the terminal table, default target of `sensitivity`, lead of the report. */
  readonly primary?: boolean;
  readonly references?: readonly OutputReference[];
  readonly series?: OutputSeries;
}

export type Values<K extends string> = { readonly [key in K]: number };

/** A claim is a predicate over one sample's outputs (and, if wanted, its inputs). */
export type ClaimFn<P extends string, O extends string> = (outputs: Values<O>, params: Values<P>) => boolean;

export type ClaimOp = '<' | '<=' | '>' | '>=';

/**
 * A claim as data: `{ output: 'reactors', op: '<=', value: 2 }` holds in a sample when
 * `outputs.reactors <= 2`. Charts draw exactly this threshold; prefer it to a function wherever
 * it can say the claim.
 */
export interface ClaimThreshold<O extends string = string> {
  readonly output: O;
  readonly op: ClaimOp;
  readonly value: number;
}

export type ClaimInput<P extends string, O extends string> =
  | ClaimFn<P, O>
  | { readonly description?: string; readonly test: ClaimFn<P, O> }
  | (ClaimThreshold<NoInfer<O>> & { readonly description?: string });

/**
 * A named variant of the model: parameters replaced as `--set` would replace them
 * (a number, a distribution string or a distribution object).
 */
export interface ScenarioSpec<P extends string = string> {
  readonly description?: string;
  readonly set: { readonly [key in P]?: ParameterInput };
}

export interface ModelDefinition<P extends string = string, O extends string = string> {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly parameters: { readonly [key in P]: ParameterInput };
  readonly outputs: { readonly [key in O]: OutputSpec };
  readonly compute: (params: Values<P>) => Values<O>;
  readonly claims?: { readonly [name: string]: ClaimInput<P, O> };
  /** Named variants: `run <model> --scenario NAME` (or `all`). */
  readonly scenarios?: { readonly [name: string]: ScenarioSpec<NoInfer<P>> };
  /** Rank correlations between pairs of inputs, imposed by Iman–Conover: `[['a', 'b', 0.6], …]`. */
  readonly correlations?: ReadonlyArray<readonly [NoInfer<P>, NoInfer<P>, number]>;
}

/** Types a model file without changing it: `export default defineModel({ … })`. */
export function defineModel<P extends string, O extends string>(model: ModelDefinition<P, O>): ModelDefinition<P, O> {
  return model;
}

export interface ResolvedParameter extends ParameterDocs {
  readonly name: string;
  readonly dist: Distribution;
  /** The spec as written (for describe and the manifest). */
  readonly spec: ParameterInput;
  /** The `--set` text that replaced the model file's distribution, if any. */
  readonly overridden?: string;
  /** The applied scenario's value for this parameter, as `--set` text, when the scenario replaced it (and no `--set` did). */
  readonly fromScenario?: string;
}

export interface ResolvedClaim {
  readonly name: string;
  readonly description?: string;
  readonly test: ClaimFn<string, string>;
  /** Present when the claim was declared as data (the test is then compiled from it). */
  readonly threshold?: ClaimThreshold;
}

export interface ResolvedOutput extends OutputSpec {
  readonly name: string;
}

export interface ResolvedScenario {
  readonly name: string;
  readonly description?: string;
  /** Each replaced parameter's value as `--set` text (how the manifest records it). */
  readonly set: Readonly<Record<string, string>>;
}

/**
 * The validated model: the one object that sampling, workers and analyses share,
 * as SALib's `problem` is. Parameter, output and claim order is the model file's order.
 */
export interface ResolvedModel {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly parameters: readonly ResolvedParameter[];
  readonly outputs: readonly ResolvedOutput[];
  readonly claims: readonly ResolvedClaim[];
  /** The declared scenarios, in file order (empty when none). */
  readonly scenarios: readonly ResolvedScenario[];
  /** The scenario applied to this resolution, if any (`--scenario NAME`). */
  readonly scenario?: string;
  readonly correlations: ReadonlyArray<readonly [string, string, number]>;
  readonly compute: (params: Values<string>) => Values<string>;
  /** Sentences about the model found when it was checked (undeclared outputs), copied into every result's warnings. */
  readonly warnings: readonly string[];
}
