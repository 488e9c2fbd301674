/**
 * The explorer's API without a browser (issue 14's "Done when"): a run through the server gives
 * exactly what `simulate()` and `run --json` give; overrides A → B → A give the cold runs'
 * numbers; a cancelled run leaves the pool's threads, and the next run succeeds on them; foreign
 * Host and Origin get 403, a path as a model and a bad distribution 400 (naming the field),
 * a body above 64 KB 413; every response carries the CSP and nosniff.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/api/simulate.ts';
import type { Summary } from '../../src/results/types.ts';
import type { RunningServer } from '../../src/serve/server.ts';
import { cli } from '../cli/helpers.ts';
import { http, post, serve, SETTINGS } from './helpers.ts';

const A = {};
const B = { gpus: '1e6 to 3e6' };
const request = (set: Record<string, string>, samples = 100_000) => ({ model: 'edunov-2023', samples, seed: 1, set });

interface RunReply {
  readonly summary: Summary;
  readonly distributions: unknown;
  readonly runId: number;
  readonly wallMs: number;
  readonly command: string;
  readonly formatted: { claims: Record<string, string> };
}

describe('serve API', () => {
  let server: RunningServer;
  let port: number;
  let coldA: Summary;
  let coldB: Summary;
  let cwd: string;

  beforeAll(async () => {
    // Cold runs before the server exists, on the engine's own threads (as many as the server's: summary.json records the count).
    coldA = (await simulate('edunov-2023', { samples: 100_000, seed: 1, set: A, workers: SETTINGS.workers })).summary;
    coldB = (await simulate('edunov-2023', { samples: 100_000, seed: 1, set: B, workers: SETTINGS.workers })).summary;
    cwd = mkdtempSync(join(tmpdir(), 'aemc-serve-'));
    server = await serve({ cwd });
    port = server.port;
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it('runs: the same summary as simulate() and run --json, and overrides A → B → A give the cold runs', async () => {
    const threads = server.pool.threadIds;
    const a1 = await post(port, '/api/run', request(A));
    const b = await post(port, '/api/run', request(B));
    const a2 = await post(port, '/api/run', request(A));
    for (const r of [a1, b, a2]) expect(r.status, r.text).toBe(200);
    const [ra1, rb, ra2] = [a1, b, a2].map((r) => r.json<RunReply>());
    expect(ra1.summary).toEqual(coldA);
    expect(ra2.summary).toEqual(coldA);
    expect(rb.summary).toEqual(coldB);
    expect(rb.runId).toBeGreaterThan(ra1.runId);
    expect(typeof rb.wallMs).toBe('number');
    expect(rb.distributions).toBeTypeOf('object');
    expect(rb.command).toBe("npx ai-energy-mc run edunov-2023 --samples 100000 --seed 1 --set 'gpus=1e6 to 3e6'");
    expect(server.pool.threadIds).toEqual(threads);

    const out = join(mkdtempSync(join(tmpdir(), 'aemc-serve-run-')), 'run');
    const json = await cli(['run', 'edunov-2023', '--samples', '1e5', '--seed', '1', '--set', 'gpus=1e6 to 3e6', '--workers', String(SETTINGS.workers), '--json', '--quiet', '--out', out]);
    expect(json.code, json.stderr).toBe(0);
    const fromCli = JSON.parse(json.stdout) as Summary;
    expect(rb.summary).toEqual(fromCli);
    // What the page shows is the formatter's text of those numbers.
    expect(rb.formatted.claims.two_reactors_suffice).toMatch(/^\d+(\.\d+)?% \(/);
  }, 180_000);

  it('cancels: a newer run replaces one in flight (409), a closed request stops its run, and the pool keeps its threads', async () => {
    const threads = server.pool.threadIds;
    const long = post(port, '/api/run', request(B, 1_000_000));
    await new Promise((r) => setTimeout(r, 300));
    const next = await post(port, '/api/run', request(A));
    const replaced = await long;
    expect(replaced.status, replaced.text).toBe(409);
    expect(replaced.json()).toMatchObject({ field: 'runId', allowed: expect.stringContaining('cancelled') });
    expect(next.status, next.text).toBe(200);
    expect(next.json<RunReply>().summary).toEqual(coldA);

    const controller = new AbortController();
    const closed = post(port, '/api/run', request(B, 1_000_000), {}, controller.signal).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    expect(await closed).toBeInstanceOf(Error);
    const after = await post(port, '/api/run', request(B));
    expect(after.status, after.text).toBe(200);
    expect(after.json<RunReply>().summary).toEqual(coldB);
    expect(server.pool.threadIds).toEqual(threads);
  }, 180_000);

  it('refuses a foreign Host (DNS rebinding) and a POST from a foreign Origin with 403', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `127.0.0.2:${port}`]) {
      const r = await http(port, 'GET', '/api/models', { headers: { host } });
      expect(r.status, host).toBe(403);
      expect(r.json()).toMatchObject({ field: 'Host', value: host });
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await http(port, 'GET', '/api/settings', { headers: { host } })).status, host).toBe(200);
    }
    const foreign = await post(port, '/api/run', request(A), { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json()).toMatchObject({ field: 'Origin', value: 'http://evil.example' });
    const otherPort = await post(port, '/api/run', request(A), { origin: `http://127.0.0.1:${port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it('refuses a path as a model, a bad distribution (naming gpus), too many samples, a body above 64 KB and a body that is not JSON', async () => {
    const path = await post(port, '/api/run', { ...request(A), model: '../x' });
    expect(path.status).toBe(400);
    expect(path.json()).toMatchObject({ field: 'model', value: '../x', allowed: expect.stringContaining('edunov-2023') });
    expect((await http(port, 'GET', '/api/models/..%2Fx')).status).toBe(400);
    expect((await http(port, 'GET', '/api/models/%E0%A4%A')).status).toBe(400);

    const bad = await post(port, '/api/run', request({ gpus: 'normal(1e6,-5)' }));
    expect(bad.status).toBe(400);
    const body = bad.json<{ field: string; value: unknown; allowed: string; message: string }>();
    expect(body.field).toContain('gpus');
    expect(body.value).toBe(-5);
    expect(body.allowed).toMatch(/> 0/);

    const many = await post(port, '/api/run', request(A, 2_000_000));
    expect(many.status).toBe(400);
    expect(many.json()).toMatchObject({ field: 'samples', value: 2_000_000, allowed: expect.stringContaining('1,000,000') });

    const big = await post(port, '/api/run', { ...request(A), pad: 'x'.repeat(65 * 1024) });
    expect(big.status).toBe(413);
    expect(big.json()).toMatchObject({ field: 'body' });

    const form = await http(port, 'POST', '/api/run', { body: 'model=edunov-2023', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.json()).toMatchObject({ field: 'Content-Type' });
    const notJson = await http(port, 'POST', '/api/run', { body: '{model', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('puts the CSP (no unsafe-eval) and nosniff on every response', async () => {
    const replies = [
      await http(port, 'GET', '/'),
      await http(port, 'GET', '/api/models'),
      await http(port, 'GET', '/nope'),
      await http(port, 'GET', '/api/models', { headers: { host: 'evil.example' } }),
      await post(port, '/api/run', { model: '../x' }),
    ];
    for (const r of replies) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    }
    expect(replies[0].status).toBe(200);
    expect(replies[0].headers['content-type']).toMatch(/^text\/html/);
    expect(replies[2].status).toBe(404);
    // No file outside the listed ones: a traversal is a 404, not a read.
    expect((await http(port, 'GET', '/../package.json')).status).toBe(404);
    expect((await http(port, 'GET', '/vendor/../../package.json')).status).toBe(404);
    expect((await http(port, 'GET', '/vendor/vega-embed.min.js')).status).toBe(200);
  });

  it('lists the models, describes one as describe --json does, and previews a distribution', async () => {
    const models = (await http(port, 'GET', '/api/models')).json<Array<{ name: string; default?: boolean }>>();
    expect(models.map((m) => m.name)).toContain('edunov-2023');
    expect(models.find((m) => m.default)?.name).toBe('edunov-2023');
    const described = await http(port, 'GET', '/api/models/edunov-2023');
    const fromCli = await cli(['describe', 'edunov-2023', '--json']);
    expect(fromCli.code, fromCli.stderr).toBe(0);
    expect(described.json()).toEqual(JSON.parse(fromCli.stdout));

    const preview = (await http(port, 'GET', `/api/preview?dist=${encodeURIComponent('1M to 2M')}`)).json<{ p5: number; p95: number; log: boolean; density: { x: number[]; y: number[] }; text: { p5: string } }>();
    expect(preview.p5).toBeCloseTo(1e6, 3);
    expect(preview.p95).toBeCloseTo(2e6, 3);
    expect(preview.log).toBe(false);
    expect(preview.text.p5).toBe('1 M');
    expect(preview.density.x.length).toBeGreaterThan(10);
    const wide = (await http(port, 'GET', `/api/preview?dist=${encodeURIComponent('1 to 100')}`)).json<{ log: boolean }>();
    expect(wide.log).toBe(true);
    const bad = await http(port, 'GET', `/api/preview?dist=${encodeURIComponent('normal(1e6,-5)')}`);
    expect(bad.status).toBe(400);
    expect(bad.json<{ field: string }>().field).toContain('dist');
    const own = await http(port, 'GET', '/api/preview?model=edunov-2023&param=gpus');
    expect(own.status, own.text).toBe(200);
  });

  it('sensitivity: a tornado of an output and Sobol indices of a claim, with their charts', async () => {
    const tornado = await post(port, '/api/sensitivity', { ...request(B, 1000), method: 'tornado', output: 'annual_twh' });
    expect(tornado.status, tornado.text).toBe(200);
    const t = tornado.json<{ sensitivity: { method: string }; charts: { name: string }[] }>();
    expect(t.sensitivity.method).toBe('tornado');
    expect(t.charts.map((c) => c.name)).toContain('tornado-annual_twh');
    const sobol = await post(port, '/api/sensitivity', { ...request(A, 256), method: 'sobol', claim: 'two_reactors_suffice' });
    expect(sobol.status, sobol.text).toBe(200);
    expect(sobol.json<{ charts: { name: string }[] }>().charts.map((c) => c.name)).toContain('sobol-two_reactors_suffice');
    const bad = await post(port, '/api/sensitivity', { ...request(A), method: 'eval' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'method' });
  }, 180_000);

  it('saves a normal results folder with report.html under results/runs/ of the directory it serves from', async () => {
    const saved = await post(port, '/api/save', { ...request(B, 10_000), path: '/tmp/elsewhere' });
    expect(saved.status, saved.text).toBe(200);
    const { dir, report } = saved.json<{ dir: string; report: string }>();
    expect(dir).toMatch(/^results\/runs\/edunov-2023\//);
    const summary = JSON.parse(readFileSync(join(cwd, dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.samples).toBe(10_000);
    expect(readFileSync(join(cwd, report), 'utf8')).toContain('<!doctype html>');
  }, 180_000);
});
