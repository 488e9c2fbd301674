/** The library's defaults and limits are the CLI's: one figure each, held together here. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SAMPLES, DEFAULT_SAMPLES, DEFAULT_SENSITIVITY_SAMPLES, MAX_SAMPLES, MAX_WORKERS } from '../../src/api/options.ts';
import { DEFAULT_SAMPLES as RUN_SAMPLES } from '../../src/cli/commands/run.ts';
import { DEFAULT_SENSITIVITY_SAMPLES as CLI_SENSITIVITY_SAMPLES } from '../../src/cli/commands/sensitivity.ts';
import { MAX_SAMPLES as CLI_MAX_SAMPLES, parseMaxSamples, parseWorkers } from '../../src/cli/options.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { InputError } from '../../src/errors.ts';

describe('library options', () => {
  it('default to what the CLI defaults to', () => {
    expect(DEFAULT_SAMPLES).toBe(RUN_SAMPLES);
    expect(DEFAULT_SENSITIVITY_SAMPLES).toBe(CLI_SENSITIVITY_SAMPLES);
    expect(MAX_SAMPLES).toBe(CLI_MAX_SAMPLES);
    const run = buildProgram([]).commands.find((c) => c.name() === 'run')!;
    expect(run.getOptionValue('maxSamples')).toBe(DEFAULT_MAX_SAMPLES);
  });

  it('allow the largest counts the CLI allows, and no larger', () => {
    expect(parseWorkers(String(MAX_WORKERS))).toBe(MAX_WORKERS);
    expect(() => parseWorkers(String(MAX_WORKERS + 1))).toThrow(InputError);
    expect(parseMaxSamples(String(MAX_SAMPLES))).toBe(MAX_SAMPLES);
  });
});
