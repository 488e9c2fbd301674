/**
 * Supply side for 2025: the installed AI-accelerator fleet, averaged over the year, by type.
 * Used by `inference-fleet` and by the cross-check `supply-demand`.
 *
 *   rated W            = Σ_type units × rated W per unit
 *   inference all-in W = rated W × avg_power_fraction × server_overhead_factor × pue × inference_share
 *
 * Year-average stock, not end-of-year: the stock roughly doubles within a year, so the two differ a lot.
 * For scale: Epoch AI puts all vendors' installed AI compute at >15 M H100-equivalents drawing >10 GW at
 * chip level in January 2026 (S of P: Epoch AI chip-sales data, as summarised), an end-of-2025 value. For a stock
 * growing 2.3×/yr the year average is ~0.7 of the year-end value, so ~7 GW rated is the year-average to expect.
 */
import type { ParameterInput } from '../../src/model/types.ts';

export const fleetParameters = {
  h100_class_units: {
    dist: 'lognormal',
    p5: 3.0e6,
    p95: 5.5e6,
    unit: 'accelerators',
    source:
      'Epoch AI data insight "Nvidia chip production" (P, Feb 2025): ~4 M H100-equivalents of installed Nvidia data-centre compute, ' +
      'Hopper 77% of it (≈3.1 M Hopper GPUs at the start of 2025); Hopper shipments (H200, export variants) continued into 2025. ' +
      'Year-average 2025 stock of 3.0–5.5 M (90%, lognormal) is a judgement from these.',
    description: 'Hopper-class GPUs (H100, H200, H800, H20) installed, 2025 average.',
  },
  a100_class_units: {
    dist: 'lognormal',
    p5: 1.0e6,
    p95: 2.5e6,
    unit: 'accelerators',
    source:
      'Nvidia data-centre GPU shipments 2.64 M (2022) and 3.76 M (2023), all types incl. L4/L40 (S: TechInsights 2024); ' +
      'A100 + H100 ~500,000 in Q3 2023 (S: Omdia, Nov 2023). Epoch AI (P, Feb 2025): non-Hopper ≈ 23% of ~4 M H100e ≈ 0.9 M H100e, ' +
      '≈2.9 M A100s at 312/989 TFLOP/s — an upper bound, since it includes older and smaller GPUs. 1.0–2.5 M (90%) is a judgement.',
    description: 'Ampere-class data-centre GPUs (mostly A100) still installed, 2025 average.',
  },
  b200_class_units: {
    dist: 'lognormal',
    p5: 0.8e6,
    p95: 3.0e6,
    unit: 'accelerators',
    source:
      'Blackwell (B200, GB200, B300) shipped in volume from early 2025; by January 2026 it made most of Nvidia\'s AI revenue and ' +
      'all-vendor installed compute passed 15 M H100e (S of P: Epoch AI AI-chip-sales data, Jan 2026, as summarised). ' +
      'Year-average 2025 stock of 0.8–3 M (90%) is a judgement: near zero in January, several million by December.',
    description: 'Blackwell-class GPUs installed, 2025 average.',
  },
  other_units: {
    dist: 'lognormal',
    p5: 3e6,
    p95: 10e6,
    unit: 'accelerators',
    source:
      'Google TPUs >2 M in 2023 and ~3.2 M made in 2024 (S: press, analyst estimate); Epoch AI notes TPUs may provide compute ' +
      'comparable to Nvidia\'s (P, Feb 2025); plus AWS Trainium/Inferentia, AMD MI300-series, Huawei Ascend, and Nvidia L4/L40S-class ' +
      'inference cards. 3–10 M (90%) is a judgement; the least well known count in this model.',
    description: 'All other AI accelerators installed, 2025 average.',
  },
  h100_class_rated_w: {
    dist: 'triangular',
    min: 550,
    mode: 700,
    max: 700,
    unit: 'W',
    source:
      'H100 SXM and H200 SXM 700 W; H100 PCIe 350 W (P: NVIDIA product briefs). Mostly SXM in large deployments; the fleet ' +
      'average rating (triangular 550–700, mode 700) is a judgement.',
    description: 'Average rated power of a Hopper-class GPU in the fleet.',
  },
  a100_class_rated_w: {
    dist: 'triangular',
    min: 300,
    mode: 400,
    max: 400,
    unit: 'W',
    source:
      'A100 SXM 400 W (P: NVIDIA product brief, MLPerf system descriptions); PCIe variants 250–300 W. The fleet-average rating ' +
      '(triangular 300–400, mode 400) is a judgement.',
    description: 'Average rated power of an Ampere-class GPU in the fleet.',
  },
  b200_class_rated_w: {
    dist: 'triangular',
    min: 1000,
    mode: 1200,
    max: 1400,
    unit: 'W',
    source:
      'B200 1,000 W (P: NVIDIA product brief); GB200 ~1,200 W and GB300 ~1,400 W per GPU (S: press). Triangular over that ' +
      'range is a judgement on the mix.',
    description: 'Average rated power of a Blackwell-class GPU in the fleet.',
  },
  other_rated_w: {
    dist: 'triangular',
    min: 150,
    mode: 350,
    max: 750,
    unit: 'W',
    source:
      'AMD MI300X 750 W (S: press); Nvidia L40S 350 W and L4 72 W (P: NVIDIA product briefs); TPU and Trainium ratings are not ' +
      'all published. Triangular 150–750, mode 350, is a judgement.',
    description: 'Average rated power of the other accelerators.',
  },
  inference_share: {
    dist: 'pert',
    min: 0.3,
    mode: 0.5,
    max: 0.8,
    unit: '1',
    source:
      'Inference ~1/3 of AI compute in 2023, ~1/2 in 2025, ~2/3 in 2026 (S: Deloitte TMT Predictions 2026, as reported); ' +
      'Google ~60% of ML energy on inference in 2019–21 (P: Patterson et al. 2022); AWS 80–90% of ML cloud demand ' +
      '(S: as cited by Luccioni et al. 2024). PERT 0.3–0.8, mode 0.5, is a judgement.',
    description: 'Share of the fleet\'s energy that serves inference (all inference: LLMs, recommenders, images, video) rather than training.',
  },
} satisfies Record<string, ParameterInput>;

/** The fleet's parameter values as `compute` receives them. */
export interface FleetValues {
  readonly h100_class_units: number;
  readonly a100_class_units: number;
  readonly b200_class_units: number;
  readonly other_units: number;
  readonly h100_class_rated_w: number;
  readonly a100_class_rated_w: number;
  readonly b200_class_rated_w: number;
  readonly other_rated_w: number;
}

/** Total accelerators installed (all uses). */
export function fleetUnits(p: FleetValues): number {
  return p.h100_class_units + p.a100_class_units + p.b200_class_units + p.other_units;
}

/** Sum of the accelerators' ratings (all uses), W. */
export function fleetRatedW(p: FleetValues): number {
  return (
    p.h100_class_units * p.h100_class_rated_w +
    p.a100_class_units * p.a100_class_rated_w +
    p.b200_class_units * p.b200_class_rated_w +
    p.other_units * p.other_rated_w
  );
}
