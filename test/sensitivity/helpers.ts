/** Shared helpers for the sensitivity tests: fixture models loaded and evaluated the way a user's model is. */
import { evaluateDesign } from '../../src/engine/evaluate.ts';
import { loadModel, type ModelHandle } from '../../src/model/load.ts';

export const fixture = (name: string) => new URL(`../fixtures/${name}.ts`, import.meta.url).pathname;

const handles = new Map<string, Promise<ModelHandle>>();

/** The fixture's model handle (loaded once per test file). */
export function fixtureHandle(name: string): Promise<ModelHandle> {
  let h = handles.get(name);
  if (!h) {
    h = loadModel(fixture(name));
    handles.set(name, h);
  }
  return h;
}

/** Evaluates a unit design in-process and returns the named output (or claim indicator). */
export async function evaluate(name: string, unit: Float64Array, target: { output?: string; claim?: string } = {}): Promise<Float64Array | Uint8Array> {
  const handle = await fixtureHandle(name);
  const ev = await evaluateDesign(handle, unit, { workers: 0 });
  if (target.claim) return ev.claims[target.claim];
  return ev.outputs[target.output ?? handle.model.outputs[0].name];
}

/**
 * Analytic Sobol' indices of the G function (Saltelli et al., Comput. Phys. Commun. 181, 2010, §5):
 * V_i = 1 / (3 (1 + a_i)²), V = Π (1 + V_j) − 1, S_i = V_i / V, ST_i = V_i Π_{j≠i} (1 + V_j) / V.
 */
export function sobolGIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const v = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const total = v.reduce((p, vi) => p * (1 + vi), 1) - 1;
  return {
    S1: v.map((vi) => vi / total),
    ST: v.map((vi, i) => (vi * v.reduce((p, vj, j) => (j === i ? p : p * (1 + vj)), 1)) / total),
  };
}
