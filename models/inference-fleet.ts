/**
 * inference-fleet — the supply side, done carefully, for 2025 and for the claim's year, 2024.
 *
 * Question: given the AI accelerators actually in powered service in 2025 (and 2024), by type, how they are rated,
 * how hard they actually run, what the servers and buildings around them add, and how much of their time goes to
 * inference rather than training, how much electricity does AI inference use in a year, and how many reactors is that?
 *
 * Structure (fleet arithmetic in shared/fleet.ts):
 *   rated_power_gw     = Σ_type in-service units × rated W                 (all uses, chip level; shipped stock less the service lag)
 *   inference_power_gw = rated × avg_power_fraction × server_overhead_factor × pue × inference share of the year
 *   annual_twh         = inference_power_gw × hours_per_year / 1000
 *   reactors, plants   = annual_twh ÷ one reactor's / one plant's annual output (shared reactor sub-model)
 * 2024 uses the same draws of ratings, average draw, servers and PUE; its counts are the 2025 counts × each class's
 * 2024/2025 ratio and its inference share is one step back on the share's path. Why outputs rather than a scenario:
 * the two years then share every draw they share in the world (a PUE that is high is high in both years), so their
 * difference is consistent, and `projection` reuses exactly these functions for its 2024 and 2025.
 */
import { defineModel } from '../src/model/types.ts';
import { datacentreParameters } from './shared/datacentre.ts';
import {
  fleetParameters,
  fleetRatedW,
  fleetShippedRatedW,
  fleetUnits,
  inferenceShareAt,
  inferenceSharePathParameters,
} from './shared/fleet.ts';
import { definitionAnnualTwh, plantAnnualTwh, reactorAnnualTwh, reactorParameters, reactorReferences } from './shared/reactor.ts';
import { W_PER_GW } from './shared/units.ts';

export default defineModel({
  name: 'inference-fleet',
  title: 'AI inference electricity from the installed accelerator fleet (2025, and 2024)',
  description:
    'Supply side: the year-average AI accelerators in powered service by type (Hopper, Ampere, Blackwell, others incl. TPUs) — ' +
    'shipments less the months between shipment and powered service — their ratings, average draw as a fraction of rating, ' +
    'server overhead, PUE and the share of energy spent on inference. Counts all inference on these accelerators (LLMs, but ' +
    'also recommenders, image and video generation), so it bounds LLM inference from above. The 2024 outputs answer the claim ' +
    'in its own year with the same sub-models. The rated-power output can be compared with Epoch AI\'s >10 GW chip-level ' +
    'figure for the end-of-2025 stock (S of P), which counts shipments without a service lag.',
  parameters: {
    ...fleetParameters,
    ...inferenceSharePathParameters,
    ...datacentreParameters,
    ...reactorParameters,
  },
  outputs: {
    accelerators_total: { label: 'Accelerators in service', unit: 'accelerators', description: 'AI accelerators in powered service, 2025 average (all uses).' },
    rated_power_gw: { label: 'Rated power in service', unit: 'GW', description: 'Sum of the in-service accelerators\' ratings, all uses (chip level), 2025.' },
    in_service_fraction: {
      label: 'Share of shipped power in service',
      unit: '1',
      description: 'Rated power in service ÷ rated power shipped, 2025: what the shipment-to-service lag removes.',
    },
    all_ai_power_gw: { label: 'All-AI power (all-in)', unit: 'GW', description: 'Average all-in power of the whole fleet, training and inference, 2025.' },
    inference_power_gw: { label: 'Inference power (all-in)', unit: 'GW', description: 'Average all-in power serving inference, 2025.' },
    annual_twh: { label: 'Annual electricity for inference, 2025', primary: true, references: reactorReferences(2), unit: 'TWh/yr', description: 'Electricity for AI inference in 2025.' },
    reactors: { label: 'Reactors, 2025 (definition uncertain)', unit: 'reactors', description: 'annual_twh ÷ one reactor\'s annual output.' },
    plants: { label: 'Nuclear plants, 2025', unit: 'plants', description: 'annual_twh ÷ one plant\'s annual output.' },
    inference_share_2024: { label: 'Inference share, 2024', unit: '1', description: 'Share of the fleet\'s energy serving inference in 2024 (on the share\'s path).' },
    annual_twh_2024: { label: 'Annual electricity for inference, 2024', references: reactorReferences(2), unit: 'TWh/yr', description: 'Electricity for AI inference in 2024, the claim\'s year.' },
    reactors_2024: { label: 'Reactors, 2024 (definition uncertain)', unit: 'reactors', description: 'annual_twh_2024 ÷ one reactor\'s annual output.' },
    plants_2024: { label: 'Nuclear plants, 2024', unit: 'plants', description: 'annual_twh_2024 ÷ one plant\'s annual output.' },
  },
  compute: (p) => {
    const allIn = p.avg_power_fraction * p.server_overhead_factor * p.pue;
    const ratedW = fleetRatedW(p);
    const allAiW = ratedW * allIn;
    const inferenceW = allAiW * p.inference_share;
    const annualTwh = (inferenceW / W_PER_GW) * p.hours_per_year / 1000;
    const share2024 = inferenceShareAt(p.inference_share, p.inference_share_logit_slope, 2024);
    const annualTwh2024 = ((fleetRatedW(p, 2024) * allIn * share2024) / W_PER_GW) * p.hours_per_year / 1000;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    const plantTwh = plantAnnualTwh(reactorTwh, p.reactors_per_plant);
    return {
      accelerators_total: fleetUnits(p),
      rated_power_gw: ratedW / W_PER_GW,
      in_service_fraction: ratedW / fleetShippedRatedW(p),
      all_ai_power_gw: allAiW / W_PER_GW,
      inference_power_gw: inferenceW / W_PER_GW,
      annual_twh: annualTwh,
      reactors: annualTwh / reactorTwh,
      plants: annualTwh / plantTwh,
      inference_share_2024: share2024,
      annual_twh_2024: annualTwh2024,
      reactors_2024: annualTwh2024 / reactorTwh,
      plants_2024: annualTwh2024 / plantTwh,
    };
  },
  claims: {
    two_reactors_suffice_1gw_90: {
      output: 'annual_twh',
      op: '<=',
      value: 2 * definitionAnnualTwh('1gw_90'),
      description: 'AI inference in 2025 needs no more than two 1 GW reactors at 90% (the claim\'s own arithmetic).',
    },
    two_reactors_suffice_fleet_avg: {
      output: 'annual_twh',
      op: '<=',
      value: 2 * definitionAnnualTwh('fleet_avg'),
      description: 'AI inference in 2025 needs no more than two world-fleet-average reactors (0.905 GW at 82.3%).',
    },
    two_reactors_suffice_epr: {
      output: 'annual_twh',
      op: '<=',
      value: 2 * definitionAnnualTwh('epr'),
      description: 'AI inference in 2025 needs no more than two EPRs (1.65 GW at 90%).',
    },
    two_plants_suffice: {
      output: 'plants',
      op: '<=',
      value: 2,
      description: 'AI inference in 2025 needs no more than two plants\' annual output (the claim\'s own words).',
    },
    two_reactors_suffice: {
      output: 'reactors',
      op: '<=',
      value: 2,
      description:
        'AI inference in 2025 needs no more than two reactors\' annual output, over a mixture of reactor definitions ' +
        '(fleet average 0.5, AP1000 0.3, EPR 0.2): kept for comparison; the per-definition claims are the answers.',
    },
    two_reactors_suffice_2024_1gw_90: {
      output: 'annual_twh_2024',
      op: '<=',
      value: 2 * definitionAnnualTwh('1gw_90'),
      description: 'AI inference in 2024 needs no more than two 1 GW reactors at 90% (the claim\'s own arithmetic).',
    },
    two_reactors_suffice_2024_fleet_avg: {
      output: 'annual_twh_2024',
      op: '<=',
      value: 2 * definitionAnnualTwh('fleet_avg'),
      description: 'AI inference in 2024 needs no more than two world-fleet-average reactors (0.905 GW at 82.3%).',
    },
    two_reactors_suffice_2024_epr: {
      output: 'annual_twh_2024',
      op: '<=',
      value: 2 * definitionAnnualTwh('epr'),
      description: 'AI inference in 2024 needs no more than two EPRs (1.65 GW at 90%).',
    },
    two_plants_suffice_2024: {
      output: 'plants_2024',
      op: '<=',
      value: 2,
      description: 'AI inference in 2024 (the claim\'s year) needs no more than two plants\' annual output (the claim\'s own words).',
    },
    two_reactors_suffice_2024: {
      output: 'reactors_2024',
      op: '<=',
      value: 2,
      description: 'AI inference in 2024 (the claim\'s year) needs no more than two reactors\' annual output, over the mixture of definitions.',
    },
  },
});
