/**
 * edunov-2023 at the claim's own point values reproduces the claim's arithmetic. The claim: Sergey
 * Edunov (Meta) at the Digital Workers Forum, Nov 2023, as reported by VentureBeat: "one to two
 * million" H100s, about 1 kW each with cooling and overheads, ~100,000 tokens per person per day
 * (the tokens figure from the French-language coverage, not checked against the English text).
 * Its arithmetic: 1–2 M × 1 kW × 8,760 h = 8.76–17.5 TWh/yr; 100,000 tokens × 8.0e9 people
 * = 9.26e9 tokens/s = 4,630–9,260 tokens/s per GPU = 0.108–0.216 J/token at 1 kW; one 1 GW reactor at
 * 90% capacity factor = 7.884 TWh/yr, so 1.11–2.22 reactors.
 */
import { describe, expect, it } from 'vitest';
import model from '../../models/edunov-2023.ts';
import { expect3sf, reactorPoint, run } from './helpers.ts';
import { claimTest } from '../../src/model/claim.ts';

/** The claim's own numbers; tokens_per_gpu_s (not in the claim) is MLPerf's H100 figure. */
const claimPoint = {
  gpus: 1e6,
  gpu_power_w: 700,
  overhead_factor: 1000 / 700, // "about 1 kW with cooling and overheads"
  claimed_tokens_per_person_day: 100_000,
  people: 8.0e9,
  tokens_per_gpu_s: 24_525 / 8, // MLPerf Inference v4.1, Llama-2-70B offline, 8× H100
  ...reactorPoint,
};

describe('edunov-2023 at the claim\'s point values', () => {
  it('1 M GPUs × 1 kW × 8,760 h = 8.76 TWh/yr = 1.11 reactors of 1 GW at 90%', () => {
    const o = run(model, claimPoint);
    expect3sf(o.all_in_power_per_gpu_w, 1000);
    expect3sf(o.fleet_power_gw, 1.0);
    expect3sf(o.annual_twh, 8.76);
    expect3sf(o.reactor_annual_twh, 7.884);
    expect3sf(o.reactors, 8.76 / 7.884); // 1.11
    expect3sf(o.plants, 1.11); // one reactor per plant
  });

  it('2 M GPUs give 17.5 TWh/yr = 2.22 reactors', () => {
    const o = run(model, { ...claimPoint, gpus: 2e6 });
    expect3sf(o.annual_twh, 17.52);
    expect3sf(o.reactors, 2.22);
  });

  it('the tokens: 4,630–9,260 tokens/s per GPU, 0.108–0.216 J/token at 1 kW', () => {
    const one = run(model, claimPoint);
    expect3sf(one.required_tokens_per_gpu_s, 9260);
    expect3sf(one.j_per_token_implied, 0.108);
    const two = run(model, { ...claimPoint, gpus: 2e6 });
    expect3sf(two.required_tokens_per_gpu_s, 4630);
    expect3sf(two.j_per_token_implied, 0.216);
  });

  it('"about one to two reactors": two reactors suffice for 1 M GPUs, not for 2 M at 90% capacity factor', () => {
    const claim = model.claims!.two_reactors_suffice;
    const test = claimTest(claim)!;
    expect(test(run(model, claimPoint), claimPoint)).toBe(true);
    const two = { ...claimPoint, gpus: 2e6 };
    expect(test(run(model, two), two)).toBe(false);
  });

  it('a plant of two 1 GW reactors: 0.556–1.11 plants', () => {
    expect3sf(run(model, { ...claimPoint, reactors_per_plant: 2 }).plants, 0.556);
    expect3sf(run(model, { ...claimPoint, gpus: 2e6, reactors_per_plant: 2 }).plants, 1.11);
  });

  it('at MLPerf throughput (3,066 tokens/s per H100) 1 M GPUs generate 33,100 tokens per person per day, 0.331 of the claim', () => {
    const o = run(model, claimPoint);
    expect3sf(o.tokens_per_person_day, 33_100);
    expect3sf(o.fleet_to_claim_token_ratio, 0.331);
  });

  it('at the throughput the claim needs, the fleet generates exactly the claimed tokens', () => {
    const o = run(model, { ...claimPoint, tokens_per_gpu_s: 100_000 * 8.0e9 / 86_400 / 1e6 });
    expect3sf(o.tokens_per_person_day, 100_000);
    expect3sf(o.fleet_to_claim_token_ratio, 1);
  });

  it('MLPerf energy per token at nameplate: 10,200 W ÷ 24,525 tokens/s = 0.416 J/token', () => {
    // DGX H100: 10.2 kW for 8 GPUs, i.e. 1,275 W per GPU = 700 W × 1.82.
    const o = run(model, { ...claimPoint, overhead_factor: 10_200 / 8 / 700 });
    expect3sf(o.j_per_token_fleet, 0.416);
  });
});
