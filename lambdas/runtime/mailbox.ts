import type { Agent } from './agent.js';
import type { DeliveryContext } from './delivery-context.js';

/**
 * One message on its way to one agent. A `send` carries the caller's resolve/reject; a publish delivery
 * has none, and its failure is reported to the runtime's logger instead.
 */
export type Delivery = {
  readonly mailbox: Mailbox;
  readonly message: unknown;
  readonly ctx: DeliveryContext;
} & (
  | { readonly resolve: (value: unknown) => void; readonly reject: (reason: unknown) => void }
  | { readonly resolve: undefined; readonly reject: undefined }
);

export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * One agent instance and the deliveries waiting for it. Messages to an agent run one at a time, in
 * arrival order (AutoGen runs them concurrently, so a handler's state can change under it across an
 * `await`); on AWS the same guarantee comes from the versioned state write.
 */
export class Mailbox {
  readonly agent: Agent;
  busy = false;
  #queue: Delivery[] | undefined;
  /** The mailboxes this agent's running deliveries await a `send` reply from, with a count each. */
  #awaiting: Map<Mailbox, number> | undefined;

  constructor(agent: Agent) {
    this.agent = agent;
  }

  get state(): unknown {
    return this.agent.state;
  }

  enqueue(delivery: Delivery): void {
    if (this.#queue === undefined) this.#queue = [];
    this.#queue.push(delivery);
  }

  next(): Delivery | undefined {
    return this.#queue?.shift();
  }

  /** A delivery running here sent to `target` and may be awaiting its reply: an edge of the wait-for graph. */
  awaitReply(target: Mailbox): void {
    if (this.#awaiting === undefined) this.#awaiting = new Map();
    this.#awaiting.set(target, (this.#awaiting.get(target) ?? 0) + 1);
  }

  /** The reply from `target` has settled. */
  replied(target: Mailbox): void {
    const count = this.#awaiting?.get(target) ?? 0;
    if (count <= 1) this.#awaiting?.delete(target);
    else this.#awaiting?.set(target, count - 1);
  }

  awaited(): Iterable<Mailbox> {
    return this.#awaiting?.keys() ?? [];
  }
}

/**
 * Whether `from` is (transitively) awaiting a reply from `to`: then a send from `to` that queued behind
 * `from`'s running handler would wait for a handler that waits for it — a deadlock.
 */
export function awaitsTransitively(from: Mailbox, to: Mailbox): boolean {
  if (from === to) return true;
  const seen = new Set<Mailbox>([from]);
  const frontier = [from];
  for (let mailbox = frontier.pop(); mailbox !== undefined; mailbox = frontier.pop()) {
    for (const next of mailbox.awaited()) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        frontier.push(next);
      }
    }
  }
  return false;
}
