import { orderReducer } from '../agents/orders/order-reducer.js';
import { userReducer } from '../agents/users/user-reducer.js';
import { orderStreamId } from '../contracts/order/order-events.js';
import { userStreamId } from '../contracts/users/user-values.js';
import type { Reducer } from '../stores/event-store/reducer.js';
import { DEFAULT_SNAPSHOT_EVERY, type SnapshotPolicy } from '../stores/event-store/snapshot-policy.js';

/**
 * The event-sourced aggregates of the order system, by stream-id prefix (`order-`, `user-`). These are the
 * very reducers the orders and users agents load with: a snapshot is only used by a reader whose reducer
 * has the same `version`, so sharing the objects keeps writer and readers in step.
 */
export const AGGREGATE_REDUCERS: Readonly<Record<string, Reducer<unknown>>> = {
  [orderStreamId('')]: orderReducer,
  [userStreamId('')]: userReducer,
};

/**
 * Which streams the snapshot function snapshots, and with which reducer: a stream whose id starts with a
 * prefix of {@link AGGREGATE_REDUCERS} gets that aggregate's reducer; any other stream none.
 *
 * @example
 * ```ts
 * const consumer = new SnapshotStreamConsumer({ store, policy: aggregateSnapshotPolicy(), logger });
 * aggregateSnapshotPolicy().reducerFor('user-42'); // userReducer
 * ```
 */
export const aggregateSnapshotPolicy = (every: number = DEFAULT_SNAPSHOT_EVERY): SnapshotPolicy => ({
  every,
  reducerFor: (streamId) =>
    Object.entries(AGGREGATE_REDUCERS).find(([prefix]) => streamId.startsWith(prefix))?.[1],
});
