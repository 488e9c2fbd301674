/**
 * User-facing errors. Every message names the field, echoes the bad value and says
 * what is allowed, so a user can fix the input without reading a stack trace.
 *
 * Errors cross the worker boundary as plain data (`toData` / `fromData`): structured
 * clone drops the prototype of an Error subclass.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** Dotted path of the offending field, e.g. `parameters.gpus.sd` or `--samples`. */
    readonly field: string,
    /** The value as the user wrote it. */
    readonly value: unknown,
    /** What would have been accepted. */
    readonly allowed: string,
  ) {
    super(`${field}: got ${showValue(value)}; ${allowed}`);
  }
}

/** An error raised by a model's own code (compute or a claim), with the sample that triggered it. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(message: string, readonly sample?: Readonly<Record<string, number>>) {
    super(message);
  }
}

export interface ErrorData {
  readonly kind: 'InputError' | 'ModelError' | 'Error';
  readonly message: string;
  readonly field?: string;
  readonly value?: string;
  readonly allowed?: string;
  readonly sample?: Readonly<Record<string, number>>;
}

export function toErrorData(err: unknown): ErrorData {
  if (err instanceof InputError) {
    return { kind: 'InputError', message: err.message, field: err.field, value: showValue(err.value), allowed: err.allowed };
  }
  if (err instanceof ModelError) return { kind: 'ModelError', message: err.message, sample: err.sample };
  return { kind: 'Error', message: err instanceof Error ? err.message : String(err) };
}

export function fromErrorData(data: ErrorData): Error {
  if (data.kind === 'InputError') {
    const e = new InputError(data.field ?? '?', data.value, data.allowed ?? '');
    e.message = data.message;
    return e;
  }
  if (data.kind === 'ModelError') return new ModelError(data.message, data.sample);
  return new Error(data.message);
}

/** A short, single-line rendering of any value for error messages. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * A failure that is nobody's bad input but still has a plain explanation: a results path that
 * cannot be written, a worker that ran out of memory, a run past its --timeout. The message is
 * the whole story on one line; `exitCode` is what the process returns.
 */
export class RunError extends Error {
  override readonly name = 'RunError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** The run was stopped by a signal (Ctrl-C, SIGTERM, SIGHUP); the process exits 128 + its number. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' = 'SIGINT') {
    super(`interrupted by ${signal}`);
  }

  get exitCode(): number {
    return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[this.signal];
  }
}
