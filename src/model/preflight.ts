/**
 * The check pass before sampling: compute and every claim run on guarded objects at a few
 * points, so that a model that would give a silently wrong answer stops with one line instead:
 * a misspelt parameter (`p.wats`), a write to the parameters, an output that is not a number,
 * an async compute, a claim that is not a boolean or reads a name that does not exist.
 * Outputs compute returns but does not declare come back as warnings.
 *
 * The points: every input at its median, then each uncertain input in turn at its 25th and 75th
 * percentile with the others at their medians (1 + 2k calls). They stay inside the quartiles on
 * purpose: this runs in the main thread, and a model whose faults lie in the tails (a throw, a
 * timer, a `process.exit`) is met by the workers, which report it with the sample.
 *
 * The whole check runs inside one `vm` call with `breakOnSigint`, so Ctrl-C stops a compute that
 * never returns, and with the caller's timeout if any (`--timeout`). One call, not one per model
 * call: each such call starts and joins a watchdog thread in Node, ~0.2–1 ms apiece, which for
 * 1 + 2k points and their claims was most of the check's time (edunov-2023: 264 calls, 30–100 ms),
 * paid again by `serve` for every new value a slider gives.
 */
import vm from 'node:vm';
import { InterruptedError, ModelError, RunError, showValue } from '../errors.ts';
import { closestName } from '../distributions/suggest.ts';
import { guard, type Guard, type GuardFault } from './guard.ts';
import type { ResolvedModel, Values } from './types.ts';
import { claimMessage, isThenable, outputMessage, resultMessage, showSample } from './values.ts';

export interface PreflightOptions {
  /** The most time the whole check may take, in seconds (`--timeout`); no bound by default. */
  readonly timeoutSeconds?: number;
}

/** What `--timeout` exits with (124, as coreutils' timeout(1)). */
const EXIT_TIMEOUT = 124;

/** Checks the model at a few points and returns its warnings (undeclared outputs); throws on a fault. */
export function preflight(model: ResolvedModel, options: PreflightOptions = {}): string[] {
  const deadline = options.timeoutSeconds === undefined ? undefined : performance.now() + options.timeoutSeconds * 1000;
  const declared = new Set(model.outputs.map((o) => o.name));
  const undeclared = new Set<string>();
  const { call, guarded } = caller(model, options.timeoutSeconds, deadline);
  guarded(() => check(model, call, declared, undeclared));
  return undeclared.size === 0 ? [] : warningsOf(model, undeclared);
}

/** Compute at every check point, then each claim on its outputs; the first fault throws. */
function check(model: ResolvedModel, call: Call, declared: ReadonlySet<string>, undeclared: Set<string>): void {
  for (const point of points(model)) {
    const sample = showSample(point);
    const params = guard(paramsObject(point));
    const out = call('compute', point, params, () => model.compute(params.proxy));
    if (isThenable(out) && out instanceof Promise) out.catch(() => {}); // an async compute's rejection must not surface later
    if (out === params.proxy) {
      throw new ModelError(`model ${model.name}: compute returned its parameter object at the sample ${sample}; it must return a new object with the outputs ${[...declared].join(', ')}`, point);
    }
    if (typeof out !== 'object' || out === null || Array.isArray(out) || isThenable(out)) {
      throw new ModelError(resultMessage(model.name, [...declared], out, sample), point);
    }
    const result = out as Record<string, unknown>;
    for (const o of model.outputs) {
      const y = result[o.name];
      if (typeof y !== 'number') throw new ModelError(outputMessage(model.name, o.name, y, result, sample), point);
    }
    for (const key of Object.keys(result)) if (!declared.has(key)) undeclared.add(key);
    for (const claim of model.claims) {
      const o = guard(result);
      const p = guard(paramsObject(point));
      const holds = call(`claim ${claim.name}`, point, p, () => claim.test(o.proxy as Values<string>, p.proxy), o);
      if (typeof holds !== 'boolean') throw new ModelError(claimMessage(model.name, claim.name, holds, sample), point);
    }
  }
}

function warningsOf(model: ResolvedModel, undeclared: ReadonlySet<string>): string[] {
  const names = [...undeclared];
  return [
    `model ${model.name}: compute returns ${names.join(', ')}, ${names.length === 1 ? 'which is' : 'which are'} not declared in outputs and ${names.length === 1 ? 'is' : 'are'} left out of the results (declare ${names.length === 1 ? 'it' : 'them'} under outputs to keep ${names.length === 1 ? 'it' : 'them'})`,
  ];
}

/** The check points: all medians, then each uncertain input at p25 and p75 alone. */
function points(model: ResolvedModel): Array<Record<string, number>> {
  const at = (q: number) => model.parameters.map((p) => (p.dist.isConstant ? p.dist.mean : p.dist.quantile(q)));
  const median = at(0.5);
  const make = (values: readonly number[]) => Object.fromEntries(model.parameters.map((p, i) => [p.name, values[i]]));
  const list = [make(median)];
  for (const q of [0.25, 0.75]) {
    const moved = at(q);
    model.parameters.forEach((p, i) => {
      if (p.dist.isConstant) return;
      const values = [...median];
      values[i] = moved[i];
      list.push(make(values));
    });
  }
  return list;
}

/** A fresh parameter object per call, shaped as the hot loop's (own numbers, Object.prototype behind). */
function paramsObject(point: Record<string, number>): Values<string> {
  return Object.assign({}, point);
}

type Call = <T>(where: string, point: Record<string, number>, params: Guard<object>, fn: () => T, outputs?: Guard<object>) => T;

/**
 * Model calls, each turning every way it can fail into one line (`call`), made inside one `vm` run
 * (`guarded`: interruptible by Ctrl-C, bounded by the deadline). Ctrl-C and the timeout end that
 * run from outside, past any catch in the model's code (V8 terminates it); they are told apart
 * from the model's own throws by the run's error code, and name the call that was running.
 */
function caller(model: ResolvedModel, timeoutSeconds: number | undefined, deadline: number | undefined): { call: Call; guarded: (check: () => void) => void } {
  const context = vm.createContext({ fn: undefined as unknown });
  const script = new vm.Script('fn()', { filename: `${model.name} preflight` });
  const parameterNames = model.parameters.map((p) => p.name);
  const outputNames = model.outputs.map((o) => o.name);

  const faultMessage = (where: string, fault: GuardFault, of: 'params' | 'outputs'): string => {
    const [letter, noun, names] = of === 'params' ? ['p', 'parameter', parameterNames] : ['o', 'output', outputNames];
    const subject = `model ${model.name}: ${where}`;
    switch (fault.kind) {
      case 'read': {
        const near = closestName(fault.key, names);
        return `${subject} reads ${letter}.${fault.key}, which is not a${noun === 'output' ? 'n' : ''} ${noun} ${near ? `(did you mean ${near}?)` : `(the ${noun}s are: ${names.join(', ')})`}`;
      }
      case 'write':
        return `${subject} writes ${letter}.${fault.key} = ${showValue(fault.value)}, but its ${noun}s are read-only${of === 'params' ? ' (a changed value would leak into the next sample)' : ''}; use a local variable`;
      case 'delete':
        return `${subject} deletes ${letter}.${fault.key}, but its ${noun}s are read-only`;
      case 'prototype':
        return `${subject} changes the prototype of its ${noun}s, which are read-only`;
    }
  };

  /** The call running (for the timeout's message) and whether it called process.exit. */
  let running = { where: 'compute', sample: '' };
  let exitCall: { code: unknown } | undefined;

  const call: Call = (where, point, params, fn, outputs) => {
    const sample = showSample(point);
    running = { where, sample };
    exitCall = undefined;
    let value: unknown;
    let thrown: unknown;
    let failed = false;
    try {
      value = fn();
    } catch (err) {
      failed = true;
      thrown = err;
    }
    // A guard fault comes first, even when the model caught the stop and went on or threw something else.
    const fault = params.fault ?? outputs?.fault;
    if (fault) throw new ModelError(faultMessage(where, fault, params.fault ? 'params' : 'outputs'), point);
    // Set by the process.exit that `guarded` put in place, while fn ran (a narrowing TypeScript cannot see).
    const exited = exitCall as { code: unknown } | undefined;
    if (exited) {
      throw new ModelError(`model ${model.name}: ${where} called process.exit(${exited.code ?? ''}) at the sample ${sample}; a model must return its outputs, not end the program`, point);
    }
    if (!failed) return value as never;
    const reason = (thrown instanceof Error ? thrown.message : String(thrown)).replace(/\s*\n\s*/g, ' ');
    throw new ModelError(`model ${model.name}: ${where} threw "${reason}" for the sample ${sample}`, point);
  };

  const guarded = (check: () => void): void => {
    const exit = process.exit;
    // A compute that ends the program would end it silently here, in the main thread.
    process.exit = ((code?: number | string | null) => {
      exitCall ??= { code };
      throw new Error(`process.exit(${code ?? ''})`);
    }) as typeof process.exit;
    context.fn = check;
    try {
      const runOptions: vm.RunningScriptOptions = { breakOnSigint: true };
      if (deadline !== undefined) {
        const left = deadline - performance.now();
        if (left <= 0) throw new RunError(timeoutMessage(), EXIT_TIMEOUT);
        runOptions.timeout = Math.max(1, Math.ceil(left));
      }
      script.runInContext(context, runOptions);
    } catch (err) {
      const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
      if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new InterruptedError('SIGINT');
      if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RunError(timeoutMessage(), EXIT_TIMEOUT);
      throw err;
    } finally {
      process.exit = exit;
      context.fn = undefined;
    }
  };
  return { call, guarded };

  function timeoutMessage(): string {
    const at = running.sample ? ` (at the sample ${running.sample})` : '';
    return `model ${model.name}: ${running.where} did not finish within --timeout ${timeoutSeconds} s while the model was being checked${at}, before sampling started`;
  }
}
