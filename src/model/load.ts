/**
 * Finding and importing a model: a built-in name (`edunov-2023`) or a path to a `.ts`, `.mts`,
 * `.js` or `.mjs` file. Workers call this same function with the resolved file path.
 *
 * tsx is loaded only for the files Node cannot import by itself: TypeScript (`.ts`, `.mts`), and
 * a `.js` file inside a package whose package.json does not say `"type": "module"` (an
 * `export default` there would be read as CommonJS, or reparsed with a warning). A `.mjs` file,
 * a `.js` file under `"type": "module"`, and a `.js` file outside any package (Node 20.19+
 * detects its module syntax, silently) are imported natively.
 *
 * The built-in models are the TypeScript sources in `models/`: what `models` lists, `describe`
 * shows, and the manifest names and hashes (the file a reader opens and can copy; a compiled
 * file's hash would change with the compiler). Running from the build, they are imported from
 * their compiled twins in `dist/models/`, without tsx, as long as the sources are those the build
 * compiled; after an edit they run from the sources, through tsx, rather than from a stale build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import { COMPILED, PACKAGE_ROOT } from '../package-root.ts';
import { preflight } from './preflight.ts';
import { resolveModel, type Overrides } from './resolve.ts';
import type { ResolvedModel } from './types.ts';

/** The built-in models' sources. */
export const MODELS_DIR = join(PACKAGE_ROOT, 'models');
/**
 * The built-in models as this code runs them: compiled (`dist/models`) when this code is, else the
 * sources themselves. From the package root, not from this module: in the build it lies in a chunk.
 */
const RUNNABLE_MODELS_DIR = COMPILED ? join(PACKAGE_ROOT, 'dist', 'models') : MODELS_DIR;
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

export interface ModelHandle {
  /**
   * Absolute path of the model file (what workers import; for a built-in model, its source in
   * `models/`); empty for a model given as an object (`loadModelObject`), which runs in-process only.
   */
  readonly file: string;
  readonly overrides: Overrides;
  readonly model: ResolvedModel;
}

/** Names of the built-in models: the model files directly in `models/` (hidden files excepted). */
export function builtinModelNames(): string[] {
  return readdirSync(MODELS_DIR)
    .filter((f) => !f.startsWith('.') && EXTENSIONS.includes(extname(f)) && statSync(join(MODELS_DIR, f)).isFile())
    .map((f) => f.slice(0, -extname(f).length))
    .sort();
}

/** The file a model reference points to: an existing path, or a built-in model's name. */
export function modelFile(ref: string): string {
  const asPath = resolve(ref);
  if (existsSync(asPath) && statSync(asPath).isFile()) {
    if (!EXTENSIONS.includes(extname(asPath))) {
      throw new InputError('model', ref, `a model file ends in ${EXTENSIONS.join(', ')}`);
    }
    return asPath;
  }
  const looksLikePath = ref.includes('/') || ref.includes('\\') || EXTENSIONS.includes(extname(ref));
  if (!looksLikePath) {
    for (const ext of EXTENSIONS) {
      const file = join(MODELS_DIR, ref + ext);
      if (existsSync(file)) return file;
    }
  }
  throw new InputError(
    'model',
    ref,
    looksLikePath
      ? 'no such file; give a path to a .ts/.mts/.js/.mjs model file or a built-in model name'
      : `no built-in model by that name; built-in models: ${builtinModelNames().join(', ')} (or give a path to a model file)`,
  );
}

export interface LoadOptions {
  /** Bounds the preflight (`--timeout`, in seconds); none by default. */
  readonly timeoutSeconds?: number;
  /** Applies one of the model's scenarios (`--scenario NAME`); `--set` overrides stack on top. */
  readonly scenario?: string;
}

/**
 * Imports, resolves and, in the main thread, checks the model (`preflight`). Workers load the
 * model the main thread has already checked, and skip the check. The check runs on a second
 * instance of the model module (`importModule`).
 */
export async function loadModel(ref: string, overrides: Overrides = {}, options: LoadOptions = {}): Promise<ModelHandle> {
  return loadImported(await importModel(ref), overrides, options);
}

/**
 * A model file imported once, to be resolved again with other overrides or another scenario
 * without importing it again (`serve`: a slider gives a new distribution each time). Importing is
 * what makes a new instance of the model's code; overrides and scenarios are data, so every
 * handle loaded from one `ModelModule` runs the same compute and claim functions.
 */
export interface ModelModule {
  readonly file: string;
  /** The module's default export, as imported for running. */
  readonly definition: unknown;
  /** A second instance's default export, for the preflight (imported on first need, then kept). */
  checkedDefinition(): Promise<unknown>;
}

/** Imports a model file (or a built-in model by name) for `loadImported`. */
export async function importModel(ref: string): Promise<ModelModule> {
  const file = modelFile(ref);
  const definition = defaultExport(await importModule(file, 'run'));
  let checked: Promise<unknown> | undefined;
  return {
    file,
    definition,
    checkedDefinition: () =>
      (checked ??= importModule(file, 'preflight').then(defaultExport, (err: unknown) => {
        checked = undefined; // not kept: the next load tries again
        throw err;
      })),
  };
}

/** `loadModel` on a file already imported: resolved with these overrides and scenario, and checked in the main thread. */
export async function loadImported(module: ModelModule, overrides: Overrides = {}, options: LoadOptions = {}): Promise<ModelHandle> {
  const { file } = module;
  const model = resolveModel(module.definition, file, overrides, options.scenario);
  if (!isMainThread || shippedAsChecked(file, overrides, model)) return { file, overrides, model };
  const checked = resolveModel(await module.checkedDefinition(), file, overrides, options.scenario);
  return { file, overrides, model: { ...model, warnings: preflight(checked, options) } };
}

/**
 * A built-in model run from its compiled twin, unchanged since the build and without `--set`: its
 * preflight has one outcome, a pass with no warnings, which test/library/build-builtins.test.ts
 * holds every built-in to. Skipping it saves `models` most of its time (600 checked calls, each
 * through `vm`). An edited source (run through tsx), an override or a scenario (which replaces
 * inputs as an override does) is checked as any model is.
 */
function shippedAsChecked(file: string, overrides: Overrides, model: ResolvedModel): boolean {
  return Object.keys(overrides).length === 0 && model.scenario === undefined && runnableFile(file) !== file;
}

/**
 * A model given as an object rather than a file (the library's `simulate(model, …)`): resolved
 * and checked like a file's default export. There is no second instance to check, so the
 * preflight's guarded objects pass through the very compute that then runs the samples; and a
 * function cannot be sent to a worker thread, so such a model runs in-process only (`file` is empty).
 */
export function loadModelObject(definition: unknown, overrides: Overrides = {}, options: LoadOptions = {}): ModelHandle {
  const model = resolveModel(definition, 'model', overrides, options.scenario);
  return { file: '', overrides, model: { ...model, warnings: preflight(model, options) } };
}

/**
 * A fresh instance of the model module for each purpose: the preflight's guarded objects would
 * otherwise leave compute's property loads polymorphic, and a hot loop in this thread (the
 * in-process runner, the benchmarks) measurably slower (30-parameter model: ~1.1 → ~0.8 M
 * samples/s). Each `tsImport` is a fresh module graph; a native import gets a fresh instance of
 * the model file itself through a query string (the helpers it imports are shared).
 */
async function importModule(file: string, purpose: 'run' | 'preflight'): Promise<unknown> {
  const target = runnableFile(file);
  const url = pathToFileURL(target).href;
  const viaTsx = async () => (await import('tsx/esm/api')).tsImport(url, import.meta.url);
  try {
    if (needsTsx(target)) return await viaTsx();
    try {
      return await import(purpose === 'run' ? url : `${url}?${purpose}`);
    } catch (err) {
      // Node names no line for a syntax error in a module; tsx does (or reads what Node would not, as before).
      if (err instanceof SyntaxError) return await viaTsx();
      throw err;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const message = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
    throw new InputError('model', file, `the model file could not be loaded: ${message}`);
  }
}

/** TypeScript, or a `.js` file in a package that is not `"type": "module"` (see the top of this file). */
function needsTsx(file: string): boolean {
  const ext = extname(file);
  if (ext === '.ts' || ext === '.mts') return true;
  if (ext === '.mjs') return false;
  const scope = packageScope(dirname(file));
  return scope !== undefined && scope.type !== 'module';
}

/** The package.json that decides how Node reads a `.js` file: the nearest one above it. */
function packageScope(dir: string): { type?: unknown } | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const file = join(d, 'package.json');
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown };
      } catch {
        return {}; // unreadable: let tsx decide, as before
      }
    }
    if (dirname(d) === d || basename(d) === 'node_modules') return undefined;
  }
}

/** A built-in model's compiled twin when this code runs from the build and the build is current; else the file itself. */
export function runnableFile(file: string): string {
  if (RUNNABLE_MODELS_DIR === MODELS_DIR) return file;
  const rel = relative(MODELS_DIR, file);
  if (rel.startsWith('..') || isAbsolute(rel) || !builtinsCompiled()) return file;
  const twin = join(RUNNABLE_MODELS_DIR, compiledName(rel));
  return existsSync(twin) ? twin : file;
}

const compiledName = (source: string) => source.replace(/\.mts$/, '.mjs').replace(/\.ts$/, '.js');

let compiledState: boolean | undefined;
/**
 * True when the sources under `models/` (shared helpers included: they are bundled into the models
 * that import them) are the ones the build compiled: scripts/build.mjs records their SHA-256 in
 * `dist/models/sources.json`. Contents, not file times, which an install or a checkout resets.
 */
function builtinsCompiled(): boolean {
  if (compiledState !== undefined) return compiledState;
  try {
    const built = JSON.parse(readFileSync(join(RUNNABLE_MODELS_DIR, 'sources.json'), 'utf8')) as Record<string, string>;
    const now = modelSourceHashes(MODELS_DIR);
    const names = Object.keys(now);
    compiledState = names.length === Object.keys(built).length && names.every((name) => built[name] === now[name]);
  } catch {
    compiledState = false; // no record of the build: run the sources
  }
  return compiledState;
}

/** Every TypeScript source under `dir`, by path relative to it (with '/'), and its SHA-256 (as scripts/build.mjs records them). */
function modelSourceHashes(dir: string, prefix = ''): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(hashes, modelSourceHashes(dir, rel));
    else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hashes[rel] = fileSha256(join(dir, rel));
  }
  return hashes;
}

/**
 * The model object a module exports by default. A `.ts` file outside any `"type": "module"`
 * package is compiled as CommonJS, and its `export default` then arrives wrapped once more.
 */
function defaultExport(module: unknown): unknown {
  let d = (module as { default?: unknown }).default ?? module;
  if (typeof d === 'object' && d !== null && !('compute' in d) && 'default' in d) d = (d as { default: unknown }).default;
  return d;
}

/** SHA-256 of the model file, for the manifest. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
