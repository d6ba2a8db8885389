import type { Agent } from './agent.js';
import type { DeliveryContext } from './delivery-context.js';

/** A delivery waiting for its agent to finish the one before. */
export interface QueuedDelivery {
  readonly message: unknown;
  readonly ctx: DeliveryContext;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/**
 * One agent instance and the deliveries waiting for it. Messages to an agent run one at a time, in
 * arrival order (AutoGen runs them concurrently, so a handler's state can change under it across an
 * `await`); on AWS the same guarantee comes from the versioned state write.
 */
export class Mailbox {
  readonly agent: Agent;
  busy = false;
  #queue: QueuedDelivery[] | undefined;

  constructor(agent: Agent) {
    this.agent = agent;
  }

  get state(): unknown {
    return this.agent.state;
  }

  enqueue(delivery: QueuedDelivery): void {
    if (this.#queue === undefined) this.#queue = [];
    this.#queue.push(delivery);
  }

  next(): QueuedDelivery | undefined {
    return this.#queue?.shift();
  }
}
