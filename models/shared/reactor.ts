/**
 * Reactor sub-model, shared by every built-in model: what "one nuclear reactor" and
 * "one nuclear plant" deliver in a year.
 *
 *   reactor_annual_twh = reactor_net_capacity_gw × capacity_factor × hours_per_year / 1000
 *   plant_annual_twh   = reactor_annual_twh × reactors_per_plant
 *
 * Spread `reactorParameters` into a model's parameters and call the pure functions below
 * from its `compute`. The ambiguity of the comparison ("a reactor" of which fleet? "a plant"
 * of how many units?) is carried as uncertainty rather than settled by fiat.
 */
import type { ParameterInput } from '../../src/model/types.ts';

export const reactorParameters = {
  reactor_net_capacity_gw: {
    dist: 'discrete',
    values: [0.905, 1.117, 1.65],
    weights: [0.5, 0.3, 0.2],
    unit: 'GW',
    source:
      'World fleet average 0.905 GWe = 398 GWe / 440 reactors at end 2024 (P: WNA World Nuclear Performance Report 2025; ' +
      'IAEA PRIS gives 376 GW / 416 operating = 0.904, S). New large units: AP1000 1.117 GWe, EPR ~1.65 GWe net (S: vendor data). ' +
      'Weights 0.5 / 0.3 / 0.2 are a judgement: half on the fleet average (what "a reactor" usually means), ' +
      'half on new large units, because the claim spoke of two *new* plants (S: VentureBeat, Nov 2023).',
    description: 'Net electrical capacity of one reactor.',
  },
  capacity_factor: {
    dist: 'uniform',
    min: 0.815,
    max: 0.93,
    unit: '1',
    source:
      'World fleet 81.5–83% in 2023–24 (P: WNA World Nuclear Performance Report 2025); US fleet 92–93% in 2018–2024 ' +
      '(P: US EIA Electric Power Monthly). Uniform over that span is a judgement: whether a hypothetical reactor ' +
      'would perform like the world fleet or the US fleet is not knowable.',
    description: 'Annual energy produced ÷ (net capacity × hours in the year).',
  },
  hours_per_year: {
    dist: 'constant',
    value: 8760,
    unit: 'h/yr',
    source: 'calendar: 365 d × 24 h (a leap year has 8,784 h, +0.3%, ignored)',
    description: 'Hours in one year; also the running time of an accelerator fleet that runs all year.',
  },
  reactors_per_plant: {
    dist: 'discrete',
    values: [1, 2, 3, 4, 6, 8],
    weights: [0.3, 0.45, 0.08, 0.1, 0.05, 0.02],
    unit: 'reactors/plant',
    source:
      'US, Aug 2023: 54 plants with 93 reactors, 19 with one unit, 31 with two, 4 with three (P: US EIA Nuclear explained / FAQ). ' +
      'Elsewhere multi-unit sites are common: Vogtle 4 units, Kashiwazaki-Kariwa 7 (S: EIA and press); 6–8 unit sites exist in ' +
      'Canada, France, Korea, Ukraine. Weights (mean 2.3 reactors per plant) are a judgement from the US split plus that tail.',
    description: 'Reactors in one nuclear power plant ("plant" and "reactor" are used loosely in the claim and its coverage).',
  },
} satisfies Record<string, ParameterInput>;

/** Annual output of one reactor, TWh/yr: GW × capacity factor × hours / 1000 (1 GW all year = 8.76 TWh). */
export function reactorAnnualTwh(capacityGw: number, capacityFactor: number, hoursPerYear: number): number {
  return (capacityGw * capacityFactor * hoursPerYear) / 1000;
}

/** Annual output of one plant of `reactorsPerPlant` identical reactors, TWh/yr. */
export function plantAnnualTwh(reactorTwh: number, reactorsPerPlant: number): number {
  return reactorTwh * reactorsPerPlant;
}
