/**
 * A 30-parameter benchmark model: a whole-fleet AI electricity estimate of the size real studies
 * reach (four accelerator families with units, power and utilisation; server, network, storage
 * and facility overheads; grid losses; workload split; a reactor comparison; tokens per user;
 * emissions; next year's growth). Every parameter is uncertain and every sampler family appears
 * (lognormal from percentiles and from a median, normal and truncated normal, uniform,
 * triangular, PERT, gamma, beta, discrete). The numbers are plausible, not sourced: this model
 * measures speed, not the world.
 */
type Name =
  | 'h100_units' | 'h100_power_w' | 'h100_util'
  | 'a100_units' | 'a100_power_w' | 'a100_util'
  | 'tpu_units' | 'tpu_power_w' | 'tpu_util'
  | 'other_units' | 'other_power_w' | 'other_util'
  | 'idle_fraction' | 'server_overhead' | 'network_share' | 'storage_share' | 'pue' | 'grid_loss'
  | 'inference_share' | 'deployed_fraction' | 'hours_up' | 'tokens_per_gpu_s' | 'people' | 'user_share'
  | 'reactor_net_capacity_gw' | 'capacity_factor' | 'reactors_per_plant'
  | 'growth' | 'low_carbon_share' | 'carbon_g_per_kwh';

export default {
  name: 'thirty-params',
  title: 'Benchmark: thirty parameters, a whole-fleet estimate',
  parameters: {
    h100_units: { dist: 'lognormal', p5: 1.5e6, p95: 3e6 },
    h100_power_w: { dist: 'triangular', min: 600, mode: 700, max: 750 },
    h100_util: { dist: 'beta', alpha: 4, beta: 3 },
    a100_units: { dist: 'lognormal', p5: 1e6, p95: 2.5e6 },
    a100_power_w: { dist: 'triangular', min: 350, mode: 400, max: 420 },
    a100_util: { dist: 'beta', alpha: 3, beta: 3 },
    tpu_units: { dist: 'lognormal', median: 1e6, p95: 2e6 },
    tpu_power_w: { dist: 'uniform', min: 170, max: 250 },
    tpu_util: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.8 },
    other_units: { dist: 'gamma', shape: 4, scale: 2.5e5 },
    other_power_w: { dist: 'normal', mean: 300, sd: 40, min: 150 },
    other_util: { dist: 'uniform', min: 0.2, max: 0.6 },
    idle_fraction: { dist: 'pert', min: 0.15, mode: 0.25, max: 0.4 },
    server_overhead: { dist: 'triangular', min: 1.4, mode: 1.7, max: 2 },
    network_share: { dist: 'uniform', min: 0.05, max: 0.12 },
    storage_share: { dist: 'pert', min: 0.03, mode: 0.05, max: 0.1 },
    pue: { dist: 'normal', mean: 1.2, sd: 0.08, min: 1.05, max: 1.6 },
    grid_loss: { dist: 'uniform', min: 0.04, max: 0.08 },
    inference_share: { dist: 'beta', alpha: 6, beta: 4 },
    deployed_fraction: { dist: 'pert', min: 0.5, mode: 0.75, max: 0.95 },
    hours_up: { dist: 'triangular', min: 8000, mode: 8500, max: 8760 },
    tokens_per_gpu_s: { dist: 'lognormal', p5: 500, p95: 8000 },
    people: { dist: 'uniform', min: 8e9, max: 8.2e9 },
    user_share: { dist: 'beta', alpha: 2, beta: 5 },
    reactor_net_capacity_gw: { dist: 'discrete', values: [0.905, 1.117, 1.65], weights: [0.5, 0.3, 0.2] },
    capacity_factor: { dist: 'uniform', min: 0.815, max: 0.93 },
    reactors_per_plant: { dist: 'discrete', values: [1, 2, 3, 4, 6, 8], weights: [0.3, 0.45, 0.08, 0.1, 0.05, 0.02] },
    growth: { dist: 'lognormal', median: 1.25, p95: 1.6 },
    low_carbon_share: { dist: 'pert', min: 0.2, mode: 0.35, max: 0.6 },
    carbon_g_per_kwh: { dist: 'gamma', shape: 9, scale: 45 },
  },
  outputs: {
    it_power_gw: { unit: 'GW' },
    facility_twh: { unit: 'TWh/yr' },
    inference_twh: { unit: 'TWh/yr' },
    reactors: { unit: 'reactors' },
    plants: { unit: 'plants' },
    tokens_per_user_day: { unit: 'tokens/user/day' },
    emissions_mt: { unit: 'Mt CO2/yr' },
    next_year_twh: { unit: 'TWh/yr' },
  },
  compute: (p: Record<Name, number>) => {
    // Average draw = idle floor + utilisation × the rest of the rated power.
    const busy = 1 - p.idle_fraction;
    const h100W = p.h100_units * p.h100_power_w * (p.idle_fraction + busy * p.h100_util);
    const a100W = p.a100_units * p.a100_power_w * (p.idle_fraction + busy * p.a100_util);
    const tpuW = p.tpu_units * p.tpu_power_w * (p.idle_fraction + busy * p.tpu_util);
    const otherW = p.other_units * p.other_power_w * (p.idle_fraction + busy * p.other_util);
    const itW = (h100W + a100W + tpuW + otherW) * p.server_overhead * (1 + p.network_share + p.storage_share);
    const facilityW = itW * p.pue * p.deployed_fraction;
    const facilityTwh = (facilityW * p.hours_up) / 1e12;
    const deliveredTwh = facilityTwh / (1 - p.grid_loss);
    const inferenceTwh = deliveredTwh * p.inference_share;
    const reactorTwh = (p.reactor_net_capacity_gw * p.capacity_factor * 8760) / 1000;
    // Tokens: H100-equivalents (older and other chips count for less), busy time only.
    const h100Equivalent = p.h100_units * p.h100_util + 0.4 * p.a100_units * p.a100_util + 0.6 * p.tpu_units * p.tpu_util + 0.3 * p.other_units * p.other_util;
    const tokensPerDay = h100Equivalent * p.deployed_fraction * p.inference_share * p.tokens_per_gpu_s * 86_400;
    return {
      it_power_gw: itW / 1e9,
      facility_twh: facilityTwh,
      inference_twh: inferenceTwh,
      reactors: inferenceTwh / reactorTwh,
      plants: inferenceTwh / (reactorTwh * p.reactors_per_plant),
      tokens_per_user_day: tokensPerDay / (p.people * p.user_share),
      emissions_mt: deliveredTwh * (1 - p.low_carbon_share) * p.carbon_g_per_kwh * 1e-3,
      next_year_twh: deliveredTwh * p.growth,
    };
  },
  claims: {
    two_reactors_suffice: (o: { reactors: number }) => o.reactors <= 2,
    below_100_twh: (o: { facility_twh: number }) => o.facility_twh < 100,
  },
};
