/**
 * The shared reactor sub-model reproduces a reactor's annual output by hand: one 1 GWe reactor gives
 * 7.27 / 7.88 / 8.06 TWh/yr at 83 / 90 / 92% capacity factor (the world fleet ran at 81.5–83% in
 * 2023–24, WNA World Nuclear Performance Report 2025; the US fleet at 92–93% in 2018–2024, US EIA
 * Electric Power Monthly); 1 GW all year = 8.76 TWh.
 */
import { describe, expect, it } from 'vitest';
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

describe('reactor definitions (one probability per definition)', () => {
  it('fleet average 0.905 GW at 82.3% = 6.52 TWh/yr; 1 GW at 90% = 7.88; EPR 1.65 GW at 90% = 13.0', async () => {
    const { definitionAnnualTwh, reactorReferences } = await import('../../models/shared/reactor.ts');
    expect3sf(definitionAnnualTwh('fleet_avg'), 6.52);
    expect3sf(definitionAnnualTwh('1gw_90'), 7.884);
    expect3sf(definitionAnnualTwh('epr'), 13.0);
    const refs = reactorReferences(2);
    expect(refs.map((r) => r.label)).toEqual([
      '2 reactors, fleet average (0.905 GW, 82%)',
      '2 reactors, 1 GW at 90%',
      '2 reactors, EPR (1.65 GW, 90%)',
    ]);
    expect3sf(refs[1]!.value, 15.77);
  });
});
