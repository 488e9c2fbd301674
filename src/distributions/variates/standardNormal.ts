import type { RandomSource } from '../types.ts';
import { erfc } from '../special/erf.ts';

/**
 * One draw from the standard normal law N(0, 1), by the ziggurat method of G. Marsaglia &
 * W. W. Tsang (2000), "The Ziggurat Method for Generating Random Variables", *Journal of
 * Statistical Software* 5(8), with 128 layers.
 *
 * The density e^(−x²/2) is covered by 128 stacked layers of equal area v: 127 rectangles and a base
 * strip that carries the tail beyond r. A draw picks a layer and a sign and a horizontal position
 * u ∈ [0, 1) within the layer; ~98.8% of draws fall in the part of a rectangle that lies wholly
 * under the curve and are accepted with one multiplication. The rest go to `slowPath`: the wedge
 * test against the density, or Marsaglia's (1964) exact tail algorithm x = r + E₁/r, accepted when
 * 2E₂ > (E₁/r)², with E = −ln(1 − U) so that a generator returning exactly 0 never reaches ln(0).
 *
 * One call to `random()` feeds the fast path: its top 8 bits choose the sign and the layer, the
 * remaining bits are u (24 bits with the engine's 32-bit uniforms: draws lie on a grid of about
 * 2e-7·|x| within a layer, as fine as inverse-transform sampling from the same 2³² possible values).
 * This replaces the independent integer of the original algorithm, and avoids the index/value
 * correlation that Doornik (2005) found when both come from the *same* bits.
 *
 * The layer edges are computed when this module loads from r, the root of the ziggurat's closing
 * condition (3.442619855899 as in the paper), and v = r·e^(−r²/2) + √(π/2)·erfc(r/√2). r is written
 * out to the last bit rather than solved for at load: the bisection (`solveZigguratEdge`, which a
 * test holds equal to it) took ~25 ms of not-yet-compiled code in every thread that loads this.
 *
 * @example
 * const random = seedrandom.xor4096('demo');
 * standardNormal(random); // a draw from N(0, 1)
 */
export function standardNormal(random: RandomSource): number {
  const t = random() * 256;
  const j = t | 0;
  const u = t - j;
  if (u < RATIO[j]) return u * WIDTH[j];
  return slowPath(random, j, u);
}

const LAYERS = 128;

/** x-edges of the layers: EDGE[0] = v/f(r) (the base strip as a rectangle), EDGE[1] = r, …, EDGE[128] = 0. */
const EDGE = new Float64Array(LAYERS + 1);
/** f(EDGE[i]) = e^(−EDGE[i]²/2). */
const HEIGHT = new Float64Array(LAYERS + 1);
/** Indexed by the 8-bit draw j (bit 7 = sign, bits 0–6 = layer): EDGE[i+1]/EDGE[i], the fast-accept ratio. */
const RATIO = new Float64Array(2 * LAYERS);
/** Indexed by j: ±EDGE[i], the signed layer width. */
const WIDTH = new Float64Array(2 * LAYERS);
/** r: what `solveZigguratEdge()` returns, bit for bit. */
const R = 3.4426198558966528;

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

/** Builds the layers (into `edge`) for base edge r; returns how far the top layer overshoots f(0) = 1 (NaN/positive if r is too small). */
function build(r: number, edge: Float64Array = EDGE): number {
  const v = r * density(r) + Math.sqrt(Math.PI / 2) * erfc(r / Math.SQRT2);
  edge[0] = v / density(r);
  edge[1] = r;
  for (let i = 1; i < LAYERS - 1; i++) {
    const next = density(edge[i]) + v / edge[i];
    if (!(next < 1)) return 1;
    edge[i + 1] = Math.sqrt(-2 * Math.log(next));
  }
  edge[LAYERS] = 0;
  return density(edge[LAYERS - 1]) + v / edge[LAYERS - 1] - 1;
}

/** The root r of the closing condition, by bisection on [3, 4] to the last bit (the layers it builds are scratch). */
export function solveZigguratEdge(): number {
  const scratch = new Float64Array(LAYERS + 1);
  let lo = 3;
  let hi = 4;
  for (let k = 0; k < 100; k++) {
    const mid = 0.5 * (lo + hi);
    if (build(mid, scratch) > 0) lo = mid;
    else hi = mid;
  }
  return hi;
}

(function setUp(): void {
  build(R);
  for (let i = 0; i <= LAYERS; i++) HEIGHT[i] = density(EDGE[i]);
  for (let j = 0; j < 2 * LAYERS; j++) {
    const i = j & (LAYERS - 1);
    RATIO[j] = EDGE[i + 1] / EDGE[i];
    WIDTH[j] = j & LAYERS ? -EDGE[i] : EDGE[i];
  }
})();

/** The edge r where the base strip's tail begins (3.4426198558966…). */
export const ZIGGURAT_R: number = R;

function slowPath(random: RandomSource, j: number, u: number): number {
  for (;;) {
    const i = j & (LAYERS - 1);
    if (i === 0) {
      // Base strip beyond r: the exact tail.
      let x: number;
      let y: number;
      do {
        x = -Math.log(1 - random()) / R;
        y = -Math.log(1 - random());
      } while (y + y < x * x);
      return j & LAYERS ? -(R + x) : R + x;
    }
    // Wedge of layer i: accept (x, y) if it lies under the density.
    const x = u * WIDTH[j];
    const y = HEIGHT[i] + random() * (HEIGHT[i + 1] - HEIGHT[i]);
    if (y < density(x)) return x;
    const t = random() * 256;
    j = t | 0;
    u = t - j;
    if (u < RATIO[j]) return u * WIDTH[j];
  }
}
