import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TASK_TOKEN_TABLE } from '../../../lambdas/contracts/tables/task-token-table.js';
import { DynamoDbTaskTokenStore } from '../../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { InMemoryTaskTokenStore } from '../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import {
  isInvalidTaskTokenInputError,
  isTaskTokenNotFoundError,
  type TaskTokenNotFoundError,
} from '../../../lambdas/stores/task-tokens/task-token-error.js';
import { MAX_TASK_TOKEN_LENGTH } from '../../../lambdas/stores/task-tokens/task-token-input.js';
import type { TaskTokenStore } from '../../../lambdas/stores/task-tokens/task-token-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';

type MakeStore = (now: () => number) => TaskTokenStore;

const adapters: ReadonlyArray<readonly [string, MakeStore]> = [
  ['in-memory', (now) => new InMemoryTaskTokenStore({ now })],
  [
    'DynamoDB',
    (now) =>
      new DynamoDbTaskTokenStore({
        documentClient: testDynamoClients().documentClient,
        tableName: TASK_TOKEN_TABLE.localName,
        now,
        // Two items a page, so every peek of a busy order also exercises pagination.
        queryPageSize: 2,
      }),
  ],
];

/** Random order ids keep parallel test files apart on the shared table. */
const newOrderId = (): string => `order-${randomUUID()}`;

const notFound = async (promise: Promise<unknown>): Promise<TaskTokenNotFoundError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isTaskTokenNotFoundError(error))
    throw new Error(`expected a TaskTokenNotFoundError, got ${String(error)}`);
  return error;
};

describe.each(adapters)('TaskTokenStore conformance: %s', (_name, makeStore) => {
  const startMs = 1_900_000_000_000;
  const clock = (): { now: () => number; advanceSeconds: (seconds: number) => void } => {
    let nowMs = startMs;
    return { now: () => nowMs, advanceSeconds: (seconds) => (nowMs += seconds * 1000) };
  };
  const store = makeStore(clock().now);

  it('returns a token once: a second take is TaskTokenNotFoundError', async () => {
    const orderId = newOrderId();
    await store.put({ orderId, trigger: 'PaymentReceived', token: 'tok-1', ttlSeconds: 60 });
    expect(await store.take(orderId, 'PaymentReceived')).toBe('tok-1');
    const error = await notFound(store.take(orderId, 'PaymentReceived'));
    expect(error).toMatchObject({
      code: 'TASK_TOKEN_NOT_FOUND',
      orderId,
      trigger: 'PaymentReceived',
      awaitedTriggers: [],
    });
  });

  it('rejects a trigger the order is not waiting for, naming the awaited ones, and consumes nothing', async () => {
    const orderId = newOrderId();
    await store.put({ orderId, trigger: 'Shipped', token: 'tok-s', ttlSeconds: 60 });
    await store.put({ orderId, trigger: 'Cancelled', token: 'tok-c', ttlSeconds: 60 });
    const error = await notFound(store.take(orderId, 'PaymentReceived'));
    expect(error.awaitedTriggers).toEqual(['Cancelled', 'Shipped']);
    expect(error.message).toContain('Cancelled, Shipped');
    expect(await store.take(orderId, 'Shipped')).toBe('tok-s');
  });

  it('has nothing to take for an order never seen', async () => {
    expect((await notFound(store.take(newOrderId(), 'Shipped'))).awaitedTriggers).toEqual([]);
  });

  it('hands the token to exactly one of many concurrent takers', async () => {
    const orderId = newOrderId();
    await store.put({ orderId, trigger: 'Shipped', token: 'only-once', ttlSeconds: 60 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => store.take(orderId, 'Shipped')));
    const taken = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(taken).toEqual(['only-once']);
    for (const result of results) {
      if (result.status === 'rejected') expect(isTaskTokenNotFoundError(result.reason)).toBe(true);
    }
  });

  it('replaces the token when the same trigger is awaited again', async () => {
    const orderId = newOrderId();
    await store.put({ orderId, trigger: 'Shipped', token: 'old', ttlSeconds: 60 });
    await store.put({ orderId, trigger: 'Shipped', token: 'new', ttlSeconds: 60 });
    expect(await store.take(orderId, 'Shipped')).toBe('new');
    await expect(store.take(orderId, 'Shipped')).rejects.toSatisfy(isTaskTokenNotFoundError);
  });

  it('peeks the awaited triggers with their expiry, without the tokens, per order', async () => {
    const [orderId, otherOrderId] = [newOrderId(), newOrderId()];
    await store.put({ orderId, trigger: 'Shipped', token: 'secret-1', ttlSeconds: 60 });
    await store.put({ orderId, trigger: 'Cancelled', token: 'secret-2', ttlSeconds: 3600 });
    await store.put({ orderId, trigger: 'Returned', token: 'secret-4', ttlSeconds: 60 });
    await store.put({ orderId: otherOrderId, trigger: 'Refunded', token: 'secret-3', ttlSeconds: 60 });
    expect(await store.peek(orderId)).toEqual([
      { trigger: 'Cancelled', expiresAt: startMs / 1000 + 3600 },
      { trigger: 'Returned', expiresAt: startMs / 1000 + 60 },
      { trigger: 'Shipped', expiresAt: startMs / 1000 + 60 },
    ]);
    expect(await store.peek(newOrderId())).toEqual([]);
  });

  it('treats a token whose TTL has passed as absent, even before DynamoDB deletes it', async () => {
    const time = clock();
    const expiring = makeStore(time.now);
    const orderId = newOrderId();
    await expiring.put({ orderId, trigger: 'Shipped', token: 'short', ttlSeconds: 30 });
    await expiring.put({ orderId, trigger: 'Cancelled', token: 'long', ttlSeconds: 300 });
    time.advanceSeconds(29);
    expect((await expiring.peek(orderId)).map((awaited) => awaited.trigger)).toEqual([
      'Cancelled',
      'Shipped',
    ]);
    time.advanceSeconds(1);
    expect(await expiring.peek(orderId)).toEqual([{ trigger: 'Cancelled', expiresAt: startMs / 1000 + 300 }]);
    expect((await notFound(expiring.take(orderId, 'Shipped'))).awaitedTriggers).toEqual(['Cancelled']);
    expect(await expiring.take(orderId, 'Cancelled')).toBe('long');
  });

  it.each([
    ['an empty order id', { orderId: '' }, 'orderId'],
    ['an empty trigger', { trigger: '' }, 'trigger'],
    ['an empty token', { token: '' }, 'token'],
    ['an oversized token', { token: 't'.repeat(MAX_TASK_TOKEN_LENGTH + 1) }, 'token'],
    ['a zero TTL', { ttlSeconds: 0 }, 'ttlSeconds'],
    ['a negative TTL', { ttlSeconds: -5 }, 'ttlSeconds'],
    ['a fractional TTL', { ttlSeconds: 1.5 }, 'ttlSeconds'],
    ['a NaN TTL', { ttlSeconds: Number.NaN }, 'ttlSeconds'],
    ['a TTL beyond a year', { ttlSeconds: 400 * 24 * 3600 }, 'ttlSeconds'],
  ])('rejects a put with %s and stores nothing', async (_case, override, field) => {
    const orderId = newOrderId();
    const put = store.put({ orderId, trigger: 'Shipped', token: 'tok', ttlSeconds: 60, ...override });
    await expect(put).rejects.toSatisfy(isInvalidTaskTokenInputError);
    await expect(put).rejects.toMatchObject({ field });
    expect(await store.peek(orderId)).toEqual([]);
  });

  it('rejects take and peek with an empty order id or trigger', async () => {
    await expect(store.take('', 'Shipped')).rejects.toSatisfy(isInvalidTaskTokenInputError);
    await expect(store.take(newOrderId(), '')).rejects.toSatisfy(isInvalidTaskTokenInputError);
    await expect(store.peek('')).rejects.toSatisfy(isInvalidTaskTokenInputError);
  });
});
