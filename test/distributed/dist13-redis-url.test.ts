/** Issue 13: --queue URLs are parsed once and shown without their password. */
import { describe, expect, it } from 'vitest';
import { parseQueueUrl, redact } from '../../src/distributed/queue/redis-url.ts';

describe('--queue URL (issue 13)', () => {
  it('reads host, port, database, password and TLS, and shows none of the credentials', () => {
    const u = parseQueueUrl('redis://:p%40ss@10.0.0.5:6380/2');
    expect(u.display).toBe('redis://10.0.0.5:6380/2');
    expect(u.options).toMatchObject({ host: '10.0.0.5', port: 6380, db: 2, password: 'p@ss' });
    const t = parseQueueUrl('rediss://worker:secret@redis.internal');
    expect(t.display).toBe('rediss://redis.internal');
    expect(t.options).toMatchObject({ port: 6379, db: 0, username: 'worker', password: 'secret', tls: { servername: 'redis.internal' } });
  });

  it('refuses other schemes and bad databases, echoing the URL without its password', () => {
    expect(() => parseQueueUrl('http://:secret@host:1')).toThrow(/--queue: got "http:\/\/host:1"; redis:\/\//);
    expect(() => parseQueueUrl('redis://:secret@host:1/99')).toThrow(/database number/);
    expect(() => parseQueueUrl('not a url :secret@')).toThrow(/--queue/);
    expect(redact('x://user:secret@host')).toBe('x://host');
  });
});
