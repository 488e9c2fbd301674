/** The explorer's server in this process, and raw HTTP requests with any Host, Origin and body. */
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { builtinModelNames } from '../../src/model/load.ts';

export const SETTINGS = { samples: 100_000, maxSamples: 1_000_000, seed: '1', workers: 2, model: 'edunov-2023' } as const;

/** The server as tests use it: no warm-up unless asked (`warmUp: true`, as `ai-energy-mc serve` does). */
export function serve(options: { cwd?: string; catalog?: Map<string, string>; warmUp?: boolean } = {}): Promise<RunningServer> {
  const catalog = options.catalog ?? new Map(builtinModelNames().map((n) => [n, n]));
  return startServer({ catalog, settings: SETTINGS, port: 0, warmUp: options.warmUp ?? false, ...(options.cwd ? { cwd: options.cwd } : {}) });
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

/** One request, as a browser or another client might send it: Host defaults to 127.0.0.1:port. */
export function http(
  port: number,
  method: string,
  path: string,
  options: { body?: string | Buffer; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, ...(options.signal ? { signal: options.signal } : {}) },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (p: Buffer) => parts.push(p));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Reply> {
  return http(port, 'POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers }, ...(signal ? { signal } : {}) });
}
