import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbLockStore } from '../../../../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
import {
  CorruptLockItemError,
  LockContentionError,
  LockLostError,
} from '../../../../lambdas/stores/locks/lock-error.js';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const mock = mockClient(documentClient);
const now = Date.UTC(2026, 0, 1);
const cancelled = () => new TransactionCanceledException({ message: 'cancelled', $metadata: {} });
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'no', $metadata: {} });
const lease = { pk: 'r', sk: 'lease', owner: 'alice', lockId: 'id-1', fencingToken: 4, reentrantCount: 2 };

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );

describe('DynamoDbLockStore (SDK mocked)', () => {
  const store = new DynamoDbLockStore(documentClient, 'locks', { maxAttempts: 3 });

  beforeEach(() => mock.reset());

  it('grants in one transaction: counter from the value read, lease only if absent or ended at :now', async () => {
    mock.on(QueryCommand).resolves({ Items: [{ pk: 'r', sk: 'counter', fencingToken: 6 }] });
    mock.on(TransactWriteCommand).resolves({});
    const result = await store.tryAcquire('r', { owner: 'bob', ttlMs: 1_000, now });
    expect(result).toMatchObject({ outcome: 'granted', lock: { fencingToken: 7, expiresAt: now + 1_000 } });
    const input = mock.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(input?.ClientRequestToken).toBe(result.outcome === 'granted' ? result.lock.lockId : '');
    expect(input?.TransactItems?.[0]?.Update).toMatchObject({
      Key: { pk: 'r', sk: 'counter' },
      ConditionExpression: '#token = :read',
      ExpressionAttributeValues: { ':next': 7, ':read': 6 },
    });
    expect(input?.TransactItems?.[1]?.Put).toMatchObject({
      ConditionExpression: 'attribute_not_exists(#sk) OR #leaseEnd < :now',
      ExpressionAttributeValues: { ':now': now },
      Item: { sk: 'lease', leaseExpiresAtMs: now + 1_000, expiresAt: Math.ceil((now + 1_000) / 1000) + 3600 },
    });
    expect(mock.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({ ConsistentRead: true });
  });

  it('re-enters a live lease only on a condition that also demands the lease has not ended at :now', async () => {
    const live = { ...lease, leaseExpiresAtMs: now + 500 };
    mock.on(QueryCommand).resolves({ Items: [live] });
    mock
      .on(UpdateCommand)
      .resolves({ Attributes: { ...live, reentrantCount: 3, leaseExpiresAtMs: now + 1_000 } });
    const result = await store.tryAcquire('r', { owner: 'alice', ttlMs: 1_000, now });
    expect(result).toMatchObject({ outcome: 'granted', lock: { lockId: 'id-1', reentrantCount: 3 } });
    expect(mock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: expect.stringContaining('#leaseEnd >= :now'),
      ExpressionAttributeValues: { ':lockId': 'id-1', ':count': 2, ':readLeaseEnd': now + 500, ':now': now },
    });
  });

  it("grants afresh, never re-enters, when the owner's own lease has ended", async () => {
    const lapsed = { ...lease, leaseExpiresAtMs: now - 1 };
    mock.on(QueryCommand).resolves({ Items: [{ pk: 'r', sk: 'counter', fencingToken: 4 }, lapsed] });
    mock.on(TransactWriteCommand).resolves({});
    const result = await store.tryAcquire('r', { owner: 'alice', ttlMs: 1_000, now });
    expect(result).toMatchObject({ outcome: 'granted', lock: { fencingToken: 5, reentrantCount: 1 } });
    expect(result.outcome === 'granted' && result.lock.lockId).not.toBe('id-1');
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('keeps an owner whose lease ended behind a live waiter', async () => {
    const lapsed = { ...lease, leaseExpiresAtMs: now - 1 };
    const waiter = {
      pk: 'r',
      sk: 'waiter#0000000000000001',
      owner: 'bob',
      waitDeadlineMs: now + 9,
      aliveUntilMs: now + 9,
    };
    mock.on(QueryCommand).resolves({ Items: [lapsed, waiter] });
    expect(await store.tryAcquire('r', { owner: 'alice', ttlMs: 1_000, now })).toEqual({ outcome: 'queued' });
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('gives up with LockContentionError when every transaction is cancelled', async () => {
    mock.on(QueryCommand).resolves({ Items: [] });
    mock.on(TransactWriteCommand).rejects(cancelled());
    const error = await rejectionOf(store.tryAcquire('r', { owner: 'bob', ttlMs: 1_000, now }));
    expect(error instanceof LockContentionError && error).toMatchObject({
      code: 'LOCK_CONTENTION',
      attempts: 3,
    });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('reports a lease item without an owner as corrupt', async () => {
    mock.on(QueryCommand).resolves({ Items: [{ ...lease, owner: undefined }] });
    const error = await rejectionOf(store.tryAcquire('r', { owner: 'bob', ttlMs: 1_000, now }));
    expect(error instanceof CorruptLockItemError && error).toMatchObject({
      sortKey: 'lease',
      attribute: 'owner',
    });
  });

  it('passes a throttled heartbeat through instead of calling the lock lost', async () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
    mock.on(UpdateCommand).rejects(throttled);
    expect(await rejectionOf(store.extend('r', 'id-1', 1_000, now))).toBe(throttled);
  });

  it('calls the lock lost when the heartbeat condition fails', async () => {
    mock.on(UpdateCommand).rejects(conditionFailed());
    mock
      .on(QueryCommand)
      .resolves({ Items: [{ ...lease, lockId: 'id-2', owner: 'bob', leaseExpiresAtMs: now + 5 }] });
    const error = await rejectionOf(store.extend('r', 'id-1', 1_000, now));
    expect(error instanceof LockLostError && error).toMatchObject({ lockId: 'id-1', currentOwner: 'bob' });
  });

  it('counts a reentrant hold down, conditional on the exact count read', async () => {
    mock.on(DeleteCommand).rejects(conditionFailed());
    mock.on(GetCommand).resolves({ Item: { ...lease, leaseExpiresAtMs: now + 5 } });
    mock.on(UpdateCommand).resolves({ Attributes: { reentrantCount: 1 } });
    expect(await store.release('r', 'id-1', now)).toBe(1);
    expect(mock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: '#lockId = :lockId AND #count = :count',
      ExpressionAttributeValues: { ':lockId': 'id-1', ':one': 1, ':count': 2 },
    });
  });
});
