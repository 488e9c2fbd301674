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

/**
 * The claim's own numbers; the throughputs (not in the claim) are NVIDIA TensorRT-LLM's H100 FP8 figures:
 * LLaMA-7B 9,193 output tok/s at batch 64, 128 in / 128 out (v0.5.0, Oct 2023); LLaMA-70B 2,657 and Falcon-180B 987
 * per GPU at 128/128 (v0.6.1, Dec 2023). The 2023 mix at these points: 20% small, 40% medium, 40% large, all FP16
 * at half the FP8 throughput, production at 40% of full batch.
 */
const claimPoint = {
  gpus: 1e6,
  gpu_power_w: 700,
  overhead_factor: 1000 / 700, // "about 1 kW with cooling and overheads"
  claimed_tokens_per_person_day: 100_000,
  people: 8.0e9,
  h100_tok_s_small: 9193,
  h100_tok_s_medium: 2657,
  h100_tok_s_large: 987,
  fp16_to_fp8_throughput: 0.5,
  production_to_full_batch: 0.4,
  share_small_2023: 0.2,
  share_large_2023: 0.4,
  fp8_share_2023: 0,
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

  it('in the claim\'s terms (LLaMA-7B, batch 64, FP8, all day) 1 M H100s generate 99,300 tokens per person per day, 0.993 of the claim', () => {
    // 1e6 × 9,193 × 86,400 ÷ 8.0e9 = 99,284.
    const o = run(model, claimPoint);
    expect3sf(o.tokens_per_gpu_s, 9193);
    expect3sf(o.tokens_per_person_day, 99_284);
    expect3sf(o.fleet_to_claim_token_ratio, 0.993);
  });

  it('at batch 768 (19,694 tok/s) the claim\'s terms give 2.13× the claim; with 2,048-token prompts (2,244) 0.242×', () => {
    expect3sf(run(model, { ...claimPoint, h100_tok_s_small: 19_694 }).fleet_to_claim_token_ratio, 2.13);
    expect3sf(run(model, { ...claimPoint, h100_tok_s_small: 2244 }).fleet_to_claim_token_ratio, 0.242);
  });

  it('the 2023 mix: 346 tok/s per H100, 3,740 tokens per person per day, 0.0374 of the claim', () => {
    // GPU-seconds per token at full batch, FP8: 0.2/9,193 + 0.4/2,657 + 0.4/987 = 5.7757e-4 s, i.e. 1,731 tok/s;
    // × 0.5 (FP16) × 0.4 (production) = 346.3 tok/s; × 1e6 × 86,400 ÷ 8.0e9 = 3,740.
    const o = run(model, claimPoint);
    expect3sf(o.tokens_per_gpu_s_2023_mix, 346.3);
    expect3sf(o.tokens_per_person_day_2023_mix, 3740);
    expect3sf(o.fleet_to_claim_token_ratio_2023_mix, 0.0374);
    expect3sf(o.j_per_token_fleet_2023_mix, 1000 / 346.3);
  });

  it('at the throughput the claim needs, the fleet generates exactly the claimed tokens', () => {
    const o = run(model, { ...claimPoint, h100_tok_s_small: 100_000 * 8.0e9 / 86_400 / 1e6 });
    expect3sf(o.tokens_per_person_day, 100_000);
    expect3sf(o.fleet_to_claim_token_ratio, 1);
  });

  it('all-in energy per token in the claim\'s terms: 1,000 W ÷ 9,193 tok/s = 0.109 J', () => {
    expect3sf(run(model, claimPoint).j_per_token_fleet, 0.109);
  });

  it('one answer per reactor definition: 8.76 TWh = 1.34 fleet-average reactors, 1.11 of 1 GW at 90%, 0.673 EPRs', () => {
    // 0.905 GW × 0.823 × 8,760 h = 6.525 TWh; 1 × 0.9 × 8,760 = 7.884; 1.65 × 0.9 × 8,760 = 13.01.
    const o = run(model, claimPoint);
    expect3sf(o.reactors_fleet_avg, 8.76 / 6.525);
    expect3sf(o.reactors_1gw_90, 1.11);
    expect3sf(o.reactors_epr, 0.673);
    const two = run(model, { ...claimPoint, gpus: 2e6 });
    expect3sf(two.reactors_fleet_avg, 2.69);
    expect3sf(two.reactors_1gw_90, 2.22);
    expect3sf(two.reactors_epr, 1.35);
  });
});
