// vega-interpreter's export, as the page uses it: evaluates vega expressions without eval (so the CSP needs no unsafe-eval).
export const expressionInterpreter: object;
