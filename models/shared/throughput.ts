/**
 * Throughput sub-model: how many output (generated) tokens one H100 serves per second, and at what
 * GPU energy per token, by model-size class and serving regime. Used by `edunov-2023` and `supply-demand`
 * so that both answer "could 1–2 M H100s generate 100,000 tokens per person per day?" the same way.
 *
 * Three readings of the token question, each with its assumptions:
 *   claim's terms  tok/s = small-class full-batch FP8 throughput                  (a 7–13 B model, full batch, all day)
 *   2023 mix       tok/s = 1 ÷ Σ_class share ÷ (full-batch tok/s × precision factor) × production_to_full_batch
 *   2025 mix       tok/s = average GPU power ÷ production GPU J per output token   (demand side's measured J, ML.ENERGY)
 *   GPU J/token    = GPU power ÷ tok/s (the same physical quantity seen from the other side)
 *
 * The 2023 classes come from throughput tables (TensorRT-LLM on H100, late 2023; MLPerf Llama-2-70B); the 2025 mix comes
 * from energy per token measured on 2024–25 models (the demand side's ML.ENERGY values), converted at the GPU's average
 * draw, so it agrees with `token-demand` by construction. The two years differ in models (dense ≥100 B in 2023,
 * mixture-of-experts in 2025), precision (FP16 then, FP8 common now) and software.
 */
import type { ParameterInput } from '../../src/model/types.ts';

const TRT_V061 =
  'NVIDIA TensorRT-LLM docs/source/performance.md, v0.6.1 (Dec 2023), H100 SXM FP8, "Throughput (out tok/s/GPU)" at ' +
  'the largest batch that fits (P)';
const TRT_V050 = 'same file at v0.5.0 (Oct 2023), batch 64 (P)';

export const throughputParameters = {
  h100_tok_s_small: {
    dist: 'lognormal',
    p5: 2500,
    p95: 16_000,
    unit: 'output tokens/s per GPU',
    source:
      `LLaMA-7B, one H100: 19,694 (128 in / 128 out, batch 768), 6,818 (128/2,048), 2,244 (2,048/128), 2,740 (2,048/2,048) (${TRT_V061}); ` +
      `9,193 (128/128) and 5,367 (128/2,048) at batch 64 (${TRT_V050}). A 13 B model gives about half a 7 B's ` +
      '(weights twice as large; H200 11,819 on Llama-2-13B at 128/128 being "up to 1.9×" an H100, P: TensorRT-LLM H200 launch ' +
      'note, v0.5.0). Lognormal 2,500–16,000 (90%, median 6,300) is a judgement spanning 7–13 B and chat-like lengths ' +
      '(prompts of a few hundred to ~2,000 tokens, answers of a few hundred).',
    description: 'Output tokens/s one H100 serves at full batch, FP8, a 7–13 B model ("reasonably sized" in the claim).',
  },
  h100_tok_s_medium: {
    dist: 'lognormal',
    p5: 400,
    p95: 3100,
    unit: 'output tokens/s per GPU',
    source:
      `LLaMA-70B: 2,657 (128/128, batch 1,024, 2 GPUs), 1,486 (128/2,048), 306 (2,048/128), 547 (2,048/2,048) per GPU (${TRT_V061}); ` +
      'MLPerf Inference v4.1 Llama-2-70B offline, 8× H100: 24,525 tokens/s = 3,066 per GPU (P: MLCommons results). ' +
      'Lognormal 400–3,100 (90%, median 1,100) is a judgement spanning those lengths.',
    description: 'Output tokens/s one H100 serves at full batch, FP8, a 30–70 B model.',
  },
  h100_tok_s_large: {
    dist: 'lognormal',
    p5: 110,
    p95: 1100,
    unit: 'output tokens/s per GPU',
    source:
      `Falcon-180B: 987 (128/128, batch 1,024, 4 GPUs), 724 (128/2,048, 8 GPUs), 112 (2,048/128), 264 (2,048/2,048) per GPU (${TRT_V061}). ` +
      'Dense ≥100 B models as served in late 2023 (the flagship chat models\' sizes are not published). Lognormal 110–1,100 ' +
      '(90%, median 350) is a judgement spanning those lengths.',
    description: 'Output tokens/s one H100 serves at full batch, FP8, a ≥100 B dense model (late-2023 flagship class).',
  },
  fp16_to_fp8_throughput: {
    dist: 'pert',
    min: 0.45,
    mode: 0.55,
    max: 0.8,
    unit: '1',
    source:
      'FP8 on H100 "can double performance" over 16-bit, and in MLPerf switching to FP8 gave "another 2x" (P: NVIDIA, ' +
      'TensorRT-LLM blog "H100 has 4.6x A100 performance", v0.5.0, Oct 2023, vendor statement). Memory-bound decoding at ' +
      'moderate batch gains less than 2×. PERT 0.45–0.8, mode 0.55, is a judgement.',
    description: 'Throughput at FP16/BF16 ÷ throughput at FP8, same model and batch, H100.',
  },
  production_to_full_batch: {
    dist: 'pert',
    min: 0.15,
    mode: 0.4,
    max: 0.8,
    unit: '1',
    source:
      'Batch size alone: LLaMA-7B 128/128 gives 9,193 tok/s at batch 64 against 19,694 at batch 768, a ratio of 0.47 ' +
      `(${TRT_V050}; ${TRT_V061}). Production serving adds latency targets (smaller batches), varied lengths, daily load ` +
      'swings and reserve capacity: LLM inference clusters run well below peak (P: Patel et al. 2023, POLCA, arXiv ' +
      '2308.12908); idle machines ≈ 8% of the energy per Gemini prompt (P: Elsworth et al. 2025, arXiv 2508.15734). PERT ' +
      '0.15–0.8, mode 0.4, is a judgement.',
    description: 'Output tokens served per GPU-second in production (year average) ÷ full-batch benchmark throughput.',
  },
} satisfies Record<string, ParameterInput>;

/** The late-2023 serving mix: which model sizes generated the tokens, and at which precision. */
export const mix2023Parameters = {
  share_small_2023: {
    dist: 'uniform',
    min: 0.1,
    max: 0.4,
    unit: '1',
    source:
      'No public data on the split of served tokens by model size in 2023. The largest services (ChatGPT on GPT-3.5 and ' +
      'GPT-4, Bard on PaLM 2, Claude 2) ran models whose sizes were not published; Llama 2 7/13/70 B served many ' +
      'self-hosted products. Uniform 0.1–0.4 is a judgement.',
    description: 'Share of 2023 output tokens generated by 7–13 B models. The 30–70 B class takes 1 − small − large.',
  },
  share_large_2023: {
    dist: 'uniform',
    min: 0.3,
    max: 0.6,
    unit: '1',
    source: 'No public data; uniform 0.3–0.6 is a judgement: the flagship chat models of 2023 were large.',
    description: 'Share of 2023 output tokens generated by ≥100 B models.',
  },
  fp8_share_2023: {
    dist: 'uniform',
    min: 0,
    max: 0.3,
    unit: '1',
    source:
      'FP8 inference on H100 arrived with TensorRT-LLM 0.5.0 (Oct 2023) (P: release notes); most 2023 serving ran FP16/BF16 ' +
      'on A100s and H100s. Uniform 0–0.3 is a judgement.',
    description: 'Share of 2023 output tokens served at FP8 (the rest at FP16/BF16).',
  },
} satisfies Record<string, ParameterInput>;

export interface ThroughputValues {
  readonly h100_tok_s_small: number;
  readonly h100_tok_s_medium: number;
  readonly h100_tok_s_large: number;
  readonly fp16_to_fp8_throughput: number;
  readonly production_to_full_batch: number;
}

export interface Mix2023Values extends ThroughputValues {
  readonly share_small_2023: number;
  readonly share_large_2023: number;
  readonly fp8_share_2023: number;
}

/** Output tokens/s per H100 in the claim's own terms: a 7–13 B model at full batch, FP8, all day. */
export function claimTermsTokensPerGpuS(p: ThroughputValues): number {
  return p.h100_tok_s_small;
}

/**
 * Output tokens/s per H100, late-2023 serving mix, year average in production. GPU-seconds add per token,
 * so the class throughputs combine harmonically (a slow class costs more than its share suggests).
 */
export function mix2023TokensPerGpuS(p: Mix2023Values): number {
  const precision = p.fp8_share_2023 + (1 - p.fp8_share_2023) * p.fp16_to_fp8_throughput;
  const shareMedium = 1 - p.share_small_2023 - p.share_large_2023;
  const gpuSecondsPerToken =
    p.share_small_2023 / p.h100_tok_s_small + shareMedium / p.h100_tok_s_medium + p.share_large_2023 / p.h100_tok_s_large;
  return (precision * p.production_to_full_batch) / gpuSecondsPerToken;
}

/** Output tokens/s per H100 from a measured production GPU energy per output token at an average GPU draw. */
export function tokensPerGpuSFromJoules(gpuAvgW: number, gpuJoulesPerOutputToken: number): number {
  return gpuAvgW / gpuJoulesPerOutputToken;
}

/** GPU (or all-in) energy per output token, J: power ÷ throughput. */
export function joulesPerToken(powerW: number, tokensPerS: number): number {
  return powerW / tokensPerS;
}
