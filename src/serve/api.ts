/**
 * The JSON endpoints of `serve` (a contract, like the CLI's flags):
 * - `GET /api/models`: the models offered (the built-in ones and the file given to `serve`);
 * - `GET /api/models/:name`: what `describe --json` gives (`?scenario=NAME` for a scenario);
 * - `GET /api/preview?dist=…` (or `?model=M&param=P`): a distribution's p5/p50/p95 and density;
 * - `POST /api/run` `{ model, samples, seed, set, scenario? }` → `{ summary, distributions, runId, wallMs }`
 *   (`summary` exactly summary.json's content), plus `formatted`, `charts` and `command`;
 * - `POST /api/sensitivity` `{ …, method, output?, claim? }` → `{ sensitivity, charts, runId, wallMs }`;
 * - `POST /api/save` `{ model, samples, seed, set, scenario? }` → `{ dir }`: a results folder with
 *   report.html under results/runs/, written by the CLI's own `run`;
 * - `GET /api/settings`: the server's defaults (samples, max samples, seed, model).
 * Refusals are `{ field, value, allowed, message }` with status 400 (403, 413, 415 from `security.ts`).
 *
 * A new run cancels the run in flight (the latest request wins; a sensitivity study, the one of
 * its method), and a request closed early stops its run; the warm pool's threads stay either way.
 */
import { execFile } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { asWritten } from '../api/simulate.ts';
import { DEFAULT_PERCENTILES, simulate as runSimulation } from '../engine/simulate.ts';
import { sensitivity } from '../api/sensitivity.ts';
import { parseDistribution } from '../api/distribution.ts';
import { AbortedError } from '../engine/runner.ts';
import { InputError, ModelError, showValue } from '../errors.ts';
import { importModel, loadImported, type ModelHandle, type ModelModule } from '../model/load.ts';
import { describeModel } from '../cli/commands/describe.ts';
import { chooseCharts } from '../charts/select.ts';
import type { SensitivityReading } from '../sensitivity/result.ts';
import type { SensitivityMethod } from '../sensitivity/index.ts';
import { formatClaimText, formatCount, formatNumber } from '../results/format-number.ts';
import { shellQuote } from '../report/escape.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Distribution } from '../distributions/types.ts';
import type { Summary } from '../results/types.ts';
import { HttpError, readJsonBody } from './security.ts';

export interface ServeSettings {
  /** The first answer's samples (`--samples`). */
  readonly samples: number;
  /** The most samples any request may ask for (`--max-samples`). */
  readonly maxSamples: number;
  readonly seed: string;
  readonly workers: number;
  /** The model the page opens with. */
  readonly model: string;
}

/** The models offered, by name: a built-in name runs as itself, the file given to `serve` by its path. */
export type Catalog = ReadonlyMap<string, string>;

const SENSITIVITY_METHODS = ['tornado', 'spearman', 'prcc', 'sobol', 'morris'] as const;
/** The warm-up (`Api.warmUp`): runs of two chunks per thread, of this many samples each. */
const WARM_RUNS = 8;
const WARM_CHUNK = 4096;
/** How long the server must have had no request in flight before the warm-up goes on. */
const WARM_IDLE_MS = 200;
/** Sobol' base sample of the page's button when it asks for none. */
const DEFAULT_SOBOL_SAMPLES = 2048;

export class Api {
  private runId = 0;
  /** The run and the sensitivity study in flight: a newer request of the same kind cancels it. */
  private readonly inFlight = new Map<string, AbortController>();

  constructor(
    readonly catalog: Catalog,
    readonly settings: ServeSettings,
    /** The folder results are saved under (results/runs/ inside it): the directory `serve` started in. */
    readonly cwd: string,
  ) {}

  /** Answers an /api/ request; false when the path is not one of the API's. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const route = (m: string, p: string | RegExp) => method === m && (typeof p === 'string' ? path === p : p.test(path));
    try {
      if (route('GET', '/api/settings')) return send(res, 200, this.settings);
      if (route('GET', '/api/models')) return send(res, 200, await this.models());
      if (route('GET', /^\/api\/models\/[^/]+$/)) return send(res, 200, await this.describe(decodeName(path.slice('/api/models/'.length)), url.searchParams.get('scenario')));
      if (route('GET', '/api/preview')) return send(res, 200, await this.preview(url.searchParams));
      if (route('POST', '/api/run')) return send(res, 200, await this.run(await readJsonBody(req), res));
      if (route('POST', '/api/sensitivity')) return send(res, 200, await this.sensitivity(await readJsonBody(req), res));
      if (route('POST', '/api/save')) return send(res, 200, await this.save(await readJsonBody(req)));
      if (path.startsWith('/api/')) throw new HttpError(404, 'path', `${method} ${path}`, 'GET /api/models, /api/models/:name, /api/preview, /api/settings; POST /api/run, /api/sensitivity, /api/save');
      return false;
    } catch (err) {
      if (!res.headersSent && !res.destroyed) sendError(res, err);
      return true;
    }
  }

  private async models() {
    const list = [];
    for (const [name, ref] of this.catalog) {
      const { model, file } = await this.load(ref);
      list.push({
        name,
        title: model.title,
        file,
        parameters: model.parameters.length,
        outputs: model.outputs.map((o) => o.name),
        claims: model.claims.map((c) => c.name),
        scenarios: model.scenarios.map((s) => s.name),
        ...(name === this.settings.model ? { default: true } : {}),
      });
    }
    return list;
  }

  private modelRef(name: unknown): string {
    const ref = typeof name === 'string' ? this.catalog.get(name) : undefined;
    if (ref === undefined) throw new InputError('model', name, `one of the models this server offers: ${[...this.catalog.keys()].join(', ')}`);
    return ref;
  }

  private async describe(name: string, scenario: string | null) {
    const { model, file } = await this.load(this.modelRef(name), {}, scenario ?? undefined);
    return describeModel(model, file);
  }

  private async preview(query: URLSearchParams) {
    const text = query.get('dist');
    if (text !== null) return previewOf(parseDistribution(text, 'dist'));
    const param = query.get('param');
    const model = query.get('model');
    const scenario = query.get('scenario');
    if (param === null || model === null) throw new InputError('dist', null, "a distribution as text, e.g. ?dist=1e6%20to%202e6 (or ?model=NAME&param=NAME for a model's own)");
    const { model: m } = await this.load(this.modelRef(model), {}, scenario ?? undefined);
    const p = m.parameters.find((x) => x.name === param);
    if (!p) throw new InputError('param', param, `a parameter of ${m.name}: ${m.parameters.map((x) => x.name).join(', ')}`);
    return previewOf(p.dist);
  }

  /** A request's model, samples, seed, overrides and scenario, checked; samples capped at --max-samples. */
  private request(body: Record<string, unknown>, defaultSamples: number) {
    const ref = this.modelRef(body.model);
    const samples = body.samples ?? defaultSamples;
    const max = this.settings.maxSamples;
    if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1 || samples > max) {
      throw new InputError('samples', samples, `a whole number from 1 to ${max.toLocaleString('en-US')} (this server's --max-samples)`);
    }
    const seed = body.seed ?? this.settings.seed;
    if ((typeof seed !== 'string' && typeof seed !== 'number') || String(seed).trim() === '') throw new InputError('seed', seed, 'any non-empty text or a number');
    const set = body.set ?? {};
    if (typeof set !== 'object' || set === null || Array.isArray(set) || !Object.values(set).every((v) => typeof v === 'string')) {
      throw new InputError('set', set, "an object of parameter name → distribution text, e.g. { \"gpus\": \"1e6 to 2e6\" }");
    }
    const scenario = body.scenario === undefined || body.scenario === null || body.scenario === '' || body.scenario === 'base' ? undefined : body.scenario;
    if (scenario !== undefined && typeof scenario !== 'string') throw new InputError('scenario', scenario, "the name of one of the model's scenarios, or 'base'");
    return { name: body.model as string, ref, samples, seed: String(seed), set: set as Record<string, string>, ...(scenario !== undefined ? { scenario } : {}) };
  }

  /**
   * Model files as imported, by reference: each is imported once for the server's life, and every
   * request resolves (and checks) it with its own overrides and scenario. A slider's new value is
   * then data for the same compute, here and in the pool's threads (pool-worker.ts), not a new
   * instance of the model's code. An edited model file is read when `serve` starts again.
   */
  private readonly modules = new Map<string, Promise<ModelModule>>();

  /** `loadModel` through the imported files: the preflight runs for every new set of overrides, as `run` would. */
  private async load(ref: string, set: Readonly<Record<string, string>> = {}, scenario?: string): Promise<ModelHandle> {
    let module = this.modules.get(ref);
    if (!module) {
      module = importModel(ref);
      this.modules.set(ref, module);
      module.catch(() => this.modules.delete(ref)); // a file that failed to import is tried again next time
    }
    return loadImported(await module, set, scenario !== undefined && scenario !== '' ? { scenario } : {});
  }

  /** Loaded models by request (file, overrides, scenario): a rerun neither re-imports nor re-checks the model. */
  private readonly handles = new Map<string, Promise<ModelHandle>>();

  private loaded(r: { ref: string; set: Readonly<Record<string, string>>; scenario?: string }): Promise<ModelHandle> {
    const key = JSON.stringify([r.ref, r.scenario ?? null, Object.entries(r.set).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
    let handle = this.handles.get(key);
    if (handle) this.handles.delete(key);
    else {
      handle = this.load(r.ref, r.set, r.scenario);
      // The preflight's instance of a model that runs, imported now rather than when its first change is
      // checked (for a TypeScript model, through tsx: hundreds of ms in front of that answer).
      this.modules.get(r.ref)?.then((m) => m.checkedDefinition()).catch(() => {});
      handle.catch(() => this.handles.delete(key));
    }
    this.handles.set(key, handle);
    while (this.handles.size > 32) this.handles.delete(this.handles.keys().next().value as string);
    return handle;
  }

  /** A signal that aborts when a newer request of this kind (`run`, or a sensitivity method) arrives or this one's connection closes. */
  private latest(kind: string, res: ServerResponse): AbortSignal {
    clearTimeout(this.warmTimer);
    this.warming?.abort(); // goes on once no request is in flight
    this.inFlight.get(kind)?.abort();
    const controller = new AbortController();
    this.inFlight.set(kind, controller);
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
      if (this.inFlight.get(kind) === controller) this.inFlight.delete(kind);
      if (this.inFlight.size === 0) this.resumeWarmUpWhenIdle();
    });
    return controller.signal;
  }

  private async run(body: Record<string, unknown>, res: ServerResponse) {
    const r = this.request(body, this.settings.samples);
    const runId = ++this.runId;
    const signal = this.latest('run', res);
    return withRunId(runId, () => this.answer(r, runId, signal));
  }

  /** A run's reply: the library's `simulate` on the loaded model (the same options, the same JSON round trip, `asWritten`), its texts and charts. */
  private async answer(r: ReturnType<Api['request']>, runId: number, signal: AbortSignal, chunkSize?: number) {
    const t0 = performance.now();
    const handle = await this.loaded(r);
    const result = await runSimulation(handle, {
      samples: r.samples,
      seed: r.seed,
      workers: this.settings.workers,
      sampling: 'mc',
      percentiles: [...DEFAULT_PERCENTILES],
      percentileMethod: 'auto',
      signal,
      ...(chunkSize !== undefined ? { chunkSize } : {}),
    });
    const summary = asWritten(result.summary);
    const distributions = asWritten(result.distributions);
    const wallMs = performance.now() - t0;
    const charts = chooseCharts({ dir: '', summary: { ...summary, outputs: pick(summary.outputs, shownOutputs(summary)) }, distributions })
      .filter((c) => /^(distribution|exceedance)-/.test(c.name))
      .map((c) => ({ name: c.name, spec: c.spec }));
    return { summary, distributions, runId, wallMs, formatted: formatted(summary), charts, command: this.command('run', r) };
  }

  /** The warm-up's runs still to do, and the one in progress (which any request stops). */
  private warmLeft = 0;
  private warming: AbortController | undefined;

  /**
   * Runs the model the page opens with (the server's model and seed, no changes) `runs` times in
   * small chunks, when nobody is waiting, and drops the answers. V8 optimises the threads' kernel
   * and the server's own code only after a few runs: on a cold server the first two answers of
   * edunov-2023 at 10^5 samples took 1–3 s each, their chunks of 65,536 samples running
   * unoptimised while the optimising compiler waited for a core (load 5), and the fifth 0.15–0.3
   * s. Small chunks (4,096 samples, both threads) give the compiler the same calls for a fraction
   * of the work; the kernel is the one every later run uses (KernelCache: overrides change only
   * the distributions), so a slider moved right after the page's first answer meets it optimised.
   * The chunk size changes what the warm-up samples, never what a request gets: its answers are
   * dropped. A request that runs the model stops it at once (its chunks in flight, a few ms each,
   * finish and are dropped, as a cancelled run's are); it goes on once no request has been in
   * flight for WARM_IDLE_MS (so a slider's stream of requests never meets it), and `runs` counts
   * the runs it starts, stopped or not, so it costs a bounded amount whatever the traffic. A model
   * fault ends it: a real request will report it. Resolves when it stops, done or not.
   */
  warmUp(runs = WARM_RUNS): Promise<void> {
    this.warmLeft = runs;
    return this.resumeWarmUp();
  }

  /** Stops the warm-up for good (the server is closing). */
  stopWarmUp(): void {
    this.warmLeft = 0;
    this.warming?.abort();
    clearTimeout(this.warmTimer);
  }

  private warmTimer: ReturnType<typeof setTimeout> | undefined;

  /** Resumes the warm-up once no request has been in flight for a moment. */
  private resumeWarmUpWhenIdle(): void {
    clearTimeout(this.warmTimer);
    if (this.warmLeft <= 0) return;
    this.warmTimer = setTimeout(() => void this.resumeWarmUp(), WARM_IDLE_MS);
    this.warmTimer.unref();
  }

  /** How many warm-up runs are left (tests). */
  get warmUpLeft(): number {
    return this.warmLeft;
  }

  private async resumeWarmUp(): Promise<void> {
    if (this.warmLeft <= 0 || this.warming || this.inFlight.size > 0) return;
    const controller = new AbortController();
    this.warming = controller;
    try {
      const model = this.settings.model;
      const r = { name: model, ref: this.modelRef(model), samples: WARM_CHUNK * 2 * Math.max(1, this.settings.workers), seed: this.settings.seed, set: {} };
      while (this.warmLeft > 0 && !controller.signal.aborted) {
        this.warmLeft--;
        await this.answer(r, 0, controller.signal, WARM_CHUNK);
      }
    } catch {
      if (!controller.signal.aborted) this.warmLeft = 0; // a fault, not a request: the page's own run reports it
    } finally {
      if (this.warming === controller) this.warming = undefined;
    }
  }



  private async sensitivity(body: Record<string, unknown>, res: ServerResponse) {
    const method = body.method ?? 'tornado';
    if (typeof method !== 'string' || !(SENSITIVITY_METHODS as readonly string[]).includes(method)) {
      throw new InputError('method', method, SENSITIVITY_METHODS.join(', '));
    }
    const r = this.request(body, method === 'sobol' ? DEFAULT_SOBOL_SAMPLES : this.settings.samples);
    for (const key of ['output', 'claim'] as const) {
      if (body[key] !== undefined && typeof body[key] !== 'string') throw new InputError(key, body[key], `the name of one of the model's ${key}s`);
    }
    const runId = ++this.runId;
    const signal = this.latest(`sensitivity:${method}`, res);
    const t0 = performance.now();
    const result = await withRunId(runId, () =>
      sensitivity(r.ref, {
        method: method as SensitivityMethod,
        samples: r.samples,
        seed: r.seed,
        set: r.set,
        workers: this.settings.workers,
        signal,
        ...(r.scenario !== undefined ? { scenario: r.scenario } : {}),
        ...(typeof body.output === 'string' ? { output: body.output } : {}),
        ...(typeof body.claim === 'string' ? { claim: body.claim } : {}),
      }),
    );
    const wallMs = performance.now() - t0;
    const charts = chooseCharts({ dir: '', sensitivity: result as unknown as SensitivityReading })
      .filter((c) => /^(tornado|sobol)-/.test(c.name))
      .map((c) => ({ name: c.name, spec: c.spec }));
    return { sensitivity: result, charts, runId, wallMs, command: this.command('sensitivity', r, ['--method', method, ...(typeof body.claim === 'string' ? ['--claim', body.claim] : typeof body.output === 'string' ? ['--output', body.output] : [])]) };
  }

  /** The CLI's `run`, spawned as a user would run it: its default folder under results/runs/, with report.html. */
  private async save(body: Record<string, unknown>) {
    const r = this.request(body, this.settings.samples);
    const args = ['run', r.ref, '--samples', String(r.samples), '--seed', r.seed, ...setArgs(r.set), ...(r.scenario !== undefined ? ['--scenario', r.scenario] : []), '--report', '--quiet'];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(PACKAGE_ROOT, 'bin', 'ai-energy-mc.mjs'), ...args], { cwd: this.cwd, maxBuffer: 16 << 20, env: { ...process.env, FORCE_COLOR: '0' } }, (err, out, errText) => {
        if (err) reject(new ModelError(errText.trim().split('\n').pop()?.replace(/^error: /, '') ?? err.message));
        else resolve(out);
      });
    });
    const dir = /^Results: (.+)$/m.exec(stdout)?.[1]?.trim();
    if (!dir || !/^results[\\/]runs[\\/]/.test(dir)) throw new ModelError(`the run wrote no results folder under results/runs/ (it said: ${showValue(stdout.slice(-200))})`);
    return { dir, report: join(dir, 'report.html'), command: this.command('run', r) };
  }

  /** The command line that gives the same numbers. */
  private command(verb: 'run' | 'sensitivity', r: ReturnType<Api['request']>, extra: readonly string[] = []): string {
    const args = [verb, r.name === r.ref ? r.name : r.ref, '--samples', String(r.samples), '--seed', r.seed, ...setArgs(r.set), ...(r.scenario !== undefined ? ['--scenario', r.scenario] : []), ...extra];
    return ['npx', 'ai-energy-mc', ...args].map(shellQuote).join(' ');
  }
}

/** The outputs the page draws: the primary one and those the claims are declared on. */
function shownOutputs(summary: Summary): string[] {
  const names = new Set<string>();
  if (summary.primaryOutput !== undefined) names.add(summary.primaryOutput);
  for (const c of Object.values(summary.claims)) if (c.output !== undefined) names.add(c.output);
  if (names.size === 0) names.add(Object.keys(summary.outputs)[0]);
  return [...names];
}

function pick<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k]]));
}

/** A model's name from its URL segment; a malformed escape is a refused name, not a server error. */
function decodeName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InputError('model', segment, 'a model name, URL-encoded');
  }
}

const setArgs = (set: Readonly<Record<string, string>>) => Object.entries(set).flatMap(([k, v]) => ['--set', `${k}=${v}`]);

/** An abort that came from a newer request or a closed connection, named as the run it stopped. */
async function withRunId<T>(runId: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AbortedError) throw new HttpError(409, 'runId', runId, 'cancelled: a newer request replaced it, or its request was closed');
    throw err;
  }
}

/** Texts for the page, through the one number formatter: claims with their intervals, outputs' p5/p50/p95. */
function formatted(summary: Summary) {
  return {
    samples: formatCount(summary.samples),
    claims: Object.fromEntries(Object.entries(summary.claims).map(([name, c]) => [name, formatClaimText(c.probability, c.ci95)])),
    outputs: Object.fromEntries(
      Object.entries(summary.outputs).map(([name, o]) => [name, { p5: formatNumber(o.percentiles.p5), p50: formatNumber(o.percentiles.p50), p95: formatNumber(o.percentiles.p95) }]),
    ),
  };
}

/** Points of the density across the 1st–99th percentiles, read off the quantile function: f ≈ Δq / Δx. */
export function previewOf(dist: Distribution) {
  const q = (p: number) => dist.quantile(p);
  const [p5, p50, p95] = [q(0.05), q(0.5), q(0.95)];
  const x: number[] = [];
  const y: number[] = [];
  const steps = 48;
  let prev = q(0.01);
  for (let i = 1; i <= steps; i++) {
    const p = 0.01 + (0.98 * i) / steps;
    const next = q(p);
    if (next > prev) {
      x.push((prev + next) / 2);
      y.push(0.98 / steps / (next - prev));
    }
    prev = next;
  }
  return {
    label: dist.label,
    kind: dist.kind,
    mean: dist.mean,
    p5,
    p50,
    p95,
    text: { p5: formatNumber(p5), p50: formatNumber(p50), p95: formatNumber(p95) },
    /** The slider's scale: logarithmic when the 90% range spans more than a factor of ten. */
    log: p5 > 0 && p95 / p5 > 10,
    density: { x, y },
  };
}

export function send(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
  return true;
}

/** A refusal as `{ field, value, allowed, message }`: 400 for input, the HttpError's own status otherwise. */
export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) return void send(res, err.status, { field: err.field, value: err.value, allowed: err.allowed, message: err.message });
  if (err instanceof InputError) return void send(res, 400, { field: err.field, value: err.value ?? null, allowed: err.allowed, message: err.message.split('\n')[0] });
  if (err instanceof ModelError) return void send(res, 400, { field: 'model', value: null, allowed: 'a model whose compute returns finite outputs', message: err.message.split('\n')[0] });
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  send(res, 500, { field: 'server', value: null, allowed: 'a request the engine can run', message });
}

