import type { LifecycleTrigger, OrderState } from '../../contracts/order/lifecycle-messages.js';
import {
  LIFECYCLE_WAITS,
  type LifecycleWait,
  stateAwaiting,
  TRIGGER_TARGETS,
} from '../../contracts/order/lifecycle-waits.js';

/** What to do with a new trigger no parked wait awaits: record it for a coming wait, or reject it for good. */
export type TriggerVerdict =
  | { readonly kind: 'record'; readonly reason: string }
  | { readonly kind: 'reject'; readonly reason: string };

export interface TriggerSituation {
  readonly trigger: LifecycleTrigger;
  /** The order's recorded state, `undefined` when no order was ever created. */
  readonly recorded: OrderState | undefined;
  /** The triggers with a stored token right now (live or the stale sibling of a resumed wait). */
  readonly parked: readonly string[];
}

const waitOf = (state: OrderState | undefined): LifecycleWait | undefined =>
  state !== undefined && state in LIFECYCLE_WAITS
    ? LIFECYCLE_WAITS[state as keyof typeof LIFECYCLE_WAITS]
    : undefined;

/**
 * The triggers a wait will soon await, seen from the recorded state: those of the recorded state's own wait
 * (the machine has not parked it yet: post-transition steps still run), and those of the wait right after it
 * (a trigger of the recorded wait was taken and the machine has not recorded its target yet).
 */
export function upcomingTriggers(recorded: OrderState): Set<LifecycleTrigger> {
  const current = waitOf(recorded)?.awaiting ?? [];
  const next = current.flatMap((trigger) => waitOf(TRIGGER_TARGETS[trigger])?.awaiting ?? []);
  return new Set([...current, ...next]);
}

/**
 * Decides about a new trigger no parked (unclaimed) wait awaits. Record it (the coming wait takes it when it
 * parks) while the order is between waits and the trigger is one of the next wait's; reject when it can never
 * resume anything: no order, a finished order, the recorded state's wait armed without it, or a trigger no
 * upcoming wait awaits (a wait already passed).
 *
 * @example
 * ```ts
 * triggerVerdict({ trigger: 'ProcessingStarted', recorded: 'paid', parked: [] }); // { kind: 'record', ... }
 * triggerVerdict({ trigger: 'PaymentCompleted', recorded: 'paid', parked: [] }); // { kind: 'reject', ... }
 * ```
 */
export function triggerVerdict({ trigger, recorded, parked }: TriggerSituation): TriggerVerdict {
  if (recorded === undefined) return { kind: 'reject', reason: `no order is recorded for ${trigger}` };
  if (waitOf(recorded) === undefined) {
    return { kind: 'reject', reason: `the order is ${recorded}, no ${trigger} can change it` };
  }
  if (parked.includes(trigger)) return { kind: 'record', reason: `a wait for ${trigger} is parked` };
  if (stateAwaiting(parked) === recorded) {
    return { kind: 'reject', reason: `no ${trigger} is awaited now` };
  }
  if (!upcomingTriggers(recorded).has(trigger)) {
    return { kind: 'reject', reason: `no ${trigger} is awaited now or next` };
  }
  return { kind: 'record', reason: `the order is ${recorded} and its wait for ${trigger} is not parked yet` };
}
