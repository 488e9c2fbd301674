/**
 * `serve`'s HTTP server on node:http, bound to 127.0.0.1 only. Every request passes the Host
 * check (and a POST the Origin check) before anything else (`security.ts`); every response
 * carries the CSP and nosniff. The warm pool (`pool.ts`) becomes the engine's runner for this
 * process while the server is up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setRunnerFactory } from '../engine/runner.ts';
import { Api, sendError, type Catalog, type ServeSettings } from './api.ts';
import { WarmPool } from './pool.ts';
import { checkHost, checkOrigin, HttpError, securityHeaders } from './security.ts';
import { staticFile } from './static.ts';

export interface ServeOptions {
  readonly catalog: Catalog;
  readonly settings: ServeSettings;
  /** 0: any free port. */
  readonly port: number;
  /** Where "Save run" writes results/runs/… (default: the current directory). */
  readonly cwd?: string;
  /** Warm the threads with the page's first request before anyone asks (`Api.warmUp`; default true). */
  readonly warmUp?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly pool: WarmPool;
  readonly api: Api;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const pool = new WarmPool(options.settings.workers);
  setRunnerFactory(pool.factory);
  const api = new Api(options.catalog, options.settings, options.cwd ?? process.cwd());
  let port = options.port;
  const server: Server = createServer((req, res) => {
    securityHeaders(res);
    void (async () => {
      try {
        checkHost(req.headers.host, port);
        if (req.method === 'POST') checkOrigin(req.headers.origin, port);
        const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
        if (await api.handle(req, res, url)) return;
        const file = req.method === 'GET' || req.method === 'HEAD' ? staticFile(url.pathname) : undefined;
        if (!file) throw new HttpError(404, 'path', url.pathname, 'the page (/), its scripts, or an /api/ endpoint');
        res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      } catch (err) {
        if (!res.headersSent) sendError(res, err);
        else res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (options.warmUp !== false) void api.warmUp();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pool,
    api,
    async close() {
      api.stopWarmUp();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      setRunnerFactory(undefined);
      await pool.close();
    },
  };
}
