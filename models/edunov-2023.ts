/**
 * edunov-2023 — the claim as it was made.
 *
 * Question: taking Sergey Edunov's November 2023 back-of-the-envelope numbers at their word
 * (with the vagueness of the words as uncertainty), how much electricity would AI inference use
 * in 2024, how many nuclear reactors or plants is that, and could that fleet really generate the
 * tokens the claim says it would?
 *
 * Structure:
 *   all-in W per GPU   = gpu_power_w × overhead_factor                     (700 W × 1.43 ≈ 1 kW)
 *   annual_twh         = gpus × all-in W × hours_per_year / 1e12           (1–2 M × 1 kW × 8,760 h = 8.76–17.5 TWh)
 *   reactors, plants   = annual_twh ÷ one reactor's / one plant's annual output (shared reactor sub-model)
 *   tokens_per_gpu_s   = throughput sub-model (shared/throughput.ts), in the claim's terms: a 7–13 B model, full batch, all day
 *   …_2023_mix         = the same for the late-2023 serving mix (sizes, FP8/FP16, production batches and load)
 *   tokens/person/day  = gpus × tokens/s per GPU × 86,400 ÷ people         (what this fleet can generate)
 *   required tokens/s  = claimed tokens/person/day × people ÷ 86,400 ÷ gpus (what the claim needs per GPU)
 *   reactors_<def>     = annual_twh ÷ one reference reactor's output (fleet average, 1 GW at 90%, EPR): one answer per definition
 */
import { defineModel } from '../src/model/types.ts';
import { claimDemandParameters, claimFleetParameters } from './shared/claim.ts';
import { definitionAnnualTwh, plantAnnualTwh, reactorAnnualTwh, reactorParameters, reactorReferences } from './shared/reactor.ts';
import {
  claimTermsTokensPerGpuS,
  joulesPerToken,
  mix2023Parameters,
  mix2023TokensPerGpuS,
  throughputParameters,
} from './shared/throughput.ts';
import { S_PER_DAY, W_PER_GW, WH_PER_TWH } from './shared/units.ts';

export default defineModel({
  name: 'edunov-2023',
  title: 'The claim as made: two nuclear plants for a year of AI inference (Edunov, Nov 2023)',
  description:
    'Sergey Edunov (Meta, director of engineering for generative AI), Digital Workers Forum, November 2023: ' +
    '"two power plants would seem to be enough to power humanity\'s AI needs for a year" — inference only, ' +
    '"back-of-the-envelope" (S: VentureBeat report of the panel). His inputs: "one to two million" Nvidia H100 shipped in 2024, ' +
    '~700 W each, about 1 kW with cooling and overheads, running all year, enough to generate ~100,000 tokens per person per day ' +
    'with "reasonably sized" LLMs. Each distribution here is what those words imply, with its width a stated judgement. ' +
    'The claim\'s own point values give 8.76–17.5 TWh/yr, i.e. 1.1–2.2 reactors of 1 GW at 90% capacity factor; ' +
    'note that "plant" and "reactor" differ (a plant has 1–8 reactors), and that "a reactor" has several readings: reactors_fleet_avg, ' +
    'reactors_1gw_90 and reactors_epr give one answer per definition. The French coverage the project started from says 700 W ' +
    '"for cooling and other processes" and 100,000 tokens per person with no period: scenarios seed-700w-all-in, period-unstated ' +
    'and seed-as-written give those readings. The tokens the fleet can generate use the shared throughput sub-model: in the ' +
    'claim\'s own terms (a 7–13 B model at full batch, FP8, all day) and for the late-2023 serving mix.',
  parameters: {
    ...claimFleetParameters,
    ...claimDemandParameters,
    people: {
      dist: 'uniform',
      min: 8.0e9,
      max: 8.1e9,
      unit: 'persons',
      source:
        'World population ~8.1 B in 2023, ~8.2 B mid-2024 (S: UN World Population Prospects 2024); the claim\'s arithmetic ' +
        'uses 8.0 B. Uniform 8.0–8.1 B is a judgement covering both readings.',
      description: 'People on Earth, for the per-person token figures.',
    },
    ...throughputParameters,
    ...mix2023Parameters,
    ...reactorParameters,
  },
  outputs: {
    all_in_power_per_gpu_w: { label: 'All-in power per GPU', unit: 'W', description: 'GPU power × overhead factor (the claim\'s "about 1 kW").' },
    fleet_power_gw: { label: 'Fleet power', unit: 'GW', description: 'Average all-in power of the whole fleet.' },
    annual_twh: { label: 'Annual electricity', primary: true, references: reactorReferences(2), unit: 'TWh/yr', description: 'Electricity for one year of the fleet running all year.' },
    reactor_annual_twh: { label: 'One reactor\'s annual output', unit: 'TWh/yr', description: 'Annual output of one reactor.' },
    reactors: {
      label: 'Reactors (definition uncertain)',
      unit: 'reactors',
      description: 'annual_twh ÷ one reactor\'s annual output, the reactor\'s definition uncertain (fleet average, AP1000 or EPR).',
    },
    reactors_fleet_avg: { label: 'Reactors, fleet average (0.905 GW, 82%)', unit: 'reactors', description: 'annual_twh ÷ a world-fleet-average reactor (0.905 GW at 82.3%: 6.52 TWh/yr).' },
    reactors_1gw_90: { label: 'Reactors, 1 GW at 90%', unit: 'reactors', description: 'annual_twh ÷ a 1 GW reactor at 90% (7.88 TWh/yr), the claim\'s own arithmetic.' },
    reactors_epr: { label: 'Reactors, EPR (1.65 GW, 90%)', unit: 'reactors', description: 'annual_twh ÷ an EPR (1.65 GW at 90%: 13.0 TWh/yr).' },
    plants: { label: 'Nuclear plants', unit: 'plants', description: 'annual_twh ÷ one plant\'s annual output.' },
    tokens_per_gpu_s: {
      label: 'Tokens/s per H100, claim\'s terms',
      unit: 'tokens/s per GPU',
      description: 'Output tokens/s one H100 serves in the claim\'s terms: a 7–13 B model, full batch, FP8, all day.',
    },
    tokens_per_gpu_s_2023_mix: {
      label: 'Tokens/s per H100, 2023 serving mix',
      unit: 'tokens/s per GPU',
      description: 'Output tokens/s one H100 serves, late-2023 serving mix of model sizes and precisions, production year average.',
    },
    tokens_per_person_day: {
      label: 'Tokens per person per day, claim\'s terms',
      unit: 'tokens/person/day',
      description: 'Tokens per person per day the fleet can generate in the claim\'s terms.',
    },
    tokens_per_person_day_2023_mix: {
      label: 'Tokens per person per day, 2023 serving mix',
      unit: 'tokens/person/day',
      description: 'Tokens per person per day the fleet can generate with the late-2023 serving mix.',
    },
    required_tokens_per_gpu_s: {
      label: 'Tokens/s per GPU the claim needs',
      unit: 'tokens/s per GPU',
      description: 'Throughput each GPU needs to generate the claimed tokens per person per day (claim: 4,630–9,260).',
    },
    j_per_token_implied: {
      label: 'Energy per token the claim implies',
      unit: 'J/token',
      description: 'All-in energy per token at the required throughput (claim: 0.108–0.216 J).',
    },
    j_per_token_fleet: {
      label: 'Energy per token, claim\'s terms',
      unit: 'J/token',
      description: 'All-in energy per token at tokens_per_gpu_s (the claim\'s all-in W per GPU).',
    },
    j_per_token_fleet_2023_mix: {
      label: 'Energy per token, 2023 serving mix',
      unit: 'J/token',
      description: 'All-in energy per token at tokens_per_gpu_s_2023_mix (the claim\'s all-in W per GPU).',
    },
    fleet_to_claim_token_ratio: {
      label: 'Fleet tokens ÷ claimed tokens, claim\'s terms',
      unit: '1',
      description:
        'tokens_per_person_day ÷ claimed tokens per person per day, in the claim\'s terms: below 1, the fleet cannot generate what the claim says.',
    },
    fleet_to_claim_token_ratio_2023_mix: {
      label: 'Fleet tokens ÷ claimed tokens, 2023 serving mix',
      unit: '1',
      description: 'The same with the late-2023 serving mix.',
    },
  },
  compute: (p) => {
    const allInW = p.gpu_power_w * p.overhead_factor;
    const fleetW = p.gpus * allInW;
    const annualTwh = (fleetW * p.hours_per_year) / WH_PER_TWH;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    const plantTwh = plantAnnualTwh(reactorTwh, p.reactors_per_plant);
    const tokPerGpuS = claimTermsTokensPerGpuS(p);
    const tokPerGpuS2023 = mix2023TokensPerGpuS(p);
    const tokensPerPersonDay = (p.gpus * tokPerGpuS * S_PER_DAY) / p.people;
    const tokensPerPersonDay2023 = (p.gpus * tokPerGpuS2023 * S_PER_DAY) / p.people;
    const requiredPerGpuS = (p.claimed_tokens_per_person_day * p.people) / S_PER_DAY / p.gpus;
    return {
      all_in_power_per_gpu_w: allInW,
      fleet_power_gw: fleetW / W_PER_GW,
      annual_twh: annualTwh,
      reactor_annual_twh: reactorTwh,
      reactors: annualTwh / reactorTwh,
      reactors_fleet_avg: annualTwh / definitionAnnualTwh('fleet_avg'),
      reactors_1gw_90: annualTwh / definitionAnnualTwh('1gw_90'),
      reactors_epr: annualTwh / definitionAnnualTwh('epr'),
      plants: annualTwh / plantTwh,
      tokens_per_gpu_s: tokPerGpuS,
      tokens_per_gpu_s_2023_mix: tokPerGpuS2023,
      tokens_per_person_day: tokensPerPersonDay,
      tokens_per_person_day_2023_mix: tokensPerPersonDay2023,
      required_tokens_per_gpu_s: requiredPerGpuS,
      j_per_token_implied: allInW / requiredPerGpuS,
      j_per_token_fleet: joulesPerToken(allInW, tokPerGpuS),
      j_per_token_fleet_2023_mix: joulesPerToken(allInW, tokPerGpuS2023),
      fleet_to_claim_token_ratio: tokensPerPersonDay / p.claimed_tokens_per_person_day,
      fleet_to_claim_token_ratio_2023_mix: tokensPerPersonDay2023 / p.claimed_tokens_per_person_day,
    };
  },
  claims: {
    two_reactors_suffice_1gw_90: {
      output: 'reactors_1gw_90',
      op: '<=',
      value: 2,
      description: 'No more than two 1 GW reactors at 90% (15.8 TWh/yr for two): the claim\'s own arithmetic, the headline definition.',
    },
    two_reactors_suffice_fleet_avg: {
      output: 'reactors_fleet_avg',
      op: '<=',
      value: 2,
      description: 'No more than two world-fleet-average reactors (0.905 GW at 82.3%, 13.0 TWh/yr for two).',
    },
    two_reactors_suffice_epr: {
      output: 'reactors_epr',
      op: '<=',
      value: 2,
      description: 'No more than two EPRs (1.65 GW at 90%, 26.0 TWh/yr for two): "two new plants" read as two large new units.',
    },
    two_plants_suffice: {
      output: 'plants',
      op: '<=',
      value: 2,
      description: 'One year of the fleet needs no more than two plants\' annual output (the claim\'s own words; a plant has 1–8 reactors).',
    },
    two_reactors_suffice: {
      output: 'reactors',
      op: '<=',
      value: 2,
      description:
        'One year of the fleet needs no more than two reactors\' annual output, over a mixture of reactor definitions ' +
        '(fleet average 0.5, AP1000 0.3, EPR 0.2): kept for comparison; the per-definition claims above are the answers.',
    },
    fleet_generates_claimed_tokens: {
      output: 'fleet_to_claim_token_ratio',
      op: '>=',
      value: 1,
      description: 'In the claim\'s terms (a 7–13 B model at full batch, FP8, all day), the fleet can generate the claimed tokens.',
    },
    fleet_generates_claimed_tokens_2023_mix: {
      output: 'fleet_to_claim_token_ratio_2023_mix',
      op: '>=',
      value: 1,
      description: 'With the late-2023 serving mix (model sizes, FP16/FP8, production batches and load), the fleet can generate the claimed tokens.',
    },
  },
  scenarios: {
    'seed-700w-all-in': {
      description:
        'The French coverage as written: "700 watts pour le refroidissement et d\'autres processus" (seed-article-fr.txt), read ' +
        'as 700 W all-in per GPU, no further overhead (the base reads the English report\'s "about 1 kW").',
      set: { overhead_factor: 1 },
    },
    'period-unstated': {
      description:
        'The French coverage as written: "100 000 jetons LLM par personne", no period (the base reads the English report\'s ' +
        '"per day"): 100,000 tokens per person per day, week, month or year, equally likely (a judgement).',
      set: {
        claimed_tokens_per_person_day: {
          dist: 'discrete',
          values: [100_000, 100_000 / 7, 100_000 / 30.44, 100_000 / 365.25],
          weights: [0.25, 0.25, 0.25, 0.25],
        },
      },
    },
    'seed-as-written': {
      description: 'Both readings of the French coverage together: 700 W all-in per GPU and 100,000 tokens per person over an unstated period.',
      set: {
        overhead_factor: 1,
        claimed_tokens_per_person_day: {
          dist: 'discrete',
          values: [100_000, 100_000 / 7, 100_000 / 30.44, 100_000 / 365.25],
          weights: [0.25, 0.25, 0.25, 0.25],
        },
      },
    },
  },
});
