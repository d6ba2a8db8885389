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

/** A stored item (or stream record) that does not have the shape the store writes: never retried blindly. */
export class CorruptStoredItemError extends AgentbridgeError {
  override readonly name = 'CorruptStoredItemError';
  readonly itemKey: string;
  readonly reason: string;

  constructor(itemKey: string, reason: string, options?: { cause?: unknown }) {
    super('CORRUPT_STORED_ITEM', `Stored item ${itemKey} is unreadable: ${reason}`, options);
    this.itemKey = itemKey;
    this.reason = reason;
  }
}

/** The backing store failed (network, throttling, permissions): transient unless the cause says otherwise. */
export class EventStoreAccessError extends AgentbridgeError {
  override readonly name = 'EventStoreAccessError';
  readonly operation: string;
  readonly streamId: string;

  constructor(operation: string, streamId: string, options?: { cause?: unknown }) {
    const cause = options?.cause;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('EVENT_STORE_UNAVAILABLE', `Event store ${operation} on "${streamId}" failed: ${reason}`, options);
    this.operation = operation;
    this.streamId = streamId;
  }
}

export const isEventStoreAccessError = (error: unknown): error is EventStoreAccessError =>
  error instanceof EventStoreAccessError;
