/**
 * What identifies a run across machines: the model (its source text and SHA-256), the options that
 * decide the samples (seed, sampling, planned samples, chunk size, percentile method, percentiles,
 * precision target, `--set` overrides, scenario) and the versions that decide the arithmetic (the
 * engine, Node and V8, whose Math functions are part of every result). Shards of one run carry the
 * same fingerprint; a queue's workers compare the versions before running a job.
 *
 * The model travels as source text so that other machines need not have the file. A built-in model
 * travels by name as well (its helpers in models/shared/ are part of every installation of the same
 * engine version) and is checked against the receiver's own copy by SHA-256. A model file of the
 * user's own travels with the local files it imports (`local-imports.ts`), and is written with
 * them, in the same layout, to a private temporary folder and imported from there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { RunError } from '../errors.ts';
import { MODELS_DIR, type ModelHandle } from '../model/load.ts';
import { ENGINE_VERSION } from '../version.ts';
import { localImports } from './local-imports.ts';

/** The model as it travels. */
export interface ModelSource {
  /** The file's own name (model names default to it). */
  readonly fileName: string;
  /** A built-in model's path under models/ (with '/'), when it is one. */
  readonly builtin?: string;
  readonly source: string;
  /** A user's model: the local files it imports, by path relative to its folder ('/'-separated, maybe '../'), with their text. */
  readonly files?: Readonly<Record<string, string>>;
  /** SHA-256 of the model file (and, when it imports local files, of their paths and text too). */
  readonly sha256: string;
  readonly overrides: Readonly<Record<string, string>>;
  readonly scenario?: string;
}

/** The versions whose arithmetic a result depends on. */
export interface EngineVersions {
  readonly engine: string;
  readonly node: string;
  readonly v8: string;
}

export function engineVersions(): EngineVersions {
  return { engine: ENGINE_VERSION, node: process.versions.node, v8: process.versions.v8 };
}

/** A model file of the user's, or a built-in model, as text with its hash. */
export function modelSource(handle: ModelHandle): ModelSource {
  if (handle.file === '') throw new RunError('a model given as an object cannot run on other machines: give the path of its model file');
  const bytes = readFileSync(handle.file);
  const rel = relative(MODELS_DIR, handle.file);
  const builtin = !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
  const scenario = (handle.model as { readonly scenario?: string }).scenario;
  const imported = builtin === undefined ? localImports(handle.file) : [];
  const files = Object.fromEntries(imported.map((rel) => [rel, readFileSync(resolve(dirname(handle.file), rel), 'utf8')]));
  const hash = createHash('sha256').update(bytes);
  for (const [rel, text] of Object.entries(files)) hash.update(`\0${rel}\0${text}`);
  return {
    fileName: basename(handle.file),
    ...(builtin !== undefined ? { builtin } : {}),
    source: bytes.toString('utf8'),
    ...(imported.length > 0 ? { files } : {}),
    sha256: hash.digest('hex'),
    overrides: { ...handle.overrides },
    ...(scenario !== undefined ? { scenario } : {}),
  };
}

/**
 * A file to import the model from on this machine: a built-in model's own file when its SHA-256
 * is the sender's, else the sent source in a new private folder (`dispose` removes it).
 */
export function materialise(model: ModelSource): { file: string; dispose: () => void } {
  if (model.builtin !== undefined) {
    const own = join(MODELS_DIR, model.builtin);
    let sha: string | undefined;
    try {
      sha = createHash('sha256').update(readFileSync(own)).digest('hex');
    } catch {
      sha = undefined;
    }
    if (sha === model.sha256) return { file: own, dispose: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ai-energy-mc-model-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    // Deep enough that every '../' of an imported file stays inside the private folder.
    const files = Object.entries(model.files ?? {});
    const depth = Math.max(0, ...files.map(([rel]) => /^(?:\.\.\/)*/.exec(rel)![0].length / 3));
    const home = join(dir, ...Array<string>(depth).fill('model'));
    mkdirSync(home, { recursive: true });
    const file = join(home, model.fileName);
    writeFileSync(file, model.source);
    for (const [rel, text] of files) {
      const target = resolve(home, rel);
      if (!target.startsWith(dir + sep)) throw new RunError(`the model's imported file ${JSON.stringify(rel)} would lie outside its folder; refused`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    return { file, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Why these versions may not run a job of `wanted`'s, or undefined when they may. */
export function versionMismatch(wanted: EngineVersions, here: EngineVersions = engineVersions()): string | undefined {
  const diffs = (['engine', 'node', 'v8'] as const).filter((k) => wanted[k] !== here[k]).map((k) => `${k} ${here[k]} here, ${wanted[k]} there`);
  return diffs.length > 0 ? diffs.join(', ') : undefined;
}

/** A canonical JSON text (object keys sorted) and its SHA-256: equal options give equal fingerprints. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
