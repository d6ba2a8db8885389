import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { ExpectedVersion } from './expected-version.js';

/**
 * The stream was not at the expected version: another writer appended first (or the stream does not exist
 * yet / already exists). Nothing of this append was written. `actualVersion` is the stream's version read
 * right after the failure (0 = no stream); retry by reloading and deciding again.
 */
export class ConcurrencyError extends AgentbridgeError {
  override readonly name = 'ConcurrencyError';
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly actualVersion: number;

  constructor(
    streamId: string,
    expectedVersion: ExpectedVersion,
    actualVersion: number,
    options?: { cause?: unknown },
  ) {
    super(
      'CONCURRENCY_CONFLICT',
      `Stream "${streamId}" expected at version ${String(expectedVersion)} but is at ${actualVersion}`,
      options,
    );
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

export const isConcurrencyError = (error: unknown): error is ConcurrencyError =>
  error instanceof ConcurrencyError;

/** `loadAt` asked for a version the stream has not reached. */
export class StreamVersionNotFoundError extends AgentbridgeError {
  override readonly name = 'StreamVersionNotFoundError';
  readonly streamId: string;
  readonly requestedVersion: number;
  readonly actualVersion: number;

  constructor(streamId: string, requestedVersion: number, actualVersion: number) {
    super(
      'STREAM_VERSION_NOT_FOUND',
      `Stream "${streamId}" has no version ${requestedVersion}; it is at version ${actualVersion}`,
    );
    this.streamId = streamId;
    this.requestedVersion = requestedVersion;
    this.actualVersion = actualVersion;
  }
}
