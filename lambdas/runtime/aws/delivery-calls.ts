import type { DeliveryContext } from '../delivery-context.js';

/** Where in a delivery a handler made one publish or send: the stable part of a derived message id. */
export interface DeliveryCall {
  readonly kind: 'publish' | 'send';
  /** The message id of the delivery the handler is running (the same on every retry of it). */
  readonly callerMessageId: string;
  /** The agent whose handler made the call, as `type/key`. */
  readonly agentId: string;
  /** 1 for the handler's first publish or send in this delivery, 2 for the second, and so on. */
  readonly seq: number;
}

/**
 * Numbers the publishes and sends a handler makes through its context, per delivery: each delivery (and each
 * retry of it) builds a fresh {@link DeliveryContext}, so the count restarts at 1 and a re-run that makes
 * the same calls in the same order sees the same numbers. The number is drawn when the call is made, before
 * anything is awaited or validated, so it is the call's position in the handler's code path whatever its
 * outcome; calls started together (`Promise.all`) are numbered in the order they were started. Contexts are
 * held weakly: a finished delivery's count goes with its context.
 *
 * @example
 * ```ts
 * const calls = new DeliveryCalls();
 * calls.next('publish', ctx); // { kind: 'publish', callerMessageId: ctx.messageId, agentId: 'cashier/o-1', seq: 1 }
 * calls.next('publish', undefined); // undefined: not made from a delivery
 * ```
 */
export class DeliveryCalls {
  readonly #counts = new WeakMap<DeliveryContext, number>();

  next(kind: DeliveryCall['kind'], caller: DeliveryContext | undefined): DeliveryCall | undefined {
    if (caller === undefined) return undefined;
    const seq = (this.#counts.get(caller) ?? 0) + 1;
    this.#counts.set(caller, seq);
    return { kind, callerMessageId: caller.messageId, agentId: caller.recipient.toString(), seq };
  }
}
