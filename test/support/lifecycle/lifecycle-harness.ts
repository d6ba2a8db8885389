import type { TriggerEvent } from '../../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { lifecycleTasks } from '../../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import type { OrderStateReader } from '../../../lambdas/agents/lifecycle/order-state-reader.js';
import {
  TaskCallbackUnavailableError,
  TaskTokenClosedError,
} from '../../../lambdas/agents/lifecycle/task-callback-error.js';
import type { TaskCallbackPort } from '../../../lambdas/agents/lifecycle/task-callback-port.js';
import type { Clock } from '../../../lambdas/contracts/clock.js';
import type { LifecycleTrigger, OrderState } from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { LIFECYCLE_WAITS, type WaitingState } from '../../../lambdas/contracts/order/lifecycle-waits.js';
import { InMemoryTaskTokenStore } from '../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import type { TaskTokenStore } from '../../../lambdas/stores/task-tokens/task-token-store.js';
import { ManualClock } from '../manual-clock.js';

/** The crash a fault injection raises: the function died right after the call it follows took effect. */
export class InjectedCrash extends Error {
  override readonly name = 'InjectedCrash';
}

/**
 * Step Functions as the agent sees it: a token of a task that is over (resumed, or retried under a new token)
 * is closed, a live one resumes once. `beforeAnswer` runs inside a succeed call after it took effect (a slow
 * or throttled answer).
 */
export class FakeCallbacks implements TaskCallbackPort {
  /** Every answered wait: SendTaskSuccess with `output`, or SendTaskFailure (`failure`, a cancellation). */
  readonly resumed: { token: string; output: unknown; failure?: { error: string; cause: unknown } }[] = [];
  readonly #open = new Set<string>();
  beforeAnswer: ((token: string) => Promise<void>) | undefined;

  /** The order each opened token belongs to, as the execution it stands for. */
  readonly orderOf = new Map<string, string>();

  open(token: string, orderId?: string): void {
    this.#open.add(token);
    if (orderId !== undefined) this.orderOf.set(token, orderId);
  }

  close(token: string): void {
    this.#open.delete(token);
  }

  isOpen(token: string): boolean {
    return this.#open.has(token);
  }

  async succeed(taskToken: string, output: unknown): Promise<void> {
    await this.#answer(taskToken);
    this.resumed.push({ token: taskToken, output });
  }

  /** A cancellation: the wait fails with `error`; recorded with the resumes, its cause parsed. */
  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    await this.#answer(taskToken);
    this.resumed.push({ token: taskToken, output: undefined, failure: { error, cause: JSON.parse(cause) } });
  }

  async #answer(taskToken: string): Promise<void> {
    const hook = this.beforeAnswer;
    if (!this.#open.has(taskToken)) {
      if (hook === undefined) throw new TaskTokenClosedError('TaskTimedOut');
      await hook(taskToken);
      throw new TaskCallbackUnavailableError('succeed', { cause: new Error('ThrottlingException') });
    }
    this.#open.delete(taskToken);
  }

  async heartbeat(): Promise<void> {}
}

/** Counts every store and callback call; with `crashAfter = n` the n-th call takes effect, then throws. */
class FaultPoint {
  calls = 0;
  crashAfter: number | undefined;

  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const result: unknown = await Reflect.apply(value, object, args);
          this.calls += 1;
          if (this.calls === this.crashAfter) throw new InjectedCrash(`crash after call ${this.calls}`);
          return result;
        };
      },
    });
  }
}

/**
 * The lifecycle agent's tasks on an in-memory store and fake callbacks, with a controllable clock, the
 * order's recorded state, fault injection after any call, and helpers that act as the state machine: `park`
 * runs a wait's await task (retried under a new token after a crash, as Step Functions does).
 */
export function lifecycleHarness(
  recorded: Record<string, OrderState> = {},
  makeStore: (clock: Clock) => TaskTokenStore = (clock) => new InMemoryTaskTokenStore({ clock }),
) {
  const time = new ManualClock();
  const store = makeStore(time);
  const callbacks = new FakeCallbacks();
  const faults = new FaultPoint();
  const orders: OrderStateReader = {
    recordedOrder: async (orderId) => {
      const state = recorded[orderId];
      return state === undefined ? undefined : { state, ...chargeOf(orderId) };
    },
  };
  const tasks = lifecycleTasks({
    tokens: faults.wrap<TaskTokenStore>(store),
    callbacks: faults.wrap<TaskCallbackPort>(callbacks),
    orders,
    clock: time,
  });
  let issued = 0;
  const park = async (orderId: string, state: WaitingState, taskToken = `token-${++issued}`) => {
    callbacks.open(taskToken, orderId);
    return tasks.awaitTrigger({
      orderId,
      state,
      awaiting: [...LIFECYCLE_WAITS[state].awaiting],
      taskToken,
      ttlSeconds: LIFECYCLE_WAITS[state].heartbeatSeconds,
    });
  };
  return {
    store,
    callbacks,
    faults,
    tasks,
    park,
    recorded,
    advanceMinutes: (minutes: number) => time.advanceSeconds(minutes * 60),
    now: () => new Date(time.now()),
  };
}

/** The charge the saga recorded for an order of the harness: its PaymentCompleted must report exactly this. */
export const chargeOf = (orderId: string): { paymentId: string; amount: number } => ({
  paymentId: `pay-${orderId}`,
  amount: 2_500,
});

/** A trigger as the bus delivers it; a PaymentCompleted reports the order's charge unless `data` says else. */
export const trigger = (
  orderId: string,
  name: LifecycleTrigger,
  eventId = `evt-${name}`,
  data: Record<string, unknown> = name === 'PaymentCompleted' ? chargeOf(orderId) : {},
): TriggerEvent => ({
  trigger: name,
  orderId,
  eventId,
  data: { orderId, ...data },
});

export const failureOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('the call was expected to fail');
    },
    (error: unknown) => error,
  );
