import { InvalidOptionError } from './event-store-input-error.js';
import type { Reducer } from './reducer.js';

/** Snapshot after every this many events unless configured otherwise. */
export const DEFAULT_SNAPSHOT_EVERY = 100;

/**
 * When and with which reducer snapshots are taken. Snapshots sit at fixed versions (multiples of `every`),
 * so writing one twice — a redelivered stream record, a background retry — writes the same item again.
 *
 * @example
 * ```ts
 * const policy: SnapshotPolicy = { every: 100, reducerFor: (streamId) => (streamId.startsWith('user-') ? users : undefined) };
 * ```
 */
export interface SnapshotPolicy {
  /** Events between snapshots; default {@link DEFAULT_SNAPSHOT_EVERY}. */
  readonly every?: number;
  /** The reducer whose state is snapshotted for a stream; `undefined` = no snapshots for it. */
  reducerFor(streamId: string): Reducer<unknown> | undefined;
}

/**
 * Validates `policy.every` and returns it (or the default).
 *
 * @throws InvalidOptionError when `every` is not a positive safe integer.
 * @example
 * ```ts
 * snapshotInterval({ reducerFor: () => undefined }); // 100
 * ```
 */
export const snapshotInterval = (policy: SnapshotPolicy): number => {
  const every = policy.every ?? DEFAULT_SNAPSHOT_EVERY;
  if (!Number.isSafeInteger(every) || every < 1) {
    throw new InvalidOptionError('snapshot interval', every, 'expected a positive integer');
  }
  return every;
};

/**
 * The last multiple of `every` in `(previousVersion, newVersion]`, i.e. the snapshot an append that moved the
 * stream from `previousVersion` to `newVersion` is due to write; `undefined` when it crossed no boundary.
 *
 * @example
 * ```ts
 * snapshotBoundary(98, 103, 100); // 100
 * snapshotBoundary(100, 150, 100); // undefined
 * ```
 */
export const snapshotBoundary = (
  previousVersion: number,
  newVersion: number,
  every: number,
): number | undefined => {
  const boundary = Math.floor(newVersion / every) * every;
  return boundary > previousVersion ? boundary : undefined;
};
