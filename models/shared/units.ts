/**
 * Unit conversions used by the built-in models. These are definitions, not uncertain inputs,
 * so they are plain constants rather than model parameters.
 */

/** Seconds in one hour. */
export const S_PER_H = 3600;
/** Seconds in one day. */
export const S_PER_DAY = 86_400;
/** Hours in one day. */
export const H_PER_DAY = 24;
/** Joules in one watt-hour. */
export const J_PER_WH = 3600;
/** Watt-hours in one terawatt-hour. */
export const WH_PER_TWH = 1e12;
/** Joules in one terawatt-hour (1 TWh = 10^12 Wh × 3,600 J/Wh). */
export const J_PER_TWH = 3.6e15;
/** Watts in one gigawatt. */
export const W_PER_GW = 1e9;
/** Months in one year (provider token counts are published per month). */
export const MONTHS_PER_YEAR = 12;
