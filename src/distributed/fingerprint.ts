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
 * user's own is written to a private temporary folder under its own name and imported from there,
 * so it must be self-contained (import nothing by a relative path).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep, isAbsolute } from 'node:path';
import { RunError } from '../errors.ts';
import { MODELS_DIR, type ModelHandle } from '../model/load.ts';
import { ENGINE_VERSION } from '../version.ts';

/** The model as it travels. */
export interface ModelSource {
  /** The file's own name (model names default to it). */
  readonly fileName: string;
  /** A built-in model's path under models/ (with '/'), when it is one. */
  readonly builtin?: string;
  readonly source: string;
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
  return {
    fileName: basename(handle.file),
    ...(builtin !== undefined ? { builtin } : {}),
    source: bytes.toString('utf8'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
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
  const file = join(dir, model.fileName);
  writeFileSync(file, model.source);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
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
