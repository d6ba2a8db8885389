import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../lambdas/contracts/clock.js';
import { TASK_TOKEN_TABLE } from '../../../lambdas/contracts/tables/task-token-table.js';
import { DynamoDbTaskTokenStore } from '../../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { InMemoryTaskTokenStore } from '../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import { InvalidTaskTokenInputError } from '../../../lambdas/stores/task-tokens/task-token-error.js';
import { MAX_TASK_TOKEN_LENGTH } from '../../../lambdas/stores/task-tokens/task-token-input.js';
import type { TaskTokenStore } from '../../../lambdas/stores/task-tokens/task-token-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';

type MakeStore = (clock: Clock) => TaskTokenStore;

const adapters: ReadonlyArray<readonly [string, MakeStore]> = [
  ['in-memory', (clock) => new InMemoryTaskTokenStore({ clock })],
  [
    'DynamoDB',
    (clock) =>
      new DynamoDbTaskTokenStore({
        documentClient: testDynamoClients().documentClient,
        tableName: TASK_TOKEN_TABLE.localName,
        clock,
        // Two items a page, so every read of a busy order also exercises pagination.
        queryPageSize: 2,
      }),
  ],
];

/** Random order ids keep parallel test files apart on the shared table. */
const newOrderId = (): string => `order-${randomUUID()}`;

describe.each(adapters)('TaskTokenStore conformance: %s', (_name, makeStore) => {
  const startMs = 1_900_000_000_000;
  const clock = (): { now: () => number; advanceSeconds: (seconds: number) => void } => {
    let nowMs = startMs;
    return { now: () => nowMs, advanceSeconds: (seconds) => (nowMs += seconds * 1000) };
  };
  const store = makeStore(clock());
  const wait = { state: 'created', ttlSeconds: 60 };

  it('removes a wait item only while it still holds the same token', async () => {
    const orderId = newOrderId();
    await store.put({ orderId, trigger: 'Shipped', token: 'old', ...wait });
    await store.put({ orderId, trigger: 'Shipped', token: 'new', ...wait });
    expect(await store.remove(orderId, 'Shipped', 'old')).toBe(false);
    expect((await store.read(orderId)).waits).toEqual([
      { trigger: 'Shipped', state: 'created', token: 'new', expiresAt: startMs / 1000 + 60 },
    ]);
    expect(await store.remove(orderId, 'Shipped', 'new')).toBe(true);
    expect(await store.remove(orderId, 'Shipped', 'new')).toBe(false);
    expect((await store.read(orderId)).waits).toEqual([]);
  });

  it('records the first event of a trigger and answers it to every later record', async () => {
    const orderId = newOrderId();
    const first = { orderId, trigger: 'Paid', eventId: 'e-1', signal: '{"n":1}', ttlSeconds: 600 };
    expect(await store.record(first)).toEqual({
      trigger: 'Paid',
      eventId: 'e-1',
      signal: '{"n":1}',
      expiresAt: startMs / 1000 + 600,
    });
    const again = await store.record({ ...first, eventId: 'e-2', signal: '{"n":2}' });
    expect(again).toMatchObject({ eventId: 'e-1', signal: '{"n":1}' });
    expect((await store.read(orderId)).inbox).toEqual([again]);
  });

  it('records a trigger exactly once among many concurrent records', async () => {
    const orderId = newOrderId();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.record({ orderId, trigger: 'Paid', eventId: `e-${i}`, signal: '{}', ttlSeconds: 600 }),
      ),
    );
    expect(new Set(results.map((result) => result.eventId)).size).toBe(1);
  });

  it('discards a recorded trigger only for its own event id', async () => {
    const orderId = newOrderId();
    await store.record({ orderId, trigger: 'Paid', eventId: 'e-1', signal: '{}', ttlSeconds: 600 });
    expect(await store.discard(orderId, 'Paid', 'e-2')).toBe(false);
    expect(await store.discard(orderId, 'Paid', 'e-1')).toBe(true);
    expect(await store.discard(orderId, 'Paid', 'e-1')).toBe(false);
    expect((await store.read(orderId)).inbox).toEqual([]);
  });

  it('gives a wait to the first claim and answers that claim to every other', async () => {
    const orderId = newOrderId();
    const claims = await Promise.all(
      ['Paid', 'Cancelled', 'Paid', 'Cancelled'].map((trigger, i) =>
        store.claim({ orderId, token: 'tok-1', trigger, eventId: `e-${i}`, ttlSeconds: 600 }),
      ),
    );
    expect(new Set(claims.map((claim) => `${claim.trigger}/${claim.eventId}`)).size).toBe(1);
    const other = await store.claim({
      orderId,
      token: 'tok-2',
      trigger: 'Cancelled',
      eventId: 'e-9',
      ttlSeconds: 9,
    });
    expect(other).toEqual({
      token: 'tok-2',
      trigger: 'Cancelled',
      eventId: 'e-9',
      expiresAt: startMs / 1000 + 9,
    });
    expect((await store.read(orderId)).claims).toHaveLength(2);
  });

  it('claims a token of the longest kind (a digest keys the claim)', async () => {
    const orderId = newOrderId();
    const token = 't'.repeat(MAX_TASK_TOKEN_LENGTH);
    await store.claim({ orderId, token, trigger: 'Paid', eventId: 'e-1', ttlSeconds: 60 });
    expect((await store.read(orderId)).claims.map((claim) => claim.token)).toEqual([token]);
  });

  it('peeks the awaited triggers with their expiry, without tokens, inbox or claims, per order', async () => {
    const [orderId, otherOrderId] = [newOrderId(), newOrderId()];
    await store.put({ orderId, trigger: 'Shipped', token: 'secret-1', ...wait });
    await store.put({ orderId, trigger: 'Cancelled', token: 'secret-2', state: 'paid', ttlSeconds: 3600 });
    await store.put({ orderId, trigger: 'Returned', token: 'secret-4', ...wait });
    await store.put({ orderId: otherOrderId, trigger: 'Refunded', token: 'secret-3', ...wait });
    await store.record({ orderId, trigger: 'Paid', eventId: 'e-1', signal: '{}', ttlSeconds: 60 });
    await store.claim({ orderId, token: 'secret-1', trigger: 'Shipped', eventId: 'e-2', ttlSeconds: 60 });
    expect(await store.peek(orderId)).toEqual([
      { trigger: 'Cancelled', expiresAt: startMs / 1000 + 3600 },
      { trigger: 'Returned', expiresAt: startMs / 1000 + 60 },
      { trigger: 'Shipped', expiresAt: startMs / 1000 + 60 },
    ]);
    expect(await store.peek(newOrderId())).toEqual([]);
    expect(await store.read(newOrderId())).toEqual({ waits: [], inbox: [], claims: [] });
  });

  it('treats an item whose TTL has passed as absent, even before DynamoDB deletes it', async () => {
    const time = clock();
    const expiring = makeStore(time);
    const orderId = newOrderId();
    await expiring.put({ orderId, trigger: 'Shipped', token: 'short', state: 'processing', ttlSeconds: 30 });
    await expiring.put({ orderId, trigger: 'Cancelled', token: 'long', state: 'paid', ttlSeconds: 300 });
    await expiring.record({ orderId, trigger: 'Paid', eventId: 'e-old', signal: '{}', ttlSeconds: 30 });
    await expiring.claim({ orderId, token: 'short', trigger: 'Shipped', eventId: 'e-s', ttlSeconds: 30 });
    time.advanceSeconds(29);
    expect((await expiring.peek(orderId)).map((awaited) => awaited.trigger)).toEqual([
      'Cancelled',
      'Shipped',
    ]);
    time.advanceSeconds(1);
    const view = await expiring.read(orderId);
    expect(view.waits.map((item) => item.trigger)).toEqual(['Cancelled']);
    expect(view.inbox).toEqual([]);
    expect(view.claims).toEqual([]);
    // Removing by token needs no live item: a stale item of that token may always go.
    expect(await expiring.remove(orderId, 'Shipped', 'short')).toBe(true);
    // An expired record or claim no longer holds its key: a new one takes it.
    const recorded = await expiring.record({
      orderId,
      trigger: 'Paid',
      eventId: 'e-new',
      signal: '{}',
      ttlSeconds: 30,
    });
    expect(recorded.eventId).toBe('e-new');
    const claim = await expiring.claim({
      orderId,
      token: 'short',
      trigger: 'Late',
      eventId: 'e-l',
      ttlSeconds: 30,
    });
    expect(claim.trigger).toBe('Late');
  });

  it.each([
    ['an empty order id', { orderId: '' }, 'orderId'],
    ['an empty trigger', { trigger: '' }, 'trigger'],
    ['a trigger with the item separator', { trigger: 'inbox#Paid' }, 'trigger'],
    ['an empty state', { state: '' }, 'state'],
    ['an empty token', { token: '' }, 'token'],
    ['an oversized token', { token: 't'.repeat(MAX_TASK_TOKEN_LENGTH + 1) }, 'token'],
    ['a zero TTL', { ttlSeconds: 0 }, 'ttlSeconds'],
    ['a negative TTL', { ttlSeconds: -5 }, 'ttlSeconds'],
    ['a fractional TTL', { ttlSeconds: 1.5 }, 'ttlSeconds'],
    ['a NaN TTL', { ttlSeconds: Number.NaN }, 'ttlSeconds'],
    ['a TTL beyond a year', { ttlSeconds: 400 * 24 * 3600 }, 'ttlSeconds'],
  ])('rejects a put with %s and stores nothing', async (_case, override, field) => {
    const orderId = newOrderId();
    const put = store.put({ orderId, trigger: 'Shipped', token: 'tok', ...wait, ...override });
    await expect(put).rejects.toBeInstanceOf(InvalidTaskTokenInputError);
    await expect(put).rejects.toMatchObject({ field });
    expect(await store.peek(orderId)).toEqual([]);
  });

  it('rejects records, claims and reads with empty keys, event ids or signals', async () => {
    const orderId = newOrderId();
    const entry = { orderId, trigger: 'Paid', eventId: 'e-1', signal: '{}', ttlSeconds: 60 };
    await expect(store.record({ ...entry, eventId: '' })).rejects.toMatchObject({ field: 'eventId' });
    await expect(store.record({ ...entry, signal: '' })).rejects.toMatchObject({ field: 'signal' });
    await expect(store.claim({ ...entry, token: '' })).rejects.toMatchObject({ field: 'token' });
    await expect(store.remove(orderId, '', 'tok')).rejects.toBeInstanceOf(InvalidTaskTokenInputError);
    await expect(store.discard(orderId, 'Paid', '')).rejects.toBeInstanceOf(InvalidTaskTokenInputError);
    await expect(store.read('')).rejects.toBeInstanceOf(InvalidTaskTokenInputError);
    expect(await store.read(orderId)).toEqual({ waits: [], inbox: [], claims: [] });
  });
});
