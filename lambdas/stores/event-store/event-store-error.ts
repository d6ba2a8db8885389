import type { ExpectedVersion } from './expected-version.js';

/**
 * Base of every error the event store raises. `code` is stable, so callers (and the wire) branch on it
 * rather than on `instanceof`. Input errors live in `event-store-input-error.ts`; this file holds the
 * errors a valid request can still meet.
 */
export class EventStoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isEventStoreError = (error: unknown): error is EventStoreError =>
  error instanceof EventStoreError;

/**
 * The stream was not at the expected version: another writer appended first (or the stream does not exist
 * yet / already exists). Nothing of this append was written. `actualVersion` is the stream's version read
 * right after the failure (0 = no stream); retry by reloading and deciding again.
 */
export class ConcurrencyError extends EventStoreError {
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
export class StreamVersionNotFoundError extends EventStoreError {
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

export const isStreamVersionNotFoundError = (error: unknown): error is StreamVersionNotFoundError =>
  error instanceof StreamVersionNotFoundError;

/** A stored item (or stream record) that does not have the shape the store writes: never retried blindly. */
export class CorruptStoredItemError extends EventStoreError {
  readonly itemKey: string;
  readonly reason: string;

  constructor(itemKey: string, reason: string, options?: { cause?: unknown }) {
    super('CORRUPT_STORED_ITEM', `Stored item ${itemKey} is unreadable: ${reason}`, options);
    this.itemKey = itemKey;
    this.reason = reason;
  }
}

export const isCorruptStoredItemError = (error: unknown): error is CorruptStoredItemError =>
  error instanceof CorruptStoredItemError;

/** The backing store failed (network, throttling, permissions): transient unless the cause says otherwise. */
export class EventStoreAccessError extends EventStoreError {
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
