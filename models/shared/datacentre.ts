/**
 * Data-centre factors shared by the supply-side (fleet) and demand-side (token) models, so that
 * when the two are combined in the cross-check they use the *same* draws and cancel where they should.
 *
 *   all-in power = accelerator rated power × avg_power_fraction × server_overhead_factor × pue
 *
 * `avg_power_fraction` is applied to the whole server, as Epoch AI does (server nameplate × 0.7),
 * so `server_overhead_factor` is a ratio of ratings (server ÷ accelerators).
 */
import type { ParameterInput } from '../../src/model/types.ts';

export const datacentreParameters = {
  avg_power_fraction: {
    dist: 'pert',
    min: 0.45,
    mode: 0.7,
    max: 0.9,
    unit: '1',
    source:
      'Average draw ÷ rated peak while serving inference: ~0.7 (P: Epoch AI, "How much energy does ChatGPT use?", 2025, ' +
      "citing Microsoft's POLCA study, Patel et al. 2023, arXiv 2308.12908, which found LLM inference clusters run well below peak). " +
      'PERT 0.45–0.9 around 0.7 is a judgement: idle hours and latency-bound small batches lower it, saturated batch serving raises it.',
    description: 'Average power of a serving accelerator (and its server) as a fraction of its rating.',
  },
  server_overhead_factor: {
    dist: 'pert',
    min: 1.4,
    mode: 1.75,
    max: 2.05,
    unit: '1',
    source:
      'Server rating ÷ accelerator ratings: DGX A100 6.5 kW / (8 × 400 W) = 2.03, DGX H100 10.2 kW / (8 × 700 W) = 1.82, ' +
      'DGX B200 14.3 kW / (8 × 1,000 W) = 1.79 (P for B200, S for A100/H100: NVIDIA DGX user guides). Measured in Google\'s ' +
      'serving fleet: (accelerators 0.14 + host CPU/DRAM 0.06) / 0.14 = 1.43 Wh per median prompt (P: Elsworth et al. 2025, ' +
      'arXiv 2508.15734). PERT 1.4–2.05, mode 1.75, is a judgement spanning the measurement and the nameplates.',
    description: 'Whole-server power (CPUs, memory, network, fans, power supplies) per unit of accelerator power.',
  },
  pue: {
    dist: 'pert',
    min: 1.08,
    mode: 1.2,
    max: 1.58,
    unit: '1',
    source:
      'Hyperscalers 1.08–1.12: Google fleet 1.10 (2023) and 1.09 (2024), Meta 1.08 (2023) (P/S: company environmental reports); ' +
      'AI data centres 1.1–1.3 (S: SemiAnalysis as cited by Epoch AI); industry average 1.54–1.58 in 2021–2025 (P/S: Uptime ' +
      'Institute surveys). Mode 1.2 is Epoch AI\'s 2025 assumption; the range is a judgement, most AI accelerators sitting in ' +
      'hyperscale or purpose-built sites.',
    description: 'Power usage effectiveness: facility energy ÷ IT energy (cooling, power conversion, lighting).',
  },
} satisfies Record<string, ParameterInput>;

/** The reference accelerator for counting "H100-equivalents by power" (demand side, per-query model). */
export const referenceGpuParameters = {
  h100_sxm_rated_power_w: {
    dist: 'constant',
    value: 700,
    unit: 'W',
    source: 'NVIDIA H100 SXM rated maximum (TDP) 700 W (P: NVIDIA H100 product brief).',
    description: 'Reference accelerator for "H100-equivalents by power": GPU power needed ÷ (700 W × avg_power_fraction).',
  },
} satisfies Record<string, ParameterInput>;

/** All-in average power of one accelerator, W: rating × average fraction × server overhead × PUE. */
export function allInPowerW(ratedW: number, avgFraction: number, serverOverhead: number, pue: number): number {
  return ratedW * avgFraction * serverOverhead * pue;
}
