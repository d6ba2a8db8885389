import { CorruptItemError } from '../store-errors.js';
import { decodeEvent, decodeSnapshotState } from './decode-event.js';
import type { EventStorePort } from './event-store-port.js';
import type { LoadedState, Reducer } from './reducer.js';

/** Events fetched per adapter call while replaying; DynamoDB pages by 1 MB underneath anyway. */
export const REPLAY_PAGE_SIZE = 5_000;

/**
 * Folds a stream up to `maxVersion`: the latest snapshot at or below it written by this reducer version,
 * then every event after it. Events are immutable and versions contiguous, so reading the snapshot and
 * the tail in separate calls cannot mix states.
 *
 * @example
 * ```ts
 * const { state, version } = await replay(adapter, 'user-1', users, Number.MAX_SAFE_INTEGER);
 * ```
 */
export const replay = async <S>(
  adapter: EventStorePort,
  streamId: string,
  reducer: Reducer<S>,
  maxVersion: number,
): Promise<LoadedState<S>> => {
  const snapshot = await adapter.latestSnapshot(streamId, reducer.version, maxVersion);
  // The reducer version is the contract that a snapshot's JSON has the reducer's state shape.
  let state =
    snapshot === undefined
      ? reducer.initial()
      : (decodeSnapshotState(streamId, snapshot.version, snapshot.state) as S);
  let version = snapshot?.version ?? 0;
  let hasMore = version < maxVersion;
  while (hasMore) {
    const range = await adapter.readEvents(streamId, {
      direction: 'forward',
      minVersion: version + 1,
      maxVersion,
      limit: REPLAY_PAGE_SIZE,
    });
    for (const record of range.events) {
      if (record.version !== version + 1) {
        throw new CorruptItemError(
          'event-store',
          `${streamId}@${record.version}`,
          `expected version ${version + 1}`,
        );
      }
      state = reducer.apply(state, decodeEvent(record));
      version = record.version;
    }
    hasMore = range.hasMore && range.events.length > 0;
  }
  return snapshot === undefined ? { state, version } : { state, version, snapshotVersion: snapshot.version };
};
