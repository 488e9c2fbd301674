/**
 * The floor that JavaScript itself sets: the edunov-2023 model as a plain, dependency-free,
 * single-threaded loop, written by hand. No engine import, no seedrandom, no generated code:
 * one loop that draws the ten uncertain inputs, does the model's arithmetic, stores all eleven
 * outputs in preallocated typed arrays (the engine stores every output too) and counts the
 * three claims. The benchmark compares the engine's per-worker hot loop with this.
 *
 * Same distributions as `models/edunov-2023.ts` and `models/shared/*.ts` (constants copied by hand):
 * - uniform numbers: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 *   generators"), 32-bit words, seeded by splitmix32; a draw is one 32-bit word / 2^32, as the
 *   engine's 32-bit streams give;
 * - lognormal(p5, p95): exp(μ + σZ) with μ = mean of the two logs, σ = ln(p95/p5)/(2·z0.95);
 *   the two normals a sample needs (gpus, tokens_per_gpu_s) are the pair of one accepted draw of
 *   Marsaglia's polar method (1964), independent N(0, 1);
 * - triangular: inverse CDF;
 * - PERT(50k, 100k, 150k), λ = 4: α = β = 3, so 50k + 100k·B with B ~ Beta(3, 3), drawn as the
 *   median (3rd order statistic) of five uniforms: U(k) of n ~ Beta(k, n + 1 − k);
 *   the median of five is med3(e, max(min(a,b), min(c,d)), min(max(a,b), max(c,d))), branch-free;
 * - discrete: one uniform against cumulative weights; uniform: min + width·U; hours_per_year = 8,760.
 */

/** Output names in the model's order. */
export const BASELINE_OUTPUTS = [
  'all_in_power_per_gpu_w',
  'fleet_power_gw',
  'annual_twh',
  'reactor_annual_twh',
  'reactors',
  'plants',
  'tokens_per_person_day',
  'required_tokens_per_gpu_s',
  'j_per_token_implied',
  'j_per_token_fleet',
  'fleet_to_claim_token_ratio',
] as const;
export const BASELINE_CLAIMS = ['two_reactors_suffice', 'two_plants_suffice', 'fleet_generates_claimed_tokens'] as const;

export type BaselineOutput = (typeof BASELINE_OUTPUTS)[number];
export type BaselineClaim = (typeof BASELINE_CLAIMS)[number];

export interface BaselineRun {
  readonly samples: number;
  /** Seconds spent in the sampling loop (the `onBlock` callbacks excluded). */
  readonly seconds: number;
  readonly holds: Record<BaselineClaim, number>;
}

/** z such that Φ(z) = 0.95. */
const Z95 = 1.6448536269514722;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** xoshiro128** state: four 32-bit words. */
function seedState(seed: number): Int32Array {
  const s = new Int32Array(4);
  let x = seed | 0;
  for (let i = 0; i < 4; i++) {
    // splitmix32
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = z ^ (z >>> 16);
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/** One uniform in [0, 1) from xoshiro128**. */
function uniform01(s: Int32Array): number {
  const s0 = s[0];
  const s1 = s[1];
  const s2 = s[2] ^ s0;
  const s3 = s[3] ^ s1;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  s[0] = s0 ^ s3;
  s[1] = s1 ^ s2;
  s[2] = s2 ^ t;
  s[3] = (s3 << 11) | (s3 >>> 21);
  return (result >>> 0) * TWO_POW_MINUS_32;
}

/**
 * Runs `samples` samples in blocks of `blockSize`; after each block `onBlock` may read the
 * outputs (values `[0, n)` of each array, overwritten by the next block). Only the loop is timed.
 */
export function runBaselineEdunov(
  samples: number,
  options: { seed?: number; blockSize?: number; onBlock?: (outputs: Record<BaselineOutput, Float64Array>, n: number) => void } = {},
): BaselineRun {
  const blockSize = options.blockSize ?? 65_536;
  const s = seedState(options.seed ?? 20231101);
  // Preallocated output columns, reused block after block.
  const allInW = new Float64Array(blockSize);
  const fleetGw = new Float64Array(blockSize);
  const annualTwh = new Float64Array(blockSize);
  const reactorTwh = new Float64Array(blockSize);
  const reactors = new Float64Array(blockSize);
  const plants = new Float64Array(blockSize);
  const tokensPerPersonDay = new Float64Array(blockSize);
  const requiredPerGpuS = new Float64Array(blockSize);
  const jPerTokenImplied = new Float64Array(blockSize);
  const jPerTokenFleet = new Float64Array(blockSize);
  const tokenRatio = new Float64Array(blockSize);
  const outputs: Record<BaselineOutput, Float64Array> = {
    all_in_power_per_gpu_w: allInW,
    fleet_power_gw: fleetGw,
    annual_twh: annualTwh,
    reactor_annual_twh: reactorTwh,
    reactors,
    plants,
    tokens_per_person_day: tokensPerPersonDay,
    required_tokens_per_gpu_s: requiredPerGpuS,
    j_per_token_implied: jPerTokenImplied,
    j_per_token_fleet: jPerTokenFleet,
    fleet_to_claim_token_ratio: tokenRatio,
  };

  // gpus ~ lognormal(p5 = 1e6, p95 = 2e6); tokens_per_gpu_s ~ lognormal(p5 = 1e3, p95 = 1e4).
  const gpusMu = 0.5 * (Math.log(1e6) + Math.log(2e6));
  const gpusSigma = Math.log(2) / (2 * Z95);
  const tpsMu = 0.5 * (Math.log(1e3) + Math.log(1e4));
  const tpsSigma = Math.log(10) / (2 * Z95);
  // gpu_power_w ~ triangular(630, 700, 770); overhead_factor ~ triangular(9/7, 10/7, 11/7).
  const pA = 630, pC = 700, pB = 770;
  const pPeak = (pC - pA) / (pB - pA), pKL = (pB - pA) * (pC - pA), pKR = (pB - pA) * (pB - pC);
  const oA = 900 / 700, oC = 1000 / 700, oB = 1100 / 700;
  const oPeak = (oC - oA) / (oB - oA), oKL = (oB - oA) * (oC - oA), oKR = (oB - oA) * (oB - oC);
  const hours = 8760;

  let h0 = 0, h1 = 0, h2 = 0;
  let elapsed = 0;
  for (let done = 0; done < samples; done += blockSize) {
    const n = Math.min(blockSize, samples - done);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      // Two standard normals per sample (gpus, tokens_per_gpu_s): one accepted pair of the polar method.
      let v1: number, v2: number, r: number;
      do {
        v1 = 2 * uniform01(s) - 1;
        v2 = 2 * uniform01(s) - 1;
        r = v1 * v1 + v2 * v2;
      } while (r >= 1 || r === 0);
      const f = Math.sqrt((-2 * Math.log(r)) / r);
      // Inputs, in the model's order.
      const gpus = Math.exp(gpusMu + gpusSigma * v1 * f);
      let u = uniform01(s);
      const gpuPowerW = u < pPeak ? pA + Math.sqrt(u * pKL) : pB - Math.sqrt((1 - u) * pKR);
      u = uniform01(s);
      const overhead = u < oPeak ? oA + Math.sqrt(u * oKL) : oB - Math.sqrt((1 - u) * oKR);
      const a = uniform01(s), b = uniform01(s), c = uniform01(s), d = uniform01(s), e = uniform01(s);
      const lo = Math.max(Math.min(a, b), Math.min(c, d));
      const hi = Math.min(Math.max(a, b), Math.max(c, d));
      const beta33 = Math.max(Math.min(e, lo), Math.min(Math.max(e, lo), hi));
      const claimed = 50_000 + 100_000 * beta33;
      const people = 8.0e9 + 0.1e9 * uniform01(s);
      const tps = Math.exp(tpsMu + tpsSigma * v2 * f);
      u = uniform01(s);
      const capacityGw = u < 0.5 ? 0.905 : u < 0.8 ? 1.117 : 1.65;
      const capacityFactor = 0.815 + 0.115 * uniform01(s);
      u = uniform01(s);
      const perPlant = u < 0.3 ? 1 : u < 0.75 ? 2 : u < 0.83 ? 3 : u < 0.93 ? 4 : u < 0.98 ? 6 : 8;

      // The model's arithmetic.
      const w = gpuPowerW * overhead;
      const fleetW = gpus * w;
      const twh = (fleetW * hours) / 1e12;
      const rTwh = (capacityGw * capacityFactor * hours) / 1000;
      const plantTwh = rTwh * perPlant;
      const tokens = (gpus * tps * 86_400) / people;
      const required = (claimed * people) / 86_400 / gpus;
      const nReactors = twh / rTwh;
      const nPlants = twh / plantTwh;
      const tr = tokens / claimed;
      allInW[i] = w;
      fleetGw[i] = fleetW / 1e9;
      annualTwh[i] = twh;
      reactorTwh[i] = rTwh;
      reactors[i] = nReactors;
      plants[i] = nPlants;
      tokensPerPersonDay[i] = tokens;
      requiredPerGpuS[i] = required;
      jPerTokenImplied[i] = w / required;
      jPerTokenFleet[i] = w / tps;
      tokenRatio[i] = tr;
      if (nReactors <= 2) h0++;
      if (nPlants <= 2) h1++;
      if (tr >= 1) h2++;
    }
    elapsed += performance.now() - t0;
    options.onBlock?.(outputs, n);
  }
  return {
    samples,
    seconds: elapsed / 1000,
    holds: { two_reactors_suffice: h0, two_plants_suffice: h1, fleet_generates_claimed_tokens: h2 },
  };
}
