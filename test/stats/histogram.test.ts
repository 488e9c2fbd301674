import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { binLocator, histogramCounts, linearEdges } from '../../src/stats/histogram.ts';

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

  it('counts by its bucket table exactly as the bin locator places each value (signs, zeros, values on the edges, wide and narrow ranges)', () => {
    const random = seedrandom.alea('speed-histogram');
    const cases: Array<[string, 'linear' | 'log', number[], () => number]> = [
      ['lognormal, linear bins', 'linear', linearEdges(4.8, 16, 60), () => Math.exp(2.2 + 0.3 * (random() + random() + random() - 1.5))],
      ['both signs around zero', 'linear', linearEdges(-3, 2, 60), () => (random() < 0.05 ? 0 : random() < 0.05 ? -0 : 6 * random() - 3.5)],
      ['edge at zero', 'linear', linearEdges(0, 1, 7), () => (random() < 0.3 ? (random() < 0.5 ? 0 : -0) : random() * 1.2 - 0.1)],
      ['negative range ending at zero', 'linear', linearEdges(-1, 0, 9), () => (random() < 0.3 ? -0 : -random() * 1.1)],
      ['log bins over six decades', 'log', Array.from({ length: 61 }, (_, i) => 10 ** (-2 + (i * 6) / 60)), () => 10 ** (7 * random() - 2.5)],
      ['many equal values', 'linear', linearEdges(1, 3, 60), () => [1, 2, 3, 1.5][Math.floor(random() * 4)]],
    ];
    for (const [, scale, edges, draw] of cases) {
      const v = Float64Array.from({ length: 50_000 }, draw);
      edges.slice(0, 5).forEach((edge, i) => (v[i] = edge)); // values exactly on edges
      v[5] = edges[edges.length - 1];
      const binOf = binLocator(edges, scale);
      const direct = new Array<number>(edges.length - 1).fill(0);
      for (const x of v) if (binOf(x) >= 0) direct[binOf(x)]++;
      expect(histogramCounts(v, v.length, edges, scale)).toEqual(direct);
    }
  });
});
