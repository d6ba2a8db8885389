import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { LifecycleTrigger, OrderState } from '../../contracts/order/lifecycle-messages.js';
import type { AwaitLifecycleTrigger, LifecycleSignal } from '../../contracts/order/lifecycle-tasks.js';
import { LIFECYCLE_WAITS, TRIGGER_TARGETS } from '../../contracts/order/lifecycle-waits.js';
import { TransientError } from '../../contracts/transient-error.js';
import type { RuntimeLogger } from '../../runtime/runtime-logger.js';
import {
  isTaskTokenNotFoundError,
  isTaskTokenStoreUnavailableError,
} from '../../stores/task-tokens/task-token-error.js';
import type { TaskTokenStore } from '../../stores/task-tokens/task-token-store.js';
import { TransitionRejectedError, TriggerNotYetAwaitedError } from './lifecycle-error.js';
import type { OrderStateReader } from './order-state-reader.js';
import { isTaskCallbackUnavailableError, isTaskTokenClosedError } from './task-callback-error.js';
import type { TaskCallbackPort } from './task-callback-port.js';
import { triggerVerdict } from './trigger-verdict.js';

export interface LifecycleDeps {
  readonly tokens: TaskTokenStore;
  readonly callbacks: TaskCallbackPort;
  /** The order's recorded state, read when a trigger finds no live token: "not yet" or "never". */
  readonly orders: OrderStateReader;
  readonly clock?: () => Date;
  /** Receives clean-up failures that do not change the outcome (a stale token then expires by its TTL). */
  readonly logger?: RuntimeLogger;
}

/** A trigger event as the lifecycle agent receives it from the bus. */
export interface TriggerEvent {
  readonly trigger: LifecycleTrigger;
  readonly orderId: string;
  /** The event's message id: the causation id of the OrderStateChanged that follows. */
  readonly eventId: string;
  readonly data: Record<string, unknown>;
}

export interface ResumedTransition {
  readonly orderId: string;
  readonly trigger: LifecycleTrigger;
  readonly to: OrderState;
}

export interface LifecycleTasks {
  /** The "await trigger" task: parks the waiting state's token per (order, awaited trigger). */
  awaitTrigger(
    input: MessageOf<typeof AwaitLifecycleTrigger>,
  ): Promise<ResponseOf<typeof AwaitLifecycleTrigger>>;
  /**
   * Resumes the execution waiting for `event.trigger`. With no live token: throws a `TransientError` (wrapping
   * {@link TriggerNotYetAwaitedError}) while the order's next wait will await it, so the event is redelivered;
   * {@link TransitionRejectedError} when it can never resume anything.
   */
  applyTrigger(event: TriggerEvent): Promise<ResumedTransition>;
}

/** Store and Step Functions outages are worth a retry (Step Functions' Retry, EventBridge's redelivery). */
const retryable = (error: unknown): unknown =>
  isTaskTokenStoreUnavailableError(error) || isTaskCallbackUnavailableError(error)
    ? new TransientError(error)
    : error;

/** A token put back after a failed resume lives as long as the longest wait for that trigger. */
const putBackTtl = (trigger: LifecycleTrigger): number =>
  Math.max(
    ...Object.values(LIFECYCLE_WAITS).map((wait) =>
      wait.awaiting.includes(trigger) ? wait.heartbeatSeconds : 1,
    ),
  );

/**
 * The lifecycle agent's logic (seed 5.1 on Step Functions): the state machine holds the state, this agent
 * holds the doors. Each wait parks one task token under every trigger it awaits; a trigger event `take`s its
 * item (a conditional delete, so of two deliveries of the same event exactly one finds it) and resumes the
 * execution with SendTaskSuccess. A trigger with no live item is judged against the order's recorded state
 * ({@link triggerVerdict}): between two waits (the machine records, publishes and runs post-transition steps
 * before it parks the next token) a trigger of the coming wait is thrown back as transient and redelivered;
 * one that can never be valid is rejected, naming the recorded state.
 *
 * @example
 * ```ts
 * const tasks = lifecycleTasks({ tokens: new InMemoryTaskTokenStore(), callbacks, orders });
 * await tasks.applyTrigger({ trigger: 'PaymentCompleted', orderId: 'o-1', eventId, data: { orderId: 'o-1', paymentId } });
 * ```
 */
export function lifecycleTasks(deps: LifecycleDeps): LifecycleTasks {
  const { tokens, callbacks } = deps;
  const now = (): string => (deps.clock ?? (() => new Date()))().toISOString();

  /** No live token for the trigger: retry it (transient) while a coming wait will await it, else reject it. */
  const judge = async (event: TriggerEvent, reason: string, cause: unknown): Promise<Error> => {
    const { orderId, trigger } = event;
    let recorded: Awaited<ReturnType<OrderStateReader['recordedState']>>;
    let parked: string[];
    try {
      recorded = await deps.orders.recordedState(orderId);
      parked = (await tokens.peek(orderId)).map((entry) => entry.trigger);
    } catch (error) {
      return new TransientError(error);
    }
    const verdict = triggerVerdict({ trigger, recorded, parked });
    const state = recorded ?? 'unknown';
    const fields = { orderId, trigger, state, reason: `${reason}; ${verdict.reason}` };
    return verdict.kind === 'retry'
      ? new TransientError(new TriggerNotYetAwaitedError(fields, { cause }))
      : new TransitionRejectedError({ ...fields, awaitedTriggers: parked }, { cause });
  };

  /** Takes every stored trigger of the order except `keep`; a token taken meanwhile is simply gone already. */
  const clear = async (orderId: string, keep: readonly string[]): Promise<string[]> => {
    const cleared: string[] = [];
    for (const { trigger } of await tokens.peek(orderId)) {
      if (keep.includes(trigger)) continue;
      try {
        await tokens.take(orderId, trigger);
        cleared.push(trigger);
      } catch (error) {
        if (!isTaskTokenNotFoundError(error)) throw error;
      }
    }
    return cleared;
  };

  return {
    async awaitTrigger({ orderId, awaiting, taskToken, ttlSeconds }) {
      try {
        // One execution waits in one state at a time, so a stored trigger this wait does not await belongs to
        // an earlier wait (a sibling the resuming trigger left behind): its token is dead, remove it.
        const cleared = await clear(orderId, awaiting);
        for (const trigger of awaiting) await tokens.put({ orderId, trigger, token: taskToken, ttlSeconds });
        return { orderId, awaiting: [...awaiting], cleared };
      } catch (error) {
        throw retryable(error);
      }
    },

    async applyTrigger(event) {
      const { orderId, trigger } = event;
      let token: string;
      try {
        token = await tokens.take(orderId, trigger);
      } catch (error) {
        if (isTaskTokenNotFoundError(error)) {
          throw await judge(event, `no ${trigger} token is parked`, error);
        }
        throw retryable(error);
      }
      const signal: LifecycleSignal = {
        trigger,
        eventId: event.eventId,
        receivedAt: now(),
        data: event.data,
      };
      try {
        await callbacks.succeed(token, signal);
      } catch (error) {
        if (isTaskTokenClosedError(error)) {
          throw await judge(event, `the wait for ${trigger} is over (${error.serviceCode})`, error);
        }
        // The execution did not get the trigger: put the token back so the redelivered event can resume it.
        await tokens.put({ orderId, trigger, token, ttlSeconds: putBackTtl(trigger) });
        throw retryable(error);
      }
      const to = TRIGGER_TARGETS[trigger];
      // Cancelled is final: the other trigger of the wait it ended (PaymentCompleted or ProcessingStarted) can
      // never resume anything, so its item goes now rather than answering a late trigger with a dead token.
      if (to === 'cancelled') {
        try {
          await clear(orderId, []);
        } catch (error) {
          deps.logger?.warn('Could not clear the stale triggers of a cancelled order', { orderId, error });
        }
      }
      return { orderId, trigger, to };
    },
  };
}
