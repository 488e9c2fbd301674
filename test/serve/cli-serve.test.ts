/**
 * `ai-energy-mc serve` as a user starts it: it prints its URL on 127.0.0.1, offers the file it
 * was given beside the built-in models, and stops on SIGTERM with exit 0; bad flags exit 2
 * naming the flag.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { BIN, cli, fixture, ROOT } from '../cli/helpers.ts';

it('serve prints its URL, answers there with the file it was given, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', fixture('serve-throws.ts'), '--port', '0', '--no-open', '--workers', '1', '--samples', '1000'], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?model=serve-throws/.exec(text);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const models = (await (await fetch(`${url}api/models`)).json()) as Array<{ name: string; default?: boolean }>;
  expect(models.find((m) => m.default)?.name).toBe('serve-throws');
  expect(models.map((m) => m.name)).toContain('edunov-2023');
  const settings = (await (await fetch(`${url}api/settings`)).json()) as { samples: number; maxSamples: number };
  expect(settings).toMatchObject({ samples: 1000, maxSamples: 1_000_000 });
  const run = await fetch(`${url}api/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'serve-throws' }) });
  expect(run.status).toBe(200);
  const page = await fetch(url);
  expect(await page.text()).toContain('<script type="module" src="/app.js">');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).toContain('serve: stopped (SIGTERM)');
}, 120_000);

it('serve refuses bad flags with exit 2, naming the flag', async () => {
  const port = await cli(['serve', '--port', '70000', '--no-open']);
  expect(port.code).toBe(2);
  expect(port.stderr).toMatch(/^error: --port: got "70000"/);
  const samples = await cli(['serve', '--samples', '2e6', '--no-open']);
  expect(samples.code).toBe(2);
  expect(samples.stderr).toMatch(/--samples.*--max-samples/);
  const model = await cli(['serve', 'no-such-model', '--no-open']);
  expect(model.code).toBe(2);
  expect(model.stderr.trim().split('\n')).toHaveLength(1);
}, 120_000);

it('serve --help: each default once, the port as written, examples', async () => {
  const r = await cli(['serve', '--help']);
  expect(r.code).toBe(0);
  for (const entry of r.stdout.split(/\n(?=  \S)/)) expect(entry.match(/\(default\b/g)?.length ?? 0, entry).toBeLessThanOrEqual(1);
  expect(r.stdout).toContain('(default: 8765)');
  expect(r.stdout).toMatch(/\(default:\s+100,000\)/);
  expect(r.stdout.slice(r.stdout.indexOf('Examples:')).match(/^  \$ ai-energy-mc serve/gm)?.length).toBe(2);
});
