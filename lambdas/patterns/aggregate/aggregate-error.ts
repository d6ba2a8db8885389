import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { ConcurrencyError } from '../../stores/event-store/event-store-error.js';

/** Every attempt lost the race for the stream; `cause` is the last `ConcurrencyError`. */
export class ConcurrencyRetriesExhaustedError extends AgentbridgeError {
  override readonly name = 'ConcurrencyRetriesExhaustedError';
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

/** Options that cannot work (zero attempts, a negative delay). */
export class InvalidAggregateOptionsError extends AgentbridgeError {
  override readonly name = 'InvalidAggregateOptionsError';
  readonly option: string;

  constructor(option: string, value: unknown, rule: string) {
    super('INVALID_AGGREGATE_OPTIONS', `Invalid ${option} ${String(value)}: ${rule}`);
    this.option = option;
  }
}
