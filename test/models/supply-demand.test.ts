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
};

const point = { ...fleet, ...demand, ...shared, claim_gpus: 1e6, claimed_tokens_per_person_day: 100_000 };

describe('supply-demand at point values', () => {
  it('its supply side is inference-fleet and its demand side is token-demand', () => {
    const o = run(model, point);
    const f = run(fleetModel, { ...fleet, ...shared });
    // Input tokens at zero energy: token-demand then counts output tokens only, as this model's demand side does.
    const noInput = { input_to_output_energy_ratio: 0, benchmark_input_per_output: 1, cached_input_share: 0, cached_token_energy_fraction: 0.1 };
    const d = run(demandModel, { ...demand, ...shared, ...noInput });
    expect(o.supply_twh).toBeCloseTo(f.annual_twh, 9);
    expect(o.demand_twh).toBeCloseTo(d.annual_twh, 9);
    expect(o.demand_h100e).toBeCloseTo(d.gpus_needed_h100e, 3);
  });

  it('47.0 TWh supplied against 3.64 TWh demanded: ratio 12.9', () => {
    // Supply: 7.3 GW rated × 0.5 ÷ 700 W = 5.214 M H100e; demand: 403,400 H100e (see token-demand.test.ts).
    const o = run(model, point);
    expect3sf(o.supply_twh, 47.0);
    expect3sf(o.demand_twh, 3.636);
    expect3sf(o.supply_h100e, 5.214e6);
    expect3sf(o.demand_h100e, 403_400);
    expect3sf(o.supply_to_demand_ratio, 12.93);
    expect3sf(o.supply_to_demand_ratio, o.supply_twh / o.demand_twh);
  });

  it('the claim\'s 1 M GPUs against the 12.6 M H100s its own 100,000 tokens per person per day need: 0.0795', () => {
    // 100,000 × 8.0e9 / 86,400 = 9.259e9 tokens/s × 0.666 J = 6.167 GW of GPU power ÷ 490 W = 12.59 M H100s.
    const o = run(model, point);
    expect3sf(o.claim_needed_h100e, 12.59e6);
    expect3sf(o.claim_fleet_ratio, 0.0795);
  });
});
