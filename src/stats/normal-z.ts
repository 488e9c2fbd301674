/** Φ⁻¹(0.975): the two-sided 95% normal critical value (R: qnorm(0.975)). */
export const Z95 = 1.959963984540054;
