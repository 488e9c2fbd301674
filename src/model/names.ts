/**
 * Which names a model may use. A model's `name` names its results folders
 * (`results/runs/<name>/…`), so it is one safe path segment. Parameter, output and claim names
 * may be anything, `Object.prototype`'s own names included (`constructor`, `toString`), except
 * `__proto__`: written `__proto__: …` in an object literal it sets the object's prototype and
 * adds no entry, and assigned as a key it replaces the prototype of whatever map holds it.
 */
import { InputError } from '../errors.ts';

export const MODEL_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export function checkModelName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new InputError('name', name, 'a model needs a non-empty string `name`');
  if (!MODEL_NAME.test(name)) {
    throw new InputError(
      'name',
      name,
      `a model's name names its results folders, so it must match ${MODEL_NAME.source}: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit (e.g. "my-fleet-2025")`,
    );
  }
  return name;
}

/**
 * Refuses `__proto__` among the entries of `parameters`, `outputs`, `claims` or `scenarios`: as an own key
 * (`{ ['__proto__']: … }`, JSON) or as the prototype an object literal's `__proto__: …` set.
 * A class instance (whose prototype carries its own `constructor`) is left alone.
 */
export function checkEntryNames(field: 'parameters' | 'outputs' | 'claims' | 'scenarios', entries: object): void {
  const proto: unknown = Object.getPrototypeOf(entries);
  const literalProto = proto !== null && proto !== Object.prototype && !Object.hasOwn(proto as object, 'constructor');
  if (Object.hasOwn(entries, '__proto__') || literalProto) {
    const what = { parameters: 'a parameter', outputs: 'an output', claims: 'a claim', scenarios: 'a scenario' }[field];
    throw new InputError(
      `${field}.__proto__`,
      '__proto__',
      `"__proto__" cannot name ${what}: JavaScript reads it as the object's prototype (in an object literal it adds no entry at all); choose another name`,
    );
  }
}

/** Names the scenario the base model stands for in `--scenario all` (its subfolder, its row). */
export const BASE_SCENARIO = 'base';
/** `--scenario all`: the base and every scenario. */
export const ALL_SCENARIOS = 'all';

/**
 * A scenario's name names a subfolder of `--scenario all` and a part of the results folder's
 * name, so it follows the model-name rule; `base` and `all` mean something on the command line.
 */
export function checkScenarioName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new InputError(
      `scenarios.${name}`,
      name,
      `a scenario's name names results folders, so it must match ${MODEL_NAME.source}: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit (e.g. "high-power")`,
    );
  }
  if (name === BASE_SCENARIO || name === ALL_SCENARIOS) {
    throw new InputError(`scenarios.${name}`, name, `"${BASE_SCENARIO}" and "${ALL_SCENARIOS}" are reserved (--scenario ${ALL_SCENARIOS} runs the base model as "${BASE_SCENARIO}" and every scenario); choose another name`);
  }
  return name;
}
