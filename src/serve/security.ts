/**
 * What every request to `serve` must pass before anything else reads it, and the headers every
 * response carries. The server binds 127.0.0.1 only, but a page on another site can still reach
 * it through the browser: by DNS rebinding (its own name resolving to 127.0.0.1, so the Host is
 * foreign) or by a cross-site POST (a foreign Origin). Both are refused with 403. Bodies are JSON
 * only and small; models are chosen by name from a list, never by a path from the browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body, in bytes. */
export const MAX_BODY = 64 * 1024;

/** A refusal as the API answers it: the field, the value and what is allowed. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${field}: got ${JSON.stringify(value)}; ${allowed}`);
  }
}

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The Host headers this server answers to: a loopback name with its own port. */
export function allowedHosts(port: number): string[] {
  return LOCAL_NAMES.map((h) => `${h}:${port}`);
}

export function checkHost(host: string | undefined, port: number): void {
  const allowed = allowedHosts(port);
  if (host === undefined || !allowed.includes(host.toLowerCase())) {
    throw new HttpError(403, 'Host', host ?? null, `one of ${allowed.join(', ')} (this server answers only to its own loopback address)`);
  }
}

/** A POST's Origin, when the client sends one (browsers do), must be this server's own. */
export function checkOrigin(origin: string | undefined, port: number): void {
  if (origin === undefined) return;
  const allowed = allowedHosts(port).map((h) => `http://${h}`);
  if (!allowed.includes(origin.toLowerCase())) {
    throw new HttpError(403, 'Origin', origin, `one of ${allowed.join(', ')} (requests from other sites are refused)`);
  }
}

/**
 * The page's policy: its own scripts, styles and API only; no inline script and no eval (the
 * charts run vega's expression interpreter instead of compiling expressions to functions).
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

/** A POST's body as JSON: `application/json`, at most MAX_BODY bytes (413 beyond), an object. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Content-Type', req.headers['content-type'] ?? null, 'application/json');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY) {
    req.resume();
    throw new HttpError(413, 'body', `${declared} bytes`, `at most ${MAX_BODY} bytes of JSON`);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > MAX_BODY) {
      req.resume();
      throw new HttpError(413, 'body', `more than ${MAX_BODY} bytes`, `at most ${MAX_BODY} bytes of JSON`);
    }
    parts.push(part);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch (err) {
    throw new HttpError(400, 'body', Buffer.concat(parts).toString('utf8').slice(0, 40), `a JSON object (${(err as Error).message})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'body', body, 'a JSON object');
  return body as Record<string, unknown>;
}
