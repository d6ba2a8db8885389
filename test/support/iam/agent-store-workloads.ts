import { randomUUID } from 'node:crypto';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { expect } from 'vitest';
import { AGENT_STATE_TABLE } from '../../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import { TASK_TOKEN_TABLE } from '../../../lambdas/contracts/tables/task-token-table.js';
import { StateVersionConflictError } from '../../../lambdas/stores/agent-state/agent-state-error.js';
import { DynamoDbAgentStateStore } from '../../../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { DynamoDbTaskTokenStore } from '../../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { fakeLambdaContext } from '../aws-loopback/fake-lambda-context.js';
import { rejectionOf } from '../locks/lock-fixture.js';
import type { TableWorkload } from './table-workload.js';

/**
 * The agent runtime of every agent function: load, conditional save of state and applied-message log (and a
 * lost one), list, delete.
 */
export const agentStateWorkload: TableWorkload = async ({ documentClient }) => {
  const store = new DynamoDbAgentStateStore({
    documentClient,
    tableName: AGENT_STATE_TABLE.localName,
    queryPageSize: 1,
  });
  const agentType = `iam${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const [first, second] = [`${agentType}/a`, `${agentType}/b`];
  expect(await store.get(first)).toBeUndefined();
  expect(await store.put(first, { n: 1 }, 0)).toBe(1);
  expect(await store.put(first, { n: 2 }, 1, [{ id: 'm-2', kind: 'reply', reply: { n: 2 } }])).toBe(2);
  await store.put(second, { n: 1 }, 0);
  expect(await rejectionOf(store.put(first, { n: 3 }, 1))).toBeInstanceOf(StateVersionConflictError);
  expect(await rejectionOf(store.put(second, { n: 3 }, 0))).toBeInstanceOf(StateVersionConflictError);
  expect(await store.get(first)).toMatchObject({ state: { n: 2 }, version: 2, applied: [{ id: 'm-2' }] });
  expect(await store.list([agentType])).toHaveLength(2);
  await store.delete(first);
  await store.delete(first);
};

/** The lifecycle agent: park tokens, record a trigger, claim a wait, remove conditionally, read an order. */
export const taskTokenWorkload: TableWorkload = async ({ documentClient }) => {
  const store = new DynamoDbTaskTokenStore({
    documentClient,
    tableName: TASK_TOKEN_TABLE.localName,
    queryPageSize: 1,
  });
  const orderId = `order-${randomUUID()}`;
  await store.put({ orderId, trigger: 'PaymentCompleted', state: 'created', token: 'tok-1', ttlSeconds: 60 });
  await store.put({ orderId, trigger: 'OrderCancelled', state: 'created', token: 'tok-1', ttlSeconds: 60 });
  expect(await store.peek(orderId)).toHaveLength(2);
  const recorded = { orderId, trigger: 'PaymentCompleted', eventId: 'e-1', signal: '{}', ttlSeconds: 60 };
  await store.record(recorded);
  expect((await store.record({ ...recorded, eventId: 'e-2' })).eventId).toBe('e-1');
  const claim = { orderId, token: 'tok-1', trigger: 'PaymentCompleted', eventId: 'e-1', ttlSeconds: 60 };
  await store.claim(claim);
  expect((await store.claim({ ...claim, trigger: 'OrderCancelled' })).trigger).toBe('PaymentCompleted');
  expect(await store.remove(orderId, 'PaymentCompleted', 'tok-1')).toBe(true);
  expect(await store.remove(orderId, 'OrderCancelled', 'tok-other')).toBe(false);
  expect(await store.discard(orderId, 'PaymentCompleted', 'e-1')).toBe(true);
  expect((await store.read(orderId)).claims).toHaveLength(1);
};

/** A promise and the function that settles it. */
const signal = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
};

/**
 * Powertools idempotency as `makeHandlerIdempotent` / `makeIdempotent` drive it: a first run (in-progress
 * record, then its result), a replay, a concurrent duplicate while in progress, and a failed run (record
 * deleted so a retry runs again).
 */
export const idempotencyWorkload: TableWorkload = async ({ client }) => {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: IDEMPOTENCY_TABLE.localName,
    awsSdkV3Client: client,
  });
  const config = new IdempotencyConfig({});
  config.registerLambdaContext(fakeLambdaContext('iam-idempotency', 30_000));
  const gate = signal();
  const started = signal();
  const work = makeIdempotent(
    async (request: { id: string; fail?: boolean; wait?: boolean }) => {
      if (request.wait === true) {
        started.resolve();
        await gate.promise;
      }
      if (request.fail === true) throw new Error('the work failed');
      return { done: request.id };
    },
    { persistenceStore, config, keyPrefix: `iam-${randomUUID()}` },
  );
  const request = { id: randomUUID() };
  expect(await work(request)).toEqual({ done: request.id });
  expect(await work({ ...request })).toEqual({ done: request.id });
  const slow = { id: randomUUID(), wait: true };
  const running = work(slow);
  // Only once the first run holds the in-progress record is the duplicate certain to be the one refused.
  await started.promise;
  await expect(work({ ...slow })).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
  gate.resolve();
  await running;
  const failing = { id: randomUUID(), fail: true };
  await expect(work(failing)).rejects.toThrow('the work failed');
  await expect(work({ ...failing })).rejects.toThrow('the work failed');
};
