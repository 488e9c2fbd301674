// One card per parameter: its label and unit, the distribution string, p5/p95 handles, a small density curve, p5/p50/p95, its source with the P/S/U tags, a changed badge with a reset, and the engine's one-line error under the box.
import { el, svg } from './dom.js';

/**
 * @typedef {{ label: string, unit?: string, source?: string, description?: string, dist: string }} ParameterInfo
 * @typedef {{ label: string, p5: number, p50: number, p95: number, log: boolean, text: { p5: string, p50: string, p95: string }, density: { x: number[], y: number[] } }} Preview
 */

const STEPS = 1000;

/** The evidence tags a source names: P (primary), S (secondary), U (unverified). @param {string} source */
export function sourceTags(source) {
  const tags = new Set();
  for (const m of source.matchAll(/(?:^|[\s(,;])([PSU])(?=[:;)])/g)) tags.add(m[1]);
  return ['P', 'S', 'U'].filter((t) => tags.has(t));
}

/** A handle's value as distribution text: four significant figures, no trailing zeros. @param {number} x */
export function numberText(x) {
  if (x === 0) return '0';
  const t = Number(x.toPrecision(4));
  return Math.abs(t) >= 1e5 || Math.abs(t) < 1e-3 ? t.toExponential().replace('e+', 'e') : String(t);
}

export class ParameterCard {
  /**
   * @param {string} name
   * @param {ParameterInfo} info
   * @param {(name: string, text: string | null) => void} onChange  text null: back to the model's own
   */
  constructor(name, info, onChange) {
    this.name = name;
    this.info = info;
    this.onChange = onChange;
    /** @type {{ lo: number, hi: number, log: boolean } | undefined} */
    this.domain = undefined;
    /** The p5 and p95 the handles stand for. */
    this.ends = { p5: 0, p95: 0 };
    this.box = /** @type {HTMLInputElement} */ (el('input', { class: 'dist', attrs: { type: 'text', value: info.label, spellcheck: 'false', 'aria-label': `distribution of ${name}`, 'data-param': name } }));
    this.low = /** @type {HTMLInputElement} */ (el('input', { class: 'handle low', attrs: { type: 'range', min: '0', max: String(STEPS), 'aria-label': `${name} p5` } }));
    this.high = /** @type {HTMLInputElement} */ (el('input', { class: 'handle high', attrs: { type: 'range', min: '0', max: String(STEPS), 'aria-label': `${name} p95` } }));
    this.curve = svg('svg', { class: 'density', viewBox: `0 0 ${STEPS} 100`, preserveAspectRatio: 'none', 'aria-hidden': 'true' });
    this.stats = el('div', { class: 'stats' });
    this.error = el('div', { class: 'error', attrs: { role: 'alert' } });
    this.badge = el('span', { class: 'badge', text: 'changed' });
    this.reset = /** @type {HTMLButtonElement} */ (el('button', { class: 'reset', text: 'reset', attrs: { type: 'button' } }));
    const tags = sourceTags(info.source ?? '');
    const source = el('details', { class: 'source' }, [
      el('summary', {}, [el('span', { class: 'tags', text: tags.length ? tags.join(' ') : '–' }), document.createTextNode(' source')]),
      el('p', { text: info.source || '(none given)' }),
    ]);
    this.root = el('div', { class: 'param', attrs: { 'data-param': name } }, [
      el('div', { class: 'param-head' }, [el('span', { class: 'name', text: name }), el('span', { class: 'unit', text: info.unit ?? '' }), this.badge, this.reset]),
      info.description ? el('div', { class: 'label', text: info.description }) : null,
      this.box,
      this.error,
      el('div', { class: 'slider' }, [this.curve, this.low, this.high]),
      this.stats,
      source,
    ]);
    this.box.addEventListener('input', () => this.onChange(this.name, this.box.value));
    this.reset.addEventListener('click', () => {
      this.box.value = this.info.label;
      this.onChange(this.name, null);
    });
    // The handle moved sets its end from its position; the other end keeps its exact value (a step is not exact).
    const moved = (/** @type {'low' | 'high'} */ which) => {
      if (!this.domain) return;
      const a = which === 'low' ? this.fromStep(Number(this.low.value)) : this.ends.p5;
      const b = which === 'high' ? this.fromStep(Number(this.high.value)) : this.ends.p95;
      if (!(a < b)) return;
      this.box.value = `${numberText(a)} to ${numberText(b)}`;
      this.onChange(this.name, this.box.value);
    };
    this.low.addEventListener('input', () => moved('low'));
    this.high.addEventListener('input', () => moved('high'));
    this.setChanged(false);
  }

  /** The model's own distribution fixes the handles' range (log when its p95/p5 > 10). @param {Preview} base */
  setBase(base) {
    if (!(base.p95 > base.p5)) {
      this.root.classList.add('fixed');
      this.domain = undefined;
      return;
    }
    const log = base.log;
    if (log) this.domain = { lo: Math.log10(base.p5) - 1, hi: Math.log10(base.p95) + 1, log };
    else {
      const w = base.p95 - base.p5;
      const lo = base.p5 >= 0 && base.p5 - w < 0 ? 0 : base.p5 - w;
      this.domain = { lo, hi: base.p95 + w, log };
    }
  }

  /** @param {number} step */
  fromStep(step) {
    const d = /** @type {{ lo: number, hi: number, log: boolean }} */ (this.domain);
    const t = d.lo + ((d.hi - d.lo) * step) / STEPS;
    return d.log ? 10 ** t : t;
  }

  /** @param {number} x */
  toStep(x) {
    const d = /** @type {{ lo: number, hi: number, log: boolean }} */ (this.domain);
    const t = d.log ? Math.log10(Math.max(x, 1e-300)) : x;
    return Math.round(((t - d.lo) / (d.hi - d.lo)) * STEPS);
  }

  /** The distribution now in the box: handles, curve and p5/p50/p95. @param {Preview} p */
  showPreview(p) {
    this.error.textContent = '';
    this.stats.textContent = `p5 ${p.text.p5} · p50 ${p.text.p50} · p95 ${p.text.p95}`;
    this.curve.replaceChildren();
    if (!this.domain) return;
    this.ends = { p5: p.p5, p95: p.p95 };
    this.low.value = String(this.toStep(p.p5));
    this.high.value = String(this.toStep(p.p95));
    const points = p.density.x.map((x, i) => [this.toStep(x), p.density.y[i]]).filter(([s]) => s >= 0 && s <= STEPS);
    // A log axis shows x·f(x), the density per unit of log x, so that the curve's area reads right.
    const ys = points.map(([s, y]) => (this.domain?.log ? y * this.fromStep(s) : y));
    const top = Math.max(...ys, 0);
    if (points.length < 2 || !(top > 0)) return;
    const line = points.map(([s], i) => `${s.toFixed(1)},${(98 - (ys[i] / top) * 92).toFixed(1)}`).join(' ');
    this.curve.append(svg('polyline', { points: `${points[0][0]},100 ${line} ${points[points.length - 1][0]},100`, class: 'area' }));
  }

  /** @param {string} message */
  showError(message) {
    this.error.textContent = message;
  }

  /** @param {boolean} changed */
  setChanged(changed) {
    this.root.classList.toggle('changed', changed);
    this.badge.hidden = !changed;
    this.reset.hidden = !changed;
  }

  /** @param {string} text */
  setText(text) {
    if (this.box.value !== text) this.box.value = text;
  }
}
