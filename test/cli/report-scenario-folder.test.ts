/**
 * `report` given the top of a `run --scenario all` folder: that folder holds one results folder per
 * scenario, so report names them and renders none, instead of taking one as "the latest run".
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

describe('report on a --scenario all folder', { timeout: 180_000 }, () => {
  it('is refused with one line naming each scenario folder, exit 2, nothing written; a scenario folder itself reports', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aemc-report-scen-')), 'all');
    const ran = await cli(['run', fixture('fmt-fleet.ts'), '--scenario', 'all', '--samples', '2000', '--out', out, '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);

    const r = await cli(['report', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: results folder: got ".*"; one scenario's results folder: this is a `run --scenario all` folder, so run report on each of /);
    expect(r.stderr).toContain(join(out, 'base'));
    expect(existsSync(join(out, 'base', 'report.html'))).toBe(false);

    const one = await cli(['report', join(out, 'base'), '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    expect(existsSync(join(out, 'base', 'report.html'))).toBe(true);
  });
});
