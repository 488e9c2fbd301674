/**
 * The CLI runs compiled (dist/), through the real bin: tsx loads only for a model Node cannot
 * import by itself (TypeScript, or a `.js` file in a package that is not `"type": "module"`), and
 * every kind of model file still runs, with nothing on stderr. Built-in models run from their
 * compiled twins, but describe and the manifest name and hash their TypeScript sources.
 *
 * The bin starts a worker thread for `run` and `sensitivity` before the CLI has loaded, and the
 * run adopts it (src/engine/runner.ts, WARM_WORKER).
 *
 * Which modules load is seen through a module hook (`--import`) that records, in the main thread,
 * every tsx module that loads.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/helpers.ts';
import { builtinModelNames, loadModel } from '../../src/model/load.ts';

const SLOW = { timeout: 180_000 };
const tmp = () => mkdtempSync(join(tmpdir(), 'aemc-build-'));

const HOOK = join(tmp(), 'record-tsx.mjs');
writeFileSync(HOOK, `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/node_modules/tsx/')) appendFileSync(process.env.AEMC_TSX_LOG, url + '\\\\n');
  return next(url, context);
}
\`));
`);

interface Traced {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Did any tsx module load in the main thread? */
  readonly tsx: boolean;
}

/** The real CLI, as `cli()` runs it, with the hook that records tsx. */
function traced(args: readonly string[], cwd = ROOT): Promise<Traced> {
  const log = join(tmp(), 'tsx.log');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', HOOK, BIN, ...args], { cwd, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0', AEMC_TSX_LOG: log } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, tsx: existsSync(log) && readFileSync(log, 'utf8').trim() !== '' });
    });
  });
}

const ESM_MODEL = `export default {
  name: 'my-fleet',
  parameters: { gpus: '1e6 to 2e6' },
  outputs: { annual_twh: { unit: 'TWh/yr' } },
  compute: (p) => ({ annual_twh: (p.gpus * 1e3 * 8760) / 1e12 }),
};
`;
const CJS_MODEL = ESM_MODEL.replace('export default', 'module.exports =');

/** A model file written into a new folder, with a package.json beside it if given. */
function modelIn(name: string, source: string, packageJson?: object): string {
  const dir = tmp();
  if (packageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function runsQuietly(file: string): Promise<Traced> {
  const r = await traced(['run', file, '--samples', '2000', '--workers', '2', '--json', '--quiet', '--out', join(tmp(), 'out')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).model).toBe('my-fleet');
  return r;
}

describe('tsx only where Node needs it', SLOW, () => {
  it('models, describe and a run of a built-in model load no tsx', async () => {
    const models = await traced(['models']);
    expect(models.stderr).toBe('');
    expect(models.code).toBe(0);
    expect(models.tsx).toBe(false);
    const described = await traced(['describe', 'edunov-2023']);
    expect(described.code).toBe(0);
    expect(described.tsx).toBe(false);
    const run = await traced(['run', 'edunov-2023', '--samples', '1000', '--workers', '2', '--quiet', '--out', join(tmp(), 'out')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.tsx).toBe(false);
  });

  it('a .ts or .mts model loads tsx', async () => {
    expect((await runsQuietly(modelIn('model.ts', ESM_MODEL))).tsx).toBe(true);
    expect((await runsQuietly(modelIn('model.mts', ESM_MODEL))).tsx).toBe(true);
  });

  it('a .mjs model, a .js model outside any package or under "type": "module": no tsx', async () => {
    expect((await runsQuietly(modelIn('model.mjs', ESM_MODEL))).tsx).toBe(false);
    expect((await runsQuietly(modelIn('model.js', ESM_MODEL))).tsx).toBe(false);
    expect((await runsQuietly(modelIn('model.js', ESM_MODEL, { type: 'module' }))).tsx).toBe(false);
  });

  it('a .js model with export default under a package.json without "type" or with "type": "commonjs" runs through tsx, with no warning from Node', async () => {
    expect((await runsQuietly(modelIn('model.js', ESM_MODEL, { name: 'mine' }))).tsx).toBe(true);
    expect((await runsQuietly(modelIn('model.js', ESM_MODEL, { type: 'commonjs' }))).tsx).toBe(true);
    // And a CommonJS model there too.
    await runsQuietly(modelIn('model.js', CJS_MODEL, { type: 'commonjs' }));
  });

  it('a syntax error in a .js model is one line naming the file and the line (Node names no line: tsx reads it again to say where)', async () => {
    const file = modelIn('model.js', 'export default {\n  name: "broken",\n  parameters: { a: 1 ]\n};\n');
    const r = await traced(['run', file, '--samples', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^error: model: got ".*model\\.js"; the model file could not be loaded: .*model\\.js:3:\\d+: ERROR: Expected "}" but found "]"`));
  });
});

describe('the worker thread the bin starts ahead of the CLI', SLOW, () => {
  it('is adopted by the run: the same bytes on 1, 2 and 3 threads (3 chunks)', async () => {
    const summaries = [];
    for (const workers of ['1', '2', '3']) {
      const r = await traced(['run', 'edunov-2023', '--samples', '150000', '--workers', workers, '--seed', 'warm', '--json', '--quiet', '--out', join(tmp(), 'out')]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      summaries.push({ ...JSON.parse(r.stdout), workers: undefined });
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
  });

  it('keeps no process alive when the command stops before sampling', async () => {
    const r = await traced(['run', 'no-such-model', '--samples', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: model: got "no-such-model"; no built-in model by that name/);
    const s = await traced(['sensitivity', 'edunov-2023', '--method', 'nope']);
    expect(s.code).toBe(2);
  });
});

describe('built-in models: compiled to run, sources to show', SLOW, () => {
  it('describe names the TypeScript source; the manifest hashes it', async () => {
    const d = await traced(['describe', 'edunov-2023', '--json']);
    expect(JSON.parse(d.stdout).file).toBe(join(ROOT, 'models', 'edunov-2023.ts'));
    const out = join(tmp(), 'out');
    const r = await traced(['run', 'edunov-2023', '--samples', '1000', '--quiet', '--out', out]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.modelFile).toBe('models/edunov-2023.ts');
    expect(manifest.modelFileSha256).toBe(createHash('sha256').update(readFileSync(join(ROOT, 'models', 'edunov-2023.ts'))).digest('hex'));
  });

  it('every built-in model passes the preflight with no warning (the build skips it for them: src/model/load.ts)', async () => {
    for (const name of builtinModelNames()) {
      const { model } = await loadModel(name); // from the sources here: the preflight runs
      expect(model.warnings, name).toEqual([]);
    }
  });

  it('the build records the hashes of the sources it compiled', () => {
    const recorded = JSON.parse(readFileSync(join(ROOT, 'dist', 'models', 'sources.json'), 'utf8')) as Record<string, string>;
    for (const name of builtinModelNames()) expect(Object.keys(recorded)).toContain(`${name}.ts`);
    expect(Object.keys(recorded)).toContain('shared/units.ts');
  });
});
