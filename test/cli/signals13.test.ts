import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// The startup race of issue 13: a worker signalled within milliseconds of "serving" kept serving,
// because replacing a signal's handlers closed the handle the pending signal was addressed to.
describe('takeOverSignals', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    it(`hands a ${signal} that is already pending to the new handler`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/signals13-probe.ts'), signal], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stdout.trim()).toBe(`new handler: ${signal}`);
      expect(r.status).toBe(0);
    });
  }
});
