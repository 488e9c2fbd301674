/**
 * inference-fleet at stated point values. Sources of the expected figures:
 * - Epoch AI 2025 ("How much energy does ChatGPT use?"): an H100's share of a DGX H100 server, 1,275 W,
 *   × 0.7 average draw × PUE 1.2 = 1,071 W per GPU.
 * - The claim's arithmetic (Sergey Edunov, Meta, Digital Workers Forum, Nov 2023, as reported by
 *   VentureBeat): 1 M GPUs at 1 kW all year = 8.76 TWh.
 * - A mixed 2025 fleet worked by hand (below).
 * - Deloitte TMT Predictions 2026: inference ~1/3 of AI compute in 2023, ~1/2 in 2025, ~2/3 in 2026. On the
 *   log-odds path through 1/2 in 2025, 1/3 two years earlier is a slope of ln(2)/2 = 0.3466/yr, which puts 2024 at
 *   1/(1 + √2) = 0.4142; 2/3 one year later is a slope of ln 2.
 * - The service lag worked by hand: a stock growing from 2 M to 4 M (year averages) ships ~2 M in the year; 3 months'
 *   lag leaves 4 − 0.25 × 2 = 3.5 M powered.
 */
import { describe, expect, it } from 'vitest';
import model from '../../models/inference-fleet.ts';
import { inServiceFraction, inferenceShareAt } from '../../models/shared/fleet.ts';
import { expect3sf, reactorPoint, run } from './helpers.ts';

/** No service lag and a 2024 fleet equal to 2025's: the 2025 arithmetic as it was before the lag. */
const noLag = {
  h100_class_units_2024_ratio: 1,
  a100_class_units_2024_ratio: 1,
  b200_class_units_2024: 0,
  other_units_2024_ratio: 1,
  service_lag_months: 0,
  inference_share_logit_slope: 0,
};

const noOtherAccelerators = {
  a100_class_units: 0,
  b200_class_units: 0,
  other_units: 0,
  a100_class_rated_w: 400,
  b200_class_rated_w: 1000,
  other_rated_w: 350,
  ...noLag,
};

describe('inference-fleet at point values', () => {
  it('Epoch AI\'s H100: 1,275 W × 0.7 × 1.2 = 1,071 W per GPU → 1 M GPUs = 1.07 GW = 9.38 TWh/yr', () => {
    const o = run(model, {
      h100_class_units: 1e6,
      h100_class_rated_w: 700,
      ...noOtherAccelerators,
      avg_power_fraction: 0.7,
      server_overhead_factor: 1275 / 700,
      pue: 1.2,
      inference_share: 1,
      ...reactorPoint,
    });
    expect3sf(o.inference_power_gw, 1.071);
    expect3sf(o.annual_twh, 9.382);
    expect3sf(o.reactors, 1.19);
  });

  it('the claim through the fleet model: 1 M × 700 W × (1 kW / 700 W) all year = 8.76 TWh/yr', () => {
    const o = run(model, {
      h100_class_units: 1e6,
      h100_class_rated_w: 700,
      ...noOtherAccelerators,
      avg_power_fraction: 1,
      server_overhead_factor: 1000 / 700,
      pue: 1,
      inference_share: 1,
      ...reactorPoint,
    });
    expect3sf(o.annual_twh, 8.76);
    expect3sf(o.reactors, 1.11);
  });

  it('a mixed 2025 fleet: 7.3 GW rated → 5.37 GW for inference → 47.0 TWh/yr = 5.96 reactors', () => {
    // Rated: 4 M × 700 W + 1.5 M × 400 W + 1.5 M × 1,200 W + 6 M × 350 W = 2.8 + 0.6 + 1.8 + 2.1 = 7.3 GW.
    // All-in: × 0.7 × 1.75 × 1.2 = × 1.47 → 10.731 GW; × 0.5 inference = 5.3655 GW; × 8.76 = 47.0 TWh.
    const o = run(model, {
      h100_class_units: 4e6,
      a100_class_units: 1.5e6,
      b200_class_units: 1.5e6,
      other_units: 6e6,
      h100_class_rated_w: 700,
      a100_class_rated_w: 400,
      b200_class_rated_w: 1200,
      other_rated_w: 350,
      avg_power_fraction: 0.7,
      server_overhead_factor: 1.75,
      pue: 1.2,
      inference_share: 0.5,
      ...noLag,
      b200_class_units_2024: 1.5e6,
      ...reactorPoint,
    });
    expect(o.accelerators_total).toBe(13e6);
    expect(o.in_service_fraction).toBe(1);
    expect3sf(o.rated_power_gw, 7.3);
    expect3sf(o.all_ai_power_gw, 10.73);
    expect3sf(o.inference_power_gw, 5.37);
    expect3sf(o.annual_twh, 47.0);
    expect3sf(o.reactors, 5.96);
  });

  it('Deloitte\'s path: 1/3 (2023) → 1/2 (2025) is a log-odds slope of 0.3466/yr, 2024 at 0.4142; 2/3 in 2026 needs ln 2', () => {
    const slope = Math.log(2) / 2;
    expect3sf(slope, 0.3466);
    expect3sf(inferenceShareAt(0.5, slope, 2023), 1 / 3);
    expect3sf(inferenceShareAt(0.5, slope, 2024), 0.4142);
    expect3sf(inferenceShareAt(0.5, Math.log(2), 2026), 2 / 3);
    expect(inferenceShareAt(0.5, slope, 2025)).toBe(0.5);
  });

  it('service lag: 2 M → 4 M with 3 months\' lag leaves 3.5 M powered (0.875); a class ramping from zero 0.75; a shrinking one 1', () => {
    expect3sf(inServiceFraction(2e6, 4e6, 3), 0.875);
    expect3sf(inServiceFraction(0, 1e6, 3), 0.75);
    expect(inServiceFraction(1.1e6, 1e6, 3)).toBe(1);
    expect(inServiceFraction(2e6, 4e6, 0)).toBe(1);
  });

  it('a mixed fleet in 2025 and 2024 with 3 months\' lag and Deloitte\'s share path', () => {
    // 2025 shipped: 4 M × 700 + 1.5 M × 400 + 1.5 M × 1,200 + 6 M × 350 = 7.3 GW.
    // 2024 shipped: 2 M Hopper (ratio 0.5), 1.5 M Ampere (ratio 1), 0 Blackwell, 3.9 M others (ratio 0.65).
    // In-service fractions (lag 0.25 yr): Hopper 1 − 0.25 × 0.5 = 0.875; Ampere 1; Blackwell 0.75; others 1 − 0.25 × 0.35 = 0.9125.
    // 2025 rated in service: 3.5 M × 700 + 1.5 M × 400 + 1.125 M × 1,200 + 5.475 M × 350 = 2.45 + 0.6 + 1.35 + 1.91625 = 6.31625 GW.
    // × 0.7 × 1.75 × 1.2 (= 1.47) × 0.5 × 8.76 = 40.67 TWh.
    // 2024 rated in service: 1.75 M × 700 + 1.5 M × 400 + 0 + 3.55875 M × 350 = 1.225 + 0.6 + 1.2455625 = 3.0705625 GW.
    // × 1.47 × 0.41421 × 8.76 = 16.378 TWh = 2.077 reactors of 1 GW at 90%.
    const o = run(model, {
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
      inference_share_logit_slope: Math.log(2) / 2,
      avg_power_fraction: 0.7,
      server_overhead_factor: 1.75,
      pue: 1.2,
      inference_share: 0.5,
      ...reactorPoint,
    });
    expect3sf(o.rated_power_gw, 6.31625);
    expect3sf(o.in_service_fraction, 6.31625 / 7.3);
    expect3sf(o.accelerators_total, 3.5e6 + 1.5e6 + 1.125e6 + 5.475e6);
    expect3sf(o.annual_twh, 6.31625 * 1.47 * 0.5 * 8.76);
    expect3sf(o.inference_share_2024, 0.4142);
    expect3sf(o.annual_twh_2024, 16.38);
    expect3sf(o.reactors_2024, 16.378 / 7.884);
    expect3sf(o.plants_2024, 16.378 / 7.884);
  });
});

describe('inference-fleet declared claims', () => {
  it('per-definition thresholds are two reactors\' annual output: 13.05 (fleet average), 15.77 (1 GW at 90%), 26.02 TWh (EPR)', () => {
    const threshold = (name: string) => (model.claims![name] as { value: number }).value;
    expect3sf(threshold('two_reactors_suffice_2024_fleet_avg'), 2 * 0.905 * 0.823 * 8.76);
    expect3sf(threshold('two_reactors_suffice_2024_1gw_90'), 15.77);
    expect3sf(threshold('two_reactors_suffice_2024_epr'), 26.02);
    expect(threshold('two_reactors_suffice_1gw_90')).toBe(threshold('two_reactors_suffice_2024_1gw_90'));
  });
});
