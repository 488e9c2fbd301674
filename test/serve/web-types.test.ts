/** The explorer's page is plain ES modules with JSDoc types: tsc checks them (web/tsconfig.json) as it checks src/. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';

it('web/*.js type-check', async () => {
  const result = await new Promise<{ code: number; out: string }>((resolve) => {
    execFile(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'web')], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? 1 : 0, out: stdout + stderr });
    });
  });
  expect(result.out).toBe('');
  expect(result.code).toBe(0);
}, 120_000);
