/**
 * supply-demand at stated point values: its two sides must equal inference-fleet and token-demand at
 * the same values (the cross-check compares the same models, not new ones), and its ratios are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import fleetModel from '../../models/inference-fleet.ts';
import model from '../../models/supply-demand.ts';
import demandModel from '../../models/token-demand.ts';
import { expect3sf, reactorPoint, run } from './helpers.ts';

const shared = { avg_power_fraction: 0.7, server_overhead_factor: 1.75, pue: 1.2, ...reactorPoint };

const fleet = {
  h100_class_units: 4e6,
  a100_class_units: 1.5e6,
  b200_class_units: 1.5e6,
  other_units: 6e6,
  h100_class_rated_w: 700,
  a100_class_rated_w: 400,
  b200_class_rated_w: 1200,
  other_rated_w: 350,
  inference_share: 0.5,
  // Issue 12 §3's 2024 stock and service lag: no lag here, so the 2025 fleet is the shipped one and the hand sums hold.
  h100_class_units_2024_ratio: 0.5,
  a100_class_units_2024_ratio: 1.05,
  b200_class_units_2024: 5e4,
  other_units_2024_ratio: 0.6,
  service_lag_months: 0,
};

const demand = {
  google_tokens_per_month: 1.3e15,
  world_to_google_ratio: 3,
  output_token_share: 0.2,
  share_small_models: 0.2,
  share_large_models: 0.5,
  j_per_token_small: 0.12,
  j_per_token_medium: 0.54,
  j_per_token_large: 0.96,
  production_overhead_factor: 1,
  people: 8.0e9,
  h100_sxm_rated_power_w: 700,
  input_to_output_energy_ratio: 0.2,
  benchmark_input_per_output: 1,
  cached_input_share: 0.4,
  cached_token_energy_fraction: 0.1,
};

/** TensorRT-LLM H100 FP8 at 128 in / 128 out: LLaMA-7B 9,193 (batch 64), LLaMA-70B 2,657, Falcon-180B 987 per GPU. */
const throughput = {
  h100_tok_s_small: 9193,
  h100_tok_s_medium: 2657,
  h100_tok_s_large: 987,
  fp16_to_fp8_throughput: 0.5,
  production_to_full_batch: 0.4,
  share_small_2023: 0.2,
  share_large_2023: 0.4,
  fp8_share_2023: 0,
};

const gap = { non_llm_share: 0.35, post_training_share: 0.1, idle_reserve_share: 0.1, uncounted_token_factor: 1.3 };

const point = {
  ...fleet,
  ...demand,
  ...shared,
  ...throughput,
  ...gap,
  claim_gpus: 1e6,
  claimed_tokens_per_person_day: 100_000,
};

describe('supply-demand at point values', () => {
  it('its supply side is inference-fleet and its demand side is token-demand', () => {
    const o = run(model, point);
    const f = run(fleetModel, { ...fleet, ...shared, inference_share_logit_slope: 0.35 }); // the slope moves other years only
    const d = run(demandModel, { ...demand, ...shared }); // prompts included on both sides
    expect(o.supply_twh).toBeCloseTo(f.annual_twh, 9);
    expect(o.demand_twh).toBeCloseTo(d.annual_twh, 9);
    expect(o.demand_h100e).toBeCloseTo(d.gpus_needed_h100e, 3);
  });

  it('47.0 TWh supplied against 4.58 TWh demanded (prompts included): ratio 10.3', () => {
    // Supply: 7.3 GW rated × 0.5 ÷ 700 W = 5.214 M H100e. Demand: 4.68e16 tokens/yr; measured 0.666 J per output token
    // (prompt of the benchmark included) → 0.555 J decode; output 4.68e16 × 0.2 × 0.555 = 5.195e15 J, input
    // 4.68e16 × 0.8 × (1 − 0.4 × 0.9) × 0.555 × 0.2 = 2.660e15 J; 7.855e15 J ÷ 3.1536e7 s = 249.1 MW ÷ 490 W = 508,300 H100e.
    const o = run(model, point);
    expect3sf(o.supply_twh, 47.0);
    expect3sf(o.demand_twh, 4.582);
    expect3sf(o.supply_h100e, 5.214e6);
    expect3sf(o.demand_h100e, 508_300);
    expect3sf(o.supply_to_demand_ratio, 10.26);
    expect3sf(o.supply_to_demand_ratio, o.supply_twh / o.demand_twh);
  });

  it('the gap in sized components: non-LLM 16.4, post-training 4.70, idle 4.70, uncounted tokens 1.37, residual 15.2 TWh', () => {
    // 47.0 × 0.35 / 0.1 / 0.1; 4.582 × 0.3; 47.0 × 0.45 − 4.582 × 1.3 = 15.2; 21.15 ÷ 5.957 = 3.55.
    const o = run(model, point);
    expect3sf(o.gap_non_llm_twh, 16.45);
    expect3sf(o.gap_post_training_twh, 4.70);
    expect3sf(o.gap_idle_reserve_twh, 4.70);
    expect3sf(o.gap_uncounted_tokens_twh, 1.375);
    expect3sf(o.gap_residual_twh, 15.19);
    expect3sf(o.gap_unexplained_ratio, 3.55);
    const parts = o.demand_twh + o.gap_non_llm_twh + o.gap_post_training_twh + o.gap_idle_reserve_twh + o.gap_uncounted_tokens_twh;
    expect(parts + o.gap_residual_twh).toBeCloseTo(o.supply_twh, 9);
  });

  it('the claim\'s 1 M GPUs against the 12.6 M H100s its own 100,000 tokens per person per day need with the 2025 mix: 0.0795', () => {
    // 100,000 × 8.0e9 / 86,400 = 9.259e9 tokens/s ÷ (490 W ÷ 0.666 J = 735.7 tokens/s per H100) = 12.59 M H100s.
    const o = run(model, point);
    expect3sf(o.tokens_per_h100_s_2025_mix, 735.7);
    expect3sf(o.claim_needed_h100e, 12.59e6);
    expect3sf(o.claim_fleet_ratio, 0.0795);
  });

  it('in the claim\'s terms (LLaMA-7B, 9,193 tok/s) the same fleet gives 0.993 of the claim; with the 2023 mix 0.0374', () => {
    // 1e6 × 9,193 ÷ 9.259e9; 2023 mix: 346.3 tok/s per H100 (see edunov-2023.test.ts) × 1e6 ÷ 9.259e9.
    const o = run(model, point);
    expect3sf(o.tokens_per_h100_s_claim_terms, 9193);
    expect3sf(o.claim_fleet_ratio_claim_terms, 0.993);
    expect3sf(o.tokens_per_h100_s_2023_mix, 346.3);
    expect3sf(o.claim_fleet_ratio_2023_mix, 0.0374);
  });
});
