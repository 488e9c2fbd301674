/**
 * Start-up: the queue's packages (bullmq, ioredis: ~0.4 s to load) are imported only by a command
 * given --queue, or by `worker`; no static import reachable from the CLI's entry reaches them. Read
 * off the build (dist/, made by `npm run build`), where the CLI is one file and shared chunks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BATCH } from '../../src/distributed/queue/coordinator.ts';
import { DEFAULT_BATCH_HELP } from '../../src/cli/commands/distributed.ts';
import { ROOT } from './helpers.ts';

/** Every module statically imported from `file` (bare names as they are), following relative paths. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // `import … from "x"` and `import "x"` at the start of a line; `import("x")` is dynamic and not followed.
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) staticImports(resolve(dirname(file), spec), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('the CLI loads no queue package at start-up', () => {
  it('no static import from dist/src/cli/main.js reaches bullmq or ioredis', () => {
    const reached = [...staticImports(join(ROOT, 'dist', 'src', 'cli', 'main.js'))];
    expect(reached.some((m) => m.includes('commander'))).toBe(true); // the walk does see packages
    expect(reached.filter((m) => /^(bullmq|ioredis)(\/|$)/.test(m))).toEqual([]);
  });

  it("--batch's help names the coordinator's own default", () => {
    expect(DEFAULT_BATCH_HELP).toBe(DEFAULT_BATCH);
  });
});
