import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const lp = fixture('lognormal-product.ts');

/** Each case: arguments, and fragments the one-line message must contain (field, value, what is allowed). */
const cases: Array<[string, string[], RegExp[]]> = [
  ['unknown distribution', ['run', lp, '--set', 'a=lognorml(1, 2)'], [/--set a/, /lognorml/, /allowed|lognormal/]],
  ['non-numeric field', ['run', lp, '--set', 'a=normal(abc, 1)'], [/--set a/, /abc/]],
  ['sd <= 0 in a model file', ['run', fixture('bad/bad-sd.ts')], [/parameters\.x\.sd/, /-1/, /> 0|positive/]],
  ['sd <= 0 on the command line', ['run', lp, '--set', 'a=normal(1, 0)'], [/sd/, /0/]],
  ['min >= max', ['run', lp, '--set', 'a=uniform(2, 1)'], [/min|max/, /2|1/]],
  ['mode outside [min, max]', ['run', lp, '--set', 'a=triangular(0, 5, 1)'], [/mode/, /5/]],
  ['p5 >= p95', ['run', lp, '--set', 'a=lognormal(p5=2, p95=1)'], [/p5|p95/, /2|1/]],
  ['weights that do not sum to a positive number', ['run', lp, '--set', 'a=discrete([1, 2], [0, 0])'], [/weights/, /0/]],
  ['correlation outside [-1, 1]', ['run', fixture('bad/correlation-range.ts')], [/correlations\[0\]\[2\]/, /1\.5/, /\[-1, 1\]/]],
  ['non-positive-definite correlations', ['run', fixture('bad/not-positive-definite.ts')], [/correlations/, /positive definite/]],
  ['model file that does not exist', ['run', 'no/such/model.ts'], [/model/, /no\/such\/model\.ts/, /no such file/]],
  ['unknown built-in model', ['run', 'edunov-2042'], [/edunov-2042/, /built-in models: .*edunov-2023/]],
  ['model without compute', ['run', fixture('bad/no-compute.ts')], [/compute/, /undefined/]],
  ['compute that throws', ['run', fixture('bad/throws.ts'), '--samples', '10000'], [/x is too large/, /x=2\.\d+/]],
  ['compute with a missing output', ['run', fixture('bad/wrong-output.ts')], [/model wrong-output: compute returned undefined for output y \(it returns z\)/, /x=0\.5/]],
  ['model file with a syntax error', ['run', fixture('bad/syntax-error.ts')], [/could not be loaded/, /syntax-error\.ts/]],
  ['--set naming an unknown parameter', ['run', lp, '--set', 'gpus=1'], [/--set/, /gpus/, /parameters are: a, b, c, k/]],
  ['--samples 0', ['run', lp, '--samples', '0'], [/--samples/, /"0"/, /at least 1/]],
  ['--samples -5', ['run', lp, '--samples', '-5'], [/--samples/, /"-5"/]],
  ['--samples abc', ['run', lp, '--samples', 'abc'], [/--samples/, /"abc"/]],
  ['--workers 0', ['run', lp, '--workers', '0'], [/--workers/, /"0"/, /at least 1/]],
  ['--sampling sobolx', ['run', lp, '--sampling', 'sobolx'], [/--sampling/, /sobolx/]],
  ['--percentiles 0,50', ['run', lp, '--percentiles', '0,50'], [/--percentiles/, /between 0 and 100/]],
];

describe.concurrent('bad input: one clear message, a non-zero exit, no stack trace, no results', () => {
  for (const [title, args, patterns] of cases) {
    it(title, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'aemc-bad-')), 'run');
      const r = await cli([...args, '--out', out, '--quiet']);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: /);
      for (const p of patterns) expect(r.stderr).toMatch(p);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }
});
