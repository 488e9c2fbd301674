import { describe, expect, it } from 'vitest';
import { betaIncomplete, betaIncompleteComplement } from '../../src/distributions/special/betaIncomplete.ts';
import { betaQuantile, betaQuantileUpper } from '../../src/distributions/special/betaQuantile.ts';
import { erf, erfc } from '../../src/distributions/special/erf.ts';
import { gammaP, gammaQ } from '../../src/distributions/special/gammaIncomplete.ts';
import { gammaQuantile, gammaQuantileUpper } from '../../src/distributions/special/gammaQuantile.ts';
import { invertIncreasing } from '../../src/distributions/special/invertIncreasing.ts';
import { log1pmx } from '../../src/distributions/special/log1pmx.ts';
import { logGamma } from '../../src/distributions/special/logGamma.ts';
import { normalCdf } from '../../src/distributions/special/normalCdf.ts';
import { normalQuantile } from '../../src/distributions/special/normalQuantile.ts';

/** |actual − expected| ≤ tol·|expected|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= tol)) throw new Error(`expected ${expected}, got ${actual} (relative error ${err.toExponential(2)} > ${tol})`);
}

// Reference values: "mpmath" means mpmath 1.3.0 at 40 significant digits, rounded to double;
// "R" means R 4.x; "closed form" values are derived in the comment.
describe('error function', () => {
  it('matches reference values', () => {
    expectRelative(erf(1), 0.8427007929497149, 2e-16); // mpmath erf(1) = 0.84270079294971486934…
    expectRelative(erfc(2), 0.004677734981047266, 1e-15); // mpmath
    expectRelative(erfc(5), 1.5374597944280349e-12, 1e-15); // mpmath 1.5374597944280348502e-12
    expectRelative(erfc(-1), 1 + 0.8427007929497149, 2e-16);
    expect(erf(0)).toBe(0);
    expect(erf(-0.3)).toBe(-erf(0.3));
  });
});

describe('normal CDF and quantile', () => {
  it('matches reference values', () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054, 5e-16); // R: qnorm(0.975)
    expectRelative(normalQuantile(0.05), -1.6448536269514727, 5e-16); // mpmath −1.644853626951472688…
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 5e-16); // mpmath −6.3613409024040561991
    expectRelative(normalQuantile(0.999), 3.090232306167813, 5e-16); // R: qnorm(0.999)
    expect(normalQuantile(0.5)).toBe(0);
    expectRelative(normalCdf(1.96), 0.9750021048517795, 2e-16); // R: pnorm(1.96)
    expectRelative(normalCdf(-1), 0.15865525393145705, 2e-16); // mpmath 0.15865525393145705141
    expectRelative(normalCdf(-10), 7.619853024160526e-24, 1e-15); // mpmath 7.619853024160526066e-24
    expectRelative(normalCdf(-30), 4.906713927148187e-198, 1e-14); // mpmath 4.9067139271481870595e-198
  });

  it('inverts itself across the whole range', () => {
    for (const p of [1e-300, 1e-50, 1e-10, 1e-3, 0.02, 0.07, 0.3, 0.5, 0.6, 0.9, 0.99]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 5e-14);
    }
    for (let z = -37; z <= 7; z += 0.37) {
      const back = normalQuantile(normalCdf(z));
      // Above 0, Φ(z) is near 1 and carries an absolute rounding error of ~1.1e-16, i.e. ~1.1e-16/φ(z) in z.
      const roundingOfP = z > 0 ? 2.3e-16 / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)) : 0;
      expect(Math.abs(back - z)).toBeLessThan(Math.max(1e-13 * Math.max(1, Math.abs(z)), roundingOfP));
    }
  });
});

describe('log-gamma', () => {
  it('matches closed forms and reference values', () => {
    // Below 10 the recurrence costs a few ulp of ln Γ(x + n) ≈ 14: absolute error up to ~4e-15.
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(4e-15); // Γ(½) = √π
    expectRelative(logGamma(10), Math.log(362880), 1e-16); // Γ(10) = 9!
    expectRelative(logGamma(100), 359.1342053695754, 2e-16); // mpmath loggamma(100)
    expectRelative(logGamma(3.7), 1.428072326665388, 2e-15); // mpmath 1.4280723266653881292
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(Math.abs(logGamma(1.5) - Math.log(Math.sqrt(Math.PI) / 2))).toBeLessThan(5e-15); // Γ(3/2) = √π/2
  });

  it('log1pmx is accurate near 0', () => {
    expectRelative(log1pmx(1e-10), -5e-21 + 1e-30 / 3, 1e-15); // −t²/2 + t³/3 − …
    expectRelative(log1pmx(0.3), Math.log(1.3) - 0.3, 1e-14);
    expectRelative(log1pmx(-0.9), Math.log(0.1) + 0.9, 1e-15);
  });
});

describe('regularized incomplete gamma', () => {
  it('matches closed forms', () => {
    // Shape 1 is the exponential law; shape 2: P(2, x) = 1 − e⁻ˣ(1 + x); shape ½: P(½, x) = erf(√x).
    for (const x of [0.01, 0.5, 1, 3, 10]) {
      expectRelative(gammaP(1, x), -Math.expm1(-x), 1e-15);
      expectRelative(gammaQ(1, x), Math.exp(-x), 1e-15);
      expectRelative(gammaQ(2, x), Math.exp(-x) * (1 + x), 1e-14);
      expectRelative(gammaP(0.5, x), erf(Math.sqrt(x)), 1e-14);
    }
  });

  it('matches reference values', () => {
    expectRelative(gammaP(2.5, 1.7), 0.3614300768962049, 5e-15); // mpmath 0.36143007689620490988
    expectRelative(gammaQ(10, 20), 0.004995412308307587, 1e-14); // mpmath 0.0049954123083075871662
  });

  it('quantiles invert P and Q', () => {
    expectRelative(gammaQuantile(0.5, 1), Math.LN2, 1e-15);
    expectRelative(gammaQuantile(0.3, 2), 1.0973492107034917, 1e-14); // R: qgamma(0.3, 2)
    expectRelative(gammaQuantile(1e-6, 7.5), 0.6079999579469528, 1e-13); // R: qgamma(1e-6, 7.5)
    expectRelative(gammaQuantile(0.95, 0.5) * 2, 3.841458820694124, 1e-14); // χ²₁: R qchisq(0.95, 1) = 1.96²
    for (const a of [0.05, 0.3, 1, 2.5, 30, 1000]) {
      for (const p of [1e-12, 1e-4, 0.05, 0.5, 0.9, 0.999]) {
        const x = gammaQuantile(p, a);
        expectRelative(gammaP(a, x), p, 1e-11);
        const y = gammaQuantileUpper(p, a);
        expectRelative(gammaQ(a, y), p, 1e-11);
      }
    }
  });
});

describe('regularized incomplete beta', () => {
  it('matches closed forms', () => {
    // I_x(a, 1) = xᵃ; I_x(1, b) = 1 − (1−x)ᵇ; I_x(2, 2) = 3x² − 2x³; I_x(½, ½) = (2/π)·asin(√x);
    // I_0.3(2, 5) = 1 − 0.7⁶ − 6·0.3·0.7⁵ = 0.579825 (binomial tail).
    for (const x of [1e-6, 0.1, 0.37, 0.5, 0.8, 0.999]) {
      expectRelative(betaIncomplete(x, 3.5, 1), Math.pow(x, 3.5), 1e-14);
      expectRelative(betaIncomplete(x, 1, 4), -Math.expm1(4 * Math.log1p(-x)), 1e-14);
      expectRelative(betaIncomplete(x, 2, 2), 3 * x * x - 2 * x * x * x, 1e-14);
      expectRelative(betaIncomplete(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)), 1e-14);
      expectRelative(betaIncompleteComplement(x, 3.5, 1), -Math.expm1(3.5 * Math.log(x)), 1e-13);
    }
    expectRelative(betaIncomplete(0.3, 2, 5), 0.579825, 1e-15);
  });

  it('matches reference values', () => {
    expectRelative(betaIncomplete(0.2, 0.5, 3), 0.733430296619931, 1e-15); // mpmath 0.73343029661993103532
  });

  it('quantiles invert I and its complement', () => {
    expectRelative(betaQuantile(0.3, 2, 5), 0.18180347131894917, 1e-14); // R: qbeta(0.3, 2, 5)
    expectRelative(betaQuantile(0.9, 0.5, 3), 0.38624888180536926, 1e-14); // R: qbeta(0.9, 0.5, 3)
    expectRelative(betaQuantile(0.01, 30, 40), 0.2961130991964492, 1e-13); // R: qbeta(0.01, 30, 40)
    expectRelative(betaQuantile(0.25, 2, 2), 0.32635182233306964, 1e-14); // root of 3x² − 2x³ = ¼
    for (const [a, b] of [[0.1, 0.1], [0.5, 0.5], [0.2, 3], [2, 5], [30, 40], [0.5, 50], [400, 3]]) {
      for (const p of [1e-8, 1e-3, 0.1, 0.5, 0.9]) {
        const x = betaQuantile(p, a, b);
        if (x > 0 && x < 1 - 1e-6) expectRelative(betaIncomplete(x, a, b), p, 1e-10);
        const y = betaQuantileUpper(p, a, b);
        if (y > 1e-300 && y < 1 - 1e-6) expectRelative(betaIncompleteComplement(y, a, b), p, 1e-10);
      }
    }
  });
});

describe('safeguarded Newton', () => {
  it('finds roots from poor starts, including tiny ones', () => {
    expectRelative(invertIncreasing((x) => x * x - 2, (x) => 2 * x, 1, 0, Infinity), Math.SQRT2, 2e-16);
    expectRelative(invertIncreasing((x) => Math.log(x) + 400, (x) => 1 / x, 0.5, 0, Infinity), Math.exp(-400), 1e-14);
    expectRelative(invertIncreasing((x) => Math.atan(x - 3), (x) => 1 / (1 + (x - 3) ** 2), 100, 0, Infinity), 3, 1e-15);
  });
});
