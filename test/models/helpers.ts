/**
 * Helpers for the model tests: run a model's `compute` at stated point values (every parameter
 * must be given — the type demands it and `run` checks it again at run time), and compare a
 * result with a published figure to three significant figures.
 */
import { expect } from 'vitest';
import type { ModelDefinition, Values } from '../../src/model/types.ts';

/** `model.compute` at point values; fails if a parameter is missing or an unknown one is given. */
export function run<P extends string, O extends string>(model: ModelDefinition<P, O>, point: Record<P, number>): Values<O> {
  expect(Object.keys(point).sort()).toEqual(Object.keys(model.parameters).sort());
  return model.compute(point);
}

/**
 * Asserts that `actual` agrees with `expected` to `sf` significant figures: the difference is at most
 * half a unit in the `sf`-th significant figure of `expected` (so a published "8.76" accepts 8.755–8.765).
 */
export function expectSf(actual: number, expected: number, sf: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - (sf - 1));
  const ok = Math.abs(actual - expected) <= unit / 2 + 1e-12 * Math.abs(expected);
  if (!ok) expect.fail(`expected ${actual} to equal ${expected} to ${sf} significant figures`);
}

/** `expectSf(actual, expected, 3)`: the project's standard for reproducing a source's arithmetic. */
export function expect3sf(actual: number, expected: number): void {
  expectSf(actual, expected, 3);
}

/** The reactor the claim's arithmetic uses: 1 GW net at 90% capacity factor, one reactor per plant. */
export const reactorPoint = {
  reactor_net_capacity_gw: 1,
  capacity_factor: 0.9,
  hours_per_year: 8760,
  reactors_per_plant: 1,
} as const;
