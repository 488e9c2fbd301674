/**
 * A model file imported once and resolved per set of overrides (`importModel` + `loadImported`,
 * issue 14: `serve` takes a slider's new value as data, not as a new import). Each new set is
 * still parsed, validated and checked (the preflight at the new points) as `loadModel` does.
 */
import { describe, expect, it } from 'vitest';
import { InputError, ModelError } from '../../src/errors.ts';
import { importModel, loadImported, loadModel } from '../../src/model/load.ts';
import { fixture } from '../cli/helpers.ts';

describe('importModel + loadImported', () => {
  it('gives what loadModel gives, with the same compute for every set of overrides', async () => {
    const module = await importModel(fixture('serve-throws.ts'));
    const a = await loadImported(module, { x: '0 to 2' });
    const b = await loadImported(module, { x: '0 to 3' });
    expect(b.model.compute).toBe(a.model.compute);
    expect(b.model.parameters[0].overridden).toBe('0 to 3');
    const cold = await loadModel(fixture('serve-throws.ts'), { x: '0 to 3' });
    // As data (functions differ by identity between imports): file, overrides, parameters, outputs, claims, warnings.
    const data = (h: object) => JSON.parse(JSON.stringify(h)) as unknown;
    expect(data(b)).toEqual(data(cold));
  });

  it('checks each new set: a compute that throws at the new points fails that set only', async () => {
    const module = await importModel(fixture('serve-throws.ts'));
    await expect(loadImported(module, { x: '10 to 20' })).rejects.toThrow(ModelError);
    await expect(loadImported(module, { x: '10 to 20' })).rejects.toThrow(/^model serve-throws: compute threw "x is 1\d(\.\d+)?" for the sample x=/);
    await expect(loadImported(module, { x: '0 to 2' })).resolves.toBeDefined();
  });

  it('a bad distribution names its field, as loadModel does', async () => {
    const module = await importModel(fixture('serve-throws.ts'));
    const err = await loadImported(module, { x: 'normal(1e6, -5)' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toMatch(/^--set x/);
  });

  it('checks on a second instance of the module, imported once', async () => {
    const module = await importModel(fixture('serve-throws.ts'));
    const checked = await module.checkedDefinition();
    expect(checked).not.toBe(module.definition);
    expect(await module.checkedDefinition()).toBe(checked);
  });
});
