import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../lambdas/contracts/clock.js';
import type { OrderState } from '../../../lambdas/contracts/order/lifecycle-messages.js';
import type { WaitingState } from '../../../lambdas/contracts/order/lifecycle-waits.js';
import { TASK_TOKEN_TABLE } from '../../../lambdas/contracts/tables/task-token-table.js';
import { DynamoDbTaskTokenStore } from '../../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { InMemoryTaskTokenStore } from '../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import type { TaskTokenStore } from '../../../lambdas/stores/task-tokens/task-token-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { InjectedCrash, lifecycleHarness, trigger } from '../../support/lifecycle/lifecycle-harness.js';

const adapters: ReadonlyArray<readonly [string, (clock: Clock) => TaskTokenStore]> = [
  ['in-memory', (clock) => new InMemoryTaskTokenStore({ clock })],
  [
    'DynamoDB',
    (clock) =>
      new DynamoDbTaskTokenStore({
        documentClient: testDynamoClients().documentClient,
        tableName: TASK_TOKEN_TABLE.localName,
        clock,
      }),
  ],
];

/** Runs `step`, tolerating only the injected crash (the function died after a call took effect). */
const crashing = async (step: () => Promise<unknown>): Promise<boolean> => {
  try {
    await step();
    return false;
  } catch (error) {
    if (error instanceof InjectedCrash) return true;
    throw error;
  }
};

// Dozens of store round trips per test: generous limits for DynamoDB Local on a loaded machine.
const WALK = { timeout: 180_000 };

describe.each(adapters)(
  'taking a lifecycle trigger with a crash after every call: %s',
  (_name, makeStore) => {
    const recorded: Record<string, OrderState> = {};
    const h = lifecycleHarness(recorded, makeStore);

    /** The store and callback calls of one clean run of `step`: each is a point to crash after. */
    const callsOf = async (step: () => Promise<unknown>): Promise<number> => {
      const before = h.faults.calls;
      await step();
      return h.faults.calls - before;
    };

    /** The await task as Step Functions runs it: a crashed attempt is retried under a new token, unless resumed. */
    const parkWithCrash = async (orderId: string, state: WaitingState, crashAfter: number): Promise<void> => {
      const token = `token-${randomUUID()}`;
      h.faults.calls = 0;
      h.faults.crashAfter = crashAfter;
      const crashed = await crashing(() => h.park(orderId, state, token));
      h.faults.crashAfter = undefined;
      if (!crashed || !h.callbacks.isOpen(token)) return;
      h.callbacks.close(token);
      await h.park(orderId, state);
    };

    const resumesOf = (orderId: string) =>
      h.callbacks.resumed.filter(({ token }) => h.callbacks.orderOf.get(token) === orderId);

    it('resumes a parked wait exactly once, however the first delivery crashed', WALK, async () => {
      const probe = `o-${randomUUID()}`;
      recorded[probe] = 'created';
      await h.park(probe, 'created');
      const points = await callsOf(() => h.tasks.applyTrigger(trigger(probe, 'PaymentCompleted')));
      expect(points).toBeGreaterThanOrEqual(5);

      for (let crashAfter = 1; crashAfter <= points; crashAfter += 1) {
        const orderId = `o-${randomUUID()}`;
        recorded[orderId] = 'created';
        await h.park(orderId, 'created');
        h.faults.calls = 0;
        h.faults.crashAfter = crashAfter;
        expect(await crashing(() => h.tasks.applyTrigger(trigger(orderId, 'PaymentCompleted')))).toBe(true);
        h.faults.crashAfter = undefined;
        // Lambda's async retry of the same event, then a duplicate of it.
        await h.tasks.applyTrigger(trigger(orderId, 'PaymentCompleted'));
        await expect(h.tasks.applyTrigger(trigger(orderId, 'PaymentCompleted'))).resolves.toMatchObject({
          outcome: 'duplicate',
        });
        expect(resumesOf(orderId).map(({ output }) => (output as { trigger: string }).trigger)).toEqual([
          'PaymentCompleted',
        ]);
        // Nothing left behind blocks the next wait.
        recorded[orderId] = 'paid';
        await h.park(orderId, 'paid');
        await expect(h.tasks.applyTrigger(trigger(orderId, 'OrderCancelled'))).resolves.toMatchObject({
          outcome: 'resumed',
        });
        expect(resumesOf(orderId)).toHaveLength(2);
      }
    });

    it(
      'resumes a wait parked after its trigger exactly once, however the await task crashed',
      WALK,
      async () => {
        const probe = `o-${randomUUID()}`;
        recorded[probe] = 'paid';
        await h.tasks.applyTrigger(trigger(probe, 'ProcessingStarted'));
        const points = await callsOf(() => h.park(probe, 'paid'));
        expect(points).toBeGreaterThanOrEqual(5);

        for (let crashAfter = 1; crashAfter <= points; crashAfter += 1) {
          const orderId = `o-${randomUUID()}`;
          recorded[orderId] = 'paid';
          await h.tasks.applyTrigger(trigger(orderId, 'ProcessingStarted'));
          h.advanceMinutes(10);
          await parkWithCrash(orderId, 'paid', crashAfter);
          await h.tasks.applyTrigger(trigger(orderId, 'ProcessingStarted'));
          expect(resumesOf(orderId).map(({ output }) => (output as { trigger: string }).trigger)).toEqual([
            'ProcessingStarted',
          ]);
        }
      },
    );

    it('keeps an early trigger whose delivery crashed, for the wait that parks later', WALK, async () => {
      const probe = `o-${randomUUID()}`;
      recorded[probe] = 'paid';
      const points = await callsOf(() => h.tasks.applyTrigger(trigger(probe, 'ProcessingStarted')));
      expect(points).toBeGreaterThanOrEqual(2);

      for (let crashAfter = 1; crashAfter <= points; crashAfter += 1) {
        const orderId = `o-${randomUUID()}`;
        recorded[orderId] = 'paid';
        h.faults.calls = 0;
        h.faults.crashAfter = crashAfter;
        expect(await crashing(() => h.tasks.applyTrigger(trigger(orderId, 'ProcessingStarted')))).toBe(true);
        h.faults.crashAfter = undefined;
        await h.tasks.applyTrigger(trigger(orderId, 'ProcessingStarted'));
        h.advanceMinutes(10);
        await h.park(orderId, 'paid');
        await h.tasks.applyTrigger(trigger(orderId, 'ProcessingStarted'));
        expect(resumesOf(orderId)).toHaveLength(1);
      }
    });
  },
);
