/**
 * token-demand — the demand side, for 2025.
 *
 * Question: given the tokens the world's LLM services actually processed in 2025, the measured energy per
 * generated token on H100-class hardware and the energy of processing the prompts, how much electricity does
 * serving them take, how many GPUs does that demand need, and how many tokens per person per day is it?
 *
 * Structure (input-token arithmetic in shared/demand.ts):
 *   tokens/yr             = google_tokens_per_month × 12 × world_to_google_ratio
 *   output tokens/yr      = tokens/yr × output_token_share;  input tokens/yr = the rest
 *   GPU J / output token  = size-class mix of measured J/token × production_overhead_factor (benchmark prompt included)
 *   GPU J/yr              = output tokens × decode J + input tokens × cached-input factor × J per uncached input token
 *   annual_twh            = GPU J/yr × server_overhead_factor × pue / 3.6e15
 *   gpus_needed_h100e     = GPU power needed ÷ (700 W × avg_power_fraction)   (H100-equivalents by power)
 *   tokens_per_person_day = tokens/yr ÷ (hours_per_year / 24) ÷ people
 */
import { defineModel } from '../src/model/types.ts';
import { datacentreParameters, referenceGpuParameters } from './shared/datacentre.ts';
import {
  demandParameters,
  gpuJoulesPerInputToken,
  gpuJoulesPerOutputToken,
  gpuJoulesPerYear,
  inputTokenParameters,
  tokensPerYear,
} from './shared/demand.ts';
import { definitionAnnualTwh, plantAnnualTwh, reactorAnnualTwh, reactorParameters, reactorReferences } from './shared/reactor.ts';
import { H_PER_DAY, J_PER_TWH, S_PER_H, W_PER_GW } from './shared/units.ts';

export default defineModel({
  name: 'token-demand',
  title: 'AI inference electricity from the tokens served (2025)',
  description:
    'Demand side: tokens processed by LLM services in 2025 (Google\'s published monthly count scaled to all providers), ' +
    'the share that is generated, measured GPU energy per generated token by model size class (ML.ENERGY, MLPerf), the ' +
    'energy of processing the prompts (input tokens, with cached ones at a discount), a production-versus-benchmark factor, ' +
    'server overhead and PUE. Counts LLM text tokens only: recommender systems, image and ' +
    'video generation and training are outside it, so it bounds LLM inference, not all AI inference. ' +
    'tokens_per_person_day counts input + output tokens as providers do; output_tokens_per_person_day is the one to set ' +
    'against the claim\'s 100,000 generated tokens per person per day.',
  parameters: {
    ...demandParameters,
    ...inputTokenParameters,
    ...datacentreParameters,
    ...referenceGpuParameters,
    ...reactorParameters,
  },
  outputs: {
    tokens_per_person_day: { label: 'Tokens per person per day', unit: 'tokens/person/day', description: 'Tokens processed (input + output) per person per day.' },
    output_tokens_per_person_day: { label: 'Generated tokens per person per day', unit: 'tokens/person/day', description: 'Generated tokens per person per day.' },
    gpu_j_per_output_token: {
      label: 'GPU energy per generated token (measured)',
      unit: 'J/token',
      description: 'Production GPU energy per generated token as measured (size-class mix; the benchmark\'s short prompt included).',
    },
    j_per_output_token_all_in: {
      label: 'All-in energy per generated token',
      unit: 'J/token',
      description: 'All-in energy per generated token with its share of prompt processing: annual energy ÷ output tokens.',
    },
    j_per_input_token_all_in: {
      label: 'All-in energy per input token',
      unit: 'J/token',
      description: 'All-in energy per uncached input (prompt) token (GPU × server overhead × PUE).',
    },
    input_energy_share: { label: 'Share of energy on input tokens', unit: '1', description: 'Share of the energy spent processing input (prompt) tokens.' },
    gpus_needed_h100e: { label: 'GPUs needed (H100-equivalents)', unit: 'H100-equivalents', description: 'GPUs needed by this demand, as H100s at their average draw.' },
    power_gw: { label: 'Average power', unit: 'GW', description: 'Average all-in power needed.' },
    annual_twh: { label: 'Annual electricity for LLM tokens, 2025', primary: true, references: reactorReferences(2), unit: 'TWh/yr', description: 'Electricity to serve the year\'s tokens.' },
    reactors: { label: 'Reactors (definition uncertain)', unit: 'reactors', description: 'annual_twh ÷ one reactor\'s annual output.' },
    plants: { label: 'Nuclear plants', unit: 'plants', description: 'annual_twh ÷ one plant\'s annual output.' },
  },
  compute: (p) => {
    const tokens = tokensPerYear(p);
    const outputTokens = tokens * p.output_token_share;
    const gpuJ = gpuJoulesPerYear(p);
    const gpuJTotal = gpuJ.output + gpuJ.input;
    const overhead = p.server_overhead_factor * p.pue;
    const secondsPerYear = p.hours_per_year * S_PER_H;
    const gpuW = gpuJTotal / secondsPerYear;
    const annualTwh = (gpuJTotal * overhead) / J_PER_TWH;
    const daysPerYear = p.hours_per_year / H_PER_DAY;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    return {
      tokens_per_person_day: tokens / daysPerYear / p.people,
      output_tokens_per_person_day: outputTokens / daysPerYear / p.people,
      gpu_j_per_output_token: gpuJoulesPerOutputToken(p),
      j_per_output_token_all_in: (gpuJTotal * overhead) / outputTokens,
      j_per_input_token_all_in: gpuJoulesPerInputToken(p) * overhead,
      input_energy_share: gpuJ.input / gpuJTotal,
      gpus_needed_h100e: gpuW / (p.h100_sxm_rated_power_w * p.avg_power_fraction),
      power_gw: (gpuW * overhead) / W_PER_GW,
      annual_twh: annualTwh,
      reactors: annualTwh / reactorTwh,
      plants: annualTwh / plantAnnualTwh(reactorTwh, p.reactors_per_plant),
    };
  },
  claims: {
    two_reactors_suffice: {
      output: 'reactors',
      op: '<=',
      value: 2,
      description: 'Serving 2025\'s LLM tokens needs no more than two reactors\' annual output, over the mixture of reactor definitions.',
    },
    two_reactors_suffice_1gw_90: {
      output: 'annual_twh',
      op: '<=',
      value: 2 * definitionAnnualTwh('1gw_90'),
      description: 'Serving 2025\'s LLM tokens needs no more than two 1 GW reactors at 90% (the claim\'s own arithmetic).',
    },
    two_plants_suffice: {
      output: 'plants',
      op: '<=',
      value: 2,
      description: 'Serving 2025\'s LLM tokens needs no more than two plants\' annual output.',
    },
  },
});
