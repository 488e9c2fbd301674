/**
 * What the library's `simulate` and `sensitivity` accept as a model, and how each form runs:
 * - a file path or a built-in model's name: loaded as the CLI loads it (`loadModel`), so it runs
 *   on worker threads, each importing the file (default: one per core);
 * - a model object (`defineModel({ … })`): checked as a file's default export is, and run
 *   in-process (workers: 0), since compute is a function and a function cannot be sent to a
 *   thread. Asking for workers with an object is refused rather than quietly ignored.
 * Either way the results are the same bytes: a run's result does not depend on its worker count.
 */
import { InputError } from '../errors.ts';
import { loadModel, loadModelObject, type ModelHandle } from '../model/load.ts';
import type { ModelDefinition } from '../model/types.ts';
import { checkScenario, checkSet, checkWorkers } from './options.ts';

/** A model object, the path of a model file (.ts, .mts, .js, .mjs) or a built-in model's name. */
export type ModelInput<P extends string = string, O extends string = string> = ModelDefinition<P, O> | string;

export interface OpenedModel {
  readonly handle: ModelHandle;
  readonly workers: number;
}

/** Loads and checks the model (with `scenario` applied, if given), and settles the worker count that fits its form. */
export async function openModel(model: unknown, set: unknown, workers: unknown, scenario?: unknown): Promise<OpenedModel> {
  const overrides = checkSet(set);
  const options = scenario === undefined ? {} : { scenario: checkScenario(scenario) };
  if (typeof model === 'string') {
    const count = checkWorkers(workers, false);
    return { handle: await asOption(() => loadModel(model, overrides, options)), workers: count };
  }
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw new InputError('model', model, 'a model object ({ name, parameters, outputs, compute }), the path of a model file, or a built-in model name');
  }
  const count = checkWorkers(workers, true);
  return { handle: await asOption(async () => loadModelObject(model, overrides, options)), workers: count };
}

/** An unknown scenario is named as the option it came from (`options.scenario`), not as the CLI's flag. */
async function asOption<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof InputError && err.field === '--scenario') throw new InputError('options.scenario', err.value, err.allowed);
    throw err;
  }
}
