import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import {
  type Cancellation,
  LifecycleSignalSchema,
  ORDER_CANCELLED_ERROR,
} from '../../contracts/order/lifecycle-entry.js';
import { LIFECYCLE_WAITS } from '../../contracts/order/lifecycle-waits.js';
import { TransientError } from '../../contracts/transient-error.js';
import type {
  OrderTriggers,
  ParkedWait,
  RecordedTrigger,
  TaskTokenStore,
} from '../../stores/task-tokens/task-token-store.js';
import { isTaskTokenClosedError } from './task-callback-error.js';
import type { TaskCallbackPort } from './task-callback-port.js';

/**
 * How long a recorded trigger and a claim live: as long as an order can wait in all, so neither goes before
 * the wait that needs it.
 */
export const TRIGGER_RECORD_TTL_SECONDS = Object.values(LIFECYCLE_WAITS).reduce(
  (total, wait) => total + wait.timeoutSeconds,
  0,
);

/**
 * Transient failures (a token store or Step Functions outage) leave as TransientError, the name Step Functions'
 * Retry matches; Lambda's async retries take any thrown error.
 */
export const retryable = (error: unknown): unknown =>
  isAgentbridgeError(error) && error.transient && !(error instanceof TransientError)
    ? new TransientError(error)
    : error;

/** When a recorded trigger arrived (its signal's `receivedAt`), to hand the oldest one to a wait first. */
const arrival = (recorded: RecordedTrigger): string => {
  const signal: unknown = JSON.parse(recorded.signal);
  const at = typeof signal === 'object' && signal !== null ? Reflect.get(signal, 'receivedAt') : undefined;
  return typeof at === 'string' ? at : '';
};

/**
 * Sends a recorded trigger to its wait: SendTaskSuccess with the signal, or, for OrderCancelled,
 * SendTaskFailure `OrderCancelled` whose cause is the cancellation (reason, causing event), so the
 * wait's Catch routes it without a Choice state (one state transition fewer per wait).
 */
async function answer(
  callbacks: TaskCallbackPort,
  recorded: RecordedTrigger,
  wait: ParkedWait,
): Promise<void> {
  const signal = LifecycleSignalSchema.parse(JSON.parse(recorded.signal));
  if (signal.trigger !== 'OrderCancelled') return callbacks.succeed(wait.token, signal);
  const reason = signal.data.reason;
  const cancellation: Cancellation = {
    reason: typeof reason === 'string' ? reason : 'customer request',
    causationId: signal.eventId,
  };
  return callbacks.fail(wait.token, ORDER_CANCELLED_ERROR, JSON.stringify(cancellation));
}

/**
 * Hands recorded triggers to parked waits, shared by both sides that can meet: a trigger arriving at a parked
 * wait, and a wait parking on a trigger that arrived early. Each step is safe to repeat after a crash:
 *
 * 1. claim the wait's token for the trigger (the first claim wins: one wait, one trigger);
 * 2. SendTaskSuccess (SendTaskFailure `OrderCancelled` for a cancellation); a closed token (`TaskTimedOut`, `InvalidToken`) means the wait is over — resumed by this
 *    claim before a crash, or timed out — so it counts as taken, never as a failure to retry;
 * 3. remove the wait's items, each only while it still holds this token (a newer wait is never touched);
 * 4. discard the recorded trigger, only if it resumed the wait. After a closed token it stays: if the wait's
 *    task was retried under a new token, that wait takes it when it parks.
 *
 * @example
 * ```ts
 * const resumer = waitResumer(tokens, callbacks);
 * const delivered = await resumer.deliver('o-1'); // { resumedBy: 'PaymentCompleted', closed: [] }
 * ```
 */
export function waitResumer(tokens: TaskTokenStore, callbacks: TaskCallbackPort) {
  const resume = async (
    orderId: string,
    recorded: RecordedTrigger,
    wait: ParkedWait,
    view: OrderTriggers,
  ): Promise<'resumed' | 'closed' | 'lost'> => {
    const claim = await tokens.claim({
      orderId,
      token: wait.token,
      trigger: recorded.trigger,
      eventId: recorded.eventId,
      ttlSeconds: TRIGGER_RECORD_TTL_SECONDS,
    });
    if (claim.trigger !== recorded.trigger || claim.eventId !== recorded.eventId) return 'lost';
    let outcome: 'resumed' | 'closed' = 'resumed';
    try {
      await answer(callbacks, recorded, wait);
    } catch (error) {
      if (!isTaskTokenClosedError(error)) throw error;
      outcome = 'closed';
    }
    for (const item of view.waits) {
      if (item.token === wait.token) await tokens.remove(orderId, item.trigger, wait.token);
    }
    if (outcome === 'resumed') await tokens.discard(orderId, recorded.trigger, recorded.eventId);
    return outcome;
  };

  return {
    /**
     * Resumes the order's parked wait with the oldest recorded trigger it awaits, if any; answers which
     * trigger resumed it (`resumedBy`), and the triggers that met a wait already over (`closed`). A wait
     * claimed by another trigger is left alone.
     */
    async deliver(orderId: string): Promise<{ resumedBy?: string; closed: string[] }> {
      const closed: string[] = [];
      try {
        const view = await tokens.read(orderId);
        const claims = new Map(view.claims.map((claim) => [claim.token, claim]));
        const inbox = [...view.inbox].sort((a, b) => arrival(a).localeCompare(arrival(b)));
        for (const recorded of inbox) {
          const wait = view.waits.find((item) => item.trigger === recorded.trigger);
          if (wait === undefined) continue;
          const claim = claims.get(wait.token);
          if (claim !== undefined && claim.eventId !== recorded.eventId) continue;
          const outcome = await resume(orderId, recorded, wait, view);
          if (outcome === 'resumed') return { resumedBy: recorded.trigger, closed };
          if (outcome === 'closed') closed.push(recorded.trigger);
        }
        return { closed };
      } catch (error) {
        throw retryable(error);
      }
    },
  };
}
