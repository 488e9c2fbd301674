/**
 * query-energy reproduces Epoch AI's ChatGPT estimate (Epoch AI, "How much energy does ChatGPT use?",
 * 2025: a GPT-4o query of 500 output tokens on a 100 B-active-parameter model, H100s at 10% FLOP
 * utilisation, an H100's 1,275 W share of a DGX H100 at 0.7 average draw, PUE 1.2):
 * 2 × 100e9 parameters × 500 tokens = 1e14 FLOP; ÷ (989 TFLOP/s × 0.10) = 1.01 s;
 * × 1,275 W × 0.7 × 1.2 = 0.30 Wh (0.301 to three figures).
 */
import { describe, expect, it } from 'vitest';
import model from '../../models/query-energy.ts';
import { expect3sf, expectSf, run } from './helpers.ts';
import { claimTest } from '../../src/model/claim.ts';

const epoch = {
  active_params: 100e9,
  output_tokens_per_query: 500,
  gpu_peak_flop_s: 989e12,
  flop_utilization: 0.1,
  h100_sxm_rated_power_w: 700,
  server_overhead_factor: 1275 / 700, // DGX H100 10.2 kW / 8 GPUs = 1,275 W per GPU
  avg_power_fraction: 0.7,
  pue: 1.2,
};

describe('query-energy at Epoch AI\'s inputs', () => {
  it('1e14 FLOP, 1.01 GPU-seconds, 0.30 Wh per query', () => {
    const o = run(model, epoch);
    expect(o.flop_per_query).toBe(1e14);
    expect3sf(o.gpu_seconds_per_query, 1.01);
    expect3sf(o.wh_per_query, 0.301);
    expectSf(o.wh_per_query, 0.3, 2); // as published
    expect3sf(o.j_per_output_token, 2.17);
  });

  it('Epoch AI\'s query is below OpenAI\'s 0.34 Wh', () => {
    const claim = model.claims!.at_most_openai_0_34_wh;
    const test = claimTest(claim)!;
    expect(test(run(model, epoch), epoch)).toBe(true);
  });
});
