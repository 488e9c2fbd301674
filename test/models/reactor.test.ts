/**
 * The shared reactor sub-model reproduces a reactor's annual output by hand: one 1 GWe reactor gives
 * 7.27 / 7.88 / 8.06 TWh/yr at 83 / 90 / 92% capacity factor (the world fleet ran at 81.5–83% in
 * 2023–24, WNA World Nuclear Performance Report 2025; the US fleet at 92–93% in 2018–2024, US EIA
 * Electric Power Monthly); 1 GW all year = 8.76 TWh.
 */
import { describe, it } from 'vitest';
import { plantAnnualTwh, reactorAnnualTwh } from '../../models/shared/reactor.ts';
import { expect3sf } from './helpers.ts';

describe('reactor sub-model', () => {
  it('1 GW all year = 8.76 TWh', () => {
    expect3sf(reactorAnnualTwh(1, 1, 8760), 8.76);
  });

  it('1 GWe at 83 / 90 / 92% capacity factor = 7.27 / 7.88 / 8.06 TWh/yr', () => {
    expect3sf(reactorAnnualTwh(1, 0.83, 8760), 7.27);
    expect3sf(reactorAnnualTwh(1, 0.9, 8760), 7.88);
    expect3sf(reactorAnnualTwh(1, 0.92, 8760), 8.06);
  });

  it('a four-unit plant of 1.117 GWe AP1000s at 92% (Vogtle-like) gives 36.0 TWh/yr', () => {
    // 1.117 × 0.92 × 8,760 / 1000 = 9.002 TWh per unit.
    expect3sf(plantAnnualTwh(reactorAnnualTwh(1.117, 0.92, 8760), 4), 36.0);
  });
});
