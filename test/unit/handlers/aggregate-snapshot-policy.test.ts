import { describe, expect, it } from 'vitest';
import { orderReducer } from '../../../lambdas/agents/orders/order-reducer.js';
import { userReducer } from '../../../lambdas/agents/users/user-reducer.js';
import { orderStreamId } from '../../../lambdas/contracts/order/order-events.js';
import { userStreamId } from '../../../lambdas/contracts/users/user-values.js';
import { aggregateSnapshotPolicy } from '../../../lambdas/handlers/aggregate-snapshot-policy.js';
import { DEFAULT_SNAPSHOT_EVERY } from '../../../lambdas/stores/event-store/snapshot-policy.js';

describe('aggregateSnapshotPolicy', () => {
  it('snapshots order streams with the order reducer and user streams with the user reducer', () => {
    const policy = aggregateSnapshotPolicy();
    expect(policy.reducerFor(orderStreamId('o-1'))).toBe(orderReducer);
    expect(policy.reducerFor(userStreamId('u-1'))).toBe(userReducer);
  });

  it('leaves streams of other aggregates alone', () => {
    const policy = aggregateSnapshotPolicy();
    expect(policy.reducerFor('inventory-A')).toBeUndefined();
    expect(policy.reducerFor('users-1')).toBeUndefined();
  });

  it('snapshots every 100 events unless told otherwise', () => {
    expect(aggregateSnapshotPolicy().every).toBe(DEFAULT_SNAPSHOT_EVERY);
    expect(aggregateSnapshotPolicy(25).every).toBe(25);
  });
});
