import { randomUUID } from 'node:crypto';
import { isAgentbridgeError } from '../contracts/agentbridge-error.js';
import type { Logger } from '../contracts/logger.js';
import type { MessageType } from '../contracts/message-type.js';
import { NEVER_ABORTED, raceAbort } from './abort.js';
import type { AgentDirectory } from './agent-directory.js';
import type { AgentId } from './agent-id.js';
import { type ContextHost, DeliveryContext } from './delivery-context.js';
import { DeliveryQueue } from './delivery-queue.js';
import type { Mailbox } from './mailbox.js';
import type { PublishOptions, SendOptions } from './message-context.js';
import { causationIdOf, correlationIdOf } from './message-lineage.js';
import { isCantHandleError, MessageCancelledError } from './runtime-error.js';
import type { SubscriptionRegistry } from './subscription-registry.js';
import type { TopicId } from './topic-id.js';
import { fromWire, toWire, wireReply } from './wire-copy.js';

/** What the in-process delivery reads: the runtime as the contexts' host, its agents, routes and logger. */
export interface InProcessDeliveryOptions {
  readonly host: ContextHost;
  readonly agents: AgentDirectory<Mailbox>;
  readonly subscriptions: SubscriptionRegistry;
  readonly logger: Logger;
}

/**
 * How the in-process runtime carries a message once the interventions have passed it: a send is copied
 * through the wire format (as on AWS) and dispatched to its recipient's mailbox, and its reply is checked
 * against the type's reply schema; a publish is copied once per subscriber and queued, and a subscriber that
 * cannot be built or whose schema refuses its copy is logged and skipped, never failing the publish.
 *
 * @example
 * ```ts
 * const delivery = new InProcessDelivery({ host: runtime, agents, subscriptions, logger });
 * await delivery.publish(undefined, Greeted, { name: 'Ada' }, new TopicId('greetings', 'default'), undefined);
 * ```
 */
export class InProcessDelivery {
  readonly #host: ContextHost;
  readonly #agents: AgentDirectory<Mailbox>;
  readonly #subscriptions: SubscriptionRegistry;
  readonly #logger: Logger;
  readonly #queue = new DeliveryQueue((error, ctx) => this.#reportPublishError(error, ctx));

  constructor(options: InProcessDeliveryOptions) {
    this.#host = options.host;
    this.#agents = options.agents;
    this.#subscriptions = options.subscriptions;
    this.#logger = options.logger;
  }

  send<T, R>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R> {
    const signal = options?.signal ?? caller?.signal ?? NEVER_ABORTED;
    // AutoGen delivers a message whose token is already cancelled; here it never starts.
    if (signal.aborted) return Promise.reject(new MessageCancelledError(type.name, { cause: signal.reason }));
    let mailbox: Mailbox;
    let data: T;
    try {
      data = fromWire(type, toWire(type, message));
      mailbox = this.#agents.get(recipient);
    } catch (error) {
      return Promise.reject(error);
    }
    const messageId = options?.messageId ?? randomUUID();
    const ctx = new DeliveryContext(
      this.#host,
      mailbox,
      recipient,
      options?.sender ?? caller?.recipient,
      undefined,
      true,
      type.name,
      messageId,
      correlationIdOf(messageId, options, caller),
      causationIdOf(messageId, options, caller),
      signal,
      caller,
    );
    const reply = new Promise<R>((resolve, reject) =>
      this.#queue.dispatch({
        mailbox,
        message: data,
        ctx,
        resolve: (value) => {
          try {
            resolve(wireReply(type, value));
          } catch (error) {
            reject(error);
          }
        },
        reject,
      }),
    );
    return signal === NEVER_ABORTED ? reply : raceAbort(reply, signal, type.name);
  }

  publish<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    const signal = options?.signal ?? caller?.signal ?? NEVER_ABORTED;
    if (signal.aborted) return Promise.reject(new MessageCancelledError(type.name, { cause: signal.reason }));
    const sender = options?.sender ?? caller?.recipient;
    const messageId = options?.messageId ?? randomUUID();
    const correlationId = correlationIdOf(messageId, options, caller);
    const causationId = causationIdOf(messageId, options, caller);
    let json: string | undefined;
    try {
      json = toWire(type, message);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const recipient of this.#subscriptions.recipients(topic)) {
      // A publisher never receives its own message; other keys of its type do.
      if (sender !== undefined && recipient.equals(sender)) continue;
      let mailbox: Mailbox;
      try {
        mailbox = this.#agents.get(recipient);
      } catch (error) {
        const details = { recipient: recipient.toString(), messageType: type.name, messageId, error };
        if (isAgentbridgeError(error, 'AGENT_CONSTRUCTION_FAILED'))
          this.#logger.error('Agent could not be constructed', details);
        else this.#logger.warn('Subscription names an unregistered agent type', details);
        continue;
      }
      const ctx = new DeliveryContext(
        this.#host,
        mailbox,
        recipient,
        sender,
        topic,
        false,
        type.name,
        messageId,
        correlationId,
        causationId,
        signal,
        undefined,
      );
      // Each subscriber gets its own copy, as each function on AWS parses its own event; one its schema
      // refuses fails that delivery (on AWS: the function's dead-letter record), not the publish.
      let data: T;
      try {
        data = fromWire(type, json);
      } catch (error) {
        this.#reportPublishError(error, ctx);
        continue;
      }
      this.#queue.enqueue({ mailbox, message: data, ctx, resolve: undefined, reject: undefined });
    }
    this.#queue.scheduleDrain();
    return Promise.resolve();
  }

  /** Counts `work` as outstanding, so `waitUntilIdle` waits for a message still being looked at. */
  track<T>(work: () => Promise<T>): Promise<T> {
    return this.#queue.track(work);
  }

  /** Resolves once no delivery is queued or running: the cascade a publish started has finished. */
  waitUntilIdle(): Promise<void> {
    return this.#queue.waitUntilIdle();
  }

  #reportPublishError(error: unknown, ctx: DeliveryContext): void {
    const details = {
      recipient: ctx.recipient.toString(),
      messageType: ctx.messageType,
      messageId: ctx.messageId,
    };
    if (isCantHandleError(error)) this.#logger.warn('Unhandled published message', details);
    else this.#logger.error('Handler failed on a published message', { ...details, error });
  }
}
