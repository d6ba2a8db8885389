import { describe, expect, it } from 'vitest';
import { inMemoryOrderSystem } from '../../../../lambdas/agents/in-memory-order-system.js';
import { lifecycleTasks } from '../../../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { recordedOrderStates } from '../../../../lambdas/agents/lifecycle/recorded-order-states.js';
import type { StateMachineKey } from '../../../../lambdas/contracts/state-machines.js';
import { TransientError } from '../../../../lambdas/contracts/transient-error.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { InMemoryTaskTokenStore } from '../../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import {
  type LocalAgentFunction,
  localAgentFunction,
} from '../../../../local/lambda/local-agent-function.js';
import { orderSystemFunctions } from '../../../../local/order-system/order-system-functions.js';
import { type ResolvedLambdaTask, resolvedLambdaTasks } from '../../../support/asl-task-payloads.js';

const MACHINES: readonly StateMachineKey[] = ['orderSaga', 'orderLifecycle'];

/**
 * The order system's agent functions behind their deployed Lambda adapter, on in-memory stores seeded for one
 * order (its user and stock). `deliveries` counts the agent instances the adapter built, one per delivery it
 * let through to the agent; `failNext` makes the next delivery of a function fail as a lost state race would.
 */
async function deployedFunctions() {
  const system = inMemoryOrderSystem();
  const quiet = { warn() {}, error() {} };
  const functions = orderSystemFunctions({
    system,
    lifecycle: lifecycleTasks({
      tokens: new InMemoryTaskTokenStore(),
      callbacks: { async succeed() {}, async fail() {}, async heartbeat() {} },
      orders: recordedOrderStates(system.orders),
      logger: quiet,
    }),
    sagaStarter: { start: async ({ name }) => ({ executionArn: `arn:execution:${name}` }) },
    sagaStarts: new InMemoryAgentStateStore(),
    logger: quiet,
  });
  let deliveries = 0;
  const failing = new Set<string>();
  const byType = new Map<string, LocalAgentFunction>();
  for (const { agentType, definition } of functions) {
    const fn = localAgentFunction({
      agentType,
      definition,
      logger: quiet,
      onAgentCreated: () => {
        deliveries += 1;
        if (failing.delete(agentType)) throw new TransientError(new Error('agent state write lost a race'));
      },
    });
    byType.set(agentType, fn);
  }
  await system.stores.stock.restock('SKU-1', 10);
  return {
    deliveries: () => deliveries,
    failNext: (agentType: string) => failing.add(agentType),
    async invoke(task: ResolvedLambdaTask): Promise<PromiseSettledResult<unknown>> {
      const fn = byType.get(task.agentType);
      if (fn === undefined) throw new Error(`${task.stateName} addresses ${task.agentType}, not deployed`);
      const [settled] = await Promise.allSettled([fn.invoke(structuredClone(task.payload))]);
      return settled as PromiseSettledResult<unknown>;
    },
  };
}

/** Runs one invocation and answers how many deliveries reached the agent, and how it settled. */
async function attempt(fns: Awaited<ReturnType<typeof deployedFunctions>>, task: ResolvedLambdaTask) {
  const before = fns.deliveries();
  const settled = await fns.invoke(task);
  const error = settled.status === 'rejected' ? (settled.reason as Error) : undefined;
  return { reached: fns.deliveries() - before, errorName: error?.name };
}

/** Errors that would mean idempotency swallowed or blocked the invocation instead of running it. */
const DUPLICATE_ERRORS = ['IdempotencyAlreadyInProgressError', 'IdempotencyInconsistentStateError'];

describe.each(MACHINES)('the %s Lambda tasks, payloads as its ASL file writes them', (machine) => {
  it('reads every lambda:invoke task and resolves each payload to a task request without an id', async () => {
    const tasks = await resolvedLambdaTasks(machine);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.payload, task.stateName).toMatchObject({
        agentbridge: 'task',
        recipient: expect.any(String),
      });
      // Step Functions sends no id: the adapter must run every attempt (documented on TaskRequestSchema).
      expect(task.payload.id, task.stateName).toBeUndefined();
    }
  });

  it('delivers every task of one order to its agent: two tasks of an order are never deduplicated', async () => {
    const fns = await deployedFunctions();
    const tasks = await resolvedLambdaTasks(machine);
    const outcomes = [];
    for (const task of tasks) outcomes.push({ state: task.stateName, ...(await attempt(fns, task)) });
    for (const outcome of outcomes) {
      expect(outcome.reached, outcome.state).toBe(1);
      expect(DUPLICATE_ERRORS, outcome.state).not.toContain(outcome.errorName);
    }
  });

  it('runs a retried task again after a transient failure, and after a success (Step Functions may retry either)', async () => {
    const fns = await deployedFunctions();
    for (const task of await resolvedLambdaTasks(machine)) {
      fns.failNext(task.agentType);
      const failed = await attempt(fns, task);
      expect(failed, task.stateName).toEqual({ reached: 1, errorName: 'TransientError' });
      const retried = await attempt(fns, task);
      expect(retried.reached, `${task.stateName} retry after a failure`).toBe(1);
      expect(retried.errorName, task.stateName).not.toBe('TransientError');
      const again = await attempt(fns, task);
      expect(again.reached, `${task.stateName} retry after an answer`).toBe(1);
    }
  });

  it('keeps two orders apart: the same state of two orders runs for each', async () => {
    const fns = await deployedFunctions();
    const [first] = await resolvedLambdaTasks(machine, { orderId: 'order-a' });
    const [second] = await resolvedLambdaTasks(machine, { orderId: 'order-b' });
    if (first === undefined || second === undefined) throw new Error(`${machine} has no Lambda task`);
    expect((await attempt(fns, first)).reached).toBe(1);
    expect((await attempt(fns, second)).reached).toBe(1);
  });
});
