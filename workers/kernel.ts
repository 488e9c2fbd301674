/**
 * The hot inner loop, generated once per model and worker.
 *
 * A generic loop would write parameters with computed keys (`p[names[j]] = …`) and read
 * outputs the same way, which V8 treats as megamorphic dictionary access. Generating the loop
 * with the model's own names as literal keys gives one stable object shape and monomorphic
 * property access. Measured on the loop alone (inputs already drawn, compute included; 30 Nov
 * 2026, the 2-core development machine, load average 4): 5–7 million samples per second against
 * 2.3–2.8 for the computed-key loop on edunov-2023, 8–10 against 1.6–2.9 on inference-fleet,
 * although the generated loop also checks every value and accumulates the moments. The generated
 * source contains only JSON-quoted names and indices; all values arrive as arguments.
 *
 * Nothing is allocated per sample by the engine: the parameter object is reused, outputs go
 * into preallocated typed arrays. (The object `compute` returns is the model's own.)
 *
 * Refuse, don't coerce: an output that is not a number (null, "1900", true, a Promise) and a
 * claim that is not a boolean ('false') stop the run at the first such sample. `y - y === 0`
 * alone would let "1900" and null through as numbers; `typeof y === 'number'` first costs one
 * compare on a value whose type V8 already tracks.
 */
import type { ResolvedClaim, ResolvedModel, Values } from '../src/model/types.ts';

export interface KernelColumns {
  /** One column per non-constant parameter, in model order. */
  readonly params: readonly Float64Array[];
}

/** The first faulty sample of a chunk (its index in the chunk) and what went wrong there. */
export type KernelFailure =
  /** compute or a claim threw; `where` is `compute` or `claim <name>`. */
  | { readonly kind: 'threw'; readonly index: number; readonly where: string; readonly error: unknown }
  /** compute returned something other than an object (null, a number, …). */
  | { readonly kind: 'result'; readonly index: number; readonly value: unknown }
  /** An output's value is not a number; `result` is compute's whole result (a Promise, say). */
  | { readonly kind: 'output'; readonly index: number; readonly output: string; readonly value: unknown; readonly result: unknown }
  /** A claim returned something other than a boolean. */
  | { readonly kind: 'claim'; readonly index: number; readonly claim: string; readonly value: unknown };

/**
 * Simulation kernel: writes each output's finite values compactly into `outs[j]`, counts
 * non-finite ones, counts the samples where each claim holds, and accumulates each output's
 * moments on the way (fused into the loop: the values are in registers, a second pass over
 * memory would cost more). `stats[STATS * j + …]` receives the shift (the chunk's first finite
 * value), Σd, Σd², min and max, with d = y − shift: the shifted-data sums of Chan, Golub &
 * LeVeque (1983), accurate when the shift is near the mean, as one of the chunk's own values is.
 * Returns null, or the first failure.
 */
export type SimulateKernel = (
  n: number,
  cols: readonly Float64Array[],
  outs: readonly Float64Array[],
  finite: Int32Array,
  nonFinite: Int32Array,
  holds: Int32Array,
  stats: Float64Array,
) => KernelFailure | null;

/** Numbers per output in the kernel's `stats`: shift, Σd, Σd², min, max. */
export const STATS = 5;

/** Design kernel: writes raw outputs row by row (NaN kept) and claim indicators. */
export type EvaluateKernel = (
  n: number,
  cols: readonly Float64Array[],
  outs: readonly Float64Array[],
  claims: readonly Uint8Array[],
) => KernelFailure | null;

type Compute = (p: Values<string>) => Values<string>;
type Claim = (o: Values<string>, p: Values<string>) => boolean;

function parts(model: ResolvedModel) {
  const q = (s: string) => JSON.stringify(s);
  const varying = model.parameters.map((p, i) => ({ p, i })).filter(({ p }) => !p.dist.isConstant);
  const constants = model.parameters.map((p) => (p.dist.isConstant ? p.dist.mean : 0));
  // The parameter object comes from a constructor, not an object literal: a literal with the same keys
  // in the same order as the model's \`parameters\` declaration would share its hidden class, whose
  // fields V8 has already generalised to hold objects, and every double written would be boxed anew.
  // A constructor's objects get a hidden class of their own with double fields updated in place.
  // The constructor is defined once per kernel, so every chunk's object has the same hidden class.
  // Constants are read-only and the object takes no new properties: a compute that writes to them
  // (which the preflight refuses, but only on the paths it takes) cannot carry a value over to the
  // next sample (in strict code the write throws and names the property; in sloppy code it is ignored).
  const paramsClass = `function Params(consts) { ${model.parameters
    .map((p, i) =>
      p.dist.isConstant
        ? `Object.defineProperty(this, ${q(p.name)}, { value: consts[${i}], enumerable: true, writable: false, configurable: false });`
        : `this[${q(p.name)}] = consts[${i}];`,
    )
    .join(' ')} Object.preventExtensions(this); }`;
  const literal = 'new Params(consts)';
  const colDecl = varying.map((_, j) => `const c${j} = cols[${j}];`).join('\n');
  const assign = varying.map(({ p }, j) => `p[${q(p.name)}] = c${j}[i];`).join('\n');
  // compute's result must be an object before its outputs are read: null would throw a TypeError
  // that reads as compute's own fault, a number would read as undefined outputs.
  const resultCheck = `if (typeof o !== 'object' || o === null) return { kind: 'result', index: i, value: o };`;
  // A claim declared as data is compiled into the loop as the comparison it states (the same one
  // `thresholdTest` makes): a named load and a compare instead of a call through a keyed closure.
  // String(value) is the shortest text that reads back as the same double.
  const claimCall = (c: ResolvedClaim, j: number, onTrue: string, onFalse: string) => `where = ${q(`claim ${c.name}`)};
          h = ${c.threshold ? `o[${q(c.threshold.output)}] ${c.threshold.op} (${String(c.threshold.value)})` : `claims[${j}](o, p)`};
          if (h === true) ${onTrue}
          else if (h === false) ${onFalse}
          else return { kind: 'claim', index: i, claim: ${q(c.name)}, value: h };`;
  return { q, constants, paramsClass, literal, colDecl, assign, resultCheck, claimCall };
}

export function buildSimulateKernel(model: ResolvedModel, cache?: KernelCache): SimulateKernel {
  const { q, constants, paramsClass, literal, colDecl, assign, resultCheck, claimCall } = parts(model);
  const outs = model.outputs;
  const claims = model.claims;
  const body = `
    ${paramsClass}
    return function simulate(n, cols, outs, finite, nonFinite, holds, stats) {
      ${colDecl}
      ${outs.map((_, j) => `const o${j} = outs[${j}]; let k${j} = 0, nf${j} = 0, a${j} = 0, s${j} = 0, q${j} = 0, mn${j} = Infinity, mx${j} = -Infinity;`).join('\n')}
      ${claims.map((_, j) => `let h${j} = 0;`).join('\n')}
      const p = ${literal};
      let i = 0, where = 'compute';
      try {
        for (; i < n; i++) {
          ${assign}
          where = 'compute';
          const o = compute(p);
          ${resultCheck}
          let y, h;
          ${outs
            .map(
              (o, j) => `y = o[${q(o.name)}];
          if (typeof y !== 'number') return { kind: 'output', index: i, output: ${q(o.name)}, value: y, result: o };
          if (y - y === 0) {
            if (k${j} === 0) a${j} = y;
            const d = y - a${j};
            s${j} += d; q${j} += d * d;
            if (y < mn${j}) mn${j} = y;
            if (y > mx${j}) mx${j} = y;
            o${j}[k${j}++] = y;
          } else nf${j}++;`,
            )
            .join('\n')}
          ${claims.map((c, j) => claimCall(c, j, `h${j}++;`, '{}')).join('\n')}
        }
      } catch (error) {
        return { kind: 'threw', index: i, error, where };
      }
      ${outs.map((_, j) => `finite[${j}] = k${j}; nonFinite[${j}] = nf${j}; stats[${STATS * j}] = a${j}; stats[${STATS * j + 1}] = s${j}; stats[${STATS * j + 2}] = q${j}; stats[${STATS * j + 3}] = mn${j}; stats[${STATS * j + 4}] = mx${j};`).join('\n')}
      ${claims.map((_, j) => `holds[${j}] = h${j};`).join('\n')}
      return null;
    };`;
  return made<SimulateKernel>(body, model, constants, cache);
}

export function buildEvaluateKernel(model: ResolvedModel, cache?: KernelCache): EvaluateKernel {
  const { q, constants, paramsClass, literal, colDecl, assign, resultCheck, claimCall } = parts(model);
  const body = `
    ${paramsClass}
    return function evaluate(n, cols, outs, claimOut) {
      ${colDecl}
      ${model.outputs.map((_, j) => `const o${j} = outs[${j}];`).join('\n')}
      ${model.claims.map((_, j) => `const q${j} = claimOut[${j}];`).join('\n')}
      const p = ${literal};
      let i = 0, where = 'compute';
      try {
        for (; i < n; i++) {
          ${assign}
          where = 'compute';
          const o = compute(p);
          ${resultCheck}
          let y, h;
          ${model.outputs
            .map(
              (o, j) => `y = o[${q(o.name)}];
          if (typeof y !== 'number') return { kind: 'output', index: i, output: ${q(o.name)}, value: y, result: o };
          o${j}[i] = y;`,
            )
            .join('\n')}
          ${model.claims.map((c, j) => claimCall(c, j, `q${j}[i] = 1;`, `q${j}[i] = 0;`)).join('\n')}
        }
      } catch (error) {
        return { kind: 'threw', index: i, error, where };
      }
      return null;
    };`;
  return made<EvaluateKernel>(body, model, constants, cache);
}

/** The kernel of a generated body with the model's functions and constants: compiled anew, or the cache's. */
function made<K>(body: string, model: ResolvedModel, constants: number[], cache: KernelCache | undefined): K {
  const make = () => (new Function('compute', 'claims', 'consts', body) as (c: Compute, cl: Claim[], k: number[]) => K)(model.compute, model.claims.map((c) => c.test), constants);
  return cache ? cache.get(body, model, constants, make) : make();
}

/**
 * Kernels kept across models that differ only in their distributions (`serve`'s warm threads: a
 * slider gives a new distribution each time), so that the new values run through code V8 has
 * already optimised instead of a fresh `new Function` that runs unoptimised for most of a chunk
 * (edunov-2023, first 65,536-sample chunk: ~200 ms fresh against ~40 ms warm).
 *
 * A kernel is the function of what it is made of and of nothing else: its generated body (the
 * names, the constant/varying pattern, the outputs, the claims' thresholds: all of it text), the
 * constants' values, and the functions it calls (compute and the claims not declared as data).
 * A kernel is reused only when all of these are the same, values compared with Object.is and
 * functions by identity, so it computes exactly what a fresh one would, bit for bit. The
 * distributions are not among them: columns are drawn outside the kernel (workers/chunk.ts).
 */
export class KernelCache {
  private readonly entries: Array<{ body: string; compute: unknown; calls: readonly unknown[]; constants: readonly number[]; kernel: unknown }> = [];

  /** Keeps the `size` kernels used last. */
  constructor(readonly size = 16) {}

  get<K>(body: string, model: ResolvedModel, constants: readonly number[], make: () => K): K {
    // The claims the body calls; a claim declared as data is compiled into the body (its threshold is text there).
    const calls = model.claims.map((c) => (c.threshold ? undefined : c.test));
    const i = this.entries.findIndex(
      (e) =>
        e.body === body &&
        e.compute === model.compute &&
        e.calls.length === calls.length &&
        e.calls.every((f, j) => f === calls[j]) &&
        e.constants.length === constants.length &&
        e.constants.every((v, j) => Object.is(v, constants[j])),
    );
    const entry = i >= 0 ? this.entries.splice(i, 1)[0] : { body, compute: model.compute, calls, constants: [...constants], kernel: make() };
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.shift();
    return entry.kernel as K;
  }
}
