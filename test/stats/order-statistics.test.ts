import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { orderStatistics, prefixOrderStatistics } from '../../src/stats/order-statistics.ts';

describe('orderStatistics (radix selection)', () => {
  it('equals a full sort at every requested rank, for mixed signs, zeros, ties and wide ranges', () => {
    const random = seedrandom.xor4096('order');
    const samples: Array<[string, () => number]> = [
      ['lognormal-ish with negatives', () => Math.exp((random() - 0.5) * 40) * (random() < 0.2 ? -1 : 1)],
      ['few distinct values', () => Math.floor(random() * 3) - 1],
      ['a narrow range in one bucket', () => 0.9 + random() * 1e-9],
      ['zeros and tiny values', () => (random() < 0.3 ? 0 : random() * 1e-300)],
    ];
    for (const [, draw] of samples) {
      for (const n of [1, 2, 17, 100_000]) {
        const values = Float64Array.from({ length: n }, draw);
        const copy = values.slice();
        const sorted = values.slice().sort();
        const ranks = [0, n - 1, Math.floor(n / 2), Math.floor(n * 0.05), Math.floor(n * 0.95), Math.floor(n / 3)];
        const got = orderStatistics(values, n, ranks);
        ranks.forEach((r, i) => expect(got[i]).toBe(sorted[r]));
        expect(values).toEqual(copy); // the input is not reordered
      }
    }
  });

  it('selects in several prefixes at once as each prefix alone would be sorted (many ranks and few, repeated calls)', () => {
    const random = seedrandom.xor4096('prefixes');
    const draws: Array<() => number> = [
      () => Math.exp(3 * (random() + random() - 1)) * (random() < 0.1 ? -1 : 1),
      () => Math.round(random() * 20) / 4,
      () => 7,
    ];
    for (const draw of draws) {
      const values = Float64Array.from({ length: 150_000 }, draw);
      for (const perPrefix of [2, 40]) {
        const prefixes = [1_000, 4_096, 65_536, 100_000, 150_000].map((n) => ({
          n,
          ranks: Array.from({ length: perPrefix }, (_, i) => Math.min(n - 1, Math.floor((n * (i + 0.5)) / perPrefix))).concat([0, n - 1]),
        }));
        const got = prefixOrderStatistics(values, prefixes);
        prefixes.forEach((p, k) => {
          const sorted = values.slice(0, p.n).sort();
          p.ranks.forEach((r, i) => expect(got[k][i]).toBe(sorted[r]));
        });
      }
    }
  });

  it('considers only the first n values', () => {
    expect([...orderStatistics(new Float64Array([3, 1, 2, -100]), 3, [0, 2])]).toEqual([1, 3]);
  });

  it('rejects ranks outside the sample', () => {
    expect(() => orderStatistics(new Float64Array([1, 2]), 2, [2])).toThrow(RangeError);
  });
});
