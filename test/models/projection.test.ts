/**
 * projection at stated point values, and its agreement with inference-fleet.
 * - IEA Energy and AI (2025): data centres ~415 TWh (2024) → ~945 TWh (2030), (945 / 415)^(1/6) − 1 = 14.7% per year;
 *   accelerated servers +225% from 2025 to 2030 (Base Case, as charted by Statista), i.e. ×3.25 = ×1.266 per year.
 * - Schneider Electric WP 110 (2023): AI 4.3 GW in 2023; Deloitte TMT Predictions 2026: inference ~1/3 of AI compute
 *   in 2023, ~1/2 in 2025 (log-odds slope ln(2)/2 a year).
 * - 2024 and 2025 are inference-fleet's, at the same point values (the same sub-models).
 * - Both growth regimes of 2026–2030 (supply-limited, demand-limited) worked by hand.
 */
import { describe, expect, it } from 'vitest';
import fleetModel from '../../models/inference-fleet.ts';
import model from '../../models/projection.ts';
import { simulate } from '../../src/index.ts';
import { expect3sf, reactorPoint, run } from './helpers.ts';

const ieaRate = (945 / 415) ** (1 / 6) - 1;
const deloitteSlope = Math.log(2) / 2;

/** The fleet of inference-fleet.test.ts (7.3 GW rated, 3 months' lag → 6.316 GW in service in 2025, 3.071 GW in 2024). */
const fleetPoint = {
  h100_class_units: 4e6,
  a100_class_units: 1.5e6,
  b200_class_units: 1.5e6,
  other_units: 6e6,
  h100_class_rated_w: 700,
  a100_class_rated_w: 400,
  b200_class_rated_w: 1200,
  other_rated_w: 350,
  h100_class_units_2024_ratio: 0.5,
  a100_class_units_2024_ratio: 1,
  b200_class_units_2024: 0,
  other_units_2024_ratio: 0.65,
  service_lag_months: 3,
  inference_share: 0.5,
  inference_share_logit_slope: deloitteSlope,
  avg_power_fraction: 0.7,
  server_overhead_factor: 1.75,
  pue: 1.2,
  ...reactorPoint,
};

/** Demand outgrowing the fleet (3 × 0.65 = 1.95 a year): 2026–2030 follow the fleet. */
const point = {
  ...fleetPoint,
  ai_power_gw_2023: 4.3,
  fleet_power_growth: 1.3,
  token_demand_growth: 3,
  energy_per_token_factor: 0.65,
  idle_power_fraction: 0.25,
};

/** 2025 inference electricity at `point`: 6.31625 GW × 1.47 × 0.5 × 8.76 (inference-fleet.test.ts). */
const twh2025 = 6.31625 * 1.47 * 0.5 * 8.76;

describe('projection at point values', () => {
  it('IEA growth: (945 / 415)^(1/6) − 1 = 14.7% per year; accelerated servers ×3.25 in 2025–30 = ×1.266 per year', () => {
    expect3sf(ieaRate, 0.147);
    expect3sf(3.25 ** (1 / 5), 1.266);
  });

  it('2024 and 2025 are inference-fleet\'s at the same values', () => {
    const o = run(model, point);
    const f = run(fleetModel, fleetPoint);
    expect(o.annual_twh_2025).toBeCloseTo(f.annual_twh, 9);
    expect(o.annual_twh_2024).toBeCloseTo(f.annual_twh_2024, 9);
    expect(o.reactors_2024).toBeCloseTo(f.reactors_2024, 9);
    expect(o.plants_2024).toBeCloseTo(f.plants_2024, 9);
    expect3sf(o.annual_twh_2025, twh2025);
    expect3sf(o.annual_twh_2024, 16.38);
    expect3sf(o.ai_power_growth_2024_2025, 6.31625 / 3.0705625);
  });

  it('2023: Schneider\'s 4.3 GW × Deloitte\'s 1/3 × 8,760 h = 12.6 TWh = 1.59 reactors', () => {
    const o = run(model, point);
    expect3sf(o.annual_twh_2023, 12.56);
    expect3sf(o.reactors_2023, 1.59);
  });

  it('a fleet growing at IEA\'s Base rate with a constant share is ×3.25 from 2025 to 2030', () => {
    const o = run(model, { ...point, fleet_power_growth: 3.25 ** (1 / 5), inference_share_logit_slope: 0 });
    expect3sf(o.annual_twh_2030 / o.annual_twh_2025, 3.25);
    expect3sf(o.inference_share_2030, 0.5);
  });

  it('supply-limited years follow the fleet × the share\'s path: 2030 = 2025 × 1.3^5 × share(2030) ÷ 0.5', () => {
    const o = run(model, point);
    // share(2030) = logistic(5 × 0.3466) = 1 / (1 + 2^(−2.5)) = 0.8498.
    const share2030 = 1 / (1 + 2 ** -2.5);
    expect3sf(o.inference_share_2030, 0.8498);
    expect3sf(o.annual_twh_2030, twh2025 * 1.3 ** 5 * (share2030 / 0.5));
    expect3sf(o.reactors_2030, o.annual_twh_2030 / 7.884);
    expect(o.demand_to_capacity_2030).toBeGreaterThan(1);
  });

  it('demand-limited years: demand + idle share of the unused fleet', () => {
    // Demand factor 1.2 × 0.5 = 0.6 a year; capacity 2026 = 2025 × 1.3 × share(2026) / 0.5, share(2026) = 1 / (1 + 2^(−0.5)) = 0.5858.
    // 2026 = 0.6 E + 0.25 × (1.3 × 1.1716 E − 0.6 E) = (0.6 + 0.25 × 0.92309) E = 0.83077 E.
    const o = run(model, { ...point, token_demand_growth: 1.2, energy_per_token_factor: 0.5 });
    expect3sf(o.annual_twh_2026, 0.83077 * twh2025);
    expect(o.demand_to_capacity_2030).toBeLessThan(1);
  });
});

describe('projection agrees with inference-fleet', () => {
  it('same seed and samples: the 2025 medians are within 10% of each other', async () => {
    const options = { samples: 100_000, seed: 1 };
    const p = await simulate(model, options);
    const f = await simulate(fleetModel, options);
    const projection2025 = p.summary.outputs.annual_twh_2025!.percentiles.p50!;
    const fleet2025 = f.summary.outputs.annual_twh!.percentiles.p50!;
    expect(Math.abs(projection2025 / fleet2025 - 1)).toBeLessThan(0.1);
    const projection2024 = p.summary.outputs.annual_twh_2024!.percentiles.p50!;
    const fleet2024 = f.summary.outputs.annual_twh_2024!.percentiles.p50!;
    expect(Math.abs(projection2024 / fleet2024 - 1)).toBeLessThan(0.1);
  }, 60_000);
});
