/**
 * What the engine writes, the engine reads (issue 9, §5 and part of §4), through the real CLI.
 *
 * Outputs near ±1e308 (test/fixtures/overflow-huge.ts) used to write null statistics and null
 * histogram edges, which `--charts`/`--report` then refused, losing the run. Now their
 * statistics are finite wherever the true value is a double, the one that is not (the standard
 * deviation of two values ±1.7e308 apart) is null with a warning, and every folder the engine
 * writes, or wrote before (nulls, no `warnings`), is read by `report` and `compare`. Names that
 * are Object.prototype members are outputs like any other; a name that is not an output is one
 * line, exit 2.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

/** Each test chains several CLI runs, some with charts: more than the default minute on a busy 2-core machine. */
const SLOW = { timeout: 180_000 };
const tmp = () => mkdtempSync(join(tmpdir(), 'aemc-overflow-'));
const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const writeJson = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 2));

/** Paths of every null in a JSON value (`outputs.pm.sd`, `outputs.pm.meanCI95[0]`). */
function nulls(v: unknown, path = ''): string[] {
  if (v === null) return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => nulls(x, `${path}[${i}]`));
  if (typeof v === 'object') return Object.entries(v as object).flatMap(([k, x]) => nulls(x, path ? `${path}.${k}` : k));
  return [];
}

/** One line on stderr starting with `error: `, no stack trace. */
function expectOneErrorLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** A results folder of overflow-huge without charts (fast), for the tests that edit the files. */
async function plainRun(samples = 4000): Promise<string> {
  const out = join(tmp(), 'run');
  const r = await cli(['run', fixture('overflow-huge.ts'), '--samples', String(samples), '--out', out, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

describe('outputs near ±1e308', SLOW, () => {
  it('run --charts --report: finite statistics, no null anywhere, every chart drawn; report and compare read the folder', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', fixture('overflow-huge.ts'), '--samples', '20000', '--seed', '7', '--out', out, '--charts', '--report', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = readJson(out, 'summary.json');
    expect(nulls(summary)).toEqual([]);
    expect(nulls(readJson(out, 'distributions.json'))).toEqual([]);
    expect(summary.warnings).toEqual([]);
    // big = 1e308·U(0.5, 1.5): mean 1e308, sd 1e308/√12.
    expect(summary.outputs.big.mean / 1e308).toBeCloseTo(1, 2);
    expect(summary.outputs.big.sd / (1e308 / Math.sqrt(12))).toBeCloseTo(1, 2);
    // pm = ±1.7e308 with equal chance: mean ≈ 0 (within 4 standard errors), sd ≈ 1.7e308.
    expect(Math.abs(summary.outputs.pm.mean)).toBeLessThan((4 * 1.7e308) / Math.sqrt(20000));
    expect(summary.outputs.pm.sd / 1.7e308).toBeCloseTo(1, 3);
    expect(summary.outputs.pm.percentiles.p5).toBe(-1.7e308);
    expect(summary.outputs.pm.percentiles.p95).toBe(1.7e308);
    const edges: number[] = readJson(out, 'distributions.json').outputs.pm.histogram.edges;
    expect(edges[0]).toBe(-1.7e308);
    expect(edges.at(-1)).toBe(1.7e308);
    const charts = readdirSync(join(out, 'charts'));
    for (const name of ['big', 'pm', 'u']) for (const kind of ['distribution', 'exceedance', 'convergence']) expect(charts).toContain(`${kind}-${name}.png`);
    expect(readFileSync(join(out, 'charts', 'distribution-pm.svg'), 'utf8')).toContain('pm (J) ÷ 10');
    expect(existsSync(join(out, 'report.html'))).toBe(true);

    const report = await cli(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const cmp = join(tmp(), 'pm.svg');
    const compared = await cli(['compare', out, out, '--output', 'pm', '--out', cmp]);
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
    expect(existsSync(cmp)).toBe(true);
  });

  it('the same seed gives the same bytes with 1 and 2 workers, exact and sketched percentiles alike', async () => {
    for (const method of ['exact', 'ddsketch']) {
      const outs: string[] = [];
      for (const workers of ['1', '2']) {
        const out = join(tmp(), 'run');
        const r = await cli(['run', fixture('overflow-huge.ts'), '--samples', '140000', '--workers', workers, '--percentile-method', method, '--out', out, '--quiet']);
        expect(r.code).toBe(0);
        expect(nulls(readJson(out, 'summary.json'))).toEqual([]);
        expect(nulls(readJson(out, 'distributions.json'))).toEqual([]);
        outs.push(out);
      }
      expect(readFileSync(join(outs[0], 'distributions.json'), 'utf8')).toBe(readFileSync(join(outs[1], 'distributions.json'), 'utf8'));
      const [a, b] = outs.map((o) => ({ ...readJson(o, 'summary.json'), workers: 0 }));
      expect(a).toEqual(b);
    }
  });

  it('a statistic no double can hold is null with a warning naming it, and the folder still reads', async () => {
    // Latin hypercube with 2 samples: one u below 1 and one above, so pm = −1.7e308 and 1.7e308,
    // whose standard deviation (1.7e308·√2) is beyond the largest double.
    const out = join(tmp(), 'run');
    const r = await cli(['run', fixture('overflow-huge.ts'), '--samples', '2', '--sampling', 'lhs', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: output pm: sd, meanCI95 lie beyond the largest double .* written as null/m);
    const summary = readJson(out, 'summary.json');
    expect(nulls(summary)).toEqual(['outputs.pm.sd', 'outputs.pm.meanCI95[0]', 'outputs.pm.meanCI95[1]']);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toContain('output pm: sd, meanCI95');
    const report = await cli(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Warning: output pm: sd, meanCI95');
    const compared = await cli(['compare', out, '--output', 'pm', '--out', join(tmp(), 'pm.json')]);
    expect(compared.code).toBe(0);
  });
});

describe('report and compare read every folder the engine writes or wrote', SLOW, () => {
  it('an output with non-finite values (exact and sketched percentiles)', async () => {
    for (const method of ['exact', 'ddsketch']) {
      const out = join(tmp(), 'run');
      const visuals = method === 'exact' ? ['--charts', '--report'] : [];
      const r = await cli(['run', fixture('non-finite.ts'), '--samples', '4000', '--percentile-method', method, '--out', out, ...visuals, '--quiet']);
      expect(r.code).toBe(0);
      expect(nulls(readJson(out, 'summary.json'))).toEqual([]);
      expect(nulls(readJson(out, 'distributions.json'))).toEqual([]);
      const compared = await cli(['compare', out, '--output', 'logx', '--out', join(tmp(), 'logx.json')]);
      expect(compared.stderr).toBe('');
      expect(compared.code).toBe(0);
    }
  });

  it('a folder from before: null statistics and histogram edges (the old overflow), no warnings field', async () => {
    const out = await plainRun();
    const summary = readJson(out, 'summary.json');
    delete summary.warnings;
    Object.assign(summary.outputs.pm, { mean: null, sd: null, meanCI95: [null, null] });
    writeJson(out, 'summary.json', summary);
    const dists = readJson(out, 'distributions.json');
    const pm = dists.outputs.pm;
    pm.histogram.edges = pm.histogram.edges.map(() => null);
    pm.convergence.mean = pm.convergence.mean.map(() => null);
    pm.convergence.meanCI95 = pm.convergence.meanCI95.map(() => [null, null]);
    writeJson(out, 'distributions.json', dists);
    const report = await cli(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(readdirSync(join(out, 'charts'))).toContain('exceedance-pm.svg');
    const compared = await cli(['compare', out, '--output', 'pm', '--out', join(tmp(), 'pm.json')]);
    expect(compared.code).toBe(0);
  });

  it('null percentiles: report draws what it can; compare --output of that output is one line, exit 2', async () => {
    const out = await plainRun();
    const summary = readJson(out, 'summary.json');
    for (const k of Object.keys(summary.outputs.pm.percentiles)) summary.outputs.pm.percentiles[k] = null;
    writeJson(out, 'summary.json', summary);
    const report = await cli(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const compared = await cli(['compare', out, '--output', 'pm', '--out', join(tmp(), 'pm.json')]);
    expect(compared.code).toBe(2);
    expectOneErrorLine(compared.stderr);
    expect(compared.stderr).toContain('summary.json: outputs.pm.percentiles: got "p5: null, p50: null, p95: null"');
  });

  it('outputs named __proto__, constructor and toString are outputs; --output toString where none is, one line and exit 2', async () => {
    const out = await plainRun();
    // Rename the outputs in all three files, as a model with those names would have written them.
    for (const file of ['summary.json', 'distributions.json', 'manifest.json']) {
      const text = readFileSync(join(out, file), 'utf8').replaceAll('"u":', '"__proto__":').replaceAll('"big":', '"constructor":').replaceAll('"pm":', '"toString":');
      writeFileSync(join(out, file), text);
    }
    const report = await cli(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const charts = readdirSync(join(out, 'charts'));
    for (const name of ['__proto__', 'constructor', 'toString']) expect(charts).toContain(`distribution-${name}.svg`);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<span class="name">__proto__</span>');

    const proto = await cli(['compare', out, '--output', '__proto__', '--out', join(tmp(), 'proto.json')]);
    expect(proto.stderr).toBe('');
    expect(proto.code).toBe(0);

    // A folder without those names: toString / valueOf / __proto__ are not its outputs.
    const plain = await plainRun();
    for (const name of ['toString', '__proto__']) {
      const r = await cli(['compare', plain, '--output', name, '--out', join(tmp(), 'x.json')]);
      expect(r.code).toBe(2);
      expectOneErrorLine(r.stderr);
      expect(r.stderr).toContain(`--output: got "${name}"; an output that ${plain} has: big, pm, u`);
    }
  });

  it('a results file that is not JSON, or lacks a field, is one line naming the file and the field', async () => {
    const broken = await plainRun();
    writeFileSync(join(broken, 'summary.json'), '{ "model": "overflow-huge", ');
    const notJson = await cli(['report', broken, '--quiet']);
    expect(notJson.code).toBe(2);
    expectOneErrorLine(notJson.stderr);
    expect(notJson.stderr).toContain(join(broken, 'summary.json'));

    const out = await plainRun();
    const summary = readJson(out, 'summary.json');
    delete summary.outputs.big.unit;
    writeJson(out, 'summary.json', summary);
    for (const args of [['report', out, '--quiet'], ['compare', out, '--output', 'big', '--out', join(tmp(), 'b.json')]]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expectOneErrorLine(r.stderr);
      expect(r.stderr).toContain('summary.json: outputs.big.unit: got undefined; a string');
    }

    const dists = readJson(out, 'distributions.json');
    dists.outputs.u.histogram.edges[3] = 'x';
    writeJson(out, 'distributions.json', dists);
    summary.outputs.big.unit = 'J';
    writeJson(out, 'summary.json', summary);
    const bad = await cli(['report', out, '--quiet']);
    expect(bad.code).toBe(2);
    expectOneErrorLine(bad.stderr);
    expect(bad.stderr).toContain('distributions.json: outputs.u.histogram.edges[3]: got "x"');
    // Nothing was half-written: the folder is as it was.
    expect(existsSync(join(out, 'charts'))).toBe(false);
  });
});
