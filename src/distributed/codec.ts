/**
 * How chunk tasks and chunk results travel between machines (a shard file, a queue job): V8's
 * structured serialisation, deflated. Doubles, NaN, ±Infinity and −0 survive bit for bit, typed
 * arrays stay typed arrays, and no float is ever printed and re-read. The format is V8's, which is
 * why a run's fingerprint carries the Node and V8 versions (their Math functions are part of the
 * result anyway).
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Level 1: doubles barely compress; sketches and counts do, and speed matters more than the last byte. */
const LEVEL = 1;

export function encode(value: unknown): Buffer {
  return deflateRawSync(serialize(value), { level: LEVEL });
}

export function decode<T>(bytes: Uint8Array): T {
  return deserialize(inflateRawSync(bytes)) as T;
}

/** The same as text (a BullMQ job's data and return value are JSON). */
export function encodeText(value: unknown): string {
  return encode(value).toString('base64');
}

export function decodeText<T>(text: string): T {
  return decode<T>(Buffer.from(text, 'base64'));
}
