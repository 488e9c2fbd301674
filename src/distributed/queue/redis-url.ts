/**
 * `--queue redis://[[user]:password@]host[:port][/db]` (or `rediss://` for TLS): parsed once, and
 * shown everywhere without its password. The password reaches the connection options and nothing
 * else: not a message, a log line, the manifest or the results.
 */
import type { RedisOptions } from 'ioredis';
import { InputError } from '../../errors.ts';

export interface QueueUrl {
  /** The URL as it may be shown: no user, no password. */
  readonly display: string;
  readonly options: RedisOptions;
}

const ALLOWED = 'redis://[:password@]host:port[/db] or rediss://… for TLS, e.g. redis://127.0.0.1:6379';

export function parseQueueUrl(text: string, flag = '--queue'): QueueUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(flag, redact(text), ALLOWED);
  }
  const tls = url.protocol === 'rediss:';
  if (url.protocol !== 'redis:' && !tls) throw new InputError(flag, redactUrl(url), ALLOWED);
  if (url.hostname === '') throw new InputError(flag, redactUrl(url), `a host; ${ALLOWED}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !Number.isInteger(db) || db < 0 || db > 15) throw new InputError(flag, redactUrl(url), `a database number from 0 to 15 after the port; ${ALLOWED}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    display: redactUrl(url),
    options: {
      host,
      port,
      db,
      ...(url.username !== '' ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
      ...(tls ? { tls: { servername: host } } : {}),
    },
  };
}

/** protocol://host:port/db, never a user or password. */
function redactUrl(url: URL): string {
  const port = url.port === '' ? '' : `:${url.port}`;
  const db = url.pathname === '' || url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${url.host.replace(/:\d+$/, '')}${port}${db}`;
}

/** A text that is not even a URL: whatever lies between `//` and `@` is dropped. */
export function redact(text: string): string {
  return text.replace(/\/\/[^@/]*@/, '//');
}
