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
}
