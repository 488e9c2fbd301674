/**
 * The claim's own inputs (Sergey Edunov, Meta, Digital Workers Forum, November 2023), as the
 * words imply them. Used by `edunov-2023` and, for "the fleet the claim assumes", by `supply-demand`.
 *
 * Two texts carry the claim, and they differ:
 * - the French coverage the project started from (../shared/seed-article-fr.txt, Nov 2023), a French rendering of
 *   Digital Information World's English article (S), says "Chaque GPU a besoin de 700 watts pour le refroidissement
 *   et d'autres processus" and "100 000 jetons LLM par personne": no "1 kW", no period;
 * - the English report of the panel by its moderator (VentureBeat, Nov 2023, S) is where "about 1 kW with cooling and
 *   overheads" and "per person per day" come from, as re-reports quote it; its passage with the figures was not read
 *   here, so those two readings are tagged U.
 * The parameters below take the English readings (the base of `edunov-2023`); its scenarios give the French text's.
 *
 * Every range below is a judgement about how much a spoken round number commits its speaker to;
 * the point values the claim itself uses are 1–2 million GPUs, 700 W, ~1 kW all-in,
 * 100,000 tokens per person per day, 8.0 billion people.
 */
import type { ParameterInput } from '../../src/model/types.ts';

export const claimFleetParameters = {
  gpus: {
    dist: 'lognormal',
    p5: 1e6,
    p95: 2e6,
    unit: 'GPUs',
    source:
      '"one to two million" Nvidia H100 to ship in 2024, as said on the panel (S: VentureBeat report, Nov 2023, and re-reports); ' +
      'likely origin: Nvidia planning 1.5–2 M H100 for 2024 (S: Financial Times, Aug 2023). Reading the spoken range as a 90% ' +
      'interval (lognormal, p5 = 1 M, p95 = 2 M) rather than hard bounds is a judgement: a round range is not a guarantee, and ' +
      '2023 H100 shipments were ~0.55 M (S: Financial Times, Aug 2023).',
    description: 'H100 GPUs in the claimed inference fleet, all assumed to run all year.',
  },
  gpu_power_w: {
    dist: 'triangular',
    min: 630,
    mode: 700,
    max: 770,
    unit: 'W',
    source:
      'French coverage (seed-article-fr.txt, Nov 2023; S for what was said): "Chaque GPU a besoin de 700 watts pour le ' +
      'refroidissement et d\'autres processus"; English report: ~700 W per H100 (VentureBeat, Nov 2023, S; wording U). ' +
      '700 W is the H100 SXM rated maximum (P: NVIDIA H100 product brief). Triangular ±10% is a judgement reading of a round number.',
    description: 'Power per GPU as the claim states it (a rating, used as if it were the average draw).',
  },
  overhead_factor: {
    dist: 'triangular',
    min: 900 / 700,
    mode: 1000 / 700,
    max: 1100 / 700,
    unit: '1',
    source:
      '"about 1 kW with cooling and overheads" per 700 W GPU: the English report\'s reading (VentureBeat, Nov 2023, S; ' +
      'its wording U: the passage was not read here), i.e. ×1.43. The French coverage has no 1 kW: it puts the 700 W itself ' +
      '"pour le refroidissement et d\'autres processus" (seed-article-fr.txt), i.e. ×1 (scenario seed-700w-all-in of ' +
      'edunov-2023). Triangular with the 1 kW ±10% (×1.29–1.57) is a judgement reading of "about". For comparison, careful ' +
      'figures (inference-fleet) multiply the rating by ~0.7 average draw × ~1.8 server overhead × ~1.2 PUE ≈ 1.5.',
    description: 'All-in power per GPU ÷ GPU power: the claim\'s allowance for servers, cooling and other overheads.',
  },
} satisfies Record<string, ParameterInput>;

export const claimDemandParameters = {
  claimed_tokens_per_person_day: {
    dist: 'pert',
    min: 50_000,
    mode: 100_000,
    max: 150_000,
    unit: 'tokens/person/day',
    source:
      '"about 100,000 tokens per person per day" that the fleet could generate with "reasonably sized" LLMs: the English ' +
      'report\'s reading (VentureBeat, Nov 2023, S; "per day" U: the passage was not read here; a re-report quotes "if all of ' +
      'those GPUs were used to generate tokens…", S: ruetir.com, Nov 2023). The French coverage says "100 000 jetons LLM par ' +
      'personne", no period (seed-article-fr.txt; scenario period-unstated of edunov-2023). Read as generated (output) ' +
      'tokens. PERT 50,000–150,000, mode 100,000, is a judgement: a round number with one significant figure.',
    description: 'Tokens per person per day that the claim says the fleet would generate.',
  },
} satisfies Record<string, ParameterInput>;
