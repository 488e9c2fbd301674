/**
 * Scenarios: named variants of a model, each replacing some parameters as `--set` would
 * (`{ description?, set: { gpu_power_w: 700, pue: '1.1 to 1.3' } }`). Every scenario is checked
 * when the model is resolved, applied or not, so a misspelt parameter in any of them stops the
 * model at once rather than on the day someone runs that scenario.
 */
import { InputError } from '../errors.ts';
import { fromSpec } from '../distributions/index.ts';
import { ALL_SCENARIOS, BASE_SCENARIO, checkEntryNames, checkScenarioName } from './names.ts';
import type { ParameterInput, ResolvedScenario } from './types.ts';

/** A scenario checked, with its values as written (what resolution applies) and as text (what records show). */
export interface CheckedScenario extends ResolvedScenario {
  readonly specs: Readonly<Record<string, ParameterInput>>;
}

export function checkScenarios(model: string, raw: unknown, parameterNames: readonly string[]): CheckedScenario[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('scenarios', raw, "an object of named scenarios: { 'high-power': { description: '…', set: { gpu_power_w: 1000 } } }");
  }
  checkEntryNames('scenarios', raw);
  return Object.entries(raw).map(([name, spec]) => {
    checkScenarioName(name);
    const field = `scenarios.${name}`;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      throw new InputError(field, spec, "a scenario is { description?, set: { parameter: value, … } }, e.g. { set: { gpu_power_w: 1000 } }");
    }
    const { description, set, ...rest } = spec as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new InputError(`${field}.${extra}`, rest[extra], "a scenario's fields are description and set");
    if (description !== undefined && typeof description !== 'string') throw new InputError(`${field}.description`, description, 'description is text');
    if (typeof set !== 'object' || set === null || Array.isArray(set) || Object.keys(set).length === 0) {
      throw new InputError(`${field}.set`, set, 'an object naming at least one parameter and its value, e.g. { gpu_power_w: 1000 } (a number, a distribution string or a distribution object, as --set takes)');
    }
    const specs: Record<string, ParameterInput> = {};
    const text: Record<string, string> = {};
    for (const [key, value] of Object.entries(set)) {
      if (!parameterNames.includes(key)) {
        throw new InputError(`${field}.set.${key}`, key, `scenario ${name} sets "${key}", which is not a parameter of model ${model}; its parameters are: ${parameterNames.join(', ')}`);
      }
      const dist = fromSpec(`${field}.set.${key}`, value);
      specs[key] = value as ParameterInput;
      text[key] = typeof value === 'string' ? value : typeof value === 'number' ? String(value).replace('e+', 'e') : dist.label;
    }
    return { name, ...(typeof description === 'string' ? { description } : {}), set: text, specs };
  });
}

/** The scenario `--scenario NAME` asks for (undefined for none or `base`); an unknown name is refused listing the known ones. */
export function pickScenario(model: string, scenarios: readonly CheckedScenario[], name: string | undefined): CheckedScenario | undefined {
  if (name === undefined || name === BASE_SCENARIO) return undefined;
  const found = scenarios.find((s) => s.name === name);
  if (found) return found;
  if (scenarios.length === 0) throw new InputError('--scenario', name, `model ${model} declares no scenarios (a model lists them under \`scenarios\`)`);
  const known = scenarios.map((s) => s.name).join(', ');
  if (name === ALL_SCENARIOS) throw new InputError('--scenario', name, `"${ALL_SCENARIOS}" is taken by run only; name one scenario of model ${model}: ${known} (or ${BASE_SCENARIO})`);
  throw new InputError('--scenario', name, `model ${model} has no scenario "${name}"; its scenarios are: ${known} (or ${BASE_SCENARIO} for none)`);
}
