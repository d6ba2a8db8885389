import type { ConcurrencyError } from '../../stores/event-store/event-store-error.js';

/**
 * Base of the errors the aggregate helper itself raises (a `decide` function's own domain errors and the
 * event store's errors reach the caller unchanged). `code` is stable for callers and the wire.
 */
export class AggregateCommandError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isAggregateCommandError = (error: unknown): error is AggregateCommandError =>
  error instanceof AggregateCommandError;

/** Every attempt lost the race for the stream; `cause` is the last `ConcurrencyError`. */
export class ConcurrencyRetriesExhaustedError extends AggregateCommandError {
  readonly streamId: string;
  readonly attempts: number;

  constructor(streamId: string, attempts: number, cause: ConcurrencyError) {
    super(
      'CONCURRENCY_RETRIES_EXHAUSTED',
      `Command on "${streamId}" lost the race ${attempts} times (stream now at ${cause.actualVersion})`,
      { cause },
    );
    this.streamId = streamId;
    this.attempts = attempts;
  }
}

export const isConcurrencyRetriesExhaustedError = (
  error: unknown,
): error is ConcurrencyRetriesExhaustedError => error instanceof ConcurrencyRetriesExhaustedError;

/** Options that cannot work (zero attempts, a negative delay). */
export class InvalidAggregateOptionsError extends AggregateCommandError {
  readonly option: string;

  constructor(option: string, value: unknown, rule: string) {
    super('INVALID_AGGREGATE_OPTIONS', `Invalid ${option} ${String(value)}: ${rule}`);
    this.option = option;
  }
}

export const isInvalidAggregateOptionsError = (error: unknown): error is InvalidAggregateOptionsError =>
  error instanceof InvalidAggregateOptionsError;
