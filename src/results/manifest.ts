/** `manifest.json`: what produced a results folder, so that anyone can reproduce or audit it. */
import { createRequire } from 'node:module';
import { isAbsolute, relative, sep } from 'node:path';
import { fileSha256, type ModelHandle } from '../model/load.ts';
import { ENGINE_VERSION } from '../version.ts';
import type { Manifest, ManifestParameter } from './types.ts';

const require = createRequire(import.meta.url);

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
    parameters: Object.fromEntries(model.parameters.map((p): [string, ManifestParameter] => [p.name, {
      dist: p.dist.kind,
      label: p.dist.label,
      params: p.dist.params,
      ...(p.unit ? { unit: p.unit } : {}),
      ...(p.source ? { source: p.source } : {}),
      ...(p.description ? { description: p.description } : {}),
      ...(p.overridden ? { overridden: p.overridden } : {}),
    }])),
    outputs: Object.fromEntries(model.outputs.map((o) => [o.name, { ...(o.unit ? { unit: o.unit } : {}), ...(o.description ? { description: o.description } : {}) }])),
    claims: Object.fromEntries(model.claims.map((c) => [c.name, c.description ? { description: c.description } : {}])),
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

function versions(): Record<string, string> {
  const found: Record<string, string> = { 'ai-energy-mc': ENGINE_VERSION, node: process.versions.node, v8: process.versions.v8 };
  for (const pkg of ['seedrandom', 'simple-statistics', 'worker-threads-pool', 'tsx']) {
    try {
      found[pkg] = (require(`${pkg}/package.json`) as { version: string }).version;
    } catch {
      // a package without an exported package.json: leave it out rather than guess
    }
  }
  return found;
}
