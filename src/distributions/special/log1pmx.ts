/**
 * log1pmx(t) = ln(1 + t) − t, accurate when t is small (where the two terms nearly cancel).
 *
 * For |t| ≤ ½ it uses ln(1 + t) = 2·atanh(y), y = t/(2 + t), so that
 * ln(1 + t) − t = −t²/(2 + t) + 2·(y³/3 + y⁵/5 + …) with |y| ≤ ⅓ (the atanh series);
 * elsewhere `Math.log1p(t) − t`, which loses at most one digit there. The building block of the
 * large-parameter prefactors of DiDonato & Morris (1986, 1992) used by the incomplete gamma and beta
 * functions here.
 *
 * @example
 * log1pmx(1e-10); // -5.0e-21 (to ~1e-16 relative)
 */
export function log1pmx(t: number): number {
  if (!(Math.abs(t) <= 0.5)) return Math.log1p(t) - t;
  const y = t / (2 + t);
  const y2 = y * y;
  let power = y * y2;
  let sum = 0;
  for (let k = 3; k < 200; k += 2) {
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
    power *= y2;
  }
  return (-t * t) / (2 + t) + 2 * sum;
}
