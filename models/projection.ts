/**
 * projection — AI inference electricity year by year, 2023 to 2030.
 *
 * Question: anchored on the installed fleet of 2024 and 2025 (the same sub-models as `inference-fleet`), with the
 * fleet's power growing, inference taking a growing share of it, token demand growing and energy per token falling,
 * how much electricity does inference use each year to 2030, and how many reactors is that? (Series for a fan chart.)
 *
 * Structure, for year y (fleet and share arithmetic in shared/fleet.ts):
 *   share(y)     = logistic(logit(inference_share) + inference_share_logit_slope × (y − 2025))   (Deloitte's path)
 *   F(y)         = all-AI fleet all-in power: the in-service fleet for 2024 and 2025 (as inference-fleet),
 *                  F(2025) × fleet_power_growth^(y − 2025) from 2026
 *   E(2023)      = ai_power_gw_2023 × share(2023) × hours / 1000                   (an independent 2023 estimate)
 *   E(2024), E(2025) = F(y) × share(y) × hours / 1000                               (= inference-fleet's)
 *   capacity(y)  = F(y) × share(y) × hours / 1000                                  what the inference fleet draws when busy
 *   demand(y)    = E(2025) × (token_demand_growth × energy_per_token_factor)^(y − 2025)   what serving the tokens would take
 *   E(y ≥ 2026)  = capacity(y)                                             if demand ≥ capacity (supply-limited)
 *               = demand(y) + idle_power_fraction × (capacity(y) − demand(y))   otherwise (an underused fleet still draws)
 * 2025 is taken as a year in which the fleet was used as inference-fleet says (demand = capacity). Growth rates are
 * held constant over 2026–2030: a simplification, stated here.
 */
import { defineModel, type ParameterInput } from '../src/model/types.ts';
import { datacentreParameters } from './shared/datacentre.ts';
import { fleetParameters, fleetRatedW, inferenceShareAt, inferenceSharePathParameters } from './shared/fleet.ts';
import { plantAnnualTwh, reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';
import { W_PER_GW } from './shared/units.ts';

/**
 * Inference electricity in a year, TWh/yr, from that year's demand-driven and capacity-limited values
 * (see the header for the rule).
 */
function yearTwh(demand: number, capacity: number, idle: number): number {
  return demand >= capacity ? capacity : demand + idle * (capacity - demand);
}

const parameters = {
  ...fleetParameters,
  ...inferenceSharePathParameters,
  ...datacentreParameters,
  ai_power_gw_2023: {
    dist: 'lognormal',
    p5: 2,
    p95: 6,
    unit: 'GW',
    source:
      'AI ~4.3 GW of data-centre power demand in 2023 (S: Schneider Electric White Paper 110, "The AI Disruption", 2023); ' +
      'US AI servers alone >40 TWh in 2023, ≈4.6 GW before facility overhead (P: LBNL 2024 US Data Center Energy Usage Report) — ' +
      'both closer to ratings than to average draw. On the fleet sub-model\'s basis (in service, average draw), 2024 is ' +
      '~4.7 GW all-in (median) and the stock grew ×1.5–2.3 in power from 2023 to 2024 (compute ×2.3–3.3/yr, P: Epoch AI 2025, ' +
      'FLOP per watt improving), i.e. ~2–3 GW in 2023. 2–6 GW (90%, lognormal; was 3.5–9) is a judgement spanning the ' +
      'back-extrapolated fleet and the published estimates. Used for 2023 only: the fleet sub-model starts in 2024.',
    description: 'Average all-in power of all AI accelerators worldwide in 2023 (training and inference).',
  },
  fleet_power_growth: {
    dist: 'pert',
    min: 1.1,
    mode: 1.27,
    max: 1.6,
    unit: '×/yr',
    source:
      'IEA Energy and AI (2025), Base Case: accelerated-server electricity +30%/yr 2024–2030 (P via S: IEA, as reported) and ' +
      '+225% from 2025 to 2030, i.e. ×1.266/yr (S: Statista chart of the IEA figures); AI-focused data centres roughly tripling ' +
      '2025–2030 (P via S). Observed: the in-service fleet\'s all-AI power grew ×1.6–2.4 from 2024 to 2025 in the fleet ' +
      'sub-model (Blackwell\'s ramp) and ×1.4–1.6 a year from 2023 (Schneider\'s 4.3 GW) to 2025. PERT 1.1–1.6, mode 1.27: ' +
      'the IEA Base rate as the mode, the upper end near the observed 2023–25 rate continuing, the lower end a ' +
      'power-constrained world (IEA Headwinds-like); a judgement, held constant over 2026–2030.',
    description: 'Yearly growth factor of the whole AI fleet\'s all-in power (training and inference) from 2026 to 2030.',
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
    description: 'Yearly growth factor of tokens served (including longer reasoning outputs), 2026–2030.',
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
    'Year-by-year projection anchored on the installed fleet of 2024 and 2025 (the same sub-models and draws as ' +
    'inference-fleet, so its 2025 agrees with inference-fleet\'s annual_twh), with the inference share on Deloitte\'s path ' +
    '(~1/3 of AI compute in 2023, 1/2 in 2025, 2/3 in 2026) and the whole AI fleet\'s power growing at a rate set between ' +
    'IEA\'s Base Case and the observed 2023–25 growth. Electricity follows token demand × energy per token, but cannot exceed ' +
    'what the inference fleet draws when busy; when demand falls short, idle accelerators still draw a fraction of their busy ' +
    'power. 2023 is an independent estimate (Schneider, LBNL). For comparison with the IEA (Energy and AI, 2025): its Base ' +
    'Case has accelerated servers growing ~30%/yr to 2030 from ~15% of 415 TWh in 2024 (the share as reported, unconfirmed), ' +
    'i.e. ~300 TWh of accelerated-server IT load in 2030, roughly 200–250 TWh of inference all-in at a two-thirds share; ' +
    'its Lift-Off and Headwinds cases bracket that. The claim was about 2024 ("next year"), hence two_reactors_suffice_2024.',
  parameters,
  correlations,
  outputs: {
    annual_twh_2023: { label: 'Annual electricity for inference, 2023', series: { name: 'annual_twh', x: 2023 }, unit: 'TWh/yr', description: 'AI inference electricity in 2023.' },
    annual_twh_2024: { label: 'Annual electricity for inference, 2024', series: { name: 'annual_twh', x: 2024 }, unit: 'TWh/yr', description: 'AI inference electricity in 2024.' },
    annual_twh_2025: { label: 'Annual electricity for inference, 2025', series: { name: 'annual_twh', x: 2025 }, unit: 'TWh/yr', description: 'AI inference electricity in 2025.' },
    annual_twh_2026: { label: 'Annual electricity for inference, 2026', series: { name: 'annual_twh', x: 2026 }, unit: 'TWh/yr', description: 'AI inference electricity in 2026.' },
    annual_twh_2027: { label: 'Annual electricity for inference, 2027', series: { name: 'annual_twh', x: 2027 }, unit: 'TWh/yr', description: 'AI inference electricity in 2027.' },
    annual_twh_2028: { label: 'Annual electricity for inference, 2028', series: { name: 'annual_twh', x: 2028 }, unit: 'TWh/yr', description: 'AI inference electricity in 2028.' },
    annual_twh_2029: { label: 'Annual electricity for inference, 2029', series: { name: 'annual_twh', x: 2029 }, unit: 'TWh/yr', description: 'AI inference electricity in 2029.' },
    annual_twh_2030: { label: 'Annual electricity for inference, 2030', series: { name: 'annual_twh', x: 2030 }, primary: true, unit: 'TWh/yr', description: 'AI inference electricity in 2030.' },
    reactors_2023: { label: 'Reactors, 2023', series: { name: 'reactors', x: 2023 }, unit: 'reactors', description: 'annual_twh_2023 ÷ one reactor\'s annual output.' },
    reactors_2024: { label: 'Reactors, 2024', series: { name: 'reactors', x: 2024 }, unit: 'reactors', description: 'annual_twh_2024 ÷ one reactor\'s annual output.' },
    reactors_2025: { label: 'Reactors, 2025', series: { name: 'reactors', x: 2025 }, unit: 'reactors', description: 'annual_twh_2025 ÷ one reactor\'s annual output.' },
    reactors_2026: { label: 'Reactors, 2026', series: { name: 'reactors', x: 2026 }, unit: 'reactors', description: 'annual_twh_2026 ÷ one reactor\'s annual output.' },
    reactors_2027: { label: 'Reactors, 2027', series: { name: 'reactors', x: 2027 }, unit: 'reactors', description: 'annual_twh_2027 ÷ one reactor\'s annual output.' },
    reactors_2028: { label: 'Reactors, 2028', series: { name: 'reactors', x: 2028 }, unit: 'reactors', description: 'annual_twh_2028 ÷ one reactor\'s annual output.' },
    reactors_2029: { label: 'Reactors, 2029', series: { name: 'reactors', x: 2029 }, unit: 'reactors', description: 'annual_twh_2029 ÷ one reactor\'s annual output.' },
    reactors_2030: { label: 'Reactors, 2030', series: { name: 'reactors', x: 2030 }, unit: 'reactors', description: 'annual_twh_2030 ÷ one reactor\'s annual output.' },
    plants_2024: { label: 'Nuclear plants, 2024', unit: 'plants', description: 'annual_twh_2024 ÷ one plant\'s annual output (the claim\'s year).' },
    inference_share_2030: { label: 'Inference share, 2030', unit: '1', description: 'Share of the AI fleet\'s energy serving inference in 2030 (on the share\'s path).' },
    ai_power_growth_2024_2025: {
      label: 'AI fleet power growth, 2024 to 2025',
      unit: '×',
      description: 'All-AI in-service fleet power, 2025 ÷ 2024, from the fleet sub-model: the observation fleet_power_growth is set against.',
    },
    demand_to_capacity_2030: {
      label: 'Token demand ÷ fleet capacity, 2030',
      unit: '1',
      description: 'What 2030 token demand would take ÷ what the 2030 inference fleet can draw: above 1, demand is supply-limited.',
    },
  },
  compute: (p) => {
    const h = p.hours_per_year / 1000;
    const allIn = p.avg_power_fraction * p.server_overhead_factor * p.pue;
    const slope = p.inference_share_logit_slope;
    const s25 = p.inference_share;
    // All-AI fleet power, GW, in service (as inference-fleet).
    const f24 = (fleetRatedW(p, 2024) * allIn) / W_PER_GW;
    const f25 = (fleetRatedW(p) * allIn) / W_PER_GW;
    const t2023 = p.ai_power_gw_2023 * inferenceShareAt(s25, slope, 2023) * h;
    const t2024 = f24 * inferenceShareAt(s25, slope, 2024) * h;
    const t2025 = f25 * s25 * h;
    const d = p.token_demand_growth * p.energy_per_token_factor;
    const g = p.fleet_power_growth;
    const idle = p.idle_power_fraction;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    // demand(y) and the fleet's power advance one year at a time; capacity(y) = fleet × share(y).
    let dem = t2025 * d;
    let fleet = f25 * g;
    let cap = fleet * inferenceShareAt(s25, slope, 2026) * h;
    const t2026 = yearTwh(dem, cap, idle);
    dem *= d;
    fleet *= g;
    cap = fleet * inferenceShareAt(s25, slope, 2027) * h;
    const t2027 = yearTwh(dem, cap, idle);
    dem *= d;
    fleet *= g;
    cap = fleet * inferenceShareAt(s25, slope, 2028) * h;
    const t2028 = yearTwh(dem, cap, idle);
    dem *= d;
    fleet *= g;
    cap = fleet * inferenceShareAt(s25, slope, 2029) * h;
    const t2029 = yearTwh(dem, cap, idle);
    dem *= d;
    fleet *= g;
    const share2030 = inferenceShareAt(s25, slope, 2030);
    cap = fleet * share2030 * h;
    const t2030 = yearTwh(dem, cap, idle);
    return {
      annual_twh_2023: t2023,
      annual_twh_2024: t2024,
      annual_twh_2025: t2025,
      annual_twh_2026: t2026,
      annual_twh_2027: t2027,
      annual_twh_2028: t2028,
      annual_twh_2029: t2029,
      annual_twh_2030: t2030,
      reactors_2023: t2023 / reactorTwh,
      reactors_2024: t2024 / reactorTwh,
      reactors_2025: t2025 / reactorTwh,
      reactors_2026: t2026 / reactorTwh,
      reactors_2027: t2027 / reactorTwh,
      reactors_2028: t2028 / reactorTwh,
      reactors_2029: t2029 / reactorTwh,
      reactors_2030: t2030 / reactorTwh,
      plants_2024: t2024 / plantAnnualTwh(reactorTwh, p.reactors_per_plant),
      inference_share_2030: share2030,
      ai_power_growth_2024_2025: f25 / f24,
      demand_to_capacity_2030: dem / cap,
    };
  },
  claims: {
    two_reactors_suffice_2024: {
      output: 'reactors_2024',
      op: '<=',
      value: 2,
      description: 'AI inference in 2024 (the claim\'s year) needs no more than two reactors\' annual output (mixture of definitions).',
    },
    two_plants_suffice_2024: {
      output: 'plants_2024',
      op: '<=',
      value: 2,
      description: 'AI inference in 2024 needs no more than two plants\' annual output.',
    },
    two_reactors_suffice_2030: {
      output: 'reactors_2030',
      op: '<=',
      value: 2,
      description: 'AI inference in 2030 needs no more than two reactors\' annual output (mixture of definitions).',
    },
  },
});
