/**
 * Finding and importing a model: a built-in name (`edunov-2023`) or a path to a `.ts`, `.mts`,
 * `.js` or `.mjs` file. Every model is imported through tsx, so a TypeScript model needs no build
 * step and `export default` works in a `.js` file wherever it lies (outside a `"type": "module"`
 * package Node alone would read it as CommonJS). Workers call this same function with the
 * resolved file path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import { InputError } from '../errors.ts';
import { preflight } from './preflight.ts';
import { resolveModel, type Overrides } from './resolve.ts';
import type { ResolvedModel } from './types.ts';

export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../models');
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

export interface ModelHandle {
  /** Absolute path of the model file (what workers import). */
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
}

/**
 * Imports, resolves and, in the main thread, checks the model (`preflight`). Workers load the
 * model the main thread has already checked, and skip the check.
 *
 * The check runs on a second instance of the model module (each `tsImport` is a fresh one): the
 * guarded objects it hands compute would otherwise leave compute's property loads polymorphic,
 * and a hot loop in this thread (the in-process runner, the benchmarks) measurably slower
 * (30-parameter model: ~1.1 → ~0.8 M samples/s).
 */
export async function loadModel(ref: string, overrides: Overrides = {}, options: LoadOptions = {}): Promise<ModelHandle> {
  const file = modelFile(ref);
  const model = resolveModel(defaultExport(await importModule(file)), file, overrides);
  if (!isMainThread) return { file, overrides, model };
  const checked = resolveModel(defaultExport(await importModule(file)), file, overrides);
  return { file, overrides, model: { ...model, warnings: preflight(checked, options) } };
}

async function importModule(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    return await tsImport(url, import.meta.url);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const message = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
    throw new InputError('model', file, `the model file could not be loaded: ${message}`);
  }
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
