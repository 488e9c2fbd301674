/**
 * A 10-parameter benchmark model that exercises every sampler family the engine has, with
 * arithmetic of the size a real energy model does (products, a ratio, a threshold).
 */
export default {
  name: 'ten-params',
  title: 'Benchmark: ten parameters, every family',
  parameters: {
    a: { dist: 'lognormal', p5: 1e6, p95: 2e6 },
    b: { dist: 'normal', mean: 700, sd: 50 },
    c: { dist: 'uniform', min: 0.4, max: 0.9 },
    d: { dist: 'triangular', min: 1.1, mode: 1.2, max: 1.6 },
    e: { dist: 'pert', min: 0.1, mode: 0.3, max: 1 },
    f: { dist: 'gamma', shape: 2, scale: 0.5 },
    g: { dist: 'beta', alpha: 2, beta: 5 },
    h: { dist: 'discrete', values: [0.8, 0.9, 0.95], weights: [1, 2, 1] },
    i: { dist: 'normal', mean: 1, sd: 0.1, min: 0.8, max: 1.2 },
    j: { dist: 'lognormal', median: 8, p95: 12 },
  },
  outputs: { energy: { unit: 'TWh/yr' }, ratio: { unit: '1' } },
  compute: (p: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j', number>) => {
    const energy = (p.a * p.b * p.c * p.d * 8760 * 1e-12) * (1 + p.e * p.f) * (p.g + p.h) * p.i;
    return { energy, ratio: energy / p.j };
  },
  claims: { below_two: (o: { ratio: number }) => o.ratio <= 2 },
};
