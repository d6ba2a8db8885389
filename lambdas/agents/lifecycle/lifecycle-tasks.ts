import { type Clock, systemClock } from '../../contracts/clock.js';
import type { Logger } from '../../contracts/logger.js';
import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { LifecycleSignal } from '../../contracts/order/lifecycle-entry.js';
import {
  type LifecycleTrigger,
  LifecycleTriggerSchema,
  type OrderState,
} from '../../contracts/order/lifecycle-messages.js';
import type { AwaitLifecycleTrigger } from '../../contracts/order/lifecycle-tasks.js';
import { TRIGGER_TARGETS } from '../../contracts/order/lifecycle-waits.js';
import { TransientError } from '../../contracts/transient-error.js';
import type { OrderTriggers, TaskTokenStore } from '../../stores/task-tokens/task-token-store.js';
import { isTransitionRejectedError, TransitionRejectedError } from './lifecycle-error.js';
import type { OrderStateReader } from './order-state-reader.js';
import { checkPayment } from './payment-check.js';
import type { TaskCallbackPort } from './task-callback-port.js';
import { triggerVerdict } from './trigger-verdict.js';
import { retryable, TRIGGER_RECORD_TTL_SECONDS, waitResumer } from './wait-resumer.js';

export interface LifecycleDeps {
  readonly tokens: TaskTokenStore;
  readonly callbacks: TaskCallbackPort;
  /** The order's state (a new trigger no parked wait takes: "not yet" or "never") and charge (PaymentCompleted). */
  readonly orders: OrderStateReader;
  readonly clock?: Clock;
  /** Receives clean-up failures that do not change the outcome (a stale item then expires by its TTL). */
  readonly logger?: Logger;
}

/** A trigger event as the lifecycle agent receives it from the bus. */
export interface TriggerEvent {
  readonly trigger: LifecycleTrigger;
  readonly orderId: string;
  /** The event's message id: the causation id of the OrderStateChanged that follows. */
  readonly eventId: string;
  readonly data: Record<string, unknown>;
}

/**
 * What became of a trigger: it `resumed` the wait; it was `recorded` for a wait not parked yet (that wait takes
 * it when it parks); or it is a `duplicate` of a delivery already recorded (it resumes nothing twice).
 */
export type TriggerOutcome = 'resumed' | 'recorded' | 'duplicate';

export interface ResumedTransition {
  readonly orderId: string;
  readonly trigger: LifecycleTrigger;
  readonly to: OrderState;
  readonly outcome: TriggerOutcome;
}

export interface LifecycleTasks {
  /** The "await trigger" task: parks the wait's token per awaited trigger, and takes a trigger recorded early. */
  awaitTrigger(
    input: MessageOf<typeof AwaitLifecycleTrigger>,
  ): Promise<ResponseOf<typeof AwaitLifecycleTrigger>>;
  /**
   * Records the trigger and resumes the wait that awaits it, now or when it parks.
   * {@link TransitionRejectedError} when it can never resume anything (or another event of the same trigger
   * came first); a `TransientError` when the store or Step Functions is out (the event is retried).
   */
  applyTrigger(event: TriggerEvent): Promise<ResumedTransition>;
}

/**
 * The lifecycle agent's logic (on Step Functions): the state machine holds the state, this agent
 * holds the doors. Each wait parks its task token under every trigger it awaits. A trigger is first recorded
 * in the order's inbox (one per order and trigger, conditional: the first event wins, a redelivery of it is
 * recognised), then handed to the wait ({@link waitResumer}: claim, resume, then remove conditionally). A
 * trigger that comes before its wait is parked stays recorded and the wait takes it as it parks, so nothing
 * depends on redelivery timing. A new trigger that no parked wait awaits is judged against the order's
 * recorded state ({@link triggerVerdict}): recorded if a coming wait will await it, rejected if none will.
 * A PaymentCompleted is first held to the saga's charge ({@link checkPayment}): a forged one is never recorded.
 *
 * @example
 * ```ts
 * const tasks = lifecycleTasks({ tokens: new InMemoryTaskTokenStore(), callbacks, orders });
 * await tasks.applyTrigger({ trigger: 'PaymentCompleted', orderId: 'o-1', eventId, data: { orderId: 'o-1', paymentId, amount } });
 * ```
 */
export function lifecycleTasks(deps: LifecycleDeps): LifecycleTasks {
  const { tokens } = deps;
  const resumer = waitResumer(tokens, deps.callbacks);
  const now = (): string => new Date((deps.clock ?? systemClock).now()).toISOString();

  const read = async (orderId: string): Promise<OrderTriggers> => {
    try {
      return await tokens.read(orderId);
    } catch (error) {
      throw retryable(error);
    }
  };

  /** Rejects a new trigger no wait will ever take; lets one through that a parked or coming wait awaits. */
  const admit = async (event: TriggerEvent, view: OrderTriggers): Promise<void> => {
    const claimed = new Set(view.claims.map((claim) => claim.token));
    const parked = view.waits.filter((wait) => !claimed.has(wait.token)).map((wait) => wait.trigger);
    if (parked.includes(event.trigger)) return;
    let recorded: OrderState | undefined;
    try {
      recorded = (await deps.orders.recordedOrder(event.orderId))?.state;
    } catch (error) {
      throw new TransientError(error);
    }
    const verdict = triggerVerdict({ trigger: event.trigger, recorded, parked });
    if (verdict.kind === 'record') return;
    throw rejection(event, recorded ?? 'unknown', parked, verdict.reason);
  };

  /** Keeps a recorded trigger only while a coming wait will take it; otherwise removes it and rejects it. */
  const admitOrDiscard = async (event: TriggerEvent): Promise<void> => {
    try {
      await admit(event, await read(event.orderId));
    } catch (error) {
      if (!isTransitionRejectedError(error)) throw error;
      await tokens.discard(event.orderId, event.trigger, event.eventId).catch((failure: unknown) => {
        deps.logger?.warn('Could not discard a rejected trigger; it expires by its TTL', {
          orderId: event.orderId,
          trigger: event.trigger,
          error: failure,
        });
      });
      throw error;
    }
  };

  /** Another event of the same trigger came first: this one is rejected, naming the recorded state. */
  const duplicate = async (event: TriggerEvent, firstEventId: string): Promise<TransitionRejectedError> => {
    const state = (await deps.orders.recordedOrder(event.orderId).catch(() => undefined))?.state;
    const reason = `${event.trigger} ${firstEventId} came first; this one changes nothing`;
    return rejection(event, state ?? 'unknown', [], reason);
  };

  return {
    async awaitTrigger({ orderId, state, awaiting, taskToken, ttlSeconds }) {
      const view = await read(orderId);
      const cleared: string[] = [];
      try {
        // One execution waits in one state at a time, so a parked trigger this wait does not await belongs to
        // an earlier wait (a sibling the resuming trigger left behind): its token is dead, remove it.
        for (const wait of view.waits) {
          if (awaiting.includes(wait.trigger as LifecycleTrigger)) continue;
          if (await tokens.remove(orderId, wait.trigger, wait.token)) cleared.push(wait.trigger);
        }
        for (const trigger of awaiting)
          await tokens.put({ orderId, trigger, state, token: taskToken, ttlSeconds });
      } catch (error) {
        throw retryable(error);
      }
      // A trigger that arrived before this wait was parked is waiting in the inbox: take it now.
      const delivered = await resumer.deliver(orderId);
      return {
        orderId,
        awaiting: [...awaiting],
        cleared,
        ...(delivered.resumedBy === undefined
          ? {}
          : { resumedBy: LifecycleTriggerSchema.parse(delivered.resumedBy) }),
      };
    },

    async applyTrigger(event) {
      const { orderId, trigger, eventId } = event;
      const to = TRIGGER_TARGETS[trigger];
      const view = await read(orderId);
      const known =
        view.claims.find((claim) => claim.trigger === trigger) ??
        view.inbox.find((recorded) => recorded.trigger === trigger);
      if (known !== undefined && known.eventId !== eventId) throw await duplicate(event, known.eventId);
      if (known === undefined) {
        await checkPayment(deps.orders, event, view);
        await admit(event, view);
        const signal: LifecycleSignal = { trigger, eventId, receivedAt: now(), data: event.data };
        let stored: Awaited<ReturnType<TaskTokenStore['record']>>;
        try {
          stored = await tokens.record({
            orderId,
            trigger,
            eventId,
            signal: JSON.stringify(signal),
            ttlSeconds: TRIGGER_RECORD_TTL_SECONDS,
          });
        } catch (error) {
          throw retryable(error);
        }
        if (stored.eventId !== eventId) throw await duplicate(event, stored.eventId);
      }
      const delivered = await resumer.deliver(orderId);
      if (known === undefined && delivered.closed.includes(trigger)) {
        // The wait it met was over (timed out, or its task retried under a new token): judge it again.
        await admitOrDiscard(event);
      }
      const outcome: TriggerOutcome =
        delivered.resumedBy === trigger ? 'resumed' : known === undefined ? 'recorded' : 'duplicate';
      return { orderId, trigger, to, outcome };
    },
  };
}

const rejection = (
  event: TriggerEvent,
  state: string,
  awaitedTriggers: readonly string[],
  reason: string,
): TransitionRejectedError =>
  new TransitionRejectedError({
    orderId: event.orderId,
    trigger: event.trigger,
    state,
    awaitedTriggers,
    reason,
  });
