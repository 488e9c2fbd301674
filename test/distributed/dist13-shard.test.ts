/** Issue 13: the shard plan and the fingerprint's canonical form. */
import { describe, expect, it } from 'vitest';
import { parseShard, shardRange } from '../../src/distributed/shard.ts';
import { canonicalJson, versionMismatch } from '../../src/distributed/fingerprint.ts';
import { decode, encode } from '../../src/distributed/codec.ts';

describe('shards (issue 13)', () => {
  it('parses I/N as a Kubernetes completion index (0 to N−1) and refuses the rest', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard(' 2/3 ')).toEqual({ index: 2, count: 3 });
    for (const bad of ['3/3', '1/0', '-1/2', '1', 'a/b', '1/2/3', '0x1/2']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('cuts the chunks into contiguous ranges that cover each chunk once, for any N', () => {
    for (const chunks of [1, 2, 5, 17, 1526]) {
      for (const count of [1, 2, 3, 7, 20]) {
        let next = 0;
        for (let index = 0; index < count; index++) {
          const { first, end } = shardRange(chunks, { index, count });
          expect(first).toBe(next);
          expect(end).toBeGreaterThanOrEqual(first);
          next = end;
        }
        expect(next).toBe(chunks);
      }
    }
  });

  it('fingerprints options in a canonical order and names version differences', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    expect(versionMismatch({ engine: '1', node: '20.1.0', v8: 'x' }, { engine: '1', node: '20.2.0', v8: 'x' })).toBe('node 20.2.0 here, 20.1.0 there');
    expect(versionMismatch({ engine: '1', node: 'n', v8: 'x' }, { engine: '1', node: 'n', v8: 'x' })).toBeUndefined();
  });

  it('carries doubles bit for bit (NaN, −0, ±Infinity, subnormals) and typed arrays as such', () => {
    const values = new Float64Array([NaN, -0, Infinity, -Infinity, 5e-324, 0.1 + 0.2]);
    const back = decode<{ v: Float64Array; m: number }>(encode({ v: values, m: -0 }));
    expect(back.v).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.v.buffer, back.v.byteOffset, back.v.byteLength).equals(Buffer.from(values.buffer))).toBe(true);
    expect(Object.is(back.m, -0)).toBe(true);
  });
});
