/**
 * Guarded objects for the preflight: what compute and the claims receive while the model is
 * checked. Reading a name that is not there (`p.wats` for `watts`) and writing anything are
 * recorded and stop the call; in the hot loop the same read is a silent `undefined` and every
 * sample turns NaN, and a write leaks into the next sample.
 *
 * Reads that are not mistakes go through:
 * - symbol keys (`Symbol.toPrimitive`, `Symbol.iterator`, `util.inspect.custom`): language and
 *   library probes, never a misspelt name;
 * - names the target has through its prototype (`toString`, `hasOwnProperty`, …): the object the
 *   hot loop hands compute has them too, so `p.hasOwnProperty('x')` must keep working;
 * - `then` (what `await` and promise resolution probe) and `toJSON` (what `JSON.stringify`
 *   probes): asked of any object, and undefined on the hot loop's object as well.
 * `console.log(p)` does not reach the traps: Node's inspector shows a proxy's target directly.
 */

/** The first fault a guard saw. */
export type GuardFault =
  | { readonly kind: 'read'; readonly key: string }
  | { readonly kind: 'write'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly key: string }
  | { readonly kind: 'prototype' };

/** Thrown into the model's code to stop it at the fault (the fault itself is kept by the guard). */
export class GuardStop extends Error {
  override readonly name = 'GuardStop';
}

export interface Guard<T extends object> {
  /** The object to hand the model. */
  readonly proxy: T;
  /** The first fault, if any, even when the model caught the GuardStop and carried on. */
  readonly fault: GuardFault | undefined;
}

const PROBES = new Set(['then', 'toJSON']);

/** A read-only view of `target` that records the first read of a missing name or the first write. */
export function guard<T extends object>(target: T): Guard<T> {
  let fault: GuardFault | undefined;
  const stop = (f: GuardFault): never => {
    fault ??= f;
    throw new GuardStop(describeFault(f));
  };
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t) return Reflect.get(t, key, receiver);
      if (PROBES.has(key)) return undefined;
      return stop({ kind: 'read', key });
    },
    set(_t, key, value) {
      return stop({ kind: 'write', key: String(key), value });
    },
    defineProperty(_t, key, descriptor) {
      return stop({ kind: 'write', key: String(key), value: descriptor.value });
    },
    deleteProperty(_t, key) {
      return stop({ kind: 'delete', key: String(key) });
    },
    setPrototypeOf() {
      return stop({ kind: 'prototype' });
    },
  });
  return {
    proxy,
    get fault() {
      return fault;
    },
  };
}

function describeFault(f: GuardFault): string {
  return f.kind === 'prototype' ? 'changes the prototype' : `${f.kind}s ${f.key}`;
}
