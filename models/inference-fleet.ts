/**
 * inference-fleet — the supply side, done carefully, for 2025.
 *
 * Question: given the AI accelerators actually installed in 2025 (by type), how they are rated,
 * how hard they actually run, what the servers and buildings around them add, and how much of
 * their time goes to inference rather than training, how much electricity does AI inference use
 * in a year, and how many reactors is that?
 *
 * Structure:
 *   rated_power_gw     = Σ_type units × rated W                                   (all uses, chip level)
 *   inference_power_gw = rated × avg_power_fraction × server_overhead_factor × pue × inference_share
 *   annual_twh         = inference_power_gw × hours_per_year / 1000
 *   reactors, plants   = annual_twh ÷ one reactor's / one plant's annual output (shared reactor sub-model)
 */
import { defineModel } from '../src/model/types.ts';
import { datacentreParameters } from './shared/datacentre.ts';
import { fleetParameters, fleetRatedW, fleetUnits } from './shared/fleet.ts';
import { plantAnnualTwh, reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';
import { W_PER_GW } from './shared/units.ts';

export default defineModel({
  name: 'inference-fleet',
  title: 'AI inference electricity from the installed accelerator fleet (2025)',
  description:
    'Supply side: the 2025 year-average installed base of AI accelerators by type (Hopper, Ampere, Blackwell, others incl. TPUs), ' +
    'their ratings, average draw as a fraction of rating, server overhead, PUE and the share of energy spent on inference. ' +
    'Counts all inference on these accelerators (LLMs, but also recommenders, image and video generation), so it bounds LLM ' +
    'inference from above. The rated-power output can be compared with Epoch AI\'s >10 GW chip-level figure for the ' +
    'end-of-2025 stock (S of P).',
  parameters: {
    ...fleetParameters,
    ...datacentreParameters,
    ...reactorParameters,
  },
  outputs: {
    accelerators_total: { unit: 'accelerators', description: 'All installed AI accelerators, 2025 average (all uses).' },
    rated_power_gw: { unit: 'GW', description: 'Sum of accelerator ratings, all uses (chip level).' },
    all_ai_power_gw: { unit: 'GW', description: 'Average all-in power of the whole fleet, training and inference.' },
    inference_power_gw: { unit: 'GW', description: 'Average all-in power serving inference.' },
    annual_twh: { unit: 'TWh/yr', description: 'Electricity for AI inference in 2025.' },
    reactors: { unit: 'reactors', description: 'annual_twh ÷ one reactor\'s annual output.' },
    plants: { unit: 'plants', description: 'annual_twh ÷ one plant\'s annual output.' },
  },
  compute: (p) => {
    const ratedW = fleetRatedW(p);
    const allAiW = ratedW * p.avg_power_fraction * p.server_overhead_factor * p.pue;
    const inferenceW = allAiW * p.inference_share;
    const annualTwh = (inferenceW / W_PER_GW) * p.hours_per_year / 1000;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    return {
      accelerators_total: fleetUnits(p),
      rated_power_gw: ratedW / W_PER_GW,
      all_ai_power_gw: allAiW / W_PER_GW,
      inference_power_gw: inferenceW / W_PER_GW,
      annual_twh: annualTwh,
      reactors: annualTwh / reactorTwh,
      plants: annualTwh / plantAnnualTwh(reactorTwh, p.reactors_per_plant),
    };
  },
  claims: {
    two_reactors_suffice: {
      description: 'AI inference in 2025 needs no more than two reactors\' annual output.',
      test: (o) => o.reactors <= 2,
    },
    two_plants_suffice: {
      description: 'AI inference in 2025 needs no more than two plants\' annual output.',
      test: (o) => o.plants <= 2,
    },
  },
});
