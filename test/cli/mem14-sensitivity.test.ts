/**
 * Issue 14 through the real CLI (the compiled engine, its worker threads reading the design's
 * SharedArrayBuffer in place): `sensitivity --method all`, with and without rank correlations, writes
 * the sensitivity.json of commit a575d35 (designs copied per chunk) byte for byte, for 1 and 2 workers.
 * The expected SHA-256s are those of test/sensitivity/mem14-identity.test.ts for `all`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.ts';

const BEFORE = {
  'mem14-correlated.ts': '185a27cfe3f327bc366a70bdec2a9ee5b6a27e5e9e24f77bf3277e8bc12a4cf4',
  'sobol-g.ts': 'e44ba97e979276a376277cc2c381aa6a6fa7b7d8dbce272ebff82fe3d69b8b3f',
} as const;

describe('sensitivity with the design held once, through the CLI (issue 14)', () => {
  for (const [model, sha] of Object.entries(BEFORE)) {
    it(`${model}: --method all gives the bytes of before for --workers 1 and 2`, { timeout: 120_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aemc-mem14-'));
      for (const workers of ['1', '2']) {
        const out = join(dir, `w${workers}`);
        const r = await cli(['sensitivity', fixture(model), '--method', 'all', '-n', '16384', '--seed', 'mem14', '--workers', workers, '--out', out, '--quiet']);
        expect(r.code, r.stderr).toBe(0);
        expect(createHash('sha256').update(readFileSync(join(out, 'sensitivity.json'))).digest('hex'), `--workers ${workers}`).toBe(sha);
      }
    });
  }
});
