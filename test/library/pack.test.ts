/**
 * The package as a user gets it: `npm pack`, installed into an empty project, imported from plain
 * Node (no tsx) and type-checked from TypeScript.
 *
 * The install is offline and reproducible: the project's lockfile lists the tarball and, for its
 * dependencies, the repository's own lockfile entries (versions, tarball URLs, integrity), which
 * `npm ci` has already put in npm's cache. `npm install <tarball> --offline` would need registry
 * metadata that `npm ci` does not cache. `npm pack` runs with --ignore-scripts: the suite's `npm
 * test` has just built dist/, and rebuilding it here would pull it from under the other test files.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';

const SLOW = { timeout: 300_000 };

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0', npm_config_update_notifier: 'false' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dir = mkdtempSync(join(tmpdir(), 'aemc-library-pack-'));
const app = join(dir, 'app');
let tarball = '';
let files: Array<{ path: string; size: number }> = [];

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly link?: boolean;
  readonly [key: string]: unknown;
}

/**
 * The lockfile paths a user's install needs: everything reachable from our runtime dependencies,
 * optional ones included, resolved as Node does (nearest node_modules upwards). A package that is
 * both a dev dependency and an optional runtime one is marked devOptional, so the dev flags alone
 * cannot say (bullmq's msgpackr-extract needs detect-libc, which a dev tool also uses).
 */
function runtimeClosure(lockPackages: Record<string, LockEntry>): Set<string> {
  const seen = new Set<string>();
  const deps = (e: LockEntry) => [
    ...Object.keys((e.dependencies as Record<string, string> | undefined) ?? {}),
    ...Object.keys((e.optionalDependencies as Record<string, string> | undefined) ?? {}),
  ];
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lockPackages[candidate]) return candidate;
      if (!dir) return undefined;
    }
  };
  const visit = (from: string) => {
    for (const name of deps(lockPackages[from]!)) {
      const path = resolve(from, name);
      if (path && !seen.has(path) && !lockPackages[path]!.link) {
        seen.add(path);
        visit(path);
      }
    }
  };
  const root = lockPackages['']!;
  for (const name of Object.keys((root.dependencies as Record<string, string> | undefined) ?? {})) {
    const path = resolve('', name);
    if (path && !seen.has(path)) {
      seen.add(path);
      visit(path);
    }
  }
  return seen;
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist', 'src', 'index.js')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
  const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string; size: number }> }>;
  tarball = join(dir, info.filename);
  files = info.files;

  mkdirSync(app);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const root = lock.packages[''];
  const spec = `file:../${info.filename}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { 'ai-energy-mc': spec } },
    'node_modules/ai-energy-mc': {
      version: root.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dependencies: root.dependencies,
      bin: root.bin,
    },
  };
  for (const path of runtimeClosure(lock.packages)) {
    const { devOptional, ...entry } = lock.packages[path]!;
    // Reached from a runtime package, so for the app it is an optional runtime package, not a dev one.
    packages[path] = devOptional ? { ...entry, optional: true } : entry;
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'ai-energy-mc': spec } }, null, 2));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2));
  const installed = await run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], app);
  expect(installed.code, installed.stderr).toBe(0);
}, SLOW.timeout);

describe('the packed package', SLOW, () => {
  it('carries what runs, and no tests, benchmarks, reference results or scripts', () => {
    const paths = files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/ai-energy-mc.mjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/workers/entry.js', 'dist/models/edunov-2023.js', 'models/edunov-2023.ts', 'models/shared/units.ts']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(test|bench|results|scripts|src|workers)\//.test(p) || p === 'dist/.tsbuildinfo')).toEqual([]);
  });

  it('plain Node imports it without tsx: a model object simulates in-process, its file on 2 worker threads gives the same numbers, a built-in runs by name, errors are typed', async () => {
    writeFileSync(join(app, 'fleet.mjs'), MODEL_FILE);
    writeFileSync(join(app, 'main.mjs'), CONSUMER);
    writeFileSync(join(app, 'no-tsx.mjs'), NO_TSX_HOOK);
    const r = await run(process.execPath, ['--import', './no-tsx.mjs', 'main.mjs'], app);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.object.model).toBe('my-fleet');
    expect(out.object.samples).toBe(100_000);
    expect(out.object.workers).toBe(0);
    // gpus × 1 kW × 8,760 h: between 8.76 and 17.5 TWh at the 5th and 95th percentiles.
    expect(out.object.outputs.annual_twh.percentiles.p5).toBeCloseTo(8.76, 0);
    expect(out.object.outputs.annual_twh.percentiles.p95).toBeCloseTo(17.5, 0);
    expect(out.sameAsFile).toBe(true);
    expect(out.builtin).toBe('edunov-2023');
    expect(out.refused).toBe('InputError options.workers');
    expect(out.label).toBe('lognormal(p5=1e6, p95=2e6)');
    expect(out.tsxLoaded).toEqual([]);
  });

  it('the installed bin runs', async () => {
    const r = await run(process.execPath, [join(app, 'node_modules', 'ai-energy-mc', 'bin', 'ai-energy-mc.mjs'), 'models', '--json'], app);
    expect(r.stderr).toBe('');
    const models = JSON.parse(r.stdout) as Array<{ name: string; file: string }>;
    expect(models.map((m) => m.name)).toContain('edunov-2023');
    // describe and the manifest name the model's source, which the package carries.
    expect(models[0].file).toMatch(/node_modules\/ai-energy-mc\/models\/[a-z0-9-]+\.ts$/);
  });

  it('TypeScript type-checks a consumer against the shipped declarations', async () => {
    writeFileSync(join(app, 'consumer.ts'), TS_CONSUMER);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'] },
      files: ['consumer.ts'],
    }));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const ok = await run(process.execPath, [tsc, '-p', '.'], app);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    // And a wrong use is caught.
    writeFileSync(join(app, 'consumer.ts'), `${TS_CONSUMER}\nawait simulate(model, { sampling: 'halton' });\n`);
    const bad = await run(process.execPath, [tsc, '-p', '.'], app);
    expect(bad.stdout).toMatch(/consumer\.ts\(\d+,\d+\): error TS2322: Type '"halton"' is not assignable/);
  });
});

const MODEL_FILE = `export default {
  name: 'my-fleet',
  parameters: { gpus: '1e6 to 2e6', kw: 1, hours: 8760 },
  outputs: { annual_twh: { unit: 'TWh/yr' } },
  compute: (p) => ({ annual_twh: (p.gpus * p.kw * 1e3 * p.hours) / 1e12 }),
  claims: { under_two_reactors: (o) => o.annual_twh < 15.8 },
};
`;

const CONSUMER = `import { simulate, defineModel, parseDistribution, InputError } from 'ai-energy-mc';
import model from './fleet.mjs';

const typed = defineModel(model);
const object = await simulate(typed, { samples: 100_000, seed: 'pack' });
const file = await simulate(new URL('./fleet.mjs', import.meta.url).pathname, { samples: 100_000, seed: 'pack', workers: 2 });
const same = JSON.stringify({ ...object.summary, workers: 0 }) === JSON.stringify({ ...file.summary, workers: 0 })
  && JSON.stringify(object.distributions) === JSON.stringify(file.distributions);
const builtin = await simulate('edunov-2023', { samples: 1000, workers: 1 });
const refused = await simulate(typed, { workers: 2 }).then(() => 'resolved', (e) => \`\${e instanceof InputError ? 'InputError' : e?.name} \${e?.field}\`);
process.stdout.write(JSON.stringify({
  object: object.summary,
  sameAsFile: same,
  builtin: builtin.summary.model,
  refused,
  label: parseDistribution('1e6 to 2e6').label,
  tsxLoaded: globalThis.tsxLoaded ?? [],
}));
`;

/** Records, in the main thread, any module of tsx that loads (there should be none). */
const NO_TSX_HOOK = `import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
globalThis.tsxLoaded = [];
port1.on('message', (url) => globalThis.tsxLoaded.push(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(\`
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) {
  if (url.includes('/node_modules/tsx/')) port.postMessage(url);
  return next(url, context);
}
\`), { data: { port: port2 }, transferList: [port2] });
`;

const TS_CONSUMER = `import { simulate, sensitivity, defineModel, parseDistribution, InputError, type Summary, type SensitivityResult } from 'ai-energy-mc';

const model = defineModel({
  name: 'typed',
  parameters: { a: '1 to 2', b: { dist: 'normal', mean: 0, sd: 1 } },
  outputs: { y: { unit: 'J' } },
  compute: (p) => ({ y: p.a + p.b }),
  claims: { positive: (o) => o.y > 0 },
});
const { summary }: { summary: Summary } = await simulate(model, { samples: 1000, seed: 1, signal: AbortSignal.timeout(60_000) });
const p50: number | null | undefined = summary.outputs.y.percentiles.p50;
const indices: SensitivityResult = await sensitivity('edunov-2023', { method: 'tornado' });
const label: string = parseDistribution('normal(1, 2)').label;
const err: Error = new InputError('x', 1, 'y');
console.log(p50, indices.ranking, label, err);
`;
