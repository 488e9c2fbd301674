/**
 * The engine's own vocabulary, used by the CLI, the library, the planner and the workers alike. The
 * worker wire protocol (`workers/protocol.ts`) imports these; it does not define them, so the engine's
 * types never depend on how messages happen to travel between threads.
 */

/** Plain Monte Carlo, Latin hypercube (stratified per chunk), or one scrambled Sobol sequence across chunks. */
export type Sampling = 'mc' | 'lhs' | 'sobol';

/** How percentiles are computed: every value kept (`exact`) or a relative-error sketch per chunk (`ddsketch`). */
export type PercentileMethod = 'exact' | 'ddsketch';
