// The explorer: change an input, and the claims, their intervals and the charts follow. Every input change cancels the run in flight (the latest wins); after half a second without input the run grows towards the server's --max-samples on the same seed, so the interval narrows and nothing rerolls.
import { expressionInterpreter } from '/vendor/vega-interpreter.js';
import { get, isAbort, post } from './api.js';
import { byId, el } from './dom.js';
import { ParameterCard } from './params.js';
import { readState, writeState } from './state.js';

/**
 * @typedef {import('./state.js').ViewState} ViewState
 * @typedef {import('./params.js').Preview} Preview
 * @typedef {{ samples: number, maxSamples: number, seed: string, model: string }} Settings
 * @typedef {{ name: string, title: string, scenarios: string[], default?: boolean }} ModelEntry
 * @typedef {{ description?: string, output?: string, op?: string, value?: number, claim?: string }} ClaimInfo
 * @typedef {{ name: string, title: string, primaryOutput?: string, parameters: Record<string, import('./params.js').ParameterInfo>, outputs: Record<string, { label?: string, unit?: string }>, claims: Record<string, ClaimInfo>, scenarios: Record<string, { description?: string }> }} Description
 * @typedef {{ probability: number, ci95: [number, number] }} ClaimSummary
 * @typedef {{ samples: number, seed: string, claims: Record<string, ClaimSummary> }} Summary
 * @typedef {{ name: string, spec: object }} Chart
 * @typedef {{ summary: Summary, runId: number, wallMs: number, command: string, charts: Chart[], formatted: { samples: string, claims: Record<string, string> } }} RunReply
 */

const IDLE_MS = 500;
/** Input coalesced over this long: a word typed quickly asks for one run, not one per key. */
const INPUT_MS = 120;

/** As src/charts/select.ts names a chart's output. @param {string} name */
const slug = (name) => (name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'output').slice(0, 80);

/** @type {Settings} */
let settings;
/** @type {ViewState} */
let state;
/** @type {Description} */
let model;
/** @type {Map<string, ParameterCard>} */
const cards = new Map();
/** @type {Map<string, Preview>} */
const bases = new Map();
/** @type {AbortController | undefined} */
let inFlight;
/** The tornado and the base run: work for the view on screen, dropped (aborted here, so the server's 409 never reaches the page) when the input changes. */
let aside = new AbortController();
/** @type {ReturnType<typeof setTimeout> | undefined} */
let runTimer;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let refineTimer;
/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const previewTimers = new Map();
/** @type {RunReply | undefined} */
let shown;
/** The base run (no changes, no scenario) for the side-by-side view, by model, samples and seed. @type {Map<string, RunReply>} */
const baseRuns = new Map();
/** @type {Map<string, { finalize(): void }>} */
const views = new Map();
let generation = 0;

function setStatus(/** @type {string} */ text) {
  byId('status').textContent = text;
}

function saveUrl() {
  history.replaceState(null, '', writeState(state));
}

async function start() {
  const [s, m] = await Promise.all([get('/api/settings'), get('/api/models')]);
  if (!s.ok || !m.ok) return setStatus('The server did not answer; is `ai-energy-mc serve` still running?');
  settings = s.body;
  state = readState(location.search, settings);
  /** @type {ModelEntry[]} */
  const models = m.body;
  if (!models.some((x) => x.name === state.model)) state.model = settings.model;
  const picker = /** @type {HTMLSelectElement} */ (byId('model'));
  for (const x of models) picker.append(el('option', { text: x.title ? `${x.name} — ${x.title}` : x.name, attrs: { value: x.name } }));
  picker.value = state.model;
  picker.addEventListener('change', () => {
    state = { ...state, model: picker.value, scenario: 'base', claim: '', set: {} };
    void openModel();
  });
  const scenario = /** @type {HTMLSelectElement} */ (byId('scenario'));
  scenario.addEventListener('change', () => {
    state.scenario = scenario.value;
    void openModel();
  });
  const compare = /** @type {HTMLInputElement} */ (byId('compare'));
  compare.checked = state.compare;
  compare.addEventListener('change', () => {
    state.compare = compare.checked;
    saveUrl();
    if (shown) void showBase();
    renderClaims();
  });
  byId('save').addEventListener('click', () => void save());
  byId('sobol').addEventListener('click', () => void sobol());
  await openModel();
}

/** Loads the model's description (under the scenario picked) and builds the cards. */
async function openModel() {
  const q = state.scenario !== 'base' ? `?scenario=${encodeURIComponent(state.scenario)}` : '';
  const d = await get(`/api/models/${encodeURIComponent(state.model)}${q}`);
  if (!d.ok) return setStatus(d.error.message);
  model = d.body;
  document.title = `${model.name} · ai-energy-mc explorer`;
  byId('title').textContent = model.title;
  const scenario = /** @type {HTMLSelectElement} */ (byId('scenario'));
  scenario.replaceChildren(el('option', { text: 'base (no scenario)', attrs: { value: 'base' } }), ...Object.keys(model.scenarios).map((n) => el('option', { text: n, attrs: { value: n } })));
  scenario.value = state.scenario;
  if (!Object.hasOwn(model.claims, state.claim)) state.claim = Object.keys(model.claims)[0] ?? '';
  for (const name of Object.keys(state.set)) if (!Object.hasOwn(model.parameters, name)) delete state.set[name];
  saveUrl();
  const list = byId('params');
  list.replaceChildren();
  cards.clear();
  bases.clear();
  for (const [name, info] of Object.entries(model.parameters)) {
    const card = new ParameterCard(name, info, changed);
    cards.set(name, card);
    list.append(card.root);
    if (Object.hasOwn(state.set, name)) {
      card.setText(state.set[name]);
      card.setChanged(true);
    }
  }
  renderClaims();
  scheduleRun(0);
  // Each card's own distribution fixes its handles' range; then the text in its box is previewed.
  await Promise.all([...cards].map(async ([name, card]) => {
    const r = await get(`/api/preview?model=${encodeURIComponent(state.model)}&param=${encodeURIComponent(name)}${state.scenario !== 'base' ? `&scenario=${encodeURIComponent(state.scenario)}` : ''}`);
    if (!r.ok) return;
    bases.set(name, r.body);
    card.setBase(r.body);
    if (Object.hasOwn(state.set, name)) preview(name);
    else card.showPreview(r.body);
  }));
}

/** @param {string} name @param {string | null} text */
function changed(name, text) {
  if (text === null || text.trim() === '') delete state.set[name];
  else state.set[name] = text;
  const card = cards.get(name);
  card?.setChanged(Object.hasOwn(state.set, name));
  saveUrl();
  const timer = previewTimers.get(name);
  if (timer) clearTimeout(timer);
  previewTimers.set(name, setTimeout(() => preview(name), INPUT_MS));
  scheduleRun(INPUT_MS);
}

/** @param {string} name */
async function preview(name) {
  const card = cards.get(name);
  if (!card) return;
  const text = state.set[name];
  const base = bases.get(name);
  if (text === undefined) {
    card.showError('');
    if (base) card.showPreview(base);
    return;
  }
  const r = await get(`/api/preview?dist=${encodeURIComponent(text)}`);
  if (state.set[name] !== text) return; // typed on since
  if (r.ok) card.showPreview(r.body);
  else card.showError(r.error.message);
}

/** @param {number} delay */
function scheduleRun(delay) {
  clearTimeout(runTimer);
  clearTimeout(refineTimer);
  runTimer = setTimeout(() => void run(state.samples), delay);
}

/** The request for the current view, at `samples`. @param {number} samples */
function request(samples) {
  return { model: state.model, samples, seed: state.seed, set: { ...state.set }, ...(state.scenario !== 'base' ? { scenario: state.scenario } : {}) };
}

/** @param {number} samples */
async function run(samples) {
  const mine = ++generation;
  inFlight?.abort();
  aside.abort();
  aside = new AbortController();
  const controller = new AbortController();
  inFlight = controller;
  clearTimeout(refineTimer);
  document.body.setAttribute('data-busy', 'true');
  setStatus(`running ${samples.toLocaleString('en-US')} samples…`);
  const asked = request(samples);
  let r;
  try {
    r = await post('/api/run', asked, controller.signal);
  } catch (err) {
    if (isAbort(err)) return;
    setStatus(`the run failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (mine !== generation) return;
  document.body.removeAttribute('data-busy');
  if (!r.ok) {
    if (r.status === 409) return;
    const name = Object.keys(model.parameters).find((p) => new RegExp(`(^|[ .])${p.replace(/[^\w]/g, '\\$&')}($|[ .])`).test(r.error.field));
    if (name) cards.get(name)?.showError(r.error.message);
    setStatus(r.error.message);
    return;
  }
  for (const card of cards.values()) if (!state.set[card.name]) card.showError('');
  /** @type {RunReply} */
  const reply = r.body;
  shown = reply;
  renderClaims();
  // What the cards show, for a reader (and the browser test): the inputs and samples of this answer.
  byId('claims').setAttribute('data-set', JSON.stringify(asked.set));
  byId('claims').setAttribute('data-samples', String(reply.summary.samples));
  byId('command').textContent = reply.command;
  setStatus(`${reply.formatted.samples} samples, seed ${reply.summary.seed}: ${Math.round(reply.wallMs)} ms on the server`);
  document.body.setAttribute('data-run', String(reply.runId));
  // The numbers are painted first: vega compiles a chart's spec in the same task as it is asked
  // to draw, which held the new probability off the screen for ~100 ms.
  afterPaint(() => {
    if (mine === generation) void drawCharts(reply);
  });
  // Once the input has been still for a moment: the tornado and the base (work that would only
  // slow a run that is still being typed), then the run grows towards --max-samples on the same seed.
  const next = Math.min(settings.maxSamples, samples * 10);
  refineTimer = setTimeout(async () => {
    if (mine !== generation) return;
    if (samples === state.samples) await tornado(mine);
    if (state.compare && mine === generation) await showBase();
    if (next > samples && mine === generation) void run(next);
  }, IDLE_MS);
}

/** The unchanged model (no changes, no scenario) beside the current view, at the first answer's samples: run once per model and seed. */
async function showBase() {
  const key = baseKey();
  if (!baseRuns.has(key)) {
    let r;
    try {
      r = await post('/api/run', { model: state.model, samples: state.samples, seed: state.seed, set: {} }, aside.signal);
    } catch {
      return;
    }
    if (!r.ok) return;
    baseRuns.set(key, r.body);
  }
  renderClaims();
}

const baseKey = () => `${state.model}|${state.samples}|${state.seed}`;

function selectedOutput() {
  const claim = model.claims[state.claim];
  return claim?.output ?? model.primaryOutput ?? Object.keys(model.outputs)[0];
}

function renderClaims() {
  const box = byId('claims');
  const base = shown && state.compare ? baseRuns.get(baseKey()) : undefined;
  box.classList.toggle('comparing', Boolean(base));
  box.replaceChildren(
    ...Object.entries(model.claims).map(([name, info]) => {
      const c = shown?.summary.claims[name];
      const text = shown?.formatted.claims[name] ?? '…';
      const cut = text.indexOf(' (');
      const probability = el('div', { class: 'probability', text: cut > 0 ? text.slice(0, cut) : text });
      if (c) probability.setAttribute('data-probability', String(c.probability));
      const card = el('button', { class: `claim${name === state.claim ? ' selected' : ''}`, attrs: { type: 'button', 'data-claim': name } }, [
        el('div', { class: 'claim-name', text: name }),
        info.claim ? el('div', { class: 'claim-op', text: info.claim }) : null,
        probability,
        el('div', { class: 'interval', text: cut > 0 ? `95% interval ${text.slice(cut + 2, -1)}` : '' }),
        el('div', { class: 'meta', text: shown ? `${shown.formatted.samples} samples · seed ${shown.summary.seed}` : '' }),
        base ? el('div', { class: 'base', text: `base ${base.formatted.claims[name] ?? '–'} · ${base.formatted.samples} samples` }) : null,
      ]);
      if (info.description) card.title = info.description;
      card.addEventListener('click', () => {
        state.claim = name;
        saveUrl();
        renderClaims();
        if (shown) {
          void drawCharts(shown);
          void tornado(generation);
        }
      });
      return card;
    }),
  );
}

/** Runs `work` once the browser has painted the page as it is now. @param {() => void} work */
function afterPaint(work) {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** @param {string} id @param {object | undefined} spec */
async function embed(id, spec) {
  const box = byId(id);
  views.get(id)?.finalize();
  views.delete(id);
  box.replaceChildren();
  if (!spec) return;
  try {
    const result = await vegaEmbed(box, spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter, defaultStyle: false, tooltip: false });
    views.set(id, result.view);
  } catch (err) {
    box.textContent = `This chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** @param {RunReply} reply */
async function drawCharts(reply) {
  const output = slug(selectedOutput() ?? '');
  const find = (/** @type {string} */ kind) => reply.charts.find((c) => c.name === `${kind}-${output}`)?.spec;
  await Promise.all([embed('chart-exceedance', find('exceedance')), embed('chart-distribution', find('distribution'))]);
}

/** The tornado of the selected claim's output, for the inputs now set. @param {number} mine */
async function tornado(mine) {
  const output = selectedOutput();
  if (!output) return;
  let r;
  try {
    r = await post('/api/sensitivity', { ...request(1000), method: 'tornado', output }, aside.signal);
  } catch {
    return;
  }
  if (mine !== generation || !r.ok) return;
  await embed('chart-tornado', r.body.charts[0]?.spec);
}

async function sobol() {
  if (!state.claim) return;
  const button = /** @type {HTMLButtonElement} */ (byId('sobol'));
  button.disabled = true;
  byId('sobol-note').textContent = `Sobol indices of ${state.claim}: running…`;
  try {
    const r = await post('/api/sensitivity', { ...request(1024), method: 'sobol', claim: state.claim });
    if (!r.ok) byId('sobol-note').textContent = r.error.message;
    else {
      byId('sobol-note').textContent = r.body.command;
      await embed('chart-sobol', r.body.charts[0]?.spec);
    }
  } finally {
    button.disabled = false;
  }
}

async function save() {
  const note = byId('saved');
  note.textContent = 'saving…';
  const r = await post('/api/save', request(shown?.summary.samples ?? state.samples));
  note.textContent = r.ok ? `Saved: ${r.body.report}` : r.error.message;
}

void start();
