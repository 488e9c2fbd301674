/** `manifest.json`: what produced a results folder, so that anyone can reproduce or audit it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileSha256, type ModelHandle } from '../model/load.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { ENGINE_VERSION } from '../version.ts';
import type { Manifest, ManifestParameter } from './types.ts';

export interface ManifestInput {
  readonly handle: ModelHandle;
  readonly command: readonly string[];
  readonly seed: string;
  readonly samples: number;
  readonly workers: number;
  readonly sampling: string;
  readonly chunkSize: number;
  readonly percentiles: readonly number[];
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

export function buildManifest(input: ManifestInput): Manifest {
  const { model, file, overrides } = input.handle;
  return {
    model: model.name,
    title: model.title,
    ...(model.description ? { description: model.description } : {}),
    modelFile: displayPath(file),
    modelFileSha256: fileSha256(file),
    command: input.command,
    seed: input.seed,
    samples: input.samples,
    workers: input.workers,
    sampling: input.sampling,
    chunkSize: input.chunkSize,
    percentiles: input.percentiles,
    overrides,
    ...(model.scenario !== undefined ? { scenario: model.scenario } : {}),
    parameters: Object.fromEntries(model.parameters.map((p): [string, ManifestParameter] => [p.name, {
      dist: p.dist.kind,
      label: p.dist.label,
      params: p.dist.params,
      ...(p.unit ? { unit: p.unit } : {}),
      ...(p.source ? { source: p.source } : {}),
      ...(p.description ? { description: p.description } : {}),
      ...(p.overridden ? { overridden: p.overridden } : {}),
      ...(p.fromScenario !== undefined ? { fromScenario: p.fromScenario } : {}),
    }])),
    outputs: Object.fromEntries(model.outputs.map(({ name, ...declared }) => [name, declared])),
    claims: Object.fromEntries(model.claims.map((c) => [c.name, { ...(c.description ? { description: c.description } : {}), ...c.threshold }])),
    correlations: model.correlations,
    versions: versions(),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    wallSeconds: (input.finishedAt.getTime() - input.startedAt.getTime()) / 1000,
  };
}

/** The model file relative to the working directory when it lies inside it, so folders from different machines compare. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/**
 * The engine, Node, V8 and every runtime dependency of the package (its package.json `dependencies`,
 * never the test tools), at the versions installed: what made the results and the charts. Read once.
 */
let installed: Record<string, string> | undefined;
function versions(): Record<string, string> {
  installed ??= runtimeVersions();
  return { 'ai-energy-mc': ENGINE_VERSION, node: process.versions.node, v8: process.versions.v8, ...installed };
}

function runtimeVersions(): Record<string, string> {
  const found: Record<string, string> = {};
  const own = readJson(join(PACKAGE_ROOT, 'package.json')) as { dependencies?: Record<string, string> } | undefined;
  for (const pkg of Object.keys(own?.dependencies ?? {})) {
    const version = installedVersion(pkg);
    if (version !== undefined) found[pkg] = version; // not installed where Node would find it: left out rather than guessed
  }
  return found;
}

/**
 * A dependency's version from its package.json, found as Node finds the package: in `node_modules` of
 * the package root or of a folder above it (where npm hoists it). Read from disk because several
 * packages (vega, commander) do not export their package.json to `require`.
 */
function installedVersion(pkg: string): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(file)) {
      const version = (readJson(file) as { version?: unknown } | undefined)?.version;
      return typeof version === 'string' ? version : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
