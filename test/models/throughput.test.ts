/**
 * The shared throughput sub-model reproduces its sources' figures: NVIDIA TensorRT-LLM H100 FP8 output tokens/s per GPU
 * (docs/source/performance.md, v0.5.0 Oct 2023 at batch 64, v0.6.1 Dec 2023 at the largest batch), MLPerf Inference
 * v4.1 Llama-2-70B offline (8× H100, 24,525 tokens/s), and the energy per token they imply.
 */
import { describe, expect, it } from 'vitest';
import {
  claimTermsTokensPerGpuS,
  joulesPerToken,
  mix2023TokensPerGpuS,
  tokensPerGpuSFromJoules,
} from '../../models/shared/throughput.ts';
import { expect3sf } from './helpers.ts';

const full = {
  h100_tok_s_small: 9193, // LLaMA-7B, 128/128, batch 64 (v0.5.0)
  h100_tok_s_medium: 2657, // LLaMA-70B, 128/128, batch 1,024 on 2 GPUs (v0.6.1)
  h100_tok_s_large: 987, // Falcon-180B, 128/128, batch 1,024 on 4 GPUs (v0.6.1)
  fp16_to_fp8_throughput: 0.5, // "FP8 … can double performance" (TensorRT-LLM H100 vs A100 note)
  production_to_full_batch: 1,
};

describe('throughput sub-model', () => {
  it('in the claim\'s terms it is the small class at full batch: 9,193 tok/s', () => {
    expect(claimTermsTokensPerGpuS(full)).toBe(9193);
  });

  it('a mix of one class only gives that class\'s throughput, scaled by precision and production', () => {
    const onlyMedium = { ...full, share_small_2023: 0, share_large_2023: 0, fp8_share_2023: 1 };
    expect3sf(mix2023TokensPerGpuS(onlyMedium), 2657);
    expect3sf(mix2023TokensPerGpuS({ ...onlyMedium, fp8_share_2023: 0 }), 1328.5);
    expect3sf(mix2023TokensPerGpuS({ ...onlyMedium, fp8_share_2023: 0, production_to_full_batch: 0.4 }), 531.4);
  });

  it('classes combine harmonically: 20/40/40% of 9,193 / 2,657 / 987 tok/s give 1,731, not the arithmetic 2,966', () => {
    const mix = { ...full, share_small_2023: 0.2, share_large_2023: 0.4, fp8_share_2023: 1 };
    expect3sf(mix2023TokensPerGpuS(mix), 1731);
  });

  it('MLPerf v4.1 Llama-2-70B offline: 24,525 tok/s on a DGX H100 (10.2 kW) = 3,066 per GPU and 0.416 J/token at nameplate', () => {
    expect3sf(24_525 / 8, 3066);
    expect3sf(joulesPerToken(10_200 / 8, 24_525 / 8), 0.416);
  });

  it('LLaMA-7B at batch 768 (19,694 tok/s) at 700 W: 0.0355 J/token; batch 64 (9,193): 0.0761 J', () => {
    expect3sf(joulesPerToken(700, 19_694), 0.0355);
    expect3sf(joulesPerToken(700, 9193), 0.0761);
  });

  it('from energy per token back to throughput: 490 W ÷ 0.666 J = 736 tok/s', () => {
    expect3sf(tokensPerGpuSFromJoules(490, 0.666), 735.7);
  });
});
