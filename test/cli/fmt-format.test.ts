/**
 * Issue 11 through the real command line: claims as data, labelled outputs and a primary output
 * in summary.json and manifest.json, describe, and refusals of a malformed declaration.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const FLEET = fixture('fmt-fleet.ts');
const root = mkdtempSync(join(tmpdir(), 'aemc-fmt-format-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('the model format in the results files', () => {
  it('summary.json: primaryOutput, labels, and each data claim with its output, op and value; manifest.json: every declared field', async () => {
    const out = join(root, 'declared');
    const r = await cli(['run', FLEET, '-n', '5000', '-w', '1', '-q', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const summary = json(join(out, 'summary.json'));
    expect(summary.primaryOutput).toBe('annual_twh');
    expect(summary.scenario).toBeUndefined();
    expect(summary.outputs.annual_twh.label).toBe('Annual electricity');
    expect(summary.claims.two_reactors_suffice).toMatchObject({ output: 'reactors', op: '<=', value: 2, description: 'two 1-GW reactors cover the fleet' });
    expect(summary.claims.doubles_by_2030.op).toBeUndefined();
    const manifest = json(join(out, 'manifest.json'));
    expect(manifest.outputs.annual_twh).toEqual({
      unit: 'TWh/yr',
      description: 'the fleet at full use',
      label: 'Annual electricity',
      primary: true,
      references: [{ label: '1 reactor (1 GW, 90%)', value: 7.884 }, { label: '2 reactors (1 GW, 90%)', value: 15.768 }],
    });
    expect(manifest.outputs.twh_2030.series).toEqual({ name: 'annual_twh', x: 2030 });
    expect(manifest.claims.under_12_twh).toEqual({ output: 'annual_twh', op: '<', value: 12 });
    expect(manifest.claims.doubles_by_2030).toEqual({ description: 'a function claim' });
    // The primary output heads the terminal's table.
    const table = await cli(['run', FLEET, '-n', '2000', '-w', '1', '-q', '--out', join(root, 'table')]);
    expect(table.stdout.split('\n').find((l) => /TWh|reactors/.test(l))).toMatch(/^Annual electricity \(annual_twh\)/);
  }, 240_000);

  it('two primary outputs are refused naming both (exit 2)', async () => {
    const r = await cli(['run', fixture('fmt-two-primary.ts'), '-n', '1000', '-q', '--out', join(root, 'two')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: outputs.b.primary: got true; at most one output is primary, and outputs.a already is; mark only one of a and b');
  }, 240_000);

  it('a scenario that sets an unknown parameter is refused naming it and listing the parameters (exit 2), even when not asked for', async () => {
    const r = await cli(['run', fixture('fmt-bad-scenario.ts'), '-n', '1000', '-q', '--out', join(root, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: scenarios.hot.set.wats: got "wats"; scenario hot sets "wats", which is not a parameter of model fmt-bad-scenario; its parameters are: watts, hours',
    );
  }, 240_000);
});

describe('describe', () => {
  it('shows labels, the primary output, references, series, claims as comparisons and the scenarios', async () => {
    const r = await cli(['describe', FLEET]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  annual_twh  "Annual electricity"  [TWh/yr]  (primary: the model\'s answer)');
    expect(r.stdout).toContain('      reference: 2 reactors (1 GW, 90%) = 15.768');
    expect(r.stdout).toContain('      series annual_twh at 2030');
    expect(r.stdout).toMatch(/ {2}two_reactors_suffice {2}reactors <= 2 +two 1-GW reactors cover the fleet/);
    expect(r.stdout).toMatch(/ {2}doubles_by_2030 +\(a function\) +a function claim/);
    expect(r.stdout).toContain('Scenarios (run --scenario NAME, or --scenario all)\n  high-power  B200-class GPUs at 1 kW\n      sets power_w = 1000\n');
    expect(r.stdout).toContain('  big-fleet\n      sets gpus = uniform(min=2e6, max=4e6), power_w = 1000');
  }, 240_000);

  it('--json carries the same, and --scenario shows the model with it applied', async () => {
    const d = JSON.parse((await cli(['describe', FLEET, '--json'])).stdout);
    expect(d.primaryOutput).toBe('annual_twh');
    expect(d.claims.two_reactors_suffice).toEqual({ description: 'two 1-GW reactors cover the fleet', output: 'reactors', op: '<=', value: 2, claim: 'reactors <= 2' });
    expect(d.scenarios).toEqual({
      'high-power': { description: 'B200-class GPUs at 1 kW', set: { power_w: '1000' } },
      efficient: { description: 'a PUE of best-in-class sites', set: { pue: '1.05 to 1.15' } },
      'big-fleet': { set: { gpus: 'uniform(min=2e6, max=4e6)', power_w: '1000' } },
    });
    const applied = await cli(['describe', FLEET, '--scenario', 'high-power']);
    expect(applied.stdout.split('\n')[0]).toBe('Format fixture: a GPU fleet (fmt-fleet, scenario high-power)');
    expect(applied.stdout).toContain('  power_w  1e3  [W]  (set by scenario high-power)');
    const aj = JSON.parse((await cli(['describe', FLEET, '--scenario', 'high-power', '--json'])).stdout);
    expect([aj.scenario, aj.parameters.power_w.fromScenario, aj.parameters.power_w.mean]).toEqual(['high-power', '1000', 1000]);
  }, 240_000);
});
