/**
 * A wrong model says so (issue 9, part 3), through the real command line: a misspelt parameter,
 * a write to the parameters, outputs that are not numbers, claims that are not booleans or read
 * names that do not exist, outputs with no finite value, undeclared outputs, names that are
 * Object.prototype's own, `__proto__`, and a model name that would escape results/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, fixture } from './helpers.ts';

const model = (name: string) => fixture(`model-checks/${name}.mjs`);
const tmp = () => mkdtempSync(join(tmpdir(), 'aemc-model-'));

/** Runs a command that must fail: one `error:` line, the exit code, no stack, no results folder. */
async function fails(args: readonly string[], code: number): Promise<string> {
  const out = join(tmp(), 'run');
  const r = await cli([...args, '--out', out, '--quiet']);
  expect(r.stderr).toMatch(/^error: [^\n]*\n$/);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return r.stderr.slice('error: '.length, -1);
}

describe.concurrent('compute reads or writes what it should not: stopped before sampling', () => {
  it('a misspelt parameter, with a suggestion', async () => {
    const line = await fails(['run', model('misspelt')], 3);
    expect(line).toBe('model m: compute reads p.wats, which is not a parameter (did you mean watts?)');
  });

  it('the same in sensitivity and describe', async () => {
    expect(await fails(['sensitivity', model('misspelt'), '--samples', '64'], 3)).toMatch(/compute reads p\.wats/);
    const r = await cli(['describe', model('misspelt')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: model m: compute reads p.wats, which is not a parameter (did you mean watts?)\n');
  });

  it('a write to the parameter object', async () => {
    const line = await fails(['run', model('writes-params')], 3);
    expect(line).toMatch(/^model writes-params: compute writes p\.scale = 4, but its parameters are read-only/);
  });

  it('a write in a branch the check does not take is refused by the hot loop', async () => {
    expect(await fails(['run', model('writes-in-tail'), '--samples', '10000'], 3)).toMatch(
      /^model writes-in-tail: compute threw "Cannot assign to read only property 'scale' of object '#<Params>'" for the sample x=0\.9\d*, scale=2, which=0$/,
    );
    expect(await fails(['run', model('writes-in-tail'), '--set', 'which=1', '--samples', '10000'], 3)).toMatch(
      /^model writes-in-tail: compute threw "Cannot add property tmp, object is not extensible" for the sample x=0\.0\d*/,
    );
  });

  it('process.exit in compute', async () => {
    expect(await fails(['run', model('exits')], 3)).toMatch(/^model exits: compute called process\.exit\(7\) at the sample x=0\.5/);
  });

  it('an async compute', async () => {
    expect(await fails(['run', model('async-compute')], 3)).toMatch(/^model async-compute: compute returned a Promise at the sample x=0; compute must be synchronous/);
  });
});

/** `kind` in bad-values.mjs → how the message names the value. */
const BAD_VALUES: Array<[number, RegExp]> = [
  [0, /returned null for output z/],
  [1, /returned a boolean \(true\) for output z/],
  [2, /returned a string \("1900"\) for output z/],
  [3, /returned an array \(\[1,2\]\) for output z/],
  [4, /returned an object \(\{"a":1\}\) for output z/],
  [5, /returned undefined for output z/],
  [6, /returned a bigint \(12n\) for output z/],
  [7, /returned a function for output z/],
];

describe.concurrent('an output that is not a number', () => {
  for (const [kind, pattern] of BAD_VALUES) {
    it(`kind ${kind} at every sample: found by the check before sampling`, async () => {
      const line = await fails(['run', model('bad-values'), '--set', `kind=${kind}`, '--set', 'always=1', '--samples', '1000'], 3);
      expect(line).toMatch(pattern);
      expect(line).toMatch(/^model bad-values: .* at the sample x=0, kind=\d, always=1; every output must be a number$/);
    });
  }
  for (const [kind, pattern] of [BAD_VALUES[0], BAD_VALUES[2], BAD_VALUES[5]]) {
    it(`kind ${kind} at 2% of samples: found in the hot loop, with the sample`, async () => {
      const line = await fails(['run', model('bad-values'), '--set', `kind=${kind}`, '--samples', '20000'], 3);
      expect(line).toMatch(pattern);
      // Only samples with x > 2 return the bad value.
      expect(line).toMatch(/at the sample x=(2\.|[3-9]\.)\d*, kind=\d, always=0; every output must be a number$/);
    });
  }
  it('in a sensitivity design too', async () => {
    const line = await fails(['sensitivity', model('bad-values'), '--set', 'kind=2', '--output', 'y', '--method', 'spearman', '--samples', '2000'], 3);
    expect(line).toMatch(/^model bad-values: compute returned a string \("1900"\) for output z at the sample x=(2\.|[3-9]\.)/);
  });
});

describe.concurrent('claims', () => {
  it("a claim that returns the string 'false' at a few samples", async () => {
    const line = await fails(['run', model('bad-claims'), '--set', 'kind=0', '--samples', '20000'], 3);
    expect(line).toMatch(/^model bad-claims: claim positive returned a string \("false"\) at the sample x=(2\.|[3-9]\.)\d*, watts=100, kind=0; a claim must return true or false$/);
  });
  it('a claim that returns a number', async () => {
    expect(await fails(['run', model('bad-claims'), '--set', 'kind=1'], 3)).toMatch(/claim positive returned a number \(1\) at the sample x=0/);
  });
  it('a claim that reads an output that does not exist', async () => {
    expect(await fails(['run', model('bad-claims'), '--set', 'kind=2'], 3)).toBe('model bad-claims: claim positive reads o.yy, which is not an output (did you mean y?)');
  });
  it('a claim that reads a parameter that does not exist', async () => {
    expect(await fails(['run', model('bad-claims'), '--set', 'kind=3'], 3)).toBe('model bad-claims: claim positive reads p.wats, which is not a parameter (did you mean watts?)');
  });
  it('a claim that writes to the outputs', async () => {
    expect(await fails(['run', model('bad-claims'), '--set', 'kind=4'], 3)).toMatch(/^model bad-claims: claim positive writes o\.y = 0, but its outputs are read-only/);
  });
  it('a claim that is right runs', async () => {
    const r = await cli(['run', model('bad-claims'), '--samples', '2000', '--out', join(tmp(), 'run'), '--json', '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claims.positive.probability).toBeGreaterThan(0.4);
  });
});

describe.concurrent('non-finite values', () => {
  it('an output with no finite value stops the run, whatever the number of workers', async () => {
    const lines = await Promise.all(['1', '2'].map((w) => fails(['run', model('all-nan'), '--samples', '100000', '--workers', w], 3)));
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).toMatch(/^model all-nan: output root is NaN or ±Infinity at every one of the first 65,536 samples/);
  });
  it('a run smaller than a chunk: all of its samples', async () => {
    expect(await fails(['run', model('all-nan'), '--samples', '1000'], 3)).toMatch(/output root is NaN or ±Infinity at every one of the first 1,000 samples/);
  });
  it('more than 1% non-finite: a warning on stderr and in summary.json', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', model('mostly-finite'), '--set', 'q=0.02', '--samples', '100000', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    // About 2% (binomial sd 0.044% at 10^5 samples): the share printed is what the stream gave.
    const share = /^warning: output y: (\d\.\d\d)% of the samples \([\d,]+ of 100,000\) are NaN or ±Infinity/.exec(r.stderr);
    expect(Number(share?.[1])).toBeGreaterThan(1.8);
    expect(Number(share?.[1])).toBeLessThan(2.2);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([expect.stringMatching(/^output y: \d\.\d\d% of the samples/)]);
    expect(summary.outputs.y.nonFinite).toBeGreaterThan(1000);
  });
  it('1% or less: counted, no warning', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', model('mostly-finite'), '--samples', '100000', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([]);
    expect(summary.outputs.y.nonFinite).toBeGreaterThan(0);
  });
});

describe.concurrent('undeclared outputs', () => {
  const warning = /^warning: model undeclared: compute returns half, twice, which are not declared in outputs/m;
  it('a warning on stderr and in summary.json; the run goes on', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', model('undeclared'), '--samples', '1000', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([expect.stringMatching(/^model undeclared: compute returns half, twice/)]);
    expect(Object.keys(summary.outputs)).toEqual(['y']);
    // The claim reads o.twice, which compute does return: it works.
    expect(summary.claims.big.probability).toBeGreaterThan(0.4);
  });
  it('in sensitivity.json too', async () => {
    const out = join(tmp(), 'sens');
    const r = await cli(['sensitivity', model('undeclared'), '--samples', '64', '--method', 'tornado', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
    const result = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(result.warnings[0]).toMatch(/^model undeclared: compute returns half, twice/);
  });
});

describe.concurrent('names', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

  it('Object.prototype names work as parameters, outputs and claims in run (with --set on one of them)', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', model('prototype-names'), '--samples', '5000', '--set', 'toString=uniform(100, 200)', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.keys(summary.outputs)).toEqual(names);
    expect(Object.keys(summary.claims)).toEqual(names);
    expect(summary.outputs.toString.percentiles.p50).toBeGreaterThan(100); // the --set applied
    expect(summary.outputs.valueOf.mean).toBe(3);
    expect(summary.claims.valueOf.probability).toBe(1);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('uniform(100, 200)');
  });

  it('... in describe, where only the --set parameter is marked as set', async () => {
    const r = await cli(['describe', model('prototype-names'), '--set', 'valueOf=4', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d.parameters)).toEqual(names);
    expect(Object.keys(d.outputs)).toEqual(names);
    expect(Object.keys(d.claims)).toEqual(names);
    expect(names.filter((n) => d.parameters[n].overridden !== undefined)).toEqual(['valueOf']);
    const text = await cli(['describe', model('prototype-names')]);
    expect(text.stdout).not.toContain('set on the command line');
  });

  it('... in sensitivity, for an output and for a claim', async () => {
    const out = join(tmp(), 'sens');
    const r = await cli(['sensitivity', model('prototype-names'), '--samples', '128', '--output', 'constructor', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(result.target).toEqual({ output: 'constructor' });
    expect(Object.keys(result.indices).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(result.ranking[0]).toBe('constructor');
    const c = await cli(['sensitivity', model('prototype-names'), '--samples', '128', '--claim', 'hasOwnProperty', '--method', 'spearman', '--out', join(tmp(), 's'), '--json', '--quiet']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).target).toEqual({ claim: 'hasOwnProperty' });
  });

  it('--set toString on a model without such a parameter names the parameter, not a duplicate', async () => {
    const line = await fails(['run', model('undeclared'), '--set', 'toString=1'], 2);
    expect(line).toMatch(/^--set: got "toString"; model undeclared has no parameter "toString"/);
    expect(await fails(['run', model('prototype-names'), '--set', 'valueOf=1', '--set', 'valueOf=2'], 2)).toMatch(/valueOf is set twice/);
  });

  for (const [what, file] of [['parameter', 'proto-parameter'], ['output', 'proto-output'], ['claim', 'proto-claim']]) {
    it(`__proto__ as ${what === 'output' ? 'an' : 'a'} ${what} name is refused`, async () => {
      const line = await fails(['run', model(file)], 2);
      expect(line).toMatch(new RegExp(`^${what === 'parameter' ? 'parameters' : `${what}s`}\\.__proto__: got "__proto__"; "__proto__" cannot name an? ${what}`));
    });
  }

  it('a model name that would write outside results/ is refused, and nothing is written', async () => {
    const cwd = tmp();
    const r = await cli(['run', model('escaping-name'), '--samples', '1000', '--quiet'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: name: got "../../x"; a model\'s name names its results folders, so it must match ^[a-z0-9][a-z0-9._-]*$: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit (e.g. "my-fleet-2025")\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(resolve(cwd, 'results/runs/../../x'))).toBe(false);
  });
});

describe('a compute that never returns during the check', () => {
  it('Ctrl-C stops it: exit 130, one line', async () => {
    const child = spawn(process.execPath, [BIN, 'describe', model('never-returns')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // The fixture announces its first call on stdout; then the main thread spins in compute.
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^[^\n]*SIGINT[^\n]*\n$/);
  });
});
