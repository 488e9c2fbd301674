/**
 * Supply side, 2024 and 2025: the installed AI-accelerator fleet, averaged over each year, by type.
 * Used by `inference-fleet`, `projection` and the cross-check `supply-demand`.
 *
 *   shipped stock, class c   = year-average 2025 count (a parameter); 2024 = × the class's 2024/2025 ratio
 *   in service, class c      = shipped × (1 − lag × max(0, 1 − stock_2024 / stock_2025))            (lag in years)
 *   rated W                  = Σ_class in-service units × rated W per unit
 *   inference all-in W       = rated W × avg_power_fraction × server_overhead_factor × pue × inference share of the year
 *   inference share, year y  = logistic(logit(inference_share) + inference_share_logit_slope × (y − 2025))
 *
 * Why a lag: the counts come from shipment and sales data (Epoch AI counts cumulative sales, without retirements), but an
 * accelerator draws power only once racked, networked and burnt in, months after it ships. For a stock that grows by
 * shipments, the powered year-average is the shipped one minus lag × the year's shipments; the year's shipments are
 * approximated by the growth of the year-average stock (stock_2025 − stock_2024), and 2024 is given 2025's relative
 * growth. This is exact for constant shipments; it understates the lag for a class ramping up from zero (Blackwell in
 * 2025: a linear ramp gives (1 − lag)² rather than 1 − lag) and for 2024, when Hopper grew faster than in 2025. A
 * shrinking class (Ampere) gets no lag.
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
    description: 'Hopper-class GPUs (H100, H200, H800, H20) shipped and not retired, 2025 average (before the service lag).',
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
    description: 'Ampere-class data-centre GPUs (mostly A100) shipped and not retired, 2025 average.',
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
    description: 'Blackwell-class GPUs shipped, 2025 average (before the service lag).',
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
    description: 'All other AI accelerators shipped and not retired, 2025 average (before the service lag).',
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
    description: 'Share of the fleet\'s energy in 2025 that serves inference (all inference: LLMs, recommenders, images, video) rather than training.',
  },
  h100_class_units_2024_ratio: {
    dist: 'pert',
    min: 0.35,
    mode: 0.5,
    max: 0.7,
    unit: '1',
    source:
      'Hopper stock at the end of 2023 ≈ 0.6–1.0 M (H100 shipments ~0.55 M in 2023, S: Financial Times, Aug 2023; A100 + H100 ' +
      '~0.5 M in Q3 2023, S: Omdia, Nov 2023) and ≈ 3.1 M at the start of 2025 (77% of ~4 M H100e, P: Epoch AI "Nvidia chip ' +
      'production", Feb 2025), so the 2024 average ≈ 1.9 M against ~4 M in 2025. PERT 0.35–0.7, mode 0.5, is a judgement.',
    description: 'Hopper-class stock, 2024 average ÷ 2025 average (shipped basis).',
  },
  a100_class_units_2024_ratio: {
    dist: 'pert',
    min: 0.95,
    mode: 1.05,
    max: 1.2,
    unit: '1',
    source:
      'Ampere shipments ended in 2023 as Hopper took over (S: Omdia, TechInsights 2024), so the stock changes only by ' +
      'retirements between 2024 and 2025. PERT 0.95–1.2, mode 1.05, is a judgement.',
    description: 'Ampere-class stock, 2024 average ÷ 2025 average (shipped basis).',
  },
  b200_class_units_2024: {
    dist: 'lognormal',
    p5: 1e4,
    p95: 1.2e5,
    unit: 'accelerators',
    source:
      'Blackwell deliveries began in the last weeks of 2024: Nvidia reported ~$11 B of Blackwell revenue in its quarter of ' +
      'Nov 2024–Jan 2025 (S: Nvidia Q4 FY2025 earnings call, as reported), i.e. a few hundred thousand GPUs at ~$30–40 k, most ' +
      'after December. A 2024 average of 10,000–120,000 (90%, lognormal) is a judgement.',
    description: 'Blackwell-class GPUs shipped, 2024 average.',
  },
  other_units_2024_ratio: {
    dist: 'pert',
    min: 0.45,
    mode: 0.65,
    max: 0.85,
    unit: '1',
    source:
      'Google TPUs >2 M in 2023 and ~3.2 M made in 2024 (S: press, analyst estimate); all-vendor AI compute growing ×2.3–3.3 ' +
      'a year (P: Epoch AI, 2025), power more slowly as FLOP per watt improves. PERT 0.45–0.85, mode 0.65 (stock ×1.5 a year), ' +
      'is a judgement.',
    description: 'Other accelerators\' stock, 2024 average ÷ 2025 average (shipped basis).',
  },
  service_lag_months: {
    dist: 'pert',
    min: 1,
    mode: 3,
    max: 6,
    unit: 'months',
    source:
      'From shipment (when sales data count a chip) to powered service: server integration, racking, networking and burn-in ' +
      'take weeks to months, longer when buildings or power connections are late — Microsoft\'s CEO said in Nov 2025 that it had ' +
      'chips in inventory it could not plug in for want of powered buildings (S: Bg2 podcast, as reported). No fleet-wide ' +
      'measurement is published; PERT 1–6 months, mode 3, is a judgement.',
    description: 'Months between an accelerator\'s shipment and its powered service.',
  },
} satisfies Record<string, ParameterInput>;

/** How the inference share moves over the years (a path through the 2025 value). */
export const inferenceSharePathParameters = {
  inference_share_logit_slope: {
    dist: 'pert',
    min: 0.1,
    mode: 0.35,
    max: 0.7,
    unit: '1/yr',
    source:
      'Inference about 1/3 of AI compute in 2023, 1/2 in 2025 and 2/3 in 2026 (P: Deloitte TMT Predictions 2026, "compute ' +
      'power AI"; shares of compute, not of energy): on the log-odds scale +0.35 a year over 2023–25 and +0.69 in 2026. Energy ' +
      'shares may move more slowly (training runs at higher utilisation; post-training reinforcement learning is counted as ' +
      'inference by some and training by others). PERT 0.1–0.7, mode 0.35, is a judgement.',
    description: 'Yearly change of the inference share on the log-odds scale: share_y = logistic(logit(share_2025) + slope × (y − 2025)).',
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
  readonly h100_class_units_2024_ratio: number;
  readonly a100_class_units_2024_ratio: number;
  readonly b200_class_units_2024: number;
  readonly other_units_2024_ratio: number;
  readonly service_lag_months: number;
}

/** The years the fleet sub-model describes. */
export type FleetYear = 2024 | 2025;

const MONTHS_PER_YEAR = 12;

/**
 * Share of a class's shipped year-average stock that is powered, for a stock going from `stock2024` to `stock2025`
 * (see the header: 1 − lag × the year's shipments ÷ the stock, shipments ≈ the stock's growth).
 */
export function inServiceFraction(stock2024: number, stock2025: number, lagMonths: number): number {
  const growth = stock2025 > 0 ? Math.max(0, 1 - stock2024 / stock2025) : 0;
  return 1 - (lagMonths / MONTHS_PER_YEAR) * growth;
}

/**
 * Σ over classes of f(units in service, rated W) for one year: the one loop the counts and the ratings share.
 * Written out per class (four terms) so that `compute` allocates nothing.
 */
function sumInService(p: FleetValues, year: FleetYear, ratedW: boolean, lag: number): number {
  const h24 = p.h100_class_units * p.h100_class_units_2024_ratio;
  const a24 = p.a100_class_units * p.a100_class_units_2024_ratio;
  const b24 = p.b200_class_units_2024;
  const o24 = p.other_units * p.other_units_2024_ratio;
  const h = (year === 2024 ? h24 : p.h100_class_units) * inServiceFraction(h24, p.h100_class_units, lag);
  const a = (year === 2024 ? a24 : p.a100_class_units) * inServiceFraction(a24, p.a100_class_units, lag);
  const b = (year === 2024 ? b24 : p.b200_class_units) * inServiceFraction(b24, p.b200_class_units, lag);
  const o = (year === 2024 ? o24 : p.other_units) * inServiceFraction(o24, p.other_units, lag);
  if (!ratedW) return h + a + b + o;
  return h * p.h100_class_rated_w + a * p.a100_class_rated_w + b * p.b200_class_rated_w + o * p.other_rated_w;
}

/** Accelerators in powered service (all uses), year average; 2025 unless another year is asked. */
export function fleetUnits(p: FleetValues, year: FleetYear = 2025): number {
  return sumInService(p, year, false, p.service_lag_months);
}

/** Sum of the ratings of the accelerators in powered service (all uses), W, year average; 2025 unless asked. */
export function fleetRatedW(p: FleetValues, year: FleetYear = 2025): number {
  return sumInService(p, year, true, p.service_lag_months);
}

/** Sum of the ratings of all accelerators shipped and not retired (no service lag), W, year average. */
export function fleetShippedRatedW(p: FleetValues, year: FleetYear = 2025): number {
  return sumInService(p, year, true, 0);
}

/** The inference share in year `year`, on the path through `share2025` (see the header). */
export function inferenceShareAt(share2025: number, logitSlope: number, year: number): number {
  const logit = Math.log(share2025 / (1 - share2025)) + logitSlope * (year - 2025);
  return 1 / (1 + Math.exp(-logit));
}
