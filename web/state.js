// The view's state in the URL, so that a link reproduces it: ?model=…&samples=…&seed=…&scenario=…&claim=…&compare=1&set.gpus=1e6%20to%203e6

/**
 * @typedef {{ model: string, samples: number, seed: string, scenario: string, claim: string, compare: boolean, set: Record<string, string> }} ViewState
 */

/**
 * @param {string} search
 * @param {{ model: string, samples: number, seed: string }} defaults
 * @returns {ViewState}
 */
export function readState(search, defaults) {
  const q = new URLSearchParams(search);
  /** @type {Record<string, string>} */
  const set = {};
  for (const [k, v] of q) if (k.startsWith('set.') && v.trim() !== '') set[k.slice(4)] = v;
  const samples = Number(q.get('samples'));
  return {
    model: q.get('model') || defaults.model,
    samples: Number.isInteger(samples) && samples > 0 ? samples : defaults.samples,
    seed: q.get('seed') || defaults.seed,
    scenario: q.get('scenario') || 'base',
    claim: q.get('claim') || '',
    compare: q.get('compare') === '1',
    set,
  };
}

/** @param {ViewState} state @returns {string} */
export function writeState(state) {
  const q = new URLSearchParams();
  q.set('model', state.model);
  q.set('samples', String(state.samples));
  q.set('seed', state.seed);
  if (state.scenario !== 'base') q.set('scenario', state.scenario);
  if (state.claim) q.set('claim', state.claim);
  if (state.compare) q.set('compare', '1');
  for (const [k, v] of Object.entries(state.set)) q.set(`set.${k}`, v);
  return `?${q.toString()}`;
}
