import type { DeliveryContext } from './delivery-context.js';
import { awaitsTransitively, type Delivery, isThenable, Mailbox } from './mailbox.js';
import { runAsHandlerOf } from './message-handler-context.js';
import { MessageCancelledError } from './runtime-error.js';

/** What the runtime hears back from the scheduler. */
export interface MailboxSchedulerHooks {
  /** A delivery finished: its reply settled, or its publish outcome was reported. Called once each. */
  settled(): void;
  /** A publish delivery's handler failed (there is no caller to reject). */
  publishFailed(error: unknown, ctx: DeliveryContext): void;
}

/**
 * Runs deliveries against their agents' mailboxes: one message at a time per agent, in arrival order,
 * except a send that would otherwise deadlock. Synchronous handlers complete inside the loop with no
 * promise allocated; an asynchronous one resumes the loop when it settles.
 *
 * Deadlock freedom: each send made from inside a handler is an edge "this agent awaits that one" of a
 * wait-for graph kept on the mailboxes. A send to a busy agent that (transitively) awaits the sender runs
 * re-entrantly instead of queueing behind the handler that waits for it. That covers the call chain
 * A → B → A (Orleans' call-chain reentrancy) and its concurrent form — A's handler sends to B while B's
 * handler sends to A — which a chain-only check would leave waiting forever.
 *
 * @example
 * ```ts
 * const scheduler = new MailboxScheduler({ settled: () => outstanding--, publishFailed: log });
 * scheduler.dispatch({ mailbox, message, ctx, resolve, reject });
 * ```
 */
export class MailboxScheduler {
  readonly #hooks: MailboxSchedulerHooks;

  constructor(hooks: MailboxSchedulerHooks) {
    this.#hooks = hooks;
  }

  dispatch(delivery: Delivery): void {
    const mailbox = delivery.mailbox;
    const waiter = waiterOf(delivery);
    if (waiter !== undefined) waiter.awaitReply(mailbox);
    if (!mailbox.busy) this.#runFrom(mailbox, delivery);
    else if (waiter !== undefined && awaitsTransitively(mailbox, waiter)) this.#runReentrant(delivery);
    else mailbox.enqueue(delivery);
  }

  /** Runs `first` and then whatever queued behind it. */
  #runFrom(mailbox: Mailbox, first: Delivery): void {
    mailbox.busy = true;
    for (
      let delivery: Delivery | undefined = first;
      delivery !== undefined;
      delivery = this.#nextLive(mailbox)
    ) {
      let result: unknown;
      try {
        result = deliver(mailbox, delivery);
      } catch (error) {
        this.#settle(delivery, error, true);
        continue;
      }
      if (isThenable(result)) {
        const current = delivery;
        result.then(
          (value) => {
            this.#settle(current, value, false);
            this.#resume(mailbox);
          },
          (error: unknown) => {
            this.#settle(current, error, true);
            this.#resume(mailbox);
          },
        );
        return;
      }
      this.#settle(delivery, result, false);
    }
    mailbox.busy = false;
  }

  #resume(mailbox: Mailbox): void {
    const next = this.#nextLive(mailbox);
    if (next === undefined) mailbox.busy = false;
    else this.#runFrom(mailbox, next);
  }

  /** The next queued delivery whose caller has not given up; cancelled ones are rejected, not run. */
  #nextLive(mailbox: Mailbox): Delivery | undefined {
    for (let next = mailbox.next(); next !== undefined; next = mailbox.next()) {
      if (!next.ctx.signal.aborted) return next;
      this.#settle(
        next,
        new MessageCancelledError(next.ctx.messageType, { cause: next.ctx.signal.reason }),
        true,
      );
    }
    return undefined;
  }

  #runReentrant(delivery: Delivery): void {
    let result: unknown;
    try {
      result = deliver(delivery.mailbox, delivery);
    } catch (error) {
      this.#settle(delivery, error, true);
      return;
    }
    if (!isThenable(result)) this.#settle(delivery, result, false);
    else {
      result.then(
        (value) => this.#settle(delivery, value, false),
        (error: unknown) => this.#settle(delivery, error, true),
      );
    }
  }

  #settle(delivery: Delivery, outcome: unknown, failed: boolean): void {
    waiterOf(delivery)?.replied(delivery.mailbox);
    if (delivery.resolve !== undefined) {
      if (failed) delivery.reject(outcome);
      else delivery.resolve(outcome);
    } else if (failed) this.#hooks.publishFailed(outcome, delivery.ctx);
    this.#hooks.settled();
  }
}

/** Runs the agent's handler for one delivery, as that agent's handler (see `DefaultTopicId`). */
function deliver(mailbox: Mailbox, delivery: Delivery): unknown {
  const { agent } = mailbox;
  return runAsHandlerOf(agent.id, () => agent.onMessage(delivery.message, delivery.ctx));
}

/** The mailbox whose running handler made this send (and may await it); none for publishes and outside calls. */
function waiterOf(delivery: Delivery): Mailbox | undefined {
  if (delivery.resolve === undefined) return undefined;
  const holder = delivery.ctx.caller?.holder;
  return holder instanceof Mailbox ? holder : undefined;
}
