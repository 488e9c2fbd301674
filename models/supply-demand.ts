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
 *   demand_h100e           = GPU J/yr of the counted tokens (output + input, shared/demand.ts) ÷ s/yr ÷ (700 W × avg_power_fraction)
 *   supply_to_demand_ratio = supply_h100e ÷ demand_h100e  (= supply_twh ÷ demand_twh)
 *   gap components (TWh)   = supply × non_llm_share, × post_training_share, × idle_reserve_share;
 *                            demand × (uncounted_token_factor − 1); the residual is what none of them explains
 *   claim ratios           = claim_gpus × tokens/s per H100 ÷ claimed tokens/s, with tokens/s per H100 from the shared
 *                            throughput sub-model in three readings: the claim's terms (7–13 B, full batch, all day),
 *                            the late-2023 serving mix, and the 2025 mix (700 W × avg_power_fraction ÷ GPU J/output token)
 */
import { defineModel, type ParameterInput } from '../src/model/types.ts';
import { claimDemandParameters, claimFleetParameters } from './shared/claim.ts';
import { datacentreParameters, referenceGpuParameters } from './shared/datacentre.ts';
import { demandParameters, gpuJoulesPerOutputToken, gpuJoulesPerYear, inputTokenParameters } from './shared/demand.ts';
import { fleetParameters, fleetRatedW } from './shared/fleet.ts';
import { reactorAnnualTwh, reactorParameters } from './shared/reactor.ts';
import {
  claimTermsTokensPerGpuS,
  mix2023Parameters,
  mix2023TokensPerGpuS,
  throughputParameters,
  tokensPerGpuSFromJoules,
} from './shared/throughput.ts';
import { S_PER_DAY, S_PER_H, W_PER_GW } from './shared/units.ts';

/** What could fill the gap between the fleet and the counted tokens: each sized, none measured in full. */
const gapParameters = {
  non_llm_share: {
    dist: 'pert',
    min: 0.15,
    mode: 0.35,
    max: 0.6,
    unit: '1',
    source:
      'Recommendation models took up to 79% of AI inference cycles in Facebook\'s data centres (P: Gupta et al. 2020, HPCA, ' +
      '"The Architectural Implications of Facebook\'s DNN-based Personalized Recommendation"; 2019, largely on CPUs); in ' +
      'Google\'s 2016 TPU inference load, MLPs were 61%, LSTMs 29%, CNNs 5% (P: Jouppi et al. 2017, ISCA). Since then LLMs ' +
      'have grown fastest, while feed ranking, ads, search, image and video generation and speech still run on accelerators. ' +
      'PERT 0.15–0.6, mode 0.35, is a judgement.',
    description: 'Share of the inference fleet\'s energy serving inference that is not LLM text (recommenders, ranking, images, video, speech).',
  },
  post_training_share: {
    dist: 'pert',
    min: 0.02,
    mode: 0.1,
    max: 0.3,
    unit: '1',
    source:
      'Reinforcement learning on generated answers, fine-tuning, evaluation and synthetic-data generation run on serving-like ' +
      'accelerators and generate tokens that no provider counts as served; shares of AI compute by purpose count them on either ' +
      'side (S: Deloitte TMT Predictions 2026 speaks of training and inference only). No published split; PERT 0.02–0.3, ' +
      'mode 0.1, is a judgement.',
    description: 'Share of the inference fleet\'s energy doing post-training, evaluation or synthetic-data work counted as inference.',
  },
  idle_reserve_share: {
    dist: 'pert',
    min: 0.03,
    mode: 0.1,
    max: 0.3,
    unit: '1',
    source:
      'Idle machines held for reliability and peaks ≈ 0.02 of 0.24 Wh per median Gemini prompt, ~8% (P: Elsworth et al. ' +
      '2025, arXiv 2508.15734): that much is already inside the demand side\'s production_overhead_factor. This share is ' +
      'what comes on top: installed accelerators not yet in service or held in reserve by fleets run less tightly than ' +
      'Google\'s. PERT 0.03–0.3, mode 0.1, is a judgement anchored on the 8%.',
    description: 'Share of the inference fleet\'s energy drawn by accelerators idle or in reserve, beyond the serving idle the demand side counts.',
  },
  uncounted_token_factor: {
    dist: 'pert',
    min: 1,
    mode: 1.3,
    max: 3,
    unit: '1',
    source:
      'All LLM tokens ÷ tokens the demand side counts (Google × world_to_google_ratio): self-hosted and on-premises models, ' +
      'enterprise and internal agents, and providers that publish nothing (S: see world_to_google_ratio). PERT 1–3, mode 1.3, ' +
      'is a judgement.',
    description: 'All LLM tokens served ÷ tokens the demand side counts.',
  },
} satisfies Record<string, ParameterInput>;

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
    'its energy estimate is too low for its own demand (or its tokens too many for its energy). The throughput per H100 comes ' +
    'from the shared throughput sub-model in three readings: the claim\'s own terms (a 7–13 B model at full batch, FP8, all ' +
    'day: claim_fleet_ratio_claim_terms), the late-2023 serving mix (claim_fleet_ratio_2023_mix) and the 2025 mix of model sizes ' +
    'at measured energy per token (claim_fleet_ratio). The gap_* outputs size what could explain supply_to_demand_ratio: ' +
    'non-LLM inference, post-training counted as inference, idle and reserve capacity, uncounted tokens, and a residual.',
  parameters: {
    ...fleetParameters,
    ...demandParameters,
    ...datacentreParameters,
    ...referenceGpuParameters,
    ...inputTokenParameters,
    claim_gpus: claimFleetParameters.gpus,
    claimed_tokens_per_person_day: claimDemandParameters.claimed_tokens_per_person_day,
    ...throughputParameters,
    ...mix2023Parameters,
    ...gapParameters,
    ...reactorParameters,
  },
  outputs: {
    supply_h100e: { label: 'Inference fleet, H100-equivalents', unit: 'H100-equivalents', description: 'Installed fleet serving inference, as H100s by power.' },
    demand_h100e: { label: 'GPUs the counted tokens need, H100-equivalents', unit: 'H100-equivalents', description: 'GPUs the counted 2025 tokens need, as H100s by power.' },
    supply_twh: { label: 'Inference electricity, fleet side', unit: 'TWh/yr', description: 'Inference electricity, supply side (as inference-fleet).' },
    demand_twh: { label: 'Inference electricity, counted LLM tokens', unit: 'TWh/yr', description: 'Inference electricity, demand side (as token-demand).' },
    supply_reactors: { label: 'Reactors, fleet side', unit: 'reactors', description: 'supply_twh ÷ one reactor\'s annual output.' },
    demand_reactors: { label: 'Reactors, counted LLM tokens', unit: 'reactors', description: 'demand_twh ÷ one reactor\'s annual output.' },
    supply_to_demand_ratio: {
      label: 'Fleet ÷ counted tokens', primary: true, references: [{ label: 'agreement', value: 1 }],
      unit: '1',
      description: 'supply_h100e ÷ demand_h100e (equal to supply_twh ÷ demand_twh): 1 = agreement; see the model description.',
    },
    gap_non_llm_twh: { label: 'Gap: non-LLM inference', unit: 'TWh/yr', description: 'Part of supply_twh serving non-LLM inference (supply × non_llm_share).' },
    gap_post_training_twh: { label: 'Gap: post-training counted as inference', unit: 'TWh/yr', description: 'Part of supply_twh doing post-training counted as inference.' },
    gap_idle_reserve_twh: { label: 'Gap: idle and reserve capacity', unit: 'TWh/yr', description: 'Part of supply_twh drawn idle or in reserve beyond the demand side\'s own idle.' },
    gap_uncounted_tokens_twh: { label: 'Gap: uncounted LLM tokens', unit: 'TWh/yr', description: 'Energy of LLM tokens the demand side does not count: demand × (factor − 1).' },
    gap_residual_twh: {
      label: 'Gap: unexplained residual',
      unit: 'TWh/yr',
      description: 'supply − demand − the four components: what none of them explains (negative: they explain more than the gap).',
    },
    gap_unexplained_ratio: {
      label: 'Fleet ÷ tokens after the gap components',
      unit: '1',
      description: 'Supply left for counted-and-uncounted LLM tokens ÷ their energy: 1 = the components explain the gap exactly.',
    },
    tokens_per_h100_s_claim_terms: {
      label: 'Tokens/s per H100, claim\'s terms',
      unit: 'tokens/s per GPU',
      description: 'Output tokens/s per H100 in the claim\'s terms: a 7–13 B model, full batch, FP8, all day.',
    },
    tokens_per_h100_s_2023_mix: {
      label: 'Tokens/s per H100, 2023 serving mix',
      unit: 'tokens/s per GPU',
      description: 'Output tokens/s per H100, late-2023 serving mix, production year average.',
    },
    tokens_per_h100_s_2025_mix: {
      label: 'Tokens/s per H100, 2025 serving mix',
      unit: 'tokens/s per GPU',
      description: 'Output tokens/s per H100, 2025 mix of model sizes: 700 W × avg_power_fraction ÷ production GPU J per output token.',
    },
    claim_needed_h100e: {
      label: 'GPUs the claim\'s tokens need, 2025 mix',
      unit: 'H100-equivalents',
      description: 'GPUs needed to generate the claimed tokens per person per day with the 2025 serving mix.',
    },
    claim_fleet_ratio: {
      label: 'Claim\'s fleet ÷ fleet its tokens need, 2025 mix',
      unit: '1',
      description:
        'The claim\'s GPUs ÷ the GPUs its stated demand needs, 2025 serving mix (measured energy per token): below 1, the claim\'s fleet is too small for its own tokens.',
    },
    claim_fleet_ratio_claim_terms: {
      label: 'Claim\'s fleet ÷ fleet its tokens need, claim\'s terms',
      unit: '1',
      description: 'The same in the claim\'s own terms: a 7–13 B model at full batch, FP8, all day.',
    },
    claim_fleet_ratio_2023_mix: {
      label: 'Claim\'s fleet ÷ fleet its tokens need, 2023 mix',
      unit: '1',
      description: 'The same with the late-2023 serving mix (model sizes, FP16/FP8, production batches and load).',
    },
  },
  compute: (p) => {
    const h100AvgW = p.h100_sxm_rated_power_w * p.avg_power_fraction;
    const overhead = p.server_overhead_factor * p.pue;
    const secondsPerYear = p.hours_per_year * S_PER_H;
    const gpuJ = gpuJoulesPerOutputToken(p);
    // Supply: GPU-side average power serving inference.
    const supplyGpuW = fleetRatedW(p) * p.avg_power_fraction * p.inference_share;
    // Demand: GPU-side average power the counted tokens need (generation and prompt processing).
    const demandJ = gpuJoulesPerYear(p);
    const demandGpuW = (demandJ.output + demandJ.input) / secondsPerYear;
    // The claim's own demand, in tokens/s, against three readings of what one H100 serves.
    const claimedTokS = (p.claimed_tokens_per_person_day * p.people) / S_PER_DAY;
    const tokS2025 = tokensPerGpuSFromJoules(h100AvgW, gpuJ);
    const tokSClaim = claimTermsTokensPerGpuS(p);
    const tokS2023 = mix2023TokensPerGpuS(p);
    const supplyTwh = (supplyGpuW * overhead * p.hours_per_year) / W_PER_GW / 1000;
    const demandTwh = (demandGpuW * overhead * p.hours_per_year) / W_PER_GW / 1000;
    const reactorTwh = reactorAnnualTwh(p.reactor_net_capacity_gw, p.capacity_factor, p.hours_per_year);
    const claimNeeded = claimedTokS / tokS2025;
    const gapNonLlm = supplyTwh * p.non_llm_share;
    const gapPost = supplyTwh * p.post_training_share;
    const gapIdle = supplyTwh * p.idle_reserve_share;
    const gapUncounted = demandTwh * (p.uncounted_token_factor - 1);
    const llmSupplyTwh = supplyTwh - gapNonLlm - gapPost - gapIdle;
    return {
      supply_h100e: supplyGpuW / h100AvgW,
      demand_h100e: demandGpuW / h100AvgW,
      supply_twh: supplyTwh,
      demand_twh: demandTwh,
      supply_reactors: supplyTwh / reactorTwh,
      demand_reactors: demandTwh / reactorTwh,
      supply_to_demand_ratio: supplyGpuW / demandGpuW,
      gap_non_llm_twh: gapNonLlm,
      gap_post_training_twh: gapPost,
      gap_idle_reserve_twh: gapIdle,
      gap_uncounted_tokens_twh: gapUncounted,
      gap_residual_twh: llmSupplyTwh - demandTwh - gapUncounted,
      gap_unexplained_ratio: llmSupplyTwh / (demandTwh * p.uncounted_token_factor),
      tokens_per_h100_s_claim_terms: tokSClaim,
      tokens_per_h100_s_2023_mix: tokS2023,
      tokens_per_h100_s_2025_mix: tokS2025,
      claim_needed_h100e: claimNeeded,
      claim_fleet_ratio: p.claim_gpus / claimNeeded,
      claim_fleet_ratio_claim_terms: (p.claim_gpus * tokSClaim) / claimedTokS,
      claim_fleet_ratio_2023_mix: (p.claim_gpus * tokS2023) / claimedTokS,
    };
  },
  claims: {
    supply_exceeds_demand: {
      description: 'The inference fleet draws more than the counted LLM tokens need (ratio > 1).',
      output: 'supply_to_demand_ratio',
      op: '>',
      value: 1,
    },
    sides_agree_within_2x: {
      // Two-sided, so a function: a threshold claim compares one side only.
      description: 'Supply and demand agree within a factor of two (0.5 ≤ ratio ≤ 2).',
      test: (o) => o.supply_to_demand_ratio >= 0.5 && o.supply_to_demand_ratio <= 2,
    },
    claim_fleet_sufficient: {
      description: 'The claim\'s 1–2 M GPUs could generate its own 100,000 tokens per person per day with the 2025 serving mix.',
      output: 'claim_fleet_ratio',
      op: '>=',
      value: 1,
    },
    claim_fleet_sufficient_claim_terms: {
      description: 'The same in the claim\'s own terms (7–13 B model, full batch, FP8, all day).',
      output: 'claim_fleet_ratio_claim_terms',
      op: '>=',
      value: 1,
    },
    claim_fleet_sufficient_2023_mix: {
      description: 'The same with the late-2023 serving mix.',
      output: 'claim_fleet_ratio_2023_mix',
      op: '>=',
      value: 1,
    },
  },
});
