import { SnapshotTooLargeError } from './event-store-input-error.js';
import type { EventStorePort } from './event-store-port.js';
import { MAX_ITEM_BYTES, snapshotItemBytes } from './item-size.js';
import type { LoadedState } from './reducer.js';
import { toJson } from './to-json.js';

/** Which snapshot was written. */
export interface SnapshotWritten {
  readonly streamId: string;
  readonly reducerVersion: number;
  readonly version: number;
}

/**
 * Stores a loaded state as the snapshot at its version, unless there is nothing new: an empty stream, or
 * a state that was itself loaded from a snapshot at that very version.
 *
 * @throws NotJsonSerializableError, SnapshotTooLargeError when the state cannot be stored.
 * @example
 * ```ts
 * await writeSnapshot(adapter, 'user-1', 1, await store.load('user-1', users), new Date());
 * ```
 */
export const writeSnapshot = async (
  adapter: EventStorePort,
  streamId: string,
  reducerVersion: number,
  loaded: LoadedState<unknown>,
  now: Date,
): Promise<SnapshotWritten | undefined> => {
  if (loaded.version === 0 || loaded.snapshotVersion === loaded.version) return undefined;
  const state = toJson(loaded.state, 'snapshot.state');
  const time = now.toISOString();
  const bytes = snapshotItemBytes(streamId, state, time);
  if (bytes > MAX_ITEM_BYTES) throw new SnapshotTooLargeError(streamId, bytes, MAX_ITEM_BYTES);
  const written = { streamId, reducerVersion, version: loaded.version };
  await adapter.putSnapshot({ ...written, state, time });
  return written;
};
