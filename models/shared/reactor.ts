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

/**
 * Fixed reference reactors, one per reading of "a reactor": a claim about "two reactors" gets one probability
 * per definition instead of one probability over a mixture of definitions (whose choice alone carried a total
 * Sobol index of 0.48 in edunov-2023). Each is a point value, so its probability is about the fleet only.
 */
export const REACTOR_DEFINITIONS = {
  /** World fleet average: 0.905 GWe (398 GWe / 440 reactors, end 2024) at 82.3% (world 2023–24: 81.5–83%), P: WNA 2025. */
  fleet_avg: { label: 'fleet average (0.905 GW, 82%)', gw: 0.905, capacityFactor: 0.823 },
  /** The round reference of the claim's own arithmetic: 1 GWe at 90% (the US fleet runs at 92–93%, P: US EIA). */
  '1gw_90': { label: '1 GW at 90%', gw: 1, capacityFactor: 0.9 },
  /** A new large unit: EPR ~1.65 GWe net (S: vendor data) at the same 90%. */
  epr: { label: 'EPR (1.65 GW, 90%)', gw: 1.65, capacityFactor: 0.9 },
} as const;

export type ReactorDefinition = keyof typeof REACTOR_DEFINITIONS;

/** Annual output of one reference reactor, TWh/yr (8,760 h). */
export function definitionAnnualTwh(definition: ReactorDefinition): number {
  const d = REACTOR_DEFINITIONS[definition];
  return reactorAnnualTwh(d.gw, d.capacityFactor, 8760);
}

/** Reference lines for an annual-TWh output: `n` reactors' annual output under each definition, labelled with it. */
export function reactorReferences(n: number): { label: string; value: number }[] {
  return (Object.keys(REACTOR_DEFINITIONS) as ReactorDefinition[]).map((key) => ({
    label: `${n} reactors, ${REACTOR_DEFINITIONS[key].label}`,
    value: Math.round(n * definitionAnnualTwh(key) * 1000) / 1000,
  }));
}
