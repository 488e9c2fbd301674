import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { histogramCounts } from '../../src/stats/histogram.ts';

describe('histogramCounts', () => {
  it('places values by the edges, the last edge inclusive, outside values uncounted', () => {
    expect(histogramCounts(new Float64Array([0.5, 1, 1.5, 2, -1, 3]), 6, [0, 1, 2], 'linear')).toEqual([1, 3]);
    expect(histogramCounts(new Float64Array([1]), 1, [1], 'linear')).toEqual([]);
  });

  it('agrees with a direct count on log-spaced edges', () => {
    const random = seedrandom.alea('h');
    const v = Float64Array.from({ length: 20_000 }, () => Math.exp(random() * 6));
    const edges = Array.from({ length: 31 }, (_, i) => 10 ** (0.05 + (i * 2.4) / 30));
    const direct = edges.slice(1).map((e, i) => v.filter((x) => x >= edges[i] && (x < e || (i === 29 && x === e))).length);
    expect(histogramCounts(v, v.length, edges, 'log')).toEqual(direct);
  });
});
