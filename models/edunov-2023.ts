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
 *   tokens/person/day  = gpus × tokens_per_gpu_s × 86,400 ÷ people         (what this fleet can generate)
 *   required tokens/s  = claimed tokens/person/day × people ÷ 86,400 ÷ gpus (what the claim needs per GPU)
 */
import { defineModel } from '../src/model/types.ts';
import { claimDemandParameters, claimFleetParameters } from './shared/claim.ts';
import { plantAnnualTwh, reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';
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
    'note that "plant" and "reactor" differ (a plant has 1–8 reactors). The fleet-implied tokens per person per day use a ' +
    'throughput per GPU that the claim does not state (see tokens_per_gpu_s).',
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
    tokens_per_gpu_s: {
      dist: 'lognormal',
      p5: 1000,
      p95: 10_000,
      unit: 'tokens/s per GPU',
      source:
        'Not stated in the claim. MLPerf Inference v4.1, Llama-2-70B offline: 8× H100 24,525 tokens/s = 3,066 per GPU ' +
        '(P: MLCommons results logs). Offline batches are very large, so interactive serving gets less; smaller "reasonably ' +
        'sized" 7–13 B models get more. Lognormal with a 90% interval of 1,000–10,000 is a judgement spanning those.',
      description: 'Generated (output) tokens per second that one H100 sustains on average, all year.',
    },
    ...reactorParameters,
  },
  outputs: {
    all_in_power_per_gpu_w: { unit: 'W', description: 'GPU power × overhead factor (the claim\'s "about 1 kW").' },
    fleet_power_gw: { unit: 'GW', description: 'Average all-in power of the whole fleet.' },
    annual_twh: { unit: 'TWh/yr', description: 'Electricity for one year of the fleet running all year.' },
    reactor_annual_twh: { unit: 'TWh/yr', description: 'Annual output of one reactor.' },
    reactors: { unit: 'reactors', description: 'annual_twh ÷ one reactor\'s annual output.' },
    plants: { unit: 'plants', description: 'annual_twh ÷ one plant\'s annual output.' },
    tokens_per_person_day: {
      unit: 'tokens/person/day',
      description: 'Tokens per person per day the fleet can generate at tokens_per_gpu_s.',
    },
    required_tokens_per_gpu_s: {
      unit: 'tokens/s per GPU',
      description: 'Throughput each GPU needs to generate the claimed tokens per person per day (claim: 4,630–9,260).',
    },
    j_per_token_implied: {
      unit: 'J/token',
      description: 'All-in energy per token at the required throughput (claim: 0.108–0.216 J).',
    },
    j_per_token_fleet: {
      unit: 'J/token',
      description: 'All-in energy per token at tokens_per_gpu_s.',
    },
    fleet_to_claim_token_ratio: {
      unit: '1',
      description: 'tokens_per_person_day ÷ claimed tokens per person per day: below 1, the fleet cannot generate what the claim says.',
    },
  },
  compute: (p) => {
    const allInW = p.gpu_power_w * p.overhead_factor;
    const fleetW = p.gpus * allInW;
    const annualTwh = (fleetW * p.hours_per_year) / WH_PER_TWH;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    const plantTwh = plantAnnualTwh(reactorTwh, p.reactors_per_plant);
    const tokensPerPersonDay = (p.gpus * p.tokens_per_gpu_s * S_PER_DAY) / p.people;
    const requiredPerGpuS = (p.claimed_tokens_per_person_day * p.people) / S_PER_DAY / p.gpus;
    return {
      all_in_power_per_gpu_w: allInW,
      fleet_power_gw: fleetW / W_PER_GW,
      annual_twh: annualTwh,
      reactor_annual_twh: reactorTwh,
      reactors: annualTwh / reactorTwh,
      plants: annualTwh / plantTwh,
      tokens_per_person_day: tokensPerPersonDay,
      required_tokens_per_gpu_s: requiredPerGpuS,
      j_per_token_implied: allInW / requiredPerGpuS,
      j_per_token_fleet: allInW / p.tokens_per_gpu_s,
      fleet_to_claim_token_ratio: tokensPerPersonDay / p.claimed_tokens_per_person_day,
    };
  },
  claims: {
    two_reactors_suffice: {
      description: 'One year of the fleet needs no more than two reactors\' annual output.',
      test: (o) => o.reactors <= 2,
    },
    two_plants_suffice: {
      description: 'One year of the fleet needs no more than two plants\' annual output (the claim\'s words).',
      test: (o) => o.plants <= 2,
    },
    fleet_generates_claimed_tokens: {
      description: 'The fleet can generate the claimed tokens per person per day at the assumed throughput.',
      test: (o) => o.fleet_to_claim_token_ratio >= 1,
    },
  },
});
