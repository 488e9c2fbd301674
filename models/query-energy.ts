/**
 * query-energy — electricity per chatbot query, by Epoch AI's compute-based method, with error bars.
 *
 * Question: how much electricity does one typical chatbot answer use (Epoch AI estimated ~0.3 Wh for
 * GPT-4o; OpenAI says 0.34 Wh; Google measured 0.24 Wh for a median Gemini text prompt), and how sure can
 * that be when the model's size, the answer's length and the hardware's utilisation are unknown?
 *
 * Structure (Epoch AI, "How much energy does ChatGPT use?", 2025):
 *   FLOP per query  = 2 × active_params × output_tokens_per_query
 *   GPU-seconds     = FLOP ÷ (gpu_peak_flop_s × flop_utilization)
 *   Wh per query    = GPU-seconds × 700 W × server_overhead_factor × avg_power_fraction × pue ÷ 3,600
 * Prompt processing is left out, as Epoch AI does for short prompts; long inputs cost more.
 */
import { defineModel } from '../src/model/types.ts';
import { datacentreParameters, referenceGpuParameters } from './shared/datacentre.ts';
import { J_PER_WH } from './shared/units.ts';

export default defineModel({
  name: 'query-energy',
  title: 'Electricity per chatbot query (Epoch AI\'s method, with uncertainty)',
  description:
    'Energy of one chatbot answer from first principles: 2 FLOP per active parameter per generated token, H100 peak ' +
    'throughput at a modest utilisation, server power at an average fraction of its rating, and PUE. With Epoch AI\'s own ' +
    'inputs (100 B active parameters, 500 tokens, 10% utilisation, 1,275 W server share per GPU, 0.7, PUE 1.2) it gives ' +
    '0.30 Wh. Compare OpenAI\'s 0.34 Wh average ChatGPT query (S: CEO blog, Jun 2025, no method given) and Google\'s measured ' +
    '0.24 Wh median Gemini text prompt (P: Elsworth et al. 2025).',
  parameters: {
    active_params: {
      dist: 'lognormal',
      p5: 3e10,
      p95: 3e11,
      unit: 'parameters',
      source:
        'GPT-4o\'s size is unpublished; Epoch AI (2025, P) assumes ~100 B active parameters. 30–300 B (90%, lognormal) is a ' +
        'judgement spanning distilled "mini" models and larger frontier models.',
      description: 'Parameters active per generated token (all of a dense model; the routed experts of a mixture-of-experts).',
    },
    output_tokens_per_query: {
      dist: 'pert',
      min: 150,
      mode: 400,
      max: 1500,
      unit: 'tokens',
      source:
        'Chatbot Arena responses average 261–269 tokens; Epoch AI assumes 500 (P: Epoch AI 2025); ML.ENERGY\'s text-conversation ' +
        'task averages 717 output tokens (P: ML.ENERGY Leaderboard v3, 2025). Reasoning answers are ~10× longer and are not a ' +
        '"typical" query here. PERT 150–1,500, mode 400, is a judgement.',
      description: 'Generated tokens in one typical (non-reasoning) answer.',
    },
    gpu_peak_flop_s: {
      dist: 'constant',
      value: 989e12,
      unit: 'FLOP/s',
      source: 'NVIDIA H100 SXM dense BF16 tensor peak 989 TFLOP/s (P: NVIDIA H100 datasheet); used by Epoch AI 2025.',
      description: 'Peak throughput of the serving GPU.',
    },
    flop_utilization: {
      dist: 'pert',
      min: 0.05,
      mode: 0.1,
      max: 0.3,
      unit: '1',
      source:
        'Epoch AI (2025, P) assumes 10% of peak FLOP/s during generation, which is memory-bandwidth bound. PERT 0.05–0.3, mode 0.1, ' +
        'is a judgement: large batches raise it, latency targets lower it.',
      description: 'Achieved FLOP/s ÷ peak FLOP/s while generating.',
    },
    ...referenceGpuParameters,
    ...datacentreParameters,
  },
  outputs: {
    flop_per_query: { unit: 'FLOP', description: '2 × active parameters × output tokens.' },
    gpu_seconds_per_query: { unit: 'GPU·s', description: 'GPU time to generate the answer.' },
    wh_per_query: { unit: 'Wh', description: 'All-in electricity per query.' },
    j_per_output_token: { unit: 'J/token', description: 'All-in energy per generated token.' },
  },
  compute: (p) => {
    const flop = 2 * p.active_params * p.output_tokens_per_query;
    const gpuSeconds = flop / (p.gpu_peak_flop_s * p.flop_utilization);
    const joules = gpuSeconds * p.h100_sxm_rated_power_w * p.server_overhead_factor * p.avg_power_fraction * p.pue;
    return {
      flop_per_query: flop,
      gpu_seconds_per_query: gpuSeconds,
      wh_per_query: joules / J_PER_WH,
      j_per_output_token: joules / p.output_tokens_per_query,
    };
  },
  claims: {
    at_most_openai_0_34_wh: {
      description: 'A query uses no more than the 0.34 Wh OpenAI quotes for an average ChatGPT query.',
      test: (o) => o.wh_per_query <= 0.34,
    },
    below_old_3_wh_estimate: {
      description: 'A query uses less than the widely repeated 3 Wh estimate.',
      test: (o) => o.wh_per_query < 3,
    },
  },
});
