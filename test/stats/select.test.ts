import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { selectRanks } from '../../src/stats/select.ts';

describe('selectRanks', () => {
  it('puts every requested order statistic in place, including with many ties', () => {
    const random = seedrandom.xor4096('select');
    for (const [n, distinct] of [[1, 1], [7, 7], [1000, 1000], [100_000, 100_000], [50_000, 3]] as const) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * distinct));
      const sorted = values.slice().sort();
      const ranks = [0, n - 1, Math.floor(n / 2), Math.floor(n * 0.05), Math.floor(n * 0.95), Math.floor(n * 0.95) + 1].filter((r) => r < n);
      selectRanks(values, n, ranks);
      for (const r of ranks) expect(values[r]).toBe(sorted[r]);
    }
  });

  it('keeps the multiset of values', () => {
    const values = new Float64Array([5, 1, 4, 2, 3]);
    selectRanks(values, 5, [0, 2, 4]);
    expect([values[0], values[2], values[4]]).toEqual([1, 3, 5]);
    expect(values.slice().sort()).toEqual(new Float64Array([1, 2, 3, 4, 5]));
  });
});
