/**
 * projection — AI inference electricity year by year, 2023 to 2030.
 *
 * Question: starting from 2023's inference electricity, with the inference fleet growing, token demand
 * growing and energy per token falling, how much electricity does inference use each year to 2030, and
 * how many reactors is that? (Outputs per year for a fan chart.)
 *
 * Structure, for year y and n = y − 2023:
 *   E_2023      = ai_power_gw_2023 × inference_share_2023 × hours_per_year / 1000
 *   demand(y)   = E_2023 × (token_demand_growth × energy_per_token_factor)^n     what serving the tokens would take
 *   capacity(y) = E_2023 × fleet_power_growth^n                                  what the inference fleet draws when busy
 *   E(y)        = capacity(y)                                          if demand ≥ capacity (demand is supply-limited)
 *               = demand(y) + idle_power_fraction × (capacity(y) − demand(y))   otherwise (an underused fleet still draws)
 *   reactors_y  = E(y) ÷ one reactor's annual output (shared reactor sub-model)
 * 2023 is taken as a year in which the fleet was fully used (GPUs were scarce), so demand = capacity = E_2023.
 * Growth rates are held constant over the seven years: a simplification, stated here.
 */
import { defineModel, type ParameterInput } from '../src/model/types.ts';
import { plantAnnualTwh, reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';

/**
 * Inference electricity in a year, TWh/yr, from that year's demand-driven and capacity-limited values
 * (see the header for the rule).
 */
function yearTwh(demand: number, capacity: number, idle: number): number {
  return demand >= capacity ? capacity : demand + idle * (capacity - demand);
}

const parameters = {
  ai_power_gw_2023: {
    dist: 'lognormal',
    p5: 3.5,
    p95: 9,
    unit: 'GW',
    source:
      'AI ~4.3 GW of data-centre power demand in 2023 (S: Schneider Electric White Paper 110, "The AI Disruption", 2023); ' +
      'US AI servers alone >40 TWh in 2023, ≈4.6 GW before facility overhead (P: LBNL 2024 US Data Center Energy Usage Report). ' +
      '3.5–9 GW (90%, lognormal) all-in, world, training + inference, is a judgement spanning the two.',
    description: 'Average all-in power of all AI accelerators worldwide in 2023 (training and inference).',
  },
  inference_share_2023: {
    dist: 'pert',
    min: 0.25,
    mode: 0.4,
    max: 0.7,
    unit: '1',
    source:
      'Inference ~1/3 of AI compute in 2023 (S: Deloitte TMT Predictions 2026, as reported); Google ~60% in 2019–21 ' +
      '(P: Patterson et al. 2022). PERT 0.25–0.7, mode 0.4, is a judgement.',
    description: 'Share of 2023 AI accelerator energy that served inference.',
  },
  fleet_power_growth: {
    dist: 'pert',
    min: 1.1,
    mode: 1.3,
    max: 1.7,
    unit: '×/yr',
    source:
      'AI data-centre power 4.3 GW (2023) → 13.5–20 GW (2028), i.e. ×1.26–1.36/yr (S: Schneider Electric WP 110, 2023); ' +
      'accelerated-server electricity ~+30%/yr to 2030 (P via S: IEA Energy and AI, 2025, as reported); installed Nvidia compute ' +
      '×2.3/yr since 2019 (P: Epoch AI, Feb 2025) with hardware FLOP per watt improving ×1.3–1.5/yr (P: Epoch AI Machine ' +
      'Learning Hardware data, 2024), i.e. power ×1.5–1.8/yr in 2019–24, and inference\'s share of it rising. Power and grid ' +
      'limits make the historical rate unlikely to last seven years: PERT 1.1–1.7, mode 1.3 (the IEA and Schneider rates), ' +
      'held constant to 2030, is a judgement.',
    description: 'Yearly growth factor of the inference fleet\'s power draw.',
  },
  token_demand_growth: {
    dist: 'lognormal',
    p5: 1.5,
    p95: 6,
    unit: '×/yr',
    source:
      'Google tokens/month 9.7 T (Apr 2024) → 480 T (May 2025), ×50 in 13 months (S: Google announcements); ByteDance Doubao ' +
      '×253 from May 2024 to Sep 2025 (S: SCMP, Oct 2025). Such early-adoption rates cannot hold for seven years; a sustained ' +
      '×1.5–6 per year (90%, lognormal) is a judgement.',
    description: 'Yearly growth factor of tokens served (including longer reasoning outputs).',
  },
  energy_per_token_factor: {
    dist: 'pert',
    min: 0.3,
    mode: 0.65,
    max: 0.95,
    unit: '×/yr',
    source:
      'Leading ML hardware +50%/yr in FLOP per watt (P: Epoch AI Machine Learning Hardware data, 2024) → ×0.67/yr; serving ' +
      'software alone cut energy per token on fixed H100s by up to 15% (Llama 3.1 70B) to 41% (8B) between Sep 2024 and Dec 2025 ' +
      '(P: ML.ENERGY, "LLM inference energy: a longitudinal analysis"); ' +
      'Google reports a 33× drop in energy per median Gemini prompt in 12 months, model changes included (P: Elsworth et al. 2025). ' +
      'Larger models and longer contexts push the other way. PERT 0.3–0.95, mode 0.65, is a judgement.',
    description: 'Yearly factor on energy per token (0.65 = 35% less each year).',
  },
  idle_power_fraction: {
    dist: 'pert',
    min: 0.1,
    mode: 0.25,
    max: 0.5,
    unit: '1',
    source:
      'Idle A100 draws ~45–55 W of its 400 W rating (anecdotal public telemetry, U); host servers, networking and cooling idle ' +
      'at a larger share of their busy power. PERT 0.1–0.5, mode 0.25, is a judgement.',
    description: 'Power of an idle part of the inference fleet as a fraction of its busy power.',
  },
  ...reactorParameters,
} satisfies Record<string, ParameterInput>;

/** Rank correlations between inputs (Iman–Conover in the engine). */
const correlations: Array<[keyof typeof parameters, keyof typeof parameters, number]> = [
  // Judgement: investment in the fleet follows demand, so fast demand growth and fast fleet growth tend to go together.
  ['fleet_power_growth', 'token_demand_growth', 0.5],
];

export default defineModel({
  name: 'projection',
  title: 'AI inference electricity, 2023–2030',
  description:
    'Year-by-year projection from a 2023 starting point. Electricity follows token demand × energy per token, but cannot exceed ' +
    'what the growing inference fleet draws when busy; when demand falls short of the fleet, idle accelerators still draw a ' +
    'fraction of their busy power. Outputs annual_twh_2023 … annual_twh_2030 and reactors_2023 … reactors_2030 for a fan chart. ' +
    'The claim was about 2024 ("next year"), hence two_reactors_suffice_2024. Compare 2025 with inference-fleet and token-demand.',
  parameters,
  correlations,
  outputs: {
    annual_twh_2023: { unit: 'TWh/yr', description: 'AI inference electricity in 2023.' },
    annual_twh_2024: { unit: 'TWh/yr', description: 'AI inference electricity in 2024.' },
    annual_twh_2025: { unit: 'TWh/yr', description: 'AI inference electricity in 2025.' },
    annual_twh_2026: { unit: 'TWh/yr', description: 'AI inference electricity in 2026.' },
    annual_twh_2027: { unit: 'TWh/yr', description: 'AI inference electricity in 2027.' },
    annual_twh_2028: { unit: 'TWh/yr', description: 'AI inference electricity in 2028.' },
    annual_twh_2029: { unit: 'TWh/yr', description: 'AI inference electricity in 2029.' },
    annual_twh_2030: { unit: 'TWh/yr', description: 'AI inference electricity in 2030.' },
    reactors_2023: { unit: 'reactors', description: 'annual_twh_2023 ÷ one reactor\'s annual output.' },
    reactors_2024: { unit: 'reactors', description: 'annual_twh_2024 ÷ one reactor\'s annual output.' },
    reactors_2025: { unit: 'reactors', description: 'annual_twh_2025 ÷ one reactor\'s annual output.' },
    reactors_2026: { unit: 'reactors', description: 'annual_twh_2026 ÷ one reactor\'s annual output.' },
    reactors_2027: { unit: 'reactors', description: 'annual_twh_2027 ÷ one reactor\'s annual output.' },
    reactors_2028: { unit: 'reactors', description: 'annual_twh_2028 ÷ one reactor\'s annual output.' },
    reactors_2029: { unit: 'reactors', description: 'annual_twh_2029 ÷ one reactor\'s annual output.' },
    reactors_2030: { unit: 'reactors', description: 'annual_twh_2030 ÷ one reactor\'s annual output.' },
    plants_2024: { unit: 'plants', description: 'annual_twh_2024 ÷ one plant\'s annual output (the claim\'s year).' },
    demand_to_capacity_2030: {
      unit: '1',
      description: 'What 2030 token demand would take ÷ what the 2030 inference fleet can draw: above 1, demand is supply-limited.',
    },
  },
  compute: (p) => {
    const e0 = (p.ai_power_gw_2023 * p.inference_share_2023 * p.hours_per_year) / 1000;
    const d = p.token_demand_growth * p.energy_per_token_factor;
    const c = p.fleet_power_growth;
    const idle = p.idle_power_fraction;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    // demand(y) and capacity(y) advance one year at a time (no Math.pow in the hot loop).
    let dem = e0 * d;
    let cap = e0 * c;
    const t2024 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2025 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2026 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2027 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2028 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2029 = yearTwh(dem, cap, idle);
    dem *= d;
    cap *= c;
    const t2030 = yearTwh(dem, cap, idle);
    return {
      annual_twh_2023: e0,
      annual_twh_2024: t2024,
      annual_twh_2025: t2025,
      annual_twh_2026: t2026,
      annual_twh_2027: t2027,
      annual_twh_2028: t2028,
      annual_twh_2029: t2029,
      annual_twh_2030: t2030,
      reactors_2023: e0 / reactorTwh,
      reactors_2024: t2024 / reactorTwh,
      reactors_2025: t2025 / reactorTwh,
      reactors_2026: t2026 / reactorTwh,
      reactors_2027: t2027 / reactorTwh,
      reactors_2028: t2028 / reactorTwh,
      reactors_2029: t2029 / reactorTwh,
      reactors_2030: t2030 / reactorTwh,
      plants_2024: t2024 / plantAnnualTwh(reactorTwh, p.reactors_per_plant),
      demand_to_capacity_2030: dem / cap,
    };
  },
  claims: {
    two_reactors_suffice_2024: {
      description: 'AI inference in 2024 (the claim\'s year) needs no more than two reactors\' annual output.',
      test: (o) => o.reactors_2024 <= 2,
    },
    two_plants_suffice_2024: {
      description: 'AI inference in 2024 needs no more than two plants\' annual output.',
      test: (o) => o.plants_2024 <= 2,
    },
    two_reactors_suffice_2030: {
      description: 'AI inference in 2030 needs no more than two reactors\' annual output.',
      test: (o) => o.reactors_2030 <= 2,
    },
  },
});
