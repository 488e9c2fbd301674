import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../cli/helpers.ts';

// vega's parser looks signal names up in a plain object: a title that is exactly "constructor"
// used to fail every chart with "Operator not defined: undefined".
describe('chart titles named after Object.prototype members', () => {
  it('run --charts --report and sensitivity --charts draw every chart, with the names as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aemc-proto-titles-'));
    const model = fixture('charts/prototype-titles.mjs');
    const run = await cli(['run', model, '-n', '2000', '--charts', '--report', '--out', join(dir, 'run'), '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const name of ['constructor', 'toString', 'valueOf']) {
      const svg = readFileSync(join(dir, 'run', 'charts', `distribution-${name}.svg`), 'utf8');
      expect(svg).toContain(`>${name}\u2060<`);
      expect(existsSync(join(dir, 'run', 'charts', `exceedance-${name}.png`))).toBe(true);
    }
    const sens = await cli(['sensitivity', model, '--claim', 'constructor', '-n', '256', '--charts', '--out', join(dir, 'sens'), '--quiet']);
    expect(sens.code).toBe(0);
    expect(existsSync(join(dir, 'sens', 'charts', 'tornado-constructor.svg'))).toBe(true);
  });
});
