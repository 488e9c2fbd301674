/**
 * supply-demand — the cross-check between the supply side (the installed fleet) and the demand side
 * (the tokens served), where they share a year (2025), and between the fleet the claim assumes and
 * the fleet its own stated demand needs.
 *
 * Question: do the two independent ways of estimating AI inference electricity agree, and could the
 * claim's 1–2 million GPUs generate the claim's 100,000 tokens per person per day?
 *
 * Structure (both sides share one draw of avg_power_fraction, server_overhead_factor and pue, so those cancel in the ratios):
 *   supply_h100e           = Σ units × rated W × inference_share ÷ 700 W            (inference fleet as H100s, by power)
 *   demand_h100e           = output tokens/s × GPU J/output token ÷ (700 W × avg_power_fraction)
 *   supply_to_demand_ratio = supply_h100e ÷ demand_h100e  (= supply_twh ÷ demand_twh)
 *   claim_needed_h100e     = claimed tokens/person/day × people ÷ 86,400 × GPU J/output token ÷ (700 W × avg_power_fraction)
 *   claim_fleet_ratio      = claim_gpus ÷ claim_needed_h100e
 */
import { defineModel } from '../src/model/types.ts';
import { claimDemandParameters, claimFleetParameters } from './shared/claim.ts';
import { datacentreParameters, referenceGpuParameters } from './shared/datacentre.ts';
import { demandParameters, gpuJoulesPerOutputToken, tokensPerYear } from './shared/demand.ts';
import { fleetParameters, fleetRatedW } from './shared/fleet.ts';
import { reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';
import { S_PER_DAY, S_PER_H, W_PER_GW } from './shared/units.ts';

export default defineModel({
  name: 'supply-demand',
  title: 'Cross-check: the inference fleet versus the tokens it serves (2025), and the claim\'s fleet versus its own demand',
  description:
    'Puts the supply side (inference-fleet: accelerators installed in 2025 × power × inference share) next to the demand side ' +
    '(token-demand: 2025 tokens × measured energy per token), with the data-centre factors shared so that they cancel. ' +
    'supply_to_demand_ratio is the inference fleet\'s power divided by the power the counted LLM tokens need. ' +
    'A ratio near 1 means the two independent estimates agree. A ratio well above 1 means the fleet draws more than the counted ' +
    'tokens explain: inference that is not LLM text (recommenders, search ranking, image and video generation), idle or ' +
    'reserve capacity, accelerators counted as inference that do training-like work (fine-tuning, reinforcement learning), ' +
    'providers missing from the token count, or production energy per token above the benchmarks. A ratio below 1 means the ' +
    'counted tokens need more GPUs than are installed for inference: token counts too high (e.g. cached input tokens counted ' +
    'in full), energy per token overstated, or the fleet or its inference share understated. The model cannot say which; ' +
    'it says how large the gap is and how sure we can be of it. ' +
    'claim_fleet_ratio compares the fleet the claim assumes (1–2 M H100) with the fleet its own demand (100,000 generated tokens ' +
    'per person per day) needs at measured energy per token: below 1, the claim\'s fleet could not generate its own tokens, so ' +
    'its energy estimate is too low for its own demand (or its tokens too many for its energy). The claim was about 2024; the ' +
    'energy per token and population used here are 2025 values, a small mismatch.',
  parameters: {
    ...fleetParameters,
    ...demandParameters,
    ...datacentreParameters,
    ...referenceGpuParameters,
    claim_gpus: claimFleetParameters.gpus,
    claimed_tokens_per_person_day: claimDemandParameters.claimed_tokens_per_person_day,
    ...reactorParameters,
  },
  outputs: {
    supply_h100e: { unit: 'H100-equivalents', description: 'Installed fleet serving inference, as H100s by power.' },
    demand_h100e: { unit: 'H100-equivalents', description: 'GPUs the counted 2025 tokens need, as H100s by power.' },
    supply_twh: { unit: 'TWh/yr', description: 'Inference electricity, supply side (as inference-fleet).' },
    demand_twh: { unit: 'TWh/yr', description: 'Inference electricity, demand side (as token-demand).' },
    supply_reactors: { unit: 'reactors', description: 'supply_twh ÷ one reactor\'s annual output.' },
    demand_reactors: { unit: 'reactors', description: 'demand_twh ÷ one reactor\'s annual output.' },
    supply_to_demand_ratio: {
      unit: '1',
      description: 'supply_h100e ÷ demand_h100e (equal to supply_twh ÷ demand_twh): 1 = agreement; see the model description.',
    },
    claim_needed_h100e: {
      unit: 'H100-equivalents',
      description: 'GPUs needed to generate the claimed tokens per person per day at measured energy per token.',
    },
    claim_fleet_ratio: {
      unit: '1',
      description: 'The claim\'s GPUs ÷ the GPUs its stated demand needs: below 1, the claim\'s fleet is too small for its own tokens.',
    },
  },
  compute: (p) => {
    const h100AvgW = p.h100_sxm_rated_power_w * p.avg_power_fraction;
    const overhead = p.server_overhead_factor * p.pue;
    const secondsPerYear = p.hours_per_year * S_PER_H;
    const gpuJ = gpuJoulesPerOutputToken(p);
    // Supply: GPU-side average power serving inference.
    const supplyGpuW = fleetRatedW(p) * p.avg_power_fraction * p.inference_share;
    // Demand: GPU-side average power the counted output tokens need.
    const demandGpuW = (tokensPerYear(p) * p.output_token_share * gpuJ) / secondsPerYear;
    // The claim's own demand at the same energy per token.
    const claimGpuW = ((p.claimed_tokens_per_person_day * p.people) / S_PER_DAY) * gpuJ;
    const supplyTwh = (supplyGpuW * overhead * p.hours_per_year) / W_PER_GW / 1000;
    const demandTwh = (demandGpuW * overhead * p.hours_per_year) / W_PER_GW / 1000;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    const claimNeeded = claimGpuW / h100AvgW;
    return {
      supply_h100e: supplyGpuW / h100AvgW,
      demand_h100e: demandGpuW / h100AvgW,
      supply_twh: supplyTwh,
      demand_twh: demandTwh,
      supply_reactors: supplyTwh / reactorTwh,
      demand_reactors: demandTwh / reactorTwh,
      supply_to_demand_ratio: supplyGpuW / demandGpuW,
      claim_needed_h100e: claimNeeded,
      claim_fleet_ratio: p.claim_gpus / claimNeeded,
    };
  },
  claims: {
    supply_exceeds_demand: {
      description: 'The inference fleet draws more than the counted LLM tokens need (ratio > 1).',
      test: (o) => o.supply_to_demand_ratio > 1,
    },
    sides_agree_within_2x: {
      description: 'Supply and demand agree within a factor of two (0.5 ≤ ratio ≤ 2).',
      test: (o) => o.supply_to_demand_ratio >= 0.5 && o.supply_to_demand_ratio <= 2,
    },
    claim_fleet_sufficient: {
      description: 'The claim\'s 1–2 M GPUs could generate its own 100,000 tokens per person per day at measured energy per token.',
      test: (o) => o.claim_fleet_ratio >= 1,
    },
  },
});
