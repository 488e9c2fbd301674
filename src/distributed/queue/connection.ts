/**
 * Connections to the queue's Redis server. A first connection is made with no retries, so that an
 * unreachable server, a wrong password or a server that may evict keys stops the command at once
 * with one line naming the URL (never its password), before any results folder is made. BullMQ's
 * own connections then retry as BullMQ wants (`maxRetriesPerRequest: null`).
 */
import { Redis } from 'ioredis';
import { RunError } from '../../errors.ts';
import type { QueueUrl } from './redis-url.ts';

/** How long a first connection may take. */
const CONNECT_TIMEOUT_MS = 5000;

/** A connected client that does not reconnect (its failure is the run's: see the coordinator's heartbeat). */
export async function connectChecked(url: QueueUrl): Promise<Redis> {
  const client = new Redis({ ...url.options, lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw unreachable(url, lastError ?? err);
  }
  await checkEvictionPolicy(client, url);
  return client;
}

/** A client for BullMQ: reconnects, queues commands while it does. */
export function bullConnection(url: QueueUrl): Redis {
  const client = new Redis({ ...url.options, maxRetriesPerRequest: null, connectTimeout: CONNECT_TIMEOUT_MS });
  client.on('error', () => {}); // reported through the heartbeat and the jobs, not as ioredis' own "unhandled error event"
  return client;
}

export function unreachable(url: QueueUrl, err: unknown): RunError {
  const e = err as { code?: string; message?: string };
  const why = e?.code ?? (e?.message ?? String(err)).split('\n')[0];
  const auth = /NOAUTH|WRONGPASS|invalid password|Authentication/i.test(e?.message ?? '');
  return new RunError(`cannot use the Redis server at ${url.display} (${why})${auth ? ': check the password in --queue' : ': is redis-server running there and reachable from here?'}`);
}

/**
 * BullMQ needs `maxmemory-policy noeviction`: a server that evicts keys under memory pressure
 * would silently drop jobs and results. Read with CONFIG GET, or from INFO where CONFIG is
 * disabled (managed services).
 */
export async function checkEvictionPolicy(client: Redis, url: QueueUrl): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    const info = await client.info('memory').catch(() => '');
    policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  }
  if (policy !== undefined && policy !== 'noeviction') {
    client.disconnect();
    throw new RunError(`the Redis server at ${url.display} has maxmemory-policy ${policy}, which may evict jobs and results: set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf)`);
  }
}
