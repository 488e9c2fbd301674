/**
 * projection at stated point values.
 * - IEA Energy and AI (2025): data centres ~415 TWh (2024) → ~945 TWh (2030), (945 / 415)^(1/6) − 1 = 14.7% per year.
 * - Schneider Electric WP 110 (2023): AI 4.3 GW (2023) growing 26–36% a year → 13.5–20 GW (2028).
 * - Both growth regimes of the model (supply-limited, demand-limited) worked by hand.
 */
import { describe, expect, it } from 'vitest';
import model from '../../models/projection.ts';
import { expect3sf, expectSf, reactorPoint, run } from './helpers.ts';

const ieaRate = (945 / 415) ** (1 / 6) - 1;

/** 4.3 GW of AI in 2023 (Schneider), one third inference (Deloitte); demand outgrowing the fleet. */
const point = {
  ai_power_gw_2023: 4.3,
  inference_share_2023: 1 / 3,
  fleet_power_growth: 1.3,
  token_demand_growth: 3,
  energy_per_token_factor: 0.65,
  idle_power_fraction: 0.25,
  ...reactorPoint,
};

describe('projection at point values', () => {
  it('IEA growth: (945 / 415)^(1/6) − 1 = 14.7% per year', () => {
    expect3sf(ieaRate, 0.147);
  });

  it('a fleet growing 14.7%/yr from 415 TWh in 2024 reaches 945 TWh in 2030', () => {
    const o = run(model, {
      ...point,
      ai_power_gw_2023: 415 / (1 + ieaRate) / 8.76,
      inference_share_2023: 1,
      fleet_power_growth: 1 + ieaRate,
    });
    expect3sf(o.annual_twh_2024, 415);
    expect3sf(o.annual_twh_2030, 945);
    expect3sf(o.annual_twh_2030 / o.annual_twh_2024, 945 / 415);
  });

  it('Schneider: 4.3 GW growing 26% and 36% a year gives 13.7 and 20.0 GW in 2028 (published: 13.5–20 GW, from rounded rates)', () => {
    const at = (growth: number) =>
      run(model, { ...point, inference_share_2023: 1, fleet_power_growth: growth }).annual_twh_2028 / 8.76;
    expect3sf(at(1.26), 13.66);
    expect3sf(at(1.36), 20.0);
    expectSf(at(1.36), 20, 2);
  });

  it('2023: 4.3 GW × 1/3 × 8,760 h = 12.6 TWh = 1.59 reactors', () => {
    const o = run(model, point);
    expect3sf(o.annual_twh_2023, 12.56);
    expect3sf(o.reactors_2023, 1.59);
  });

  it('supply-limited years follow the fleet: 12.56 × 1.3^7 = 78.8 TWh in 2030', () => {
    const o = run(model, point); // demand factor 3 × 0.65 = 1.95 > 1.3
    expect3sf(o.annual_twh_2024, 12.556 * 1.3);
    expect3sf(o.annual_twh_2030, 78.8);
    expect3sf(o.reactors_2030, 78.8 / 7.884);
    expect3sf(o.demand_to_capacity_2030, (1.95 / 1.3) ** 7);
  });

  it('demand-limited years: demand + idle share of the unused fleet', () => {
    // Demand factor 1.2 × 0.5 = 0.6 < 1.3. 2024: 12.556 × (0.6 + 0.25 × (1.3 − 0.6)) = 12.556 × 0.775 = 9.73 TWh.
    const o = run(model, { ...point, token_demand_growth: 1.2, energy_per_token_factor: 0.5 });
    expect3sf(o.annual_twh_2024, 9.731);
    expect3sf(o.demand_to_capacity_2030, (0.6 / 1.3) ** 7);
    expect(o.demand_to_capacity_2030).toBeLessThan(1);
  });
});
